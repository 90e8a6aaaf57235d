"""N logs a note on the highlighted contact, wherever the other logging keys work; ? and ctrl+p name it."""

from rich.console import Console
from textual.widgets import DataTable, KeyPanel

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.log_keys import LOG_KEYS
from dailyreach.tui.screens.contact import ContactScreen
from dailyreach.tui.screens.contacts import ContactsScreen
from dailyreach.tui.screens.main import MainScreen
from dailyreach.tui.widgets.log_bar import LogBar
from tests.conftest import log
from tests.tui.conftest import SIZE, cells, settle


async def test_n_then_enter_logs_a_note_that_does_not_tick_the_row_off(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        assert str(app.screen.query_one("#log_title").render()) == "Note: Ann [/] Smith"
        app.screen.query_one("#text").value = "Prefers mornings"
        await pilot.press("enter")
        await settle(pilot)
        assert [(i.contact_id, i.kind, i.text) for i in store.interactions()] == [
            (ann.id, "note", "Prefers mornings")
        ]
        assert "Note saved for Ann [/] Smith." in [str(notice.message) for notice in app._notifications]
        # A note is not outreach: the row is still to do.
        assert cells(app, "today")[0][0] != "✓"
        await pilot.press("enter", "N")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        assert str(app.screen.query_one("#log_title").render()) == "Note: Ann [/] Smith"


async def test_a_note_with_no_text_is_refused_in_the_bar_and_saves_nothing(store, people):
    """It was saved, a bare "Note" in the timeline saying nothing; the field even said "optional"."""
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        assert app.screen.query_one("#text").placeholder == "required"
        await pilot.press("space", "enter")
        await settle(pilot)
        assert store.interactions() == []
        assert app.screen.query_one(LogBar).display
        assert "a note needs its text" in str(app.screen.query_one("#problem").render())
        await pilot.press("escape", "d")
        await settle(pilot)
        assert app.screen.query_one("#text").placeholder == "optional"


async def test_the_keys_panel_and_the_palette_name_the_note_key(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        console = Console(width=120, record=True)
        console.print(app.screen.query_one("HelpPanel BindingsTable").render())
        assert any(line.split() == ["N", "Note"] for line in console.export_text().splitlines())
        await pilot.press("question_mark", "ctrl+p", *"note")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert str(app.screen.query_one("#log_title").render()) == "Note: Ann [/] Smith"


def test_n_is_a_key_of_its_own_on_every_screen_that_logs():
    assert LOG_KEYS["N"] == "note"
    for screen in (MainScreen, ContactScreen, ContactsScreen):
        on_n = screen._merge_bindings().key_to_bindings["N"]
        assert [binding.action for binding in on_n] == ["log('note')"], screen


async def test_a_note_starts_in_its_text(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("N", *"Prefers mornings", "enter")
        await settle(pilot)
    assert [(i.kind, i.text) for i in store.interactions()] == [("note", "Prefers mornings")]


async def test_a_reply_opens_in_its_text_so_what_was_said_is_typed_there(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "r", *"Sure, happy to chat", "enter")
        await settle(pilot)
    assert [(i.kind, i.text) for i in store.interactions()][-1] == ("reply_received", "Sure, happy to chat")


async def test_at_80x24_page_down_and_up_scroll_the_keys_panel_and_move_the_table_once_it_is_closed(
    store, people
):
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        await pilot.press("question_mark")
        await settle(pilot)
        panel = app.screen.query_one(KeyPanel)
        assert panel.max_scroll_y > 0 and panel.scroll_y == 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert panel.scroll_y > 0 and today.cursor_row == 0
        await pilot.press("pageup")
        await settle(pilot)
        assert panel.scroll_y == 0
        await pilot.press("escape", "pagedown")
        await settle(pilot)
        assert not app.screen.query(KeyPanel) and today.cursor_row == today.row_count - 1


async def test_at_80_columns_the_notes_placeholder_names_the_box_its_label_gave_way_to(store, people):
    # The labels go at 80 columns: the box said only "optional", of nothing named.
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("N")
        await settle(pilot)
        assert app.screen.query_one(LogBar).has_class("-bare")
        assert app.screen.query_one("#text").placeholder == "note, required"
        await pilot.press("escape", "d")
        await settle(pilot)
        assert app.screen.query_one("#text").placeholder == "note, optional"
