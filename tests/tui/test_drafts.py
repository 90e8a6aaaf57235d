"""c drafts a message from a template: edited, copied (app.clipboard and the system clipboard), its compose
link opened, then logged with the draft as the interaction's text. And the templates screen."""

import webbrowser
from urllib.parse import parse_qs, urlsplit

import pytest
from textual.widgets import DataTable, Input, TextArea

from dailyreach.core.store.templates import templates
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.draft import DraftScreen
from dailyreach.tui.screens.templates import TemplateForm, TemplatesScreen
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, Keys, settle
from tests.tui.test_stats_screen import shown_lines


@pytest.fixture
def outside(monkeypatch):
    """The browser and the system clipboard, patched: what each was handed."""
    handed = {"opened": [], "copied": [], "browser": True, "clipboard": None}

    def open_url(url):
        handed["opened"].append(url)
        return handed["browser"]

    def copy(text):
        handed["copied"].append(text)
        return handed["clipboard"]

    monkeypatch.setattr(webbrowser, "open", open_url)
    monkeypatch.setattr("dailyreach.clipboard.copy_to_system_clipboard", copy)
    return handed


def draft_text(app) -> str:
    return app.screen.query_one(TextArea).text


async def test_c_drafts_a_public_reply_that_is_edited_copied_opened_and_logged(store, people, outside):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        assert isinstance(app.screen, DraftScreen)
        assert draft_text(app).startswith("@ann Thanks for this")
        assert "/280" in str(app.screen.query_one("#draft_count").render())
        await keys.type(" 🎉 Big [fan]!")
        edited = draft_text(app)
        assert edited.endswith(" 🎉 Big [fan]!")
        await keys.press("ctrl+s")
        assert app.clipboard == edited
        assert outside["copied"] == [edited]
        (link,) = outside["opened"]
        parts = urlsplit(link)
        assert (parts.scheme, parts.netloc, parts.path) == ("https", "x.com", "/intent/post")
        assert parse_qs(parts.query) == {"text": [edited]}
        # Back on the main screen with the log bar open: one key logs what was sent.
        assert not isinstance(app.screen, DraftScreen)
        assert app.screen.query_one("#text", Input).value == edited
        assert (
            app.screen.query_one("#channel", Input).value == "X"
        )  # as the bar shows a channel when it opens by itself
        await keys.press("enter")
        (logged,) = store.interactions(ann.id)
        assert (logged.kind, logged.channel, logged.text) == ("public_reply", "x", edited)


async def test_a_draft_for_a_contact_with_no_handle_says_there_is_none_to_open(store, outside):
    add_contact(store, "Nobody Online")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        assert isinstance(app.screen, DraftScreen)
        shown = str(app.screen.query_one("#draft_link").render())
        assert shown == "No handle to open: paste it where you write to them."


async def test_a_joiner_typed_into_a_draft_is_kept(store, people, outside):
    """Python does not call U+200D printable, and Textual's TextArea dropped it: 👩‍💻 came apart."""
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        await keys.type(" 👩\u200d💻")
        assert draft_text(app).endswith(" 👩\u200d💻")


async def test_no_browser_or_clipboard_keeps_the_draft_on_screen_and_says_so(store, people, outside):
    ann, _, _ = people
    outside["browser"], outside["clipboard"] = False, "no clipboard tool found"
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c", "ctrl+s")
        assert isinstance(app.screen, DraftScreen)
        [notice] = [n.message for n in app._notifications]
        assert "No web browser found" in notice and "no clipboard tool found" in notice
        assert "ctrl+l" in notice
        assert app.clipboard == draft_text(app)  # still sent to the terminal (OSC 52)
        await keys.press("ctrl+l")
        assert not any("No web browser found" in n.message for n in app._notifications)
        await keys.press("enter")
        assert [i.text for i in store.interactions(ann.id)] == [app.clipboard]


async def test_a_follow_up_on_pending_uses_the_follow_up_template_and_logs_a_follow_up(
    store, people, outside
):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=4), channel="x")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("2", "c")
        assert draft_text(app).startswith("Hi Ann, bringing my note from 4 days ago back up")
        await keys.press("ctrl+s")
        assert outside["opened"] == ["https://x.com/ann"]  # a DM: the profile
        await keys.press("enter")
        assert [i.kind for i in store.interactions(ann.id)] == ["dm_sent", "follow_up"]
        assert store.interactions(ann.id)[-1].text == app.clipboard


async def test_thanks_for_a_reply_is_logged_as_a_dm_and_takes_the_users_turn(store, people, outside):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(hours=3), channel="x")
    log(store, ann, "reply_received", at=store.now().subtract(hours=1), channel="x")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        # Written to today, Ann is done and the cursor starts on the next open row, below.
        await keys.press("k")
        assert "your turn" in str(app.screen.query_one("#detail").render())
        await keys.press("c")
        assert "thanks for reply" in str(app.screen.query_one("#draft_title").render())
        await keys.press("ctrl+l", "enter")
        await settle(pilot)
        assert [i.kind for i in store.interactions(ann.id)] == ["dm_sent", "reply_received", "dm_sent"]
        assert "your turn" not in str(app.screen.query_one("#detail").render())


async def test_after_every_follow_up_the_settings_allow_c_drafts_nothing_and_says_x_closes_the_thread(
    store, people, outside
):
    ann, _, _ = people
    for days_ago, kind in ((10, "dm_sent"), (7, "follow_up"), (4, "follow_up")):
        log(store, ann, kind, at=store.now().subtract(days=days_ago), channel="x")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("2", "c")
        await settle(pilot)
        assert not isinstance(app.screen, DraftScreen)  # no nudge to draft
        assert [(n.title, n.message) for n in app._notifications] == [
            (
                "No draft",
                "2 follow-ups sent without an answer, no more to send: x closes the thread as no response.",
            )
        ]


async def test_ctrl_t_switches_template_and_escape_logs_nothing(store, people, outside):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        first = draft_text(app)
        await keys.press("ctrl+t")
        assert draft_text(app) != first
        await keys.press("escape")
        assert not isinstance(app.screen, DraftScreen)
        assert store.interactions() == [] and outside["opened"] == []


async def test_a_japanese_contact_gets_a_japanese_draft_from_the_contacts_view(store, people, outside):
    _, yamada, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("4")
        table = app.screen.query_one(DataTable)
        row = next(i for i in range(table.row_count) if "山田" in str(table.get_row_at(i)))
        table.move_cursor(row=row)
        await keys.press("c")
        assert draft_text(app).startswith("@yamada@mstdn.jp 大変参考になりました")
        await keys.press("ctrl+s")
        assert urlsplit(outside["opened"][0]).netloc == "mstdn.jp"


async def test_a_hostile_name_is_shown_as_written(store, outside):
    add_contact(store, "[bold]VIP [/] \x1b[31mred", handles={"x": "@vip"})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        assert "Draft for [bold]VIP [/] red" in str(app.screen.query_one("#draft_title").render())


async def test_the_templates_screen_adds_refuses_previews_and_deletes_with_undo(store, people, outside):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("ctrl+p")
        await keys.type("Templates")
        await keys.press("enter")
        assert isinstance(app.screen, TemplatesScreen)
        before = len(templates(store))
        assert before > 0
        # The first template previewed as the first contact by name, then the next contact.
        assert "Preview for [bold]VIP on X" in str(app.screen.query_one("#preview_title").render())
        assert str(app.screen.query_one("#preview").render()).startswith("@vip Thank you for sharing")
        await keys.press("p")
        assert str(app.screen.query_one("#preview").render()).startswith("@ann Thank you for sharing")
        await keys.press("n")
        assert isinstance(app.screen, TemplateForm)
        await keys.type("Mine")
        app.screen.query_one("#body", TextArea).load_text("Hey {nmae}")
        await keys.press("ctrl+s")
        assert isinstance(app.screen, TemplateForm)
        assert "unknown placeholder {nmae}" in str(app.screen.query_one("#problem").render())
        app.screen.query_one("#body", TextArea).load_text("Hey {call_name}, coffee?")
        await keys.press("ctrl+s")
        assert isinstance(app.screen, TemplatesScreen)
        assert [t.body for t in templates(store) if t.name == "Mine"] == ["Hey {call_name}, coffee?"]
        # The cursor and the preview go to the template just added.
        assert app.screen._selected().name == "Mine"
        assert str(app.screen.query_one("#preview").render()).startswith("Hey Ann, coffee?")
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=0)
        table.move_cursor(row=next(i for i in range(table.row_count) if "Mine" in str(table.get_row_at(i))))
        below = app.screen.view.templates[table.cursor_row + 1].name
        await keys.press("x")
        assert "Mine" not in [t.name for t in templates(store)]
        # On the one below, where the cursor was: it went to the top, and a second x deleted another.
        assert app.screen._selected().name == below
        await keys.press("u")
        assert "Mine" in [t.name for t in templates(store)]
        assert app.screen._selected().name == "Mine"
        await keys.press("y")
        await keys.type("Ken")
        await keys.press("enter")
        assert store.settings().my_name == "Ken"
        assert "Your name: Ken" in str(app.screen.query_one("#my_name_line").render())
        await keys.press("u")
        assert store.settings().my_name == ""
        assert app._notifications and list(app._notifications)[-1].message == "Undone: change settings"


async def test_the_edit_form_sets_the_call_name_the_draft_uses(store, people, outside):
    _, yamada, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("j", "enter")  # 山田 太郎, second in Today
        await keys.press("E")
        box = app.screen.query_one("#call_name", Input)
        assert box.value == "" and box.placeholder == "山田さん (in drafts)"
        box.value = "山田先生"
        await keys.press("enter")
        assert store.contact(yamada.id).call_name == "山田先生"
        await keys.press("c", "ctrl+t")
        assert draft_text(app).startswith("山田先生\n\n突然のご連絡失礼いたします")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_draft_and_templates_footers_fit(store, people, outside, size):
    from textual.widgets._footer import FooterKey

    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        shown = [key.key for key in app.screen.query(FooterKey)]
        assert shown[:4] == ["ctrl+s", "ctrl+t", "ctrl+l", "escape"]
        assert all(key.region.right <= size[0] for key in app.screen.query(FooterKey))
        await keys.press("escape", "ctrl+p")
        await keys.type("Templates")
        await keys.press("enter")
        shown = [key.key for key in app.screen.query(FooterKey) if key.key != "ctrl+p"]
        assert shown[:5] == ["enter", "n", "x", "p", "y"]
        assert all(key.region.right <= size[0] for key in app.screen.query(FooterKey))


async def test_served_in_a_browser_the_link_opens_in_a_new_tab_and_no_server_clipboard_is_used(
    store, people, monkeypatch
):
    handed = []
    monkeypatch.setattr(DailyReachApp, "is_web", property(lambda app: True))
    monkeypatch.setattr(DailyReachApp, "open_url", lambda app, url, *, new_tab: handed.append((url, new_tab)))
    monkeypatch.setattr(webbrowser, "open", lambda url: pytest.fail(f"the server's browser opened {url}"))
    monkeypatch.setattr(
        "dailyreach.clipboard.copy_to_system_clipboard", lambda text: pytest.fail("the server's clipboard")
    )
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c", "ctrl+s")
        assert [new_tab for _, new_tab in handed] == [True]
        assert urlsplit(handed[0][0]).path == "/intent/post"
        assert app.clipboard and app.screen.query_one("#text", Input).value == app.clipboard


async def test_with_no_template_for_what_is_due_the_screen_says_so_and_ctrl_t_offers_the_others(
    store, people, outside
):
    from dailyreach.core.store.templates import delete_template, ensure_default_templates

    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=4), channel="x")
    ensure_default_templates(store)
    for template in templates(store):
        if template.purpose == "follow_up_1":
            delete_template(store, template)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("2", "c")
        assert draft_text(app) == ""
        assert "No template for a follow-up #1 on X" in str(app.screen.query_one("#draft_count").render())
        await keys.press("ctrl+s")  # nothing to copy
        assert outside["copied"] == [] and isinstance(app.screen, DraftScreen)
        await keys.press("ctrl+t")
        assert draft_text(app) != ""


@pytest.mark.parametrize(("before", "after"), [((120, 40), (80, 24)), ((80, 24), (120, 40))])
async def test_the_draft_is_wrapped_again_when_the_terminal_is_resized(store, outside, before, after):
    add_contact(store, "Ann Smith", handles={"email": "ann@example.com"}, why="Built a devtools company")
    app = DailyReachApp(store)
    async with app.run_test(size=before) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        await pilot.resize_terminal(*after)
        await settle(pilot)
        area = app.screen.query_one(TextArea)
        # Inside the border, the lines as wrapped for the new width: no word cut off at the old one.
        inside = [line.removeprefix("│").strip() for line in shown_lines(area) if line.startswith("│")]
        wrapped = [section.strip() for line in area.wrapped_document.lines for section in line]
        assert inside[: len(wrapped)] == wrapped
        assert " ".join(inside).split() == draft_text(app).split()


async def test_at_80x24_what_is_missing_stays_on_screen_under_a_long_name(store, outside):
    name = (
        "Maximiliana Alexandra Featherstonehaugh-Worthington, "
        "Founder and Chief Executive of Devtools Incorporated"
    )
    add_contact(store, name, call_name="Max", handles={"email": "max@example.com"}, why="Built devtools")
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        assert draft_text(app).startswith("Hi Max,\n\n")  # the draft is this contact's
        assert app.screen.query_one("#draft_title").size.height == 3  # lines of text
        count = app.screen.query_one("#draft_count")
        assert "nothing to fill {my_name} (your name: ctrl+p Templates, y)" in str(count.render())
        # Inside the box's border, on the screen: the draft gives way to the title's lines.
        box = app.screen.query_one("#draft_box")
        for shown in (count, app.screen.query_one("#draft_link")):
            assert box.content_region.contains_region(shown.region)
            assert app.screen.region.contains_region(shown.region)


async def test_letters_typed_in_one_write_with_ctrl_l_are_in_the_message_logged(store, people, outside):
    # ctrl+l acted ahead of the letters before it (a priority key): the P.S. was not in what was logged.
    from textual import events

    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c", "end")
        drafted = draft_text(app)
        for character in " PS":
            app.post_message(events.Key(character if character != " " else "space", character))
        app.post_message(events.Key("ctrl+l", None))
        await settle(pilot)
        await keys.press("enter")
        await settle(pilot)
        assert [i.text for i in store.interactions(ann.id)] == [drafted + " PS"]


async def test_an_edited_draft_is_put_away_only_when_ctrl_t_or_escape_is_pressed_again(
    store, people, outside
):
    # The edit was gone at the first ctrl+t, and ctrl+z did not bring it back.
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        first = str(app.screen.query_one("#draft_title").render())
        await keys.press("end", *" PS", "ctrl+t")
        assert draft_text(app).endswith(" PS") and str(app.screen.query_one("#draft_title").render()) == first
        assert list(app._notifications)[-1].message == (
            "The draft was edited: ctrl+t again puts the next template in its place."
        )
        await keys.press("ctrl+t")
        assert str(app.screen.query_one("#draft_title").render()) != first
        assert not draft_text(app).endswith(" PS")
        await keys.press(*" PS", "escape")
        assert isinstance(app.screen, DraftScreen)
        assert list(app._notifications)[-1].message == (
            "The draft was edited: esc again closes it, and the edit is lost."
        )
        await keys.press("escape")
        assert not isinstance(app.screen, DraftScreen)
        await keys.press("c", "escape")  # as it was drafted: closed at once
        assert not isinstance(app.screen, DraftScreen)
