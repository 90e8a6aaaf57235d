"""The forms as a user meets them, keys pressed for real: choices are picked rather than typed, Enter
saves from any field, Escape cancels, Tab goes round without leaving the form, the footer shows the
form's keys, amounts are read as people type them, and mistakes are told in the command line's words."""

import json
import os
import stat

import pytest
from rich.text import Text
from textual import events
from textual.widgets import Input, Select, Switch
from textual.widgets._footer import FooterKey

from dailyreach.core.records.model import Invitation, Settings
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.checks import fitted_problems
from dailyreach.tui.screens.contact_form import likely_platform
from dailyreach.tui.screens.fields_form import FieldsForm
from dailyreach.tui.screens.main import MainScreen
from tests.conftest import TOKYO, add_contact, run_cli
from tests.tui.conftest import Keys, cells, settle

SMALL, LARGE = (80, 24), (120, 40)
SIZES = [SMALL, LARGE]
# The keys that open each form, over a store with a target and an undecided invitation.
FORMS = {
    "new target": ("n",),
    "new invitation": ("i",),
    "export": ("e",),
    "import": ("I",),
    "snooze": ("s",),
    "decline": ("3", "x"),
    "edit contact": ("enter", "E"),
}


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """A home of the test's own, so that no test suggests or writes a file in the real one."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return home


@pytest.fixture
def ann(store):
    return add_contact(store, "Ann Smith", handles={"x": "@ann"}, why="Sold her startup")


@pytest.fixture
def seminar(store):
    return store.save_invitation(Invitation(title="Growth Seminar", kind="seminar", host="Acme", hours=4))


def form(app) -> FieldsForm:
    assert isinstance(app.screen, FieldsForm), f"no form open but {app.screen!r}"
    return app.screen


def problems(app) -> str:
    return str(form(app).query_one("#problem").render())


def in_sight(widget) -> bool:
    """Whether the widget is drawn whole inside its form's box, not scrolled out of it."""
    box = widget.screen.query_one(".form")
    return bool(widget.region) and box.scrollable_content_region.contains_region(widget.region)


# -- new target: a name, one handle, why ---------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_a_target_is_a_name_tab_a_handle_and_enter(store, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        await keys.type("山田 太郎")
        await keys.press("tab")
        await keys.type("@yamada@mstdn.jp")
        assert form(app).query_one("#platform", Select).value == "mastodon"
        await keys.press("enter")
        assert isinstance(app.screen, MainScreen)
        [contact] = store.contacts()
        assert (contact.name, contact.handles) == ("山田 太郎", {"mastodon": "@yamada@mstdn.jp"})
        assert keys.count == 3


@pytest.mark.parametrize(
    ("typed", "name", "handle", "platform", "saved"),
    [
        ("Ann Smith @annsmith", "Ann Smith", "@annsmith", "x", {"x": "@annsmith"}),
        ("Sam linkedin.com/in/samk", "Sam", "linkedin.com/in/samk", "linkedin", {"linkedin": "samk"}),
        (
            "Dana Lee dana.bsky.social",
            "Dana Lee",
            "dana.bsky.social",
            "bluesky",
            {"bluesky": "dana.bsky.social"},
        ),
    ],
)
async def test_a_handle_typed_after_the_name_moves_to_its_field_on_tab(
    store, typed, name, handle, platform, saved
):
    app = DailyReachApp(store)
    async with app.run_test(size=LARGE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        await keys.type(typed)
        await keys.press("tab")
        assert form(app).query_one("#name", Input).value == name
        assert form(app).query_one("#handle", Input).value == handle
        assert form(app).query_one("#platform", Select).value == platform
        await keys.press("enter")
        assert isinstance(app.screen, MainScreen)
    [contact] = store.contacts()
    assert (contact.name, contact.handles) == (name, saved)


async def test_a_new_target_with_tags_joins_todays_plan_and_its_name_is_not_markup(store):
    app = DailyReachApp(store)
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.focused.id == "name"
        await pilot.press(*"山田 [b]", "tab", *"@yamada", "tab", *"IPO", "tab", *"ipo, saas", "enter")
        await settle(pilot)
        [contact] = store.contacts()
        assert (contact.name, contact.handles, contact.why, contact.tags) == (
            "山田 [b]",
            {"x": "@yamada"},
            "IPO",
            ["ipo", "saas"],
        )
        assert "山田 [b]" in cells(app, "today")[0]


async def test_ctrl_n_saves_a_target_and_opens_the_form_again(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert ("ctrl+n", "Save, add another") in [
            (k.key, k.description) for k in app.screen.query(FooterKey)
        ]
        await pilot.press(*"Ann Smith", "tab", *"@ann", "ctrl+n")
        await settle(pilot)
        assert form(app).query_one("#name", Input).value == ""
        assert app.screen.focused.id == "name"
        await pilot.press(*"Lee Chen", "tab", *"lee@example.com", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert sorted((c.name, c.main_channel) for c in store.contacts()) == [
            ("Ann Smith", "x"),
            ("Lee Chen", "email"),
        ]


@pytest.mark.parametrize(
    ("typed", "platform"),
    [
        ("@ann", "x"),
        ("@yamada@mstdn.jp", "mastodon"),
        ("ann@example.com", "email"),
        ("ann.bsky.social", "bluesky"),
        ("hanako-sato", "linkedin"),
        ("https://github.com/ann-lee", "github"),
        ("https://mstdn.jp/@yamada", "mastodon"),
        ("www.linkedin.com/in/hanako-sato", "linkedin"),
    ],
)
def test_the_platform_is_recognised_from_the_handle(typed, platform):
    assert likely_platform(typed, "x") == platform


def test_a_handle_valid_on_the_chosen_platform_stays_there():
    assert likely_platform("@ann", "instagram") == "instagram"
    assert likely_platform("not a handle", "threads") == "threads"


async def test_tab_after_the_handle_goes_to_why_and_what_is_typed_there_leaves_the_platform(store):
    """The platform beside the handle comes after the other fields: a Tab from the handle typing why
    used to land on it, and the letters picked platform after platform (Threads, for "WHYTEXT")."""
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        await keys.type("Carol Tester")
        await keys.press("tab")
        await keys.type("@caroltest")
        await keys.press("tab")
        assert app.screen.focused.id == "why"
        await keys.type("WHYTEXT")
        await keys.press("enter")
        [contact] = store.contacts()
        assert (contact.handles, contact.why) == ({"x": "@caroltest"}, "WHYTEXT")


async def test_a_platform_picked_by_the_user_is_kept_and_enter_saves_from_its_list(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        await keys.type("Hanako")
        await keys.press("shift+tab")  # from the first field round to the choices beside the fields
        assert app.screen.focused.id == "platform"
        await keys.type("l")  # the first platform starting with l
        await keys.press("tab", "tab")
        assert app.screen.focused.id == "handle"
        await keys.type("hanako")  # a valid X handle too: the platform picked stays
        await keys.press("tab")
        assert form(app).query_one("#platform", Select).value == "linkedin"
        await keys.press("enter")
        [contact] = store.contacts()
        assert contact.handles == {"linkedin": "hanako"}


async def test_priority_is_picked_from_a_list(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        await keys.type("Ann")
        while app.screen.focused.id != "priority":
            await keys.press("tab")
        await keys.press("space")  # opens the list
        await keys.press("up", "enter")  # picks "1 · high"; the form stays open
        assert form(app).query_one("#priority", Select).value == "1"
        await keys.press("enter")
        assert [contact.priority for contact in store.contacts()] == [1]


# -- Enter, Escape, Tab ----------------------------------------------------------------------------


async def test_enter_saves_from_a_switch_and_space_switches_it(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("i")
        await keys.type("Startup mixer")
        # From the first field round to the currency beside the cost, then the last field: Decline now.
        await keys.press("shift+tab", "shift+tab")
        switch = form(app).query_one("#decline", Switch)
        assert app.screen.focused is switch and switch.value is True
        assert ("space", "Switch") in [(key.key, key.description) for key in app.screen.query(FooterKey)]
        await keys.press("space")
        assert str(form(app).query_one(".switch-state").render()) == "no"
        await keys.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert [(i.title, i.status) for i in store.invitations()] == [("Startup mixer", "undecided")]
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["Saved Startup mixer: 3 shows it, x declines it."]


async def test_a_long_invitation_title_is_cut_in_the_notice_and_the_undo_said_of_it(store):
    title = "Very long invitation title " * 18
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one("#title").value = title
        await pilot.press("enter")
        await settle(pilot)
        cut = "Very long invitation title " * 2 + "Very long invitation titl…"
        assert [n.message for n in app._notifications] == [f"Saved {cut} as declined: 3 shows it."]
        await pilot.press("u")
        await settle(pilot)
        assert [n.message for n in app._notifications][-1] == f"Undone: invitation {cut}"
    assert store.invitations() == []


async def test_a_new_invitation_keeps_the_reason_typed_for_it(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("i")
        await keys.type("Founders mixer")
        # From the first field round to the currency beside the cost, Decline now, then the reason above it.
        await keys.press("shift+tab", "shift+tab", "shift+tab")
        assert app.screen.focused.id == "note"
        await keys.type("a sales pitch again")
        await keys.press("enter")
        assert [(i.title, i.status, i.note) for i in store.invitations()] == [
            ("Founders mixer", "declined", "a sales pitch again")
        ]


async def test_enter_on_an_open_list_picks_and_escape_closes_only_the_list(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("i")
        await keys.type("Growth Seminar")
        while app.screen.focused.id != "kind":
            await keys.press("tab")
        kinds = form(app).query_one("#kind", Select)
        await keys.press("down", "down", "enter")  # opens the list, moves to seminar, picks it
        assert (kinds.value, kinds.expanded, store.invitations()) == ("seminar", False, [])
        await keys.press("space", "escape")  # opens the list again and closes it
        assert (isinstance(app.screen, FieldsForm), kinds.expanded) == (True, False)
        await keys.type("p")  # a letter picks the next kind starting with it
        assert kinds.value == "party"
        await keys.press("enter")
        assert [(i.title, i.kind) for i in store.invitations()] == [("Growth Seminar", "party")]


@pytest.mark.parametrize("name", FORMS)
async def test_escape_cancels_every_form_and_saves_nothing(store, ann, seminar, home, name):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        before = store.revision()
        await pilot.press(*FORMS[name])
        await settle(pilot)
        form(app)
        await pilot.press(*"zz", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, FieldsForm)
        assert store.revision() == before
        assert list((home / "Documents").iterdir()) == []


@pytest.mark.parametrize("size", SIZES)
async def test_tab_goes_round_the_form_and_the_focused_field_is_always_in_sight(store, size):
    # Handles on many platforms make the edit form longer than a small terminal.
    handles = {"x": "@ann", "github": "ann", "instagram": "@ann", "threads": "@ann"}
    add_contact(store, "Ann Smith", handles=handles, tags=["saas"])
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter", "E")
        await settle(pilot)
        fields = form(app).controls()
        assert app.screen.focused is fields[0]
        seen = []
        for _ in fields:
            await pilot.press("tab")
            await settle(pilot)
            seen.append(app.screen.focused)
            assert in_sight(app.screen.focused), app.screen.focused.id
        assert seen == [*fields[1:], fields[0]]
        await pilot.press("shift+tab")
        await settle(pilot)
        assert app.screen.focused is fields[-1] and in_sight(fields[-1])
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FieldsForm) is False


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", FORMS)
async def test_every_form_fits_the_terminal_above_its_footer(store, ann, seminar, name, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(*FORMS[name])
        await settle(pilot)
        box = form(app).query_one(".form").region
        assert box.x >= 0 and box.y >= 0 and box.right <= size[0]
        assert box.bottom <= size[1] - 1  # the footer has the last line
        assert in_sight(app.screen.focused)


@pytest.mark.parametrize("size", SIZES)
async def test_the_footer_shows_the_forms_keys_while_it_is_open(store, ann, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        shown = [(key.key, key.description) for key in app.screen.query(FooterKey)]
        assert shown == [("enter", "Export"), ("escape", "Cancel")]
        assert all(key.region.right <= size[0] for key in app.screen.query(FooterKey))
        await pilot.press("tab")  # a list has the focus: Space opens it, as Enter saves the form
        await settle(pilot)
        shown = [(key.key, key.description) for key in app.screen.query(FooterKey)]
        assert shown == [("space", "Choose"), ("enter", "Export"), ("escape", "Cancel")]
        await pilot.press("escape")
        await settle(pilot)
        assert "n" in [key.key for key in app.screen.query(FooterKey)]


async def test_letters_on_a_switch_or_a_list_never_reach_the_main_screen(store, ann):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("i", *"Mixer", "shift+tab", "shift+tab", "n", "q", "d", "u")
        await settle(pilot)
        assert form(app).query_one("#decline", Switch).value is False
        assert app.is_running and store.interactions() == []


# -- amounts and currencies -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "cost", "currency"),
    [
        ("5000", 5000, "EUR"),
        ("5,000", 5000, "EUR"),
        ("¥5000", 5000, "JPY"),
        ("5,000円", 5000, "JPY"),
        ("5000 JPY", 5000, "JPY"),
        ("$40", 40, "USD"),
        ("40 CHF", 40, "CHF"),
        ("120 SEK", 120, "SEK"),
    ],
)
async def test_a_cost_is_read_as_typed_and_sets_its_currency(store, typed, cost, currency):
    store.save_settings(Settings(timezone=TOKYO, currency="EUR"))
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("i")
        await keys.type("異業種交流会")
        await keys.press("tab")
        await keys.type(typed)
        assert form(app).query_one("#currency", Select).value == currency
        await keys.press("enter")
        [invitation] = store.invitations()
        assert (invitation.cost, invitation.currency, invitation.status) == (cost, currency, "declined")
        assert keys.count == 3


async def test_the_currency_starts_as_the_settings_and_is_picked_from_a_list(store):
    store.save_settings(Settings(timezone=TOKYO, currency="GBP"))
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        # The currency beside the cost comes after the other fields: round from the first, backwards.
        await pilot.press("i", *"Mixer", "tab", *"5000", "shift+tab", "shift+tab")
        await settle(pilot)
        currencies = form(app).query_one("#currency", Select)
        assert (app.screen.focused, currencies.value) == (currencies, "GBP")
        await pilot.press("j", "enter")
        await settle(pilot)
        assert [(i.cost, i.currency) for i in store.invitations()] == [(5000, "JPY")]


# -- mistakes in the user's words -------------------------------------------------------------------


def cli_error(tmp_path, *args: str) -> str:
    result = run_cli(*args, db=tmp_path / "cli.json", check=False)
    assert result.returncode == 1
    # The last line: the first command on the file says first that it made it.
    return result.stderr.strip().splitlines()[-1].removeprefix("Error: ")


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_date_is_named_by_its_label_in_the_words_of_the_command_line(store, tmp_path, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("i", *"Mixer", "tab", "tab")
        await settle(pilot)
        assert app.screen.focused.id == "event_date"
        await pilot.press(*"32/13", "shift+tab", "shift+tab", "enter")
        await settle(pilot)
        said = cli_error(tmp_path, "invite", "Mixer", "--on", "32/13")
        # Each names the place the date was typed in: the command line its option, the form its field.
        assert said.startswith("--on: '32/13' is not a date or time: use YYYY-MM-DD")
        assert problems(app) == f"Event date: {said.removeprefix('--on: ')}"
        assert app.screen.focused.id == "event_date"  # taken to what is wrong
        assert in_sight(app.screen.focused) and in_sight(form(app).query_one("#problem"))
        assert store.invitations() == []


async def test_a_form_says_each_mistake_as_the_command_line_does(store, tmp_path):
    app = DailyReachApp(store)
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        await pilot.press("i", "tab", *"abc", "tab", "tab", "tab", "ctrl+u", *"-1", "enter")
        await settle(pilot)
        assert problems(app).splitlines() == [
            cli_error(tmp_path, "invite", ""),
            cli_error(tmp_path, "invite", "Mixer", "--cost", "abc"),
            cli_error(tmp_path, "invite", "Mixer", "--hours", "-1"),
        ]
        await pilot.press("escape", "n", "enter")
        await settle(pilot)
        assert problems(app) == cli_error(tmp_path, "add", "")


@pytest.mark.parametrize("size", SIZES)
async def test_problems_past_the_forms_room_are_counted_on_its_last_line(store, ann, size):
    """Five handles refused in the contact's form: those past the six lines the problems have were cut
    with no sign that any were left."""
    bad = {"x": "@", "linkedin": "in/", "bluesky": "@ann", "mastodon": "ann", "threads": "gh--bad-"}
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter", "E")
        await settle(pilot)
        for field, typed in bad.items():
            form(app).query_one(f"#{field}", Input).focus()
            await pilot.press("ctrl+u", *typed)
        await pilot.press("enter")
        await settle(pilot)
        box = form(app).query_one("#problem")
        said = problems(app).splitlines()
        shown = [line for line in said if not line.startswith("…")]
        assert said[-1] == f"… and {len(bad) - len(shown)} more problems"
        assert 1 <= len(shown) < len(bad)
        # Every line said is drawn whole: none runs past the box's six lines.
        drawn = sum(len(Text(line).wrap(app.console, box.content_region.width)) for line in said)
        assert drawn <= box.size.height <= 6
    assert store.contacts() == [ann]


@pytest.mark.parametrize(
    ("problems", "width", "said"),
    [
        (["short"] * 6, 40, ["short"] * 6),  # all fit: all said
        (["short"] * 7, 40, ["short"] * 5 + ["… and 2 more problems"]),
        (["a" * 30] * 5, 20, ["a" * 30] * 2 + ["… and 3 more problems"]),  # two lines each
        (["問題" * 10] * 4, 20, ["問題" * 10] * 2 + ["… and 2 more problems"]),  # two cells a character
        # Alone too long for the box, the first is still said (the box cuts it), not a count alone.
        (["x " * 100], 20, ["x " * 100]),
    ],
)
def test_the_problems_said_are_those_that_fit_then_how_many_more(problems, width, said):
    assert fitted_problems(problems, 6, width) == said


async def test_a_bad_handle_says_what_the_platform_takes(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Ann", "tab", *"@ann", "shift+tab", "shift+tab", "b")  # picks Bluesky
        await settle(pilot)
        assert problems(app) == (
            "Handle: '@ann': a Bluesky handle is a domain name such as alice.bsky.social, or the account's did:plc: id"
        )
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.focused.id == "handle" and store.contacts() == []


async def test_the_log_bar_shares_the_forms_wording_of_a_field(store, ann):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("d", "ctrl+u", *"32/13")
        await settle(pilot)
        assert str(app.screen.query_one("#problem").render()).startswith("When: ")


async def test_snooze_refuses_a_day_that_is_not_later_and_says_so(store, ann):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("s", "ctrl+u", *"2026-11-01", "enter")
        await settle(pilot)
        assert problems(app) == "Until: '2026-11-01' is not after today (2026-11-23)"
        await pilot.press("ctrl+u", *"yesterdy", "enter")
        await settle(pilot)
        assert problems(app) == "Until: 'yesterdy' is not a date or time: did you mean yesterday?"
        assert store.snoozes() == {}
        await pilot.press("ctrl+u", *"+10d", "enter")
        await settle(pilot)
        assert store.snoozes() == {ann.id: "2026-12-03"}


# -- export: the documents folder --------------------------------------------------------------------


async def test_export_suggests_the_documents_folder_never_the_current_one(
    store, ann, home, tmp_path, monkeypatch
):
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    monkeypatch.chdir(checkout)
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("e")
        assert form(app).query_one("#path", Input).value == "~/Documents/dailyreach-export-2026-11-23.json"
        await keys.press("enter")
        assert keys.count == 2
    [written] = (home / "Documents").iterdir()
    assert written.name == "dailyreach-export-2026-11-23.json"
    assert [contact["name"] for contact in json.loads(written.read_text())["contacts"]] == ["Ann Smith"]
    assert stat.S_IMODE(written.stat().st_mode) == 0o600  # readable by the owner only
    assert list(checkout.iterdir()) == []


async def test_export_follows_the_users_documents_folder_or_else_their_home(store, home, monkeypatch):
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/書類"\n')
    (home / "書類").mkdir()
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert form(app).query_one("#path", Input).value == "~/書類/dailyreach-export-2026-11-23.json"
        await pilot.press("escape")
        (home / "書類").rmdir()
        await pilot.press("e")
        await settle(pilot)
        assert form(app).query_one("#path", Input).value == "~/dailyreach-export-2026-11-23.json"


async def test_export_format_and_replace_are_picked_and_the_file_name_follows(store, ann, home):
    documents = home / "Documents"
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("e", "tab", "i")  # iCalendar
        await settle(pilot)
        assert form(app).query_one("#path", Input).value == "~/Documents/dailyreach-follow-ups-2026-11-23.ics"
        await pilot.press("v", "enter")  # vCard after all
        await settle(pilot)
        written = documents / "dailyreach-contacts-2026-11-23.vcf"
        assert "BEGIN:VCARD" in written.read_text()
        written.write_text("keep me")
        await pilot.press("e", "tab", "v", "enter")
        await settle(pilot)
        assert written.read_text() == "keep me"
        form(app)  # open again, as typed, after saying the file exists
        await pilot.press("shift+tab", "y", "enter")  # Replace: yes
        await settle(pilot)
        assert "BEGIN:VCARD" in written.read_text()
        assert os.listdir(documents) == ["dailyreach-contacts-2026-11-23.vcf"]


async def test_export_over_the_database_is_refused_even_with_replace_on(store, ann, home):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await settle(pilot)
        kept = store.path.read_bytes()  # with the day's plan, which the app saves as it opens
        await pilot.press("e", "ctrl+u", *str(store.path), "shift+tab", "y", "enter")  # Replace: yes
        await settle(pilot)
        said = [str(notice.message) for notice in app._notifications]
        assert said == [f"{store.path} is the database itself: export to another file"]
        assert form(app).query_one("#path", Input).value == str(store.path)  # open again, as typed
    assert store.path.read_bytes() == kept


async def test_a_file_name_typed_with_a_formats_suffix_chooses_that_format(store, ann, home):
    """contacts.vcf is written as a vCard, not JSON under a vCard's name; a format chosen against the
    name afterwards is refused, and the form opens again as typed."""
    documents = home / "Documents"
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("e", "ctrl+u", *"~/Documents/contacts.vcf")
        await settle(pilot)
        assert form(app).query_one("#format", Select).value == "vcard"
        await pilot.press("enter")
        await settle(pilot)
        assert "BEGIN:VCARD" in (documents / "contacts.vcf").read_text()
        await pilot.press("e", "ctrl+u", *"~/Documents/people.csv", "tab", "j")  # JSON after all
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        said = [str(notice.message) for notice in app._notifications]
        assert any(
            "people.csv ends in .csv, the suffix of CSV files, but the format is JSON" in line
            for line in said
        ), said
        assert form(app).query_one("#path", Input).value == "~/Documents/people.csv"
        assert sorted(os.listdir(documents)) == ["contacts.vcf"]


async def test_a_file_name_typed_with_enter_in_one_write_chooses_its_format(store, ann, home):
    """Enter came before the name's Changed: the export was refused as JSON under a calendar's name."""
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        box = form(app).query_one("#path", Input)
        with box.prevent(Input.Changed):
            box.value = "~/Documents/stale.ics"
        await pilot.press("enter")
        await settle(pilot)
    assert (home / "Documents" / "stale.ics").read_text().startswith("BEGIN:VCALENDAR")


async def test_export_says_when_the_folder_does_not_exist(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("e", "ctrl+u", *"~/nowhere/x.json", "enter")
        await settle(pilot)
        assert problems(app) == "File: there is no folder ~/nowhere"


# -- the morning, as far as forms go ------------------------------------------------------------------


async def test_the_mornings_forms_need_few_keys_besides_what_is_typed(store, home):
    """Issue 9's morning, its form part: five targets (name and handle), a mixer with a yen cost
    recorded and declined, and an export. The logging keys belong to the main screen."""
    people = [
        ("山田 太郎", "@yamada@mstdn.jp"),
        ("佐藤 花子", "hanako-sato"),
        ("Ann Smith", "@ann"),
        ("Marco Rossi", "marco.bsky.social"),
        ("Lee Chen", "lee@example.com"),
    ]
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        for number, (name, handle) in enumerate(people, 1):
            await keys.type(name)
            await keys.press("tab")
            await keys.type(handle)
            await keys.press("enter" if number == len(people) else "ctrl+n")  # ctrl+n: and another
        targets = keys.count
        await keys.press("i")
        await keys.type("異業種交流会")
        await keys.press("tab")
        await keys.type("¥5000")
        await keys.press("enter")
        mixer = keys.count - targets
        await keys.press("e", "enter")
    assert (targets, mixer, keys.count - targets - mixer) == (11, 3, 2)
    assert sorted(c.name for c in store.contacts()) == sorted(name for name, _ in people)
    channels = {contact.name: contact.main_channel for contact in store.contacts()}
    assert [channels[name] for name, _ in people] == ["mastodon", "linkedin", "x", "bluesky", "email"]
    [mixer_record] = store.invitations()
    assert (mixer_record.status, mixer_record.cost, mixer_record.currency) == ("declined", 5000, "JPY")
    assert (home / "Documents" / "dailyreach-export-2026-11-23.json").exists()


@pytest.mark.parametrize("size", SIZES)
async def test_the_import_preview_shows_its_keys_and_never_scrolls_sideways(store, size):
    from dailyreach.tui.screens.import_preview import ImportPreviewScreen
    from tests.conftest import FIXTURES

    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("I", *str(FIXTURES / "Connections.csv"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportPreviewScreen)
        assert [(key.key, key.description) for key in app.screen.query(FooterKey)] == [
            ("enter", "Import"),
            ("escape", "Cancel"),
        ]
        rows = app.screen.query_one("#rows")
        assert rows.virtual_size.width <= rows.scrollable_content_region.width
        assert not rows.show_horizontal_scrollbar


async def test_a_joiner_typed_in_a_name_is_kept(store):
    """Python does not call U+200D printable, and Textual's Input dropped it: 👩‍💻 came apart."""
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        await keys.type("👩\u200d💻 Zara")
        await keys.press("tab")
        await keys.type("@zara")
        await keys.press("enter")
        [contact] = store.contacts()
        assert contact.name == "👩\u200d💻 Zara"


async def test_keys_typed_after_tab_in_the_same_write_go_to_the_next_field(store):
    """Over a slow link Tab and what follows it arrive together; the text went into the field Tab left."""
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        await keys.type("Ann")
        for key, character in (("tab", "\t"), *((c, c) for c in "@ann")):
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert (form(app).query_one("#name", Input).value, form(app).query_one("#handle", Input).value) == (
            "Ann",
            "@ann",
        )


@pytest.mark.parametrize(
    ("handle", "saved"),
    [("https://github.com/zedqi", {"github": "zedqi"}), ("linkedin.com/in/zed-qi", {"linkedin": "zed-qi"})],
)
async def test_enter_arriving_with_a_handle_of_another_platform_saves_it_there(store, handle, saved):
    """A paste and Enter in one write: the form checked the handle on the platform it showed before
    the paste, refused it without a word, then showed it as fine, and stayed open."""
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        await keys.type("Zed Qi")
        await keys.press("tab")
        for key, character in (*((c, c) for c in handle), ("enter", "\r")):
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    [contact] = store.contacts()
    assert (contact.name, contact.handles) == ("Zed Qi", saved)


async def test_a_backspace_typed_just_before_tab_mends_the_field_it_was_typed_in(store):
    """Arrived together with Tab, Backspace erased the last letter of the next field instead."""
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        typed = [*((c, c) for c in "Bobb"), ("backspace", "\x7f"), ("tab", "\t"), *((c, c) for c in "@bob")]
        typed += [("tab", "\t"), *((c, c) for c in "Built things")]
        for key, character in typed:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        values = {name: form(app).query_one(f"#{name}", Input).value for name in ("name", "handle", "why")}
        assert values == {"name": "Bob", "handle": "@bob", "why": "Built things"}


async def add_zed_with_bobs_handle(pilot) -> Keys:
    """n, a name and the handle Bob Jones has, Enter: a save the store refuses."""
    keys = Keys(pilot)
    await settle(pilot)
    await keys.press("n")
    await keys.type("Zed Quinn")
    await keys.press("tab")
    await keys.type("@bobj")
    await keys.press("enter")
    await settle(pilot)
    return keys


async def test_a_handle_someone_else_has_reopens_the_form_on_the_handle(store):
    """Told the handle is Bob's, the user types the right one: it goes into the handle, not the name."""
    bob = add_contact(store, "Bob Jones", handles={"x": "@bobj"})
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = await add_zed_with_bobs_handle(pilot)
        assert any("@bobj is already the handle of Bob Jones" in n.message for n in app._notifications)
        assert form(app).focused is form(app).query_one("#handle", Input)
        await keys.type("@zed")
        await keys.press("enter")
        await settle(pilot)
    assert sorted((c.name, c.handles["x"]) for c in store.contacts()) == [
        ("Bob Jones", "@bobj"),
        ("Zed Quinn", "@zed"),
    ]
    assert bob.id in store.record_ids("contacts")


async def test_a_second_try_takes_the_place_of_what_was_said_of_the_first(store):
    """At 80×24 the first refusal, still shown, covered the form where the second was being fixed."""
    add_contact(store, "Bob Jones", handles={"x": "@bobj"})
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = await add_zed_with_bobs_handle(pilot)
        await keys.press("ctrl+u")
        await keys.type("@zed")
        form(app).query_one("#name", Input).value = ""
        await keys.press("enter")
        await settle(pilot)
        assert [n.message for n in app._notifications] == []
        assert str(form(app).query_one("#problem").render()).startswith("Name:")
        form(app).query_one("#name", Input).value = "Zed Quinn"
        form(app).query_one("#handle", Input).value = "@bobj"
        await keys.press("enter")
        await settle(pilot)
        form(app).query_one("#handle", Input).value = "@bobj"
        await keys.press("enter")
        await settle(pilot)
        said = [n.message for n in app._notifications]
        assert len(said) == 1 and "already the handle of Bob Jones" in said[0], said


async def test_editing_a_handle_someone_else_has_reopens_the_edit_on_that_handle(store):
    add_contact(store, "Bob Jones", handles={"x": "@bobj"})
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann"})
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        row = [cells_of[1] for cells_of in cells(app, "today")].index("Ann Smith")
        await keys.press("1", *["j"] * row, "enter", "E")
        await settle(pilot)
        await keys.press("tab")  # the X handle, after the name
        await keys.type("@bobj")
        await keys.press("enter")
        await settle(pilot)
        assert form(app).focused is form(app).query_one("#x", Input)
        await keys.type("@annsmith")
        await keys.press("enter")
        await settle(pilot)
    assert store.contact(ann.id).name == "Ann Smith"
    assert store.contact(ann.id).handles["x"] == "@annsmith"
