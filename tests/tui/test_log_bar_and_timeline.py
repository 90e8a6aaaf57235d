"""The log bar and the contact screen's timeline at 80 columns: a multi-line draft on one line, the name a
log is for, whole messages behind Enter, and the app's own keys first in ? and the footer."""

from rich.cells import cell_len
from rich.console import Console
from textual import events
from textual.widgets import DataTable, Input, TextArea
from textual.widgets._footer import FooterKey

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contact import ContactScreen
from dailyreach.tui.screens.message import MessageScreen
from dailyreach.tui.widgets.log_bar import log_title
from tests.conftest import add_contact, log
from tests.tui.conftest import Keys, cells, settle
from tests.tui.test_drafts import draft_text, outside  # noqa: F401 (a fixture)
from tests.tui.test_stats_screen import shown_lines

WIDE, SMALL = (120, 40), (80, 24)
MESSAGE = "@ann Thanks for the talk on pricing.\n\nIt changed how we sell.\nCoffee next week?"


def drawn(widget) -> str:
    """The first line of ``widget`` as it is sent to the terminal, control characters included."""
    return "".join(segment.text for segment in widget.render_line(0))


async def test_a_multi_line_draft_is_logged_exactly_and_shown_on_one_line(store, people, outside):  # noqa: F811
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        # A first line short enough for the field: the line break is drawn in it.
        app.screen.query_one(TextArea).load_text("Hi Ann,\n\nCoffee next week?")
        draft = draft_text(app)
        assert draft == "Hi Ann,\n\nCoffee next week?"
        await keys.press("ctrl+l")
        note = app.screen.query_one("#text", Input)
        assert note.value == draft
        shown = drawn(note)
        # A line break sent raw moved the terminal's cursor to the next row and cut the pane's border.
        assert "\n" not in shown and "\r" not in shown
        assert "⏎" in shown
        await keys.press("enter")
        (entry,) = [entry for entry in store.interactions(ann.id) if entry.kind == "public_reply"]
        assert entry.text == draft


async def test_the_note_is_edited_across_its_line_breaks(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("d")
        note = app.screen.query_one("#text", Input)
        note.value = "林さん\n\nお元気ですか"
        await keys.press("tab", "tab", "home", "right", "right", "right")
        # The cursor sits where it is drawn: after 林さん (six cells), before the first ⏎.
        assert note.cursor_position == 3 and note._cursor_offset == 6
        await keys.press("delete")
        assert note.value == "林さん\nお元気ですか"
        await keys.type("!")
        assert note.value == "林さん!\nお元気ですか"
        # A pasted message keeps its lines (Textual's Input keeps the first one).
        await keys.press("end")
        note.post_message(events.Paste("\r\nP.S. line one\r\nline two"))
        await settle(pilot)
        assert note.value == "林さん!\nお元気ですか\nP.S. line one\nline two"
        assert "\n" not in drawn(note)
        await keys.press("enter")
        (entry,) = store.interactions(ann.id)
        assert entry.text == "林さん!\nお元気ですか\nP.S. line one\nline two"


def test_the_log_title_keeps_the_kind_whole_and_cuts_the_name():
    assert log_title("Follow-up sent", "林 真由美", 40) == "Follow-up sent: 林 真由美"
    assert log_title("Public reply posted", "林 真由美", 26) == "Public reply posted: 林…"
    title = log_title("DM sent", "長谷川 由美子ウィリアムズ・ジュニア", 22)
    # A double-width name is cut between characters, never through one.
    assert title.startswith("DM sent: 長谷川") and title.endswith("…") and cell_len(title) <= 22
    # With no room for any of the name, the kind alone: what Enter does.
    assert log_title("Public reply posted", "林 真由美", 22) == "Public reply posted"
    assert log_title("Public reply posted", "林 真由美", 10) == "Public re…"


async def test_at_80_columns_the_log_bar_shows_whom_the_log_is_for(store):
    for name in ("林 真由美", "Alexandria Ocasio-Wellington", "長谷川 由美子ウィリアムズ・ジュニア"):
        add_contact(store, name, handles={"x": "@" + str(len(name))}, priority=1)
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        for row, start in enumerate(("林 真由美", "Alexandria", "長谷川")):
            await keys.press("1", "k", "k", "k", *["j"] * row, "p")
            title = app.screen.query_one("#log_title")
            shown = drawn(title).strip()
            assert start in shown, shown
            assert title.region.right <= app.screen.query_one("#when").region.x
            await keys.press("escape")


async def test_the_timeline_cuts_long_notes_with_an_ellipsis_and_enter_shows_them_whole(store, people):
    ann, _, _ = people
    log(store, ann, "public_reply", at=store.now().subtract(days=2), text=MESSAGE)
    log(store, ann, "dm_sent", at=store.now().subtract(days=1), text="")
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("2", "enter")
        assert isinstance(app.screen, ContactScreen)
        table = app.screen.query_one("#timeline", DataTable)
        note = cells(app, "timeline")[1][-1]
        assert note.startswith("@ann Thanks") and "⏎" in note
        line = next(line for line in shown_lines(table) if "@ann" in line)
        assert line.rstrip(" │").endswith("…")
        # Nothing scrolls sideways.
        assert table.max_scroll_x == 0
        await keys.press("right", "right")
        assert table.scroll_x == 0
        await keys.press("j", "enter")
        assert isinstance(app.screen, MessageScreen)
        assert str(app.screen.query_one("#message_text").render()) == MESSAGE
        await keys.press("escape")
        assert isinstance(app.screen, ContactScreen)
        await keys.press("k", "enter")
        assert "Nothing was written" in str(app.screen.query_one("#message_text").render())
        await keys.press("enter")
        assert isinstance(app.screen, ContactScreen)


async def test_the_contact_screens_keys_panel_and_footer_start_with_its_own_keys(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("2", "enter")
        footer = [key.key for key in app.screen.query(FooterKey)]
        assert footer[:2] == ["enter", "E"] and "ctrl+p" in footer
        assert all(key.region.right <= SMALL[0] for key in app.screen.query(FooterKey))
        await keys.press("question_mark")
        console = Console(width=80, record=True)
        console.print(app.screen.query_one("HelpPanel BindingsTable").render())
        panel = console.export_text()
        assert "Cursor" not in panel and "Page Left" not in panel and "Select" not in panel
        at = {
            word: panel.index(word)
            for word in ("Read message", "Edit", "Delete entry", "Draft", "Focus Next")
        }
        assert at["Read message"] < at["Edit"] < at["Delete entry"] < at["Draft"] < at["Focus Next"]


async def test_at_80_columns_the_main_footer_still_shows_the_palette(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        shown = {key.key: key for key in app.screen.query(FooterKey)}
        assert "ctrl+p" in shown and "q" in shown
        assert all(key.region.right <= SMALL[0] for key in shown.values())
        assert shown["ctrl+p"].region.x > shown["q"].region.right - 1


async def test_in_japanese_a_timeline_entry_of_another_year_says_its_year_whole(store, people):
    from dailyreach import i18n

    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(years=1), text="去年の件")
    log(store, ann, "follow_up", at=store.now().subtract(days=1), text="")
    i18n.use_language("ja")
    try:
        app = DailyReachApp(store)
        async with app.run_test(size=SMALL) as pilot:
            keys = Keys(pilot)
            await settle(pilot)
            await keys.press("2", "enter")
            assert isinstance(app.screen, ContactScreen)
            whens = [row[0] for row in cells(app, "timeline")]
            last_year = store.now().subtract(years=1)
            assert whens[1].startswith(f"{last_year.year}年{last_year.month}月{last_year.day}日(")
            assert not whens[0].startswith(str(last_year.year))
            table = app.screen.query_one("#timeline", DataTable)
            # Drawn whole, not cut with "…".
            assert any(whens[1] in line for line in shown_lines(table))
    finally:
        i18n.use_language("en")
