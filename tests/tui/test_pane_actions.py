"""Filtering a pane, turning an invitation's host into a target, and row-level updates."""

import pytest
from textual import events
from textual.content import Content
from textual.widgets import DataTable

from dailyreach.core.records.model import Invitation
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.invitation_form import host_as_target
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, cells, settle


async def test_slash_filters_the_focused_pane_enter_keeps_it_escape_clears_it(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"zq")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == []
        assert "No rows match" in str(app.screen.query_one("#today", DataTable).border_subtitle)
        # No row is highlighted, so the strip under the panes shows no one's details.
        detail = str(app.screen.query_one("#detail").content)
        assert not any(person.name in detail for person in people)
        await pilot.press("backspace", "backspace", *"VIP")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["[bold]VIP"]
        assert "[bold]VIP" in str(app.screen.query_one("#detail").content)
        await pilot.press("enter", "d", "enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [people[2].id]
        # How many of the pane's rows the filter keeps: the count in the title is the whole pane's.
        assert (
            str(app.screen.query_one("#today", DataTable).border_title) == "1 Today 1/5  filter: vip (1 of 3)"
        )
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert len(cells(app, "today")) == 3
        assert app.screen.focused.id == "today"


def title_text(widget) -> str:
    """A border title as drawn: its getter gives it as markup."""
    return Content.from_markup(widget.border_title).plain


async def test_a_filter_or_a_search_is_shown_as_typed_never_read_as_markup(store, people):
    """ "[/]" in the search stopped the app (MarkupError), and "[bold]" vanished from the title."""
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"[bold]")
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        assert title_text(today).endswith("filter: [bold] (1 of 3)")
        await pilot.press("enter", "4", "slash", *"[/]")
        await settle(pilot)
        contacts = app.screen.query_one("#contacts", DataTable)
        assert title_text(contacts).endswith("search: [/]")
    assert app.crash is None


async def test_a_filter_matches_japanese_and_any_column(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"mastodon")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["山田 太郎"]
        app.screen.query_one("#filter").value = "山田"
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["山田 太郎"]


async def test_a_filter_finds_a_handle_in_pending_which_shows_none_and_any_handle_in_today(store):
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann", "linkedin": "ann-smith-cto"}, priority=1)
    add_contact(store, "Bob Lee", handles={"x": "@bob"}, priority=2)
    waiting = add_contact(store, "山田 太郎", handles={"linkedin": "taro-yamada-123"})
    log(store, waiting, "dm_sent", at=store.now().subtract(days=5), channel="linkedin")
    other = add_contact(store, "Other Waiting", handles={"x": "@other"})
    log(store, other, "dm_sent", at=store.now().subtract(days=5), channel="x")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "slash", *"yama")
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == ["山田 太郎"]
        await pilot.press("escape", "1", "slash", *"smith-cto")
        await settle(pilot)
        # Today's Handle column shows @ann, the first handle: the filter finds the others too.
        assert [row[1] for row in cells(app, "today")] == [ann.name]


async def test_a_filter_of_several_words_keeps_the_rows_holding_every_word(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"smith an")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["Ann [/] Smith"]
        assert "filter: smith an" in str(app.screen.query_one("#today", DataTable).border_title)
        app.screen.query_one("#filter").value = "MASTODON  太郎"
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["山田 太郎"]
        app.screen.query_one("#filter").value = "ann mastodon"
        await settle(pilot)
        assert cells(app, "today") == []


async def test_a_filter_finds_names_typed_without_their_accents_as_the_contacts_list_does(store):
    for name in ("José Núñez", "Ann Smith", "ＡＢＣ Ｌａｂｓ"):
        add_contact(store, name)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"jose nunez")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["José Núñez"]
        app.screen.query_one("#filter").value = "NÚÑEZ"
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["José Núñez"]
        app.screen.query_one("#filter").value = "abc"
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["ＡＢＣ Ｌａｂｓ"]


async def test_a_filter_keeps_the_highlight_on_the_same_person(store):
    for name, priority in (("Alpha One", 1), ("Beta Two", 2), ("Gamma Two", 3)):
        add_contact(store, name, handles={"x": "@" + name.split()[0].lower()}, priority=priority)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("slash", *"two", "enter")  # Alpha, above the highlight, goes
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["Beta Two", "Gamma Two"]
        await pilot.press("d", "enter")
        await settle(pilot)
    assert [store.contact(i.contact_id).name for i in store.interactions()] == ["Beta Two"]


def typed_together(app, *keys: str) -> None:
    """``keys`` arriving at once, as a terminal sends Escape with the key typed after it."""
    for key in keys:
        app.post_message(events.Key(key, {"slash": "/", "escape": None, "enter": "\r"}.get(key, key)))


async def test_escape_in_the_filter_box_clears_it_and_gives_the_pane_the_focus(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Ann", "escape")
        await settle(pilot)
        box = app.screen.query_one("#filter")
        assert app.screen.focused.id == "today" and not box.display
        assert len(cells(app, "today")) == 3
        await pilot.press("slash")
        await settle(pilot)
        assert app.screen.focused is box and box.value == ""
        await pilot.press(*"Ann")
        await settle(pilot)
        # Escape and / sent together: the / opens the box again, empty, and is not typed in it.
        typed_together(app, "escape", "slash")
        await settle(pilot)
        assert app.screen.focused is box and box.display and box.value == ""
        assert "filter" not in str(app.screen.query_one("#today", DataTable).border_title)
        assert len(cells(app, "today")) == 3


async def test_slash_in_the_filter_box_selects_the_filter_rather_than_typing_it(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # A terminal reads Escape with a / typed right after it as "/" alone.
        await pilot.press("slash", *"zq", "slash")
        await settle(pilot)
        box = app.screen.query_one("#filter")
        assert box.value == "zq" and box.selected_text == "zq"
        # What the pane says to do then works from the box as from the pane.
        assert "/ then Escape" in str(app.screen.query_one("#today", DataTable).border_subtitle)
        await pilot.press("escape")
        await settle(pilot)
        assert len(cells(app, "today")) == 3 and app.screen.focused.id == "today"
        await pilot.press("slash", *"vi", "slash", *"ann")
        await settle(pilot)
        assert box.value == "ann" and [row[1] for row in cells(app, "today")] == ["Ann [/] Smith"]


async def test_a_key_sent_with_the_enter_that_keeps_a_filter_acts_on_the_pane(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"VIP")
        await settle(pilot)
        typed_together(app, "enter", "d")
        await settle(pilot)
        assert app.screen.query_one("#filter").value == "VIP"
        await pilot.press("enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [people[2].id]
        assert [row[1] for row in cells(app, "today")] == ["[bold]VIP"]


async def test_t_turns_an_invitations_host_into_a_target(store, people):
    store.save_invitation(Invitation(title="SaaS Night", host="Dana Lee", kind="mixer", status="declined"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "t")
        await settle(pilot)
        assert app.screen.query_one("#name").value == "Dana Lee"
        await pilot.press("enter")
        await settle(pilot)
        dana = next(c for c in store.contacts() if c.name == "Dana Lee")
        assert dana.why == "met via: declined SaaS Night"


@pytest.mark.parametrize("host", ["Mike Host @mikehost", "Michael H. @MikeHost", "mike host"])
async def test_t_on_a_host_already_a_contact_says_so_at_once(store, host):
    add_contact(store, "Mike Host", handles={"x": "@mikehost"})
    store.save_invitation(Invitation(title="Pitch night", host=host, kind="sales_pitch", status="declined"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "t")
        await settle(pilot)
        assert app.screen.query_one("#invitations", DataTable).has_focus  # no form opened
        assert [n.message for n in app._notifications] == [
            "Mike Host is already a contact: 4 lists every contact."
        ]
        assert len(store.contacts()) == 1


def test_the_host_of_an_invitation_not_declined_yet_was_met_through_it_not_by_declining():
    undecided = Invitation(title="SaaS Night", host="Dana Lee", kind="mixer")
    assert host_as_target(undecided) == {"name": "Dana Lee", "why": "met via: invited to SaaS Night"}


async def test_t_without_a_host_or_on_a_contact_row_adds_nothing(store, people):
    store.save_invitation(Invitation(title="Webinar", kind="seminar"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", "3", "t")
        await settle(pilot)
        assert len(store.contacts()) == 3
        assert app.screen.query_one("#invitations", DataTable)


async def test_logging_updates_rows_in_place_instead_of_refilling_the_tables(store, people, monkeypatch):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        cleared = []
        for pane in ("today", "pending", "invitations"):
            table = app.screen.query_one(f"#{pane}", DataTable)

            def clear(*args, table=table, pane=pane, clear=table.clear, **kwargs):
                # An empty table may be cleared to fit its columns to its first row: it has none to fill again.
                if table.row_count:
                    cleared.append(pane)
                return clear(*args, **kwargs)

            monkeypatch.setattr(table, "clear", clear)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert cells(app, "today")[0][0] == "✓"
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith"]
        await pilot.press("2", "r", "enter")
        await settle(pilot)
        assert cells(app, "pending") == []
        assert cleared == []


async def test_x_on_an_empty_declined_pane_says_how_to_record_one(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "x")
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["No invitations yet: i records one."]


async def test_escape_on_a_pane_clears_the_filter_enter_kept(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"vip", "enter")
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        assert [row[1] for row in cells(app, "today")] == ["[bold]VIP"] and "filter: vip" in str(
            today.border_title
        )
        await pilot.press("escape")
        await settle(pilot)
        assert len(cells(app, "today")) == 3 and "filter" not in str(today.border_title)
        assert today.has_focus


async def test_a_slash_typed_together_with_a_pane_key_filters_that_pane(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        typed_together(app, "3", "slash")  # as fast as a macro or a paste sends them
        await settle(pilot)
        box = app.screen.query_one("#filter")
        assert app.screen.focused is box and box.display
        await pilot.press(*"zq")
        await settle(pilot)
        assert "filter: zq" in str(app.screen.query_one("#invitations", DataTable).border_title)
        assert "filter" not in str(app.screen.query_one("#today", DataTable).border_title)
