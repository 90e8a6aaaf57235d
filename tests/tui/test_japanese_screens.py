"""In Japanese, the app's screens say nothing in English but the user's own data, key names and brand
names: each screen is rendered and every ASCII word of three letters or more that is not one of those is a
string left unmarked or untranslated (issue 14)."""

from __future__ import annotations

import io
import re

import pytest
from rich.cells import cell_len
from rich.console import Console
from textual.widgets._footer import FooterKey

from dailyreach import i18n
from dailyreach.core.planning.demo import fill_demo
from dailyreach.tui.app import DailyReachApp
from tests.conftest import FIXTURES
from tests.tui.conftest import Keys, settle
from tests.tui.test_snapshots import with_undecided

# What the fixtures' people, handles and invitations are called (user data is never translated).
USER_DATA = {
    "Ann", "Smith", "bold", "VIP", "Founder", "Growth", "Seminar", "ann", "hanako", "sato", "vip", "bsky",
    "social", "yamada", "mstdn", "Sold", "her", "startup", "Stripe",
    "Semi", "mstd", "soci", "star",  # cut short by the edge of a panel over them
}  # fmt: skip
# Key names, as Textual writes them.
KEYS = {
    "tab", "shift", "enter", "ctrl", "super", "Enter", "Escape", "esc", "space", "delete", "backspace", "del",
    "pgup", "pgdn", "home", "end",
}  # fmt: skip
# Names that are the same in every language: the app, platforms, file formats and encodings.
BRANDS = {
    "dailyreach", "LinkedIn", "linkedin", "Mastodon", "mastodon", "Bluesky", "bluesky", "GitHub", "github",
    "Instagram", "Threads", "vCard", "CSV",
    "JSON", "iCalendar", "UTF", "Shift_JIS", "Shift", "JIS", "DM", "URL", "https", "http",
    "mailto", "config", "toml", "Language", "English", "SVG",
    "JPY", "USD", "EUR", "GBP", "CNY", "KRW", "TWD", "HKD", "SGD", "AUD", "CAD", "CHF", "INR",
}  # fmt: skip
ALLOWED = USER_DATA | KEYS | BRANDS
WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")
# Links, paths, file and domain names (~/Downloads/Connections.csv, name.bsky.social) are data, and
# commands and options (remind --install) are typed as they are.
LINK = re.compile(r"https?://\S+|\S*(?:/|\w\.\w)\S*|\bremind --[\w-]+")


@pytest.fixture
def japanese():
    i18n.use_language("ja")
    yield
    i18n.use_language("en")


def screen_lines(app) -> list[str]:
    """The screen as text, as a screenshot draws it (the screens below a modal one too)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text().splitlines()


def english(lines: list[str], data: frozenset[str] = frozenset()) -> list[str]:
    """The lines with a word of English that is neither data, nor a key, nor a name."""
    allowed = ALLOWED | data

    def known(word: re.Match[str]) -> bool:
        if word.group() in allowed:
            return True
        # A word cut short with an ellipsis is known when a known word starts with it.
        cut = word.string[word.end() : word.end() + 1] == "…"
        return cut and any(whole.startswith(word.group()) for whole in allowed)

    return [line for line in lines if not all(known(word) for word in WORD.finditer(LINK.sub("", line)))]


async def shown(app, size, *keys: str) -> list[str]:
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        lines = screen_lines(app)
    return lines


SCREENS = {
    "main": ((120, 40), ()),
    "main at 80x24": ((80, 24), ()),
    "pending at 80x24": ((80, 24), ("2",)),
    "declined at 80x24": ((80, 24), ("3",)),
    "keys panel": ((120, 40), ("question_mark",)),
    "keys panel at 80x24": ((80, 24), ("question_mark",)),
    "contact screen": ((120, 40), ("2", "enter")),
    "contact screen keys": ((120, 40), ("2", "enter", "question_mark")),
    "new target form": ((80, 24), ("n",)),
    "new invitation form": ((80, 24), ("i",)),
    "form keys": ((120, 40), ("i", "question_mark")),
    "export form": ((120, 40), ("e",)),
    "import form": ((120, 40), ("I",)),
    "log bar": ((120, 40), ("d",)),
    "snooze form": ((120, 40), ("s",)),
    "decline form": ((120, 40), ("3", "x")),
    "stats": ((120, 40), ("S",)),
    "stats at 80x24": ((80, 24), ("S",)),
    "weekly review": ((120, 40), ("S", "w")),
    "contacts view": ((120, 40), ("4",)),
    "contacts view at 80x24": ((80, 24), ("4",)),
    "command palette": ((120, 40), ("ctrl+p",)),
}


@pytest.mark.parametrize("name", SCREENS)
async def test_a_screen_in_japanese_has_no_english_but_data_keys_and_names(japanese, store, name):
    with_undecided(store)
    size, keys = SCREENS[name]
    lines = await shown(DailyReachApp(store), size, *keys)
    flagged = english(lines)
    assert flagged == [], "\n".join(flagged)


async def test_the_demo_in_japanese_has_no_english_but_data_keys_and_names(japanese, store):
    fill_demo(store)
    typed = [
        " ".join([contact.name, contact.why, contact.notes, *contact.tags, *contact.handles.values()])
        for contact in store.contacts()
    ] + [f"{invitation.title} {invitation.host}" for invitation in store.invitations()]
    data = frozenset(WORD.findall(" ".join(typed)))
    for size in ((120, 40), (80, 24)):
        lines = await shown(DailyReachApp(store), size)
        flagged = english(lines, data)
        assert flagged == [], "\n".join(flagged)


async def test_an_untranslated_string_is_found(store, monkeypatch):
    """The check can fail: with one title left in English, the main screen is flagged."""
    i18n.use_language("ja")
    try:
        translate = i18n._translation.gettext
        monkeypatch.setattr(
            i18n._translation,
            "gettext",
            lambda message: message if "Pending" in message else translate(message),
        )
        with_undecided(store)
        lines = await shown(DailyReachApp(store), (120, 40))
    finally:
        i18n.use_language("en")
    assert any("Pending replies" in line for line in english(lines))


@pytest.mark.parametrize(
    "keys", [(), ("2",), ("3",), ("2", "enter"), ("4",), ("S",), ("n",), ("i",), ("e",), ("S", "w")]
)
async def test_footers_in_japanese_fit_80_columns(japanese, store, keys):
    """Every key of the footer is inside 80 columns (as the English footers' tests check) and named in
    Japanese, and the footer's line is not cut."""
    with_undecided(store)
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        footer_keys = list(app.screen.query(FooterKey))
        assert all(key.region.right <= 80 for key in footer_keys)
        # Every key named in Japanese (DM is DM in both).
        assert [key.description for key in footer_keys if key.description.isascii()] in ([], ["DM"])
        footer = screen_lines(app)[-1].rstrip()
    assert cell_len(footer) <= 80 and not footer.endswith("…")


async def test_the_import_preview_in_japanese(japanese, store):
    with_undecided(store)
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("I")
        await keys.type(str(FIXTURES / "Connections.csv"))
        await keys.press("enter")
        lines = screen_lines(app)
        assert any("インポートの確認" in line for line in lines)
        flagged = english(
            lines, frozenset({"Bob", "Lee", "Broken", "Carla", "carla", "diaz", "Mar", "smith", "taro"})
        )
        assert flagged == [], "\n".join(flagged)
        # Its status column fits its words: スキップ is not cut.
        assert any("スキップ" in line for line in lines)


async def test_the_palette_says_it_found_nothing_in_japanese(japanese, store):
    with_undecided(store)
    app = DailyReachApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"zzzzqq")
        await pilot.pause(1.5)
        lines = screen_lines(app)
    assert any("見つかりません" in line for line in lines)
    assert english(lines, frozenset({"zzzzqq"})) == []


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_first_run_in_japanese_has_no_english(japanese, store, size):
    lines = await shown(DailyReachApp(store), size)
    assert any("最初のターゲット" in line for line in lines)
    flagged = english(lines)
    assert flagged == [], "\n".join(flagged)


async def test_a_choice_shown_in_japanese_is_picked_by_its_values_letter(japanese, store):
    """s picks セミナー (seminar) and p パーティー (party): a letter cannot start a Japanese word."""
    app = DailyReachApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        kind = app.screen.query_one("#kind")
        kind.focus()
        await pilot.press("s")
        assert kind.value == "seminar"
        await pilot.press("p")
        assert kind.value == "party"
