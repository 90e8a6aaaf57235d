"""A log the core refuses after the bar closed (a time out of range, a time to come) puts the bar back as
typed, with the focus in it, on the row it was for; a database broken while the app is open is said with
the way back to its newest backup."""

from textual.widgets import DataTable

from dailyreach.tui.app import DailyReachApp
from tests.conftest import log
from tests.tui.conftest import SIZE, cells, settle


async def type_when(pilot, when: str) -> None:
    await pilot.press("end", "backspace", "backspace", "backspace", *when, "enter")
    await settle(pilot)


async def test_a_time_out_of_range_reopens_the_bar_as_typed_and_the_keys_still_work(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await type_when(pilot, "1969-01-01")
        assert [n.message for n in app._notifications] == [
            "When: '1969-01-01' is out of range: use a time between 1970 and 2126"
        ]
        when = app.screen.query_one("#when")
        assert app.screen.query_one("LogBar").display and when.has_focus and when.value == "1969-01-01"
        await pilot.press("escape", "j")
        await settle(pilot)
        assert app.screen.query_one("#today", DataTable).cursor_row == 1
        assert store.interactions() == []


async def test_a_time_to_come_puts_the_cursor_back_on_the_row_the_log_was_for(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "d")
        await settle(pilot)
        logged_for = cells(app, "today")[1][1]
        await type_when(pilot, "in 2 days")
        assert "is in the future" in list(app._notifications)[-1].message
        today = app.screen.query_one("#today", DataTable)
        assert cells(app, "today")[today.cursor_row][1] == logged_for
        assert app.screen.query_one("#when").has_focus and app.screen.query_one("#when").value == "in 2 days"
        assert store.interactions() == []


async def test_a_database_broken_while_the_app_is_open_is_said_with_its_newest_backup(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        store.path.write_bytes(store.path.read_bytes()[:100])  # a sync tool's half-written copy
        await pilot.press("u")  # nothing to undo: the screen reads the file again
        await settle(pilot)
        said = [n for n in app._notifications if n.title == "Cannot read the database"]
        assert len(said) == 1 and "is not valid JSON" in said[0].message
        assert "Its newest backup is " in said[0].message and "(what changed after that is not in it)" in (
            said[0].message
        )


async def test_a_reply_refused_for_its_time_reopens_on_the_time_and_keeps_the_note_typed(store, people):
    # The bar reopened in the note, its text selected: the next key typed over what the reply said.
    ann = people[0]
    log(store, ann, "dm_sent", at=store.now().subtract(days=2))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "r", *"Sounds great", "shift+tab", "shift+tab")
        await settle(pilot)
        assert app.screen.focused.id == "when"
        await pilot.press("ctrl+u", *"tomorrow", "enter")
        await settle(pilot)
        assert "is in the future" in list(app._notifications)[-1].message
        assert app.screen.focused.id == "when"
        await pilot.press("ctrl+u", *"now", "tab", "tab")
        await settle(pilot)
        assert app.screen.query_one("#text").value == "Sounds great"
        await pilot.press("enter")
        await settle(pilot)
    assert [(i.kind, i.text) for i in store.interactions()] == [
        ("dm_sent", ""),
        ("reply_received", "Sounds great"),
    ]


async def test_a_reply_refused_for_its_time_leaves_the_pending_cursor_on_its_row(store, people):
    # Taken off Pending as answered while it saved, the row was not there to put the cursor back on.
    ann, yamada = people[0], people[1]
    log(store, ann, "dm_sent", at=store.now().subtract(days=3))
    log(store, yamada, "dm_sent", at=store.now().subtract(days=2))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        pending = app.screen.query_one("#pending", DataTable)
        assert cells(app, "pending")[pending.cursor_row][0] == "Ann [/] Smith"
        await pilot.press("r", *"Sounds great", "shift+tab", "shift+tab", "ctrl+u", *"tomorrow", "enter")
        await settle(pilot)
        assert "is in the future" in list(app._notifications)[-1].message
        assert cells(app, "pending")[pending.cursor_row][0] == "Ann [/] Smith"
