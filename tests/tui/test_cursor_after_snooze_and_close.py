"""Where the cursor goes when a row leaves: a snoozed Today row hands its place to the target that fills its
slot, and closing a thread in Pending moves on to the next thread to act on, a closing offered included;
undoing either brings the cursor back to the row."""

from dailyreach.core.records.model import Settings
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, cells, settle


def cursor_name(app, pane: str) -> str:
    table = app.screen.query_one(f"#{pane}")
    return str(table.get_row_at(table.cursor_row)[1 if pane == "today" else 0])


async def test_a_snoozed_row_hands_the_cursor_to_the_target_that_takes_its_slot(store):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=3))
    for number in range(1, 5):
        add_contact(store, f"Target {number}", handles={"x": f"@t{number}"}, priority=1 if number < 4 else 2)
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["Target 1", "Target 2", "Target 3"]
        await pilot.press("j", "j", "s")  # the last row
        await settle(pilot)
        await pilot.press("enter")  # until tomorrow
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["Target 1", "Target 2", "Target 4"]
        # It went round to the first row, and a d then would have written to Target 1.
        assert cursor_name(app, "today") == "Target 4"
        await pilot.press("u")  # back in the plan, and the cursor back on them, to snooze them again
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["Target 1", "Target 2", "Target 3"]
        assert cursor_name(app, "today") == "Target 3"


async def test_closing_a_thread_in_pending_moves_on_to_the_next_closing_offered(store):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=1, followups_before_giving_up=1))
    now = store.now()
    for name, days in (("Old", 30), ("Older", 40)):
        person = add_contact(store, name, handles={"x": f"@{name.lower()}"})
        log(store, person, "dm_sent", at=now.subtract(days=days))
        log(store, person, "follow_up", at=now.subtract(days=days - 5))
    due = add_contact(store, "Due", handles={"x": "@due"})
    log(store, due, "dm_sent", at=now.subtract(days=5))  # its follow-up is due
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == ["Older", "Old", "Due"]
        assert cursor_name(app, "pending") == "Older"
        await pilot.press("x", "enter")
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == ["Old", "Due"]
        assert cursor_name(app, "pending") == "Old"  # not Due: closing was what the rows above asked
        await pilot.press("u")  # the thread open again, the cursor back on it in Pending
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == ["Older", "Old", "Due"]
        assert cursor_name(app, "pending") == "Older"
