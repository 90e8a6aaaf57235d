"""The all-contacts view gives its list the keys from the moment it is made: a key typed right after 4
acts on the list, never lands in the search box."""

from textual.screen import Screen

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contacts import ContactsScreen
from tests.conftest import add_contact
from tests.tui.conftest import SIZE, hold_saves, settle


async def test_the_list_has_the_focus_first_never_the_search_box(store, monkeypatch):
    add_contact(store, "Ann", handles={"x": "@ann"})
    focused_first: list[str | None] = []
    set_focus = Screen.set_focus

    def recorded(screen, widget, *args, **kwargs):
        if isinstance(screen, ContactsScreen) and widget is not None and not focused_first:
            focused_first.append(widget.id)
        return set_focus(screen, widget, *args, **kwargs)

    monkeypatch.setattr(Screen, "set_focus", recorded)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4")
        await settle(pilot)
        assert focused_first == ["contacts"]


async def test_the_list_shows_its_rows_in_its_first_frame_so_a_key_with_it_acts_on_a_row(store, monkeypatch):
    add_contact(store, "Ann", handles={"x": "@ann"})
    monkeypatch.setattr(ContactsScreen, "reload_if_changed", lambda screen: None)  # no read in a worker
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "d")
        await settle(pilot)
        assert app.screen.query_one("#contacts").row_count == 1
        assert str(app.screen.query_one("#log_title").render()) == "DM sent: Ann"


async def test_4_while_a_change_is_saved_shows_the_list_at_once_and_its_rows_once_saved(store, monkeypatch):
    add_contact(store, "Ann", handles={"x": "@ann"})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        go_on = hold_saves(store, monkeypatch)
        await pilot.press("d", "enter")  # its save holds the store
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)  # not waiting on the store held by the save
        go_on.set()
        await settle(pilot)
        assert app.screen.query_one("#contacts").row_count == 1
