"""A snooze can be ended before its day: s on the contact's screen (where "snoozed until" shows, and where a
snoozed new target can still be reached) offers the day it ends, and today ends it."""

from dailyreach.core.records.model import Settings
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contact import ContactScreen
from tests.conftest import add_contact
from tests.tui.conftest import SIZE, cells, settle


async def test_s_then_today_on_the_contact_screen_ends_the_snooze_and_brings_them_back(store):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=2))
    add_contact(store, "Ann", handles={"x": "@ann"}, priority=1)
    bob = add_contact(store, "Bob", handles={"x": "@bob"}, priority=2)
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")  # Bob's screen
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("s", "ctrl+u", *"+7d", "enter")
        await settle(pilot)
        until = store.snoozes()[bob.id]
        assert "snoozed until" in str(app.screen.query_one("#details").render())
        await pilot.press("s")
        await settle(pilot)
        form = app.screen
        assert form.query_one("#until").value == until  # the snooze's own day: Enter keeps it
        assert str(form.query_one(".title").render()) == f"Snooze: Bob, until {until} (today ends the snooze)"
        await pilot.press("ctrl+u", *"today", "enter")
        await settle(pilot)
        assert store.snoozes() == {}
        assert "snoozed until" not in str(app.screen.query_one("#details").render())
        assert any("Bob's snooze ended" in str(notice.message) for notice in app._notifications)
        await pilot.press("escape")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["Ann", "Bob"]
        assert store.undo().label == "end of the snooze of Bob"


async def test_a_day_before_today_is_refused_and_today_is_refused_with_no_snooze_to_end(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "ctrl+u", *"today", "enter")
        await settle(pilot)
        assert "is not after today" in str(app.screen.query_one("#problem").render())
        await pilot.press("ctrl+u", *"+3d", "enter")
        await settle(pilot)
        assert ann.id in store.snoozes()
        await pilot.press("4")  # she has left Today: the contacts list reaches her
        await settle(pilot)
        await pilot.press("enter", "s", "ctrl+u", *"yesterday", "enter")
        await settle(pilot)
        assert "is before today" in str(app.screen.query_one("#problem").render())
        assert ann.id in store.snoozes()
