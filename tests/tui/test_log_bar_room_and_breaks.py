"""A new user's pass over the log bar and the contact screen: a terminal's paste keeps its line breaks,
the note gets the room to type in, a message of another year says its year, and "2 minutes ago" is
drawn whole."""

import pytest
from rich.cells import cell_len
from textual import events
from textual.widgets import DataTable, Input

from dailyreach import i18n
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contact import ContactScreen
from dailyreach.tui.screens.message import MessageScreen
from dailyreach.tui.widgets.log_bar import LogBar
from tests.conftest import add_contact, log
from tests.tui.conftest import Keys, settle
from tests.tui.test_log_bar_and_timeline import drawn
from tests.tui.test_stats_screen import shown_lines

WIDE, SMALL = (120, 40), (80, 24)
NOTE_USEFUL = 30  # cells: room to type a sentence in
LONG_NAME = "Maximilian Alexander von Hohenzollern"


async def paste_note(keys: Keys, app, text: str) -> Input:
    """``text`` pasted into the Note of the log bar, opened with f on the first Today row."""
    await keys.press("1", "k", "k", "k", "f", "tab", "tab")
    note = app.screen.query_one("#text", Input)
    assert app.screen.focused is note
    note.post_message(events.Paste(text))
    await settle(keys.pilot)
    return note


async def test_a_terminals_paste_keeps_its_line_breaks(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        # xterm, VTE and tmux paste a line break as CR.
        note = await paste_note(keys, app, "alpha\rbeta")
        assert drawn(note).strip() == "alpha⏎beta"
        await keys.press("enter")
        (entry,) = store.interactions(ann.id)
        assert entry.text == "alpha\nbeta"


async def test_every_line_break_drawn_as_one_is_saved_as_one(store, people):
    ann, _, _ = people
    breaks = ["\r\n", "\r", "\n", "\u2028", "\u2029", "\v", "\f", "\x85"]
    pasted = "".join(f"l{index}{line_break}" for index, line_break in enumerate(breaks)) + "end"
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        note = await paste_note(keys, app, pasted)
        shown = drawn(note).strip()
        assert shown.count("⏎") == len(breaks)
        # The cursor is after the paste as it is held (a CRLF is one line break, one ⏎).
        assert note.cursor_position == len(note.value)
        await keys.press("enter")
        (entry,) = store.interactions(ann.id)
        assert entry.text == "\n".join(f"l{index}" for index in range(len(breaks))) + "\nend"
        assert entry.text.replace("\n", "⏎") == shown


def note_and_hint(app) -> tuple[int, bool]:
    bar = app.screen.query_one(LogBar)
    return bar.query_one("#text").region.width, bar.query_one("#problem").display


async def test_the_note_gets_room_to_type_in_before_the_hint(store):
    add_contact(store, LONG_NAME, handles={"x": "@max"}, priority=1)
    add_contact(store, "Ann Lee", handles={"x": "@ann"}, priority=1)
    for size in (SMALL, WIDE, (150, 40)):
        app = DailyReachApp(store)
        async with app.run_test(size=size) as pilot:
            keys = Keys(pilot)
            await settle(pilot)
            for row in range(2):
                await keys.press("1", "k", "k", "k", *["j"] * row, "f")
                width, hint_shown = note_and_hint(app)
                title = drawn(app.screen.query_one("#log_title")).strip()
                # The kind of log, what Enter does, is never cut.
                assert title.startswith("Follow-up sent: "), (size, title)
                if size != SMALL:
                    assert width >= NOTE_USEFUL, (size, title)
                if hint_shown:
                    assert width >= NOTE_USEFUL, (size, title)
                    assert "Enter logs, Escape cancels" in drawn(app.screen.query_one("#problem"))
                name = LONG_NAME if "Maximilian" in title else "Ann Lee"
                assert title.endswith(name) or (name == LONG_NAME and title.endswith("…")), title
                await keys.press("escape")
        # A wide terminal shows the hint beside a note that has its room.
        if size == (150, 40):
            assert hint_shown


async def test_in_japanese_the_full_message_of_another_year_says_its_year(store, people):
    _, yamada, _ = people
    log(store, yamada, "dm_sent", at=store.now().subtract(years=1), text="去年の件")
    log(store, yamada, "follow_up", at=store.now().subtract(days=1), text="")
    last_year = store.now().subtract(years=1)
    i18n.use_language("ja")
    try:
        app = DailyReachApp(store)
        async with app.run_test(size=WIDE) as pilot:
            keys = Keys(pilot)
            await settle(pilot)
            await keys.press("2", "j", "enter")
            assert isinstance(app.screen, ContactScreen) and app.screen.contact.name == "山田 太郎"
            await keys.press("j", "enter")
            assert isinstance(app.screen, MessageScreen)
            title = str(app.screen.query_one("#message_title").render())
            assert f"{last_year.year}年{last_year.month}月{last_year.day}日(" in title, title
            await keys.press("escape", "k", "enter")
            title = str(app.screen.query_one("#message_title").render())
            assert str(last_year.year + 1) not in title, title
    finally:
        i18n.use_language("en")


async def test_the_timeline_writes_how_long_ago_whole(store, people):
    ann, _, _ = people
    for minutes in (2, 59):
        log(store, ann, "dm_sent", at=store.now().subtract(minutes=minutes), text="A note " * 20)
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("2", "enter")
        assert isinstance(app.screen, ContactScreen)
        lines = shown_lines(app.screen.query_one("#timeline", DataTable))
        assert any("2 minutes ago" in line for line in lines), lines
        assert any("59 minutes ago" in line for line in lines), lines
        assert not any("ago…" in line or " a…" in line for line in lines)
        ago = app.screen.query_one("#timeline", DataTable).columns["ago"]
        assert ago.width >= cell_len("999 days ago")


async def test_on_a_narrow_bar_a_problem_keeps_off_the_note_and_is_said_in_full(store):
    add_contact(store, "Bob Jones", handles={"x": "@bob"}, priority=1)
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("p")
        before = note_and_hint(app)
        app.screen.query_one("#when").value = "32/13"
        await keys.press("enter")
        await settle(pilot)
        assert note_and_hint(app) == before == (before[0], False)
        assert app.screen.query_one("#when").has_class("-invalid")
        said = [n.message for n in app._notifications]
        assert any("When: '32/13' is not a date or time" in message for message in said), said
    assert store.interactions() == []


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (150, 40)])
async def test_the_bar_is_restyled_for_its_width_while_idle_so_the_first_log_key_restyles_nothing(
    store, size
):
    """Each class the first open changed restyled the bar and its boxes: some 10 ms of the first `d`."""
    add_contact(store, "Ann Lee", handles={"x": "@ann"}, priority=1)
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.pause(0.1)
        bar = app.screen.query_one(LogBar)

        def classes() -> dict[str, set[str]]:
            return {str(widget.id): set(widget.classes) for widget in [bar, *bar.query(Input)]}

        before = classes()
        await pilot.press("d")
        await settle(pilot)
        assert bar.display and classes() == before
        assert ("-narrow" in bar.classes) == (size != (150, 40))
        assert ("-bare" in bar.classes) == (size == (80, 24))
