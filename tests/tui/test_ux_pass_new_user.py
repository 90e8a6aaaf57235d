"""A new user's pass at 80 columns: the log bar names its kind of log whole, a draft that cannot be opened
says so in a line, the detail strip offers t only with a host, "Japanese" finds the language switch, an
import of one contact says "contact", and no reason for a missed copy sits in brackets within brackets."""

import webbrowser

import pytest
from textual.widgets import Input

from dailyreach import i18n
from dailyreach.config import load_config
from dailyreach.core.records.model import Invitation
from dailyreach.tui.app import RESTART, DailyReachApp
from dailyreach.tui.screens.draft import DraftScreen
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, Keys, settle
from tests.tui.test_drafts import outside  # noqa: F401 (a fixture)
from tests.tui.test_language_switch import switch_language
from tests.tui.test_log_bar_and_timeline import drawn

SMALL = (80, 24)
NOTE_LEAST = 12  # cells: the note's least width (styles/dailyreach.tcss)


@pytest.fixture
def olga_and_gina(store):
    olga = add_contact(store, "Old Olga", handles={"x": "@olga"}, priority=1)
    gina = add_contact(store, "Giveup Gina", handles={"email": "gina@example.org"}, priority=2)
    log(store, olga, "public_reply", at=store.now().subtract(days=6))
    log(store, gina, "dm_sent", at=store.now().subtract(days=20), channel="email")
    store.history.clear()
    return olga, gina


async def log_bar_title(keys: Keys, *pressed: str) -> str:
    """The log bar's title as drawn after ``pressed``, checked to leave the note its least room."""
    await keys.press(*pressed)
    screen = keys.pilot.app.screen
    title = screen.query_one("#log_title")
    assert title.region.right <= screen.query_one("#when").region.x
    assert screen.query_one("#text", Input).region.width >= NOTE_LEAST
    shown = drawn(title).strip()
    await keys.press("escape")
    return shown


async def test_at_80_columns_the_log_bar_keeps_kind_and_name_whole_and_its_labels_give_way(
    store, olga_and_gina
):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        # Today: Giveup Gina, then Old Olga.
        assert await log_bar_title(keys, "p") == "Public reply posted: Giveup Gina"
        assert await log_bar_title(keys, "r") == "Reply received: Giveup Gina"
        assert await log_bar_title(keys, "j", "f") == "Follow-up sent: Old Olga"
        assert await log_bar_title(keys, "2", "x") == "Close as no response: Giveup Gina"
        await keys.press("1", "p")
        bar = app.screen.query_one("LogBar")
        assert bar.has_class("-bare") and not any(label.display for label in bar.query(".field"))
        assert app.screen.query_one("#text").region.width >= 12


async def test_in_japanese_the_log_bar_keeps_the_kind_whole(store, olga_and_gina):
    i18n.use_language("ja")
    try:
        app = DailyReachApp(store)
        async with app.run_test(size=SMALL) as pilot:
            keys = Keys(pilot)
            await settle(pilot)
            assert await log_bar_title(keys, "p") == "公開リプライ: Giveup Gina"
            assert await log_bar_title(keys, "2", "x") == "反応なしで閉じる: Giveup Gina"
    finally:
        i18n.use_language("en")


async def test_on_a_bar_too_narrow_for_the_kind_and_the_note_the_note_gives_way(store, olga_and_gina):
    app = DailyReachApp(store)
    async with app.run_test(size=(60, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("p")
        assert drawn(app.screen.query_one("#log_title")).strip() == "Public reply posted"


@pytest.mark.parametrize(
    ("handles", "said"),
    [
        (
            {"email": "gina@example.org"},
            "No mail program or web browser found to write to gina@example.org: the draft stays here to copy "
            "by hand.",
        ),
        (
            {"x": "@pat"},
            "No web browser found to open https://x.com/intent/post: the draft stays here to copy by hand.",
        ),
    ],
)
async def test_without_a_browser_the_draft_says_where_it_would_go_in_a_line(
    store,
    outside,  # noqa: F811
    handles,
    said,
):
    outside["browser"] = False
    add_contact(store, "Pat Lee", handles=handles)
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        assert isinstance(app.screen, DraftScreen)
        await keys.press("ctrl+s")
        assert isinstance(app.screen, DraftScreen)
        (opened,) = outside["opened"]
        assert "%20" in opened  # the draft went with the link, percent-encoded
        # One notice, a line for each thing that did not happen.
        messages = [line for n in app._notifications for line in n.message.splitlines()]
        assert said in messages, messages
        assert not any("%" in message for message in messages), messages


async def test_no_clipboard_tool_is_said_without_brackets_in_brackets(store, olga_and_gina, monkeypatch):
    """The draft's message and o's (a profile opened without a browser) alike."""
    monkeypatch.setattr("dailyreach.clipboard.shutil.which", lambda program: None)
    monkeypatch.setattr(webbrowser, "open", lambda url: url.startswith("mailto:"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c", "ctrl+s")
        assert [n.message.splitlines()[0] for n in app._notifications][:1] == [
            "Not on the system clipboard: no clipboard tool found among pbcopy, clip, wl-copy, xclip, xsel and "
            "termux-clipboard-set. Sent through the terminal instead (OSC 52): copy it from here if pasting "
            "fails."
        ]
        await keys.press("escape", "escape", "j", "o")
        said = [n.message for n in app._notifications][-1]
        assert said.startswith("No web browser found to open https://x.com/olga."), said
        assert "((" not in said and "))" not in said, said


async def test_the_detail_strip_offers_t_only_for_an_invitation_with_a_host(store):
    for title, host in (("Mixer", ""), ("Seminar", "Ann Lee")):
        store.save_invitation(Invitation.from_dict({"title": title, "kind": "mixer", "host": host}))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("3")
        detail = app.screen.query_one("#detail")
        shown = {}
        for _ in range(2):
            text = str(detail.render())
            shown["Mixer" if "Mixer" in text else "Seminar"] = text
            await keys.press("j")
        assert "undecided: x declines it" in shown["Mixer"] and "t makes" not in shown["Mixer"]
        assert "undecided: x declines it, t makes its host a target" in shown["Seminar"]


async def test_the_palette_finds_the_language_switch_by_japanese(store, people, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("")
    app = DailyReachApp(store, load_config(path))
    await switch_language(app, "Japanese")
    assert app.return_value == RESTART
    assert load_config(path).language == "ja"


@pytest.mark.parametrize("typed", ["English", "language"])
async def test_in_japanese_the_palette_finds_the_language_switch_in_english(store, people, tmp_path, typed):
    path = tmp_path / "config.toml"
    path.write_text('language = "ja"\n')
    i18n.use_language("ja")
    try:
        app = DailyReachApp(store, load_config(path))
        await switch_language(app, typed)
    finally:
        i18n.use_language("en")
    assert app.return_value == RESTART
    assert load_config(path).language == "en"


async def test_an_import_of_one_contact_says_contact(store, tmp_path):
    path = tmp_path / "one.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ann Smith\nEMAIL:ann@example.com\nEND:VCARD\n")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("I")
        app.screen.query_one("#path").value = str(path)
        await keys.press("enter", "enter")
        assert [c.name for c in store.contacts()] == ["Ann Smith"]
        assert [n.message for n in app._notifications] == [f"Imported 1 contact from {path}: u undoes it"]
        # Undone, the offer to undo it is taken off the screen: only what u did is said.
        await keys.press("u")
        assert store.contacts() == []
        assert [n.message for n in app._notifications] == ["Undone: import one.vcf"]


@pytest.mark.parametrize(("size", "labelled"), [(SMALL, False), ((96, 30), False), ((120, 40), True)])
async def test_the_log_bar_shows_or_hides_its_labels_by_the_width_whatever_the_key(
    store, olga_and_gina, size, labelled
):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        for key in ("d", "p", "r", "M"):
            await keys.press(key)
            bar = app.screen.query_one("LogBar")
            assert bar.has_class("-bare") is not labelled, key
            await keys.press("escape")
