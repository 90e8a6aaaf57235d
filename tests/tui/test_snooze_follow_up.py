"""`s` on an overdue follow-up in Pending: the follow-up moves to the day the snooze ends there too, its
date no longer marked due, and the detail strip says when it is due instead of how late it is."""

from textual.widgets import DataTable

from dailyreach.tui.app import DailyReachApp
from tests.conftest import log
from tests.tui.conftest import SIZE, cells, settle


def pending_due_cell(app):
    return app.screen.query_one("#pending", DataTable).get_row_at(0)[3]


async def test_snoozing_an_overdue_follow_up_in_pending_moves_its_date_and_clears_its_colour(store, people):
    ann, _yamada, _vip = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))  # follow-up #1 due on the 21st
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert str(pending_due_cell(app)) == "2026-11-21" and pending_due_cell(app).style == "yellow"
        await pilot.press("2", "s")
        await settle(pilot)
        await pilot.press("ctrl+u", "plus", "2", "d", "enter")
        await settle(pilot)
        assert store.snoozes() == {ann.id: "2026-11-25"}
        assert "Ann [/] Smith" not in [row[1] for row in cells(app, "today")]
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith"]
        assert str(pending_due_cell(app)) == "2026-11-25" and pending_due_cell(app).style == ""
        detail = str(app.screen.query_one("#detail").render())
        assert "follow-up #1 due 2026-11-25 (in 2 days)" in detail
        assert "overdue" not in detail
        # s again offers the snooze running, so Enter keeps it rather than cut it to tomorrow.
        await pilot.press("s")
        await settle(pilot)
        assert app.screen.query_one("#until").value == "2026-11-25"
        await pilot.press("enter")
        await settle(pilot)
        assert store.snoozes() == {ann.id: "2026-11-25"}


async def test_on_the_day_a_snooze_ends_the_contact_screen_says_the_follow_up_is_due_not_overdue(
    store, people
):
    from dailyreach.core.records.model import Snooze
    from dailyreach.tui.screens.contact import next_step

    ann, _yamada, _vip = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))  # follow-up #1 due on the 21st
    store.snooze(Snooze(contact_id=ann.id, until=store.today().isoformat()))
    step = next_step(store, store.contact(ann.id), store.thread(ann.id))
    assert "due today" in step and "overdue" not in step
