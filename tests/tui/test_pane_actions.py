"""Filtering a pane, turning an invitation's host into a target, and row-level updates."""

from textual.widgets import DataTable

from dailyreach.core.records.model import Invitation
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.invitation_form import host_as_target
from tests.tui.conftest import SIZE, cells, settle


async def test_slash_filters_the_focused_pane_enter_keeps_it_escape_clears_it(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zq")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == []
        assert "No rows match" in str(app.screen.query_one("#today", DataTable).border_subtitle)
        # No row is highlighted, so the strip under the panes shows no one's details.
        detail = str(app.screen.query_one("#detail").content)
        assert not any(person.name in detail for person in people)
        await pilot.press("backspace", "backspace", *"VIP")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["[bold]VIP"]
        assert "[bold]VIP" in str(app.screen.query_one("#detail").content)
        await pilot.press("enter", "d", "enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [people[2].id]
        assert "filter: vip" in str(app.screen.query_one("#today", DataTable).border_title)
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert len(cells(app, "today")) == 3
        assert app.screen.focused.id == "today"


async def test_a_filter_matches_japanese_and_any_column(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mastodon")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["山田 太郎"]
        app.screen.query_one("#filter").value = "山田"
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["山田 太郎"]


async def test_t_turns_an_invitations_host_into_a_target(store, people):
    store.save_invitation(Invitation(title="SaaS Night", host="Dana Lee", kind="mixer", status="declined"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "t")
        await settle(pilot)
        assert app.screen.query_one("#name").value == "Dana Lee"
        await pilot.press("enter")
        await settle(pilot)
        dana = next(c for c in store.contacts() if c.name == "Dana Lee")
        assert dana.why == "met via: declined SaaS Night"


def test_the_host_of_an_invitation_not_declined_yet_was_met_through_it_not_by_declining():
    undecided = Invitation(title="SaaS Night", host="Dana Lee", kind="mixer")
    assert host_as_target(undecided) == {"name": "Dana Lee", "why": "met via: invited to SaaS Night"}


async def test_t_without_a_host_or_on_a_contact_row_adds_nothing(store, people):
    store.save_invitation(Invitation(title="Webinar", kind="seminar"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", "3", "t")
        await settle(pilot)
        assert len(store.contacts()) == 3
        assert app.screen.query_one("#invitations", DataTable)


async def test_logging_updates_rows_in_place_instead_of_refilling_the_tables(store, people, monkeypatch):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cleared = []
        for pane in ("today", "pending", "invitations"):
            table = app.screen.query_one(f"#{pane}", DataTable)

            def clear(*args, table=table, pane=pane, clear=table.clear, **kwargs):
                # An empty table may be cleared to fit its columns to its first row: it has none to fill again.
                if table.row_count:
                    cleared.append(pane)
                return clear(*args, **kwargs)

            monkeypatch.setattr(table, "clear", clear)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert cells(app, "today")[0][0] == "✓"
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith"]
        await pilot.press("2", "r", "enter")
        await settle(pilot)
        assert cells(app, "pending") == []
        assert cleared == []
