"""`s` on a Today row already done today: the contact stays in today's plan, shown done, and the header's
count still matches the list; the snooze keeps it out of the days after."""

from dailyreach.core.records.model import Settings
from dailyreach.tui.app import DailyReachApp
from tests.conftest import log
from tests.tui.conftest import SIZE, cells, settle


async def test_s_on_a_row_done_today_keeps_it_in_the_plan_as_done(store, people):
    ann, yamada, vip = people
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=2))
    log(store, ann, "dm_sent", at=store.now().subtract(hours=1))
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [(row[0], row[1]) for row in cells(app, "today")] == [
            ("✓", "Ann [/] Smith"),
            ("·", "山田 太郎"),
        ]
        await pilot.press("k", "s")  # the cursor starts on the row still to do: up to the done one
        await settle(pilot)
        assert app.screen.query_one("#until").value == "2026-11-24"
        await pilot.press("ctrl+u", "plus", "2", "d", "enter")
        await settle(pilot)
        assert store.snoozes() == {ann.id: "2026-11-25"}
        rows = cells(app, "today")
        assert [row[1] for row in rows] == ["Ann [/] Smith", "山田 太郎"]
        assert [row[0] for row in rows] == ["✓", "·"]
        assert "1/2 today" in str(app.screen.query_one("#status").render())
        said = [notice.message for notice in app._notifications]
        assert said[-1] == "Done today, so Ann [/] Smith stays in today's plan; snoozed until 2026-11-25"
