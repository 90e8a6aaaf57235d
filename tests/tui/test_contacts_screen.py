"""The Contacts view: everyone, searched, sorted and logged to with the real keys, at 120×40 and 80×24."""

import webbrowser

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets._toast import Toast

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contact import ContactScreen
from dailyreach.tui.screens.contacts import ContactsScreen
from tests.conftest import add_contact, log
from tests.tui.conftest import cells

BIG, SMALL = (120, 40), (80, 24)


@pytest.fixture
def crowd(store, people):
    """Seven contacts to reach, more than a day's plan holds, and one archived."""
    ann, yamada, vip = people
    sato = add_contact(
        store, "佐藤 花子", handles={"linkedin": "hanako-sato"}, tags=["採用", "hr"], why="人事の本を出した"
    )
    bob = add_contact(store, "Bob Lee", handles={"bluesky": "bob.bsky.social"}, tags=["investor"], priority=1)
    dan = add_contact(store, "Dan", handles={"email": "dan@example.com"})
    eve = add_contact(store, "Eve", handles={"github": "eve"})
    carol = add_contact(store, "Carol", handles={"x": "@carol"}, tags=["oss"], archived=True)
    log(store, ann, "dm_sent", at=store.now().subtract(days=3))
    log(store, sato, "dm_sent", at=store.now().subtract(days=5), channel="linkedin")
    log(store, sato, "reply_received", at=store.now().subtract(days=1), channel="linkedin")
    log(store, bob, "public_reply", at=store.now().subtract(hours=1), channel="bluesky")
    store.history.clear()
    return {c.name: c for c in (ann, yamada, vip, sato, bob, dan, eve, carol)}


async def settle(pilot) -> None:
    """Waits for the reads and saves that run off the UI thread, and for what they show."""
    app = pilot.app
    await pilot.pause()
    while app.saves.busy or len(app.workers):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def open_contacts(pilot) -> None:
    """As a user does: 4 on the main screen."""
    await settle(pilot)
    await pilot.press("4")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ContactsScreen)


def names(app) -> list[str]:
    return [row[0] for row in cells(app, "contacts")]


def title(app) -> str:
    return str(app.screen.query_one("#contacts", DataTable).border_title)


async def go_to(pilot, name: str) -> None:
    await pilot.press(*["j"] * names(pilot.app).index(name))


@pytest.mark.parametrize("size", [BIG, SMALL])
async def test_everyone_is_listed_within_the_width_even_those_not_planned_today(store, crowd, size):
    planned = {item.contact.name for item in build_agenda(store).items}
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await open_contacts(pilot)
        listed = names(app)
        assert set(listed) == set(crowd) - {"Carol"}
        assert set(listed) - planned, "some contact outside today's plan"
        ann = cells(app, "contacts")[0]
        assert ann == ["Ann [/] Smith", "contacted", "3 days ago", "1", "X @ann", ""]
        assert "4 Contacts (7) · by priority" in title(app)
        table = app.screen.query_one("#contacts", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert not table.show_horizontal_scrollbar


async def test_a_name_written_like_markup_shows_as_written(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "[bold]VIP")
        table = app.screen.query_one("#contacts", DataTable)
        cell = table.get_row_at(table.cursor_row)[0]
        assert isinstance(cell, Text) and cell.plain == "[bold]VIP" and not cell.spans
        assert str(app.screen.query_one("#strip").render()).startswith("[bold]VIP")


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("yamada", ["山田 太郎"]),
        ("山田", ["山田 太郎"]),
        ("dan@EXAMPLE", ["Dan"]),
        ("investor", ["Bob Lee"]),
        ("#採用", ["佐藤 花子"]),
        ("ＢＯＢ", ["Bob Lee"]),
        ("smith ann", ["Ann [/] Smith"]),
        ("replied", ["佐藤 花子"]),  # a stage, as the Stage column shows it
        ("hr replied", ["佐藤 花子"]),
    ],
)
async def test_slash_searches_names_handles_and_tags_as_you_type(store, crowd, typed, found):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        await pilot.press("slash", *typed)
        await settle(pilot)
        assert names(app) == found
        assert f"(1 of 7) · by priority · search: {typed}" in title(app)


async def test_a_search_puts_the_cursor_on_its_first_match(store, crowd):
    # Left on the row it was on (the last, here), the cursor kept the first matches scrolled out of sight.
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        table = app.screen.query_one("#contacts", DataTable)
        table.move_cursor(row=table.row_count - 1)
        last = names(app)[-1]
        await pilot.press("slash", *last[0].lower())
        await settle(pilot)
        assert len(names(app)) > 1 and table.cursor_row == 0


async def test_end_and_home_go_to_the_last_and_first_contact(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        table = app.screen.query_one("#contacts", DataTable)
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1 > 0
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_1_2_and_3_go_back_to_that_pane_of_the_main_screen(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert not isinstance(app.screen, ContactsScreen)
        assert app.screen.focused is app.screen.query_one("#pending")


async def test_enter_keeps_the_search_and_escape_clears_it_then_goes_back(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        await pilot.press("slash", *"nobody", "enter")
        await settle(pilot)
        assert names(app) == []
        assert "Nobody matches" in str(app.screen.query_one("#contacts", DataTable).border_subtitle)
        await pilot.press("escape")
        await settle(pilot)
        assert len(names(app)) == 7 and isinstance(app.screen, ContactsScreen)
        await pilot.press("slash", *"eve", "escape")
        await settle(pilot)
        assert len(names(app)) == 7 and not app.screen.query_one("#search").display
        assert isinstance(app.screen, ContactsScreen) and "search" not in title(app)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, ContactsScreen)


async def test_shift_s_cycles_the_sort_order(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        # Priority, then name; casefolded, "[" comes before letters and kanji after them.
        assert names(app) == ["Ann [/] Smith", "Bob Lee", "Dan", "Eve", "佐藤 花子", "山田 太郎", "[bold]VIP"]
        await pilot.press("S")
        assert "by last contact" in title(app)
        assert names(app) == ["Bob Lee", "佐藤 花子", "Ann [/] Smith", "[bold]VIP", "Dan", "Eve", "山田 太郎"]
        assert [row[2] for row in cells(app, "contacts")][:3] == ["1 hour ago", "1 day ago", "3 days ago"]
        await pilot.press("S")
        assert "by stage" in title(app)
        assert names(app) == ["[bold]VIP", "Dan", "Eve", "山田 太郎", "Ann [/] Smith", "Bob Lee", "佐藤 花子"]
        await pilot.press("S")
        assert "by name" in title(app)
        assert names(app) == ["[bold]VIP", "Ann [/] Smith", "Bob Lee", "Dan", "Eve", "佐藤 花子", "山田 太郎"]
        await pilot.press("S")
        assert "by priority" in title(app)


async def test_the_cursor_stays_on_its_contact_when_the_order_changes(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "Eve")
        await pilot.press("S", "S")
        table = app.screen.query_one("#contacts", DataTable)
        assert names(app)[table.cursor_row] == "Eve"
        assert str(app.screen.query_one("#strip").render()).startswith("Eve")


async def test_a_toggles_archived_contacts(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        assert "Carol" not in names(app)
        await pilot.press("a")
        assert "Carol" in names(app)
        assert "4 Contacts (8) · by priority · archived shown" in title(app)
        await pilot.press("a")
        assert "Carol" not in names(app)


@pytest.mark.parametrize("size", [BIG, SMALL])
async def test_d_then_enter_logs_a_dm_to_the_highlighted_contact(store, crowd, size):
    dan = crowd["Dan"]
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "Dan")
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.query_one("#channel").value == "e-mail"
        await pilot.press("enter")
        await settle(pilot)
        logged = [i for i in store.interactions() if i.contact_id == dan.id]
        assert [(i.kind, i.channel) for i in logged] == [("dm_sent", "email")]
        row = cells(app, "contacts")[names(app).index("Dan")]
        assert row[1:3] == ["contacted", "just now"]


async def test_a_notice_stays_above_the_line_the_log_bar_opens_on_open_or_not(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "Dan")
        await pilot.press("d")
        await settle(pilot)
        app.notify("A notice")
        await settle(pilot)
        bar = app.screen.query_one("LogBar").region
        (toast,) = app.screen.query(Toast)
        assert toast.region.bottom <= bar.y
        await pilot.press("escape")
        await settle(pilot)
        assert toast.region.bottom <= bar.y  # set once, not as the bar opens: no restyling of the screen


async def test_the_strip_keeps_the_why_in_sight_however_many_handles_and_tags(store, crowd):
    handles = {"x": "@priya", "linkedin": "priya-raman", "bluesky": "priya.bsky.social", "github": "priyar"}
    tags = ["devtools", "newsletter", "community", "saas", "b2b"]
    add_contact(store, "Priya Raman", handles=handles, tags=tags, why="Grew a newsletter to 100k readers")
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "Priya Raman")
        strip = app.screen.query_one("#strip")
        lines = [strip.render_line(y).text.strip() for y in range(strip.size.height)]
        assert lines[1].endswith("…") and lines[2] == "why Grew a newsletter to 100k readers"


async def test_every_logging_key_opens_the_log_bar_for_the_highlighted_contact(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "Bob Lee")
        for key, title_text in [
            ("p", "Public reply posted"),
            ("f", "Follow-up sent"),
            ("r", "Reply received"),
            ("m", "Meeting booked"),
            ("M", "Met"),
            ("x", "Close as no response"),
            ("N", "Note"),
        ]:
            await pilot.press(key)
            await settle(pilot)
            assert str(app.screen.query_one("#log_title").render()) == f"{title_text}: Bob Lee"
            await pilot.press("escape")
            await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert len(store.interactions()) == 4


async def test_enter_opens_the_contact_screen_and_escape_comes_back(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "佐藤 花子")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        assert app.screen.contact_id == crowd["佐藤 花子"].id
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)


async def test_o_opens_the_highlighted_contacts_profile(store, crowd, monkeypatch):
    opened = []
    app = DailyReachApp(store)
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "山田 太郎")
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://mstdn.jp/@yamada"]


async def test_an_empty_store_says_how_to_add_a_contact(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        assert names(app) == []
        subtitle = app.screen.query_one("#contacts", DataTable).border_subtitle
        assert "press n to add one" in str(subtitle)
        await pilot.press("d")
        assert any("Select a contact first" in n.message for n in app._notifications)


async def test_the_palette_offers_all_contacts_with_its_key(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"All contacts")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)


@pytest.mark.parametrize("size", [BIG, SMALL])
async def test_the_footer_fits_and_ends_with_back_keys_and_quit(store, crowd, size):
    from textual.widgets._footer import FooterKey

    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await open_contacts(pilot)
        keys = [key for key in app.screen.query(FooterKey) if key.key != "ctrl+p"]
        assert [key.key for key in keys] == [
            "enter",
            "slash",
            "S",
            "a",
            "d",
            "n",
            "escape",
            "question_mark",
            "q",
        ]
        assert all(key.region.right <= size[0] for key in app.screen.query(FooterKey))


async def test_at_80_columns_the_handle_keeps_its_room_and_tags_give_way(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        table = app.screen.query_one(DataTable)
        widths = {str(column.key.value): column.width for column in table.ordered_columns}
        assert widths["handle"] >= 20 and widths["tags"] == 0
        assert table.virtual_size.width <= table.scrollable_content_region.width


@pytest.mark.parametrize("size", [BIG, SMALL])
async def test_last_contact_shows_whole_and_names_and_handles_leave_their_spare_room_to_tags(
    store, crowd, size
):
    log(store, crowd["Dan"], "dm_sent", at=store.now().subtract(minutes=59), channel="email")
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await open_contacts(pilot)
        table = app.screen.query_one(DataTable)
        widths = {str(column.key.value): column.width for column in table.ordered_columns}
        rows = cells(app, "contacts")
        assert "59 minutes ago" in [row[2] for row in rows]
        assert widths["last contact"] >= len("59 minutes ago")
        if size == BIG:
            assert widths["name"] == max(cell_len(row[0]) for row in rows)
            assert widths["handle"] == max(cell_len(row[4]) for row in rows)
            assert widths["tags"] > 24
        # A search keeps the columns as they are, fitted to everyone listed.
        await pilot.press("slash", *"dan")
        await settle(pilot)
        assert names(app) == ["Dan"]
        assert {str(column.key.value): column.width for column in table.ordered_columns} == widths


async def test_a_log_moves_the_cursor_on_to_the_contact_below_even_when_the_row_moves_to_the_top(
    store, crowd
):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        await pilot.press("S")  # by last contact: the one just logged goes to the top
        await settle(pilot)
        table = app.screen.query_one("#contacts", DataTable)
        listed = names(app)
        table.move_cursor(row=len(listed) - 2)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert names(app)[0] == listed[-2]
        assert names(app)[table.cursor_row] == listed[-1]
        await pilot.press("N", *"a note", "enter")
        await settle(pilot)
        assert names(app)[table.cursor_row] == listed[-1]  # a note ticks nothing off: it stays


async def test_a_log_on_the_last_row_moves_the_cursor_up_and_a_refused_one_puts_it_back(
    store, crowd, monkeypatch
):
    from dailyreach.core.store.storage import StoreWriteError

    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        await pilot.press("S")
        await settle(pilot)
        table = app.screen.query_one("#contacts", DataTable)
        listed = names(app)
        table.move_cursor(row=len(listed) - 1)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert names(app)[0] == listed[-1] and names(app)[table.cursor_row] == listed[-2]

        def refuse(*args, **kwargs):
            raise StoreWriteError("could not save db.json: No space left on device")

        monkeypatch.setattr(store, "add_interaction", refuse)
        refused = names(app)[table.cursor_row]
        await pilot.press("d", "enter")
        await settle(pilot)
        assert names(app)[table.cursor_row] == refused  # on the contact the reopened bar is for
        assert str(app.screen.query_one("#log_title").render()) == f"DM sent: {refused}"


async def test_a_target_added_from_all_contacts_is_said_and_takes_the_cursor(store, crowd):
    # Nothing was said, and the cursor stayed on the row it was on: the new contact was somewhere in
    # the list, sorted by last contact.
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Zed Quinn", "tab", *"@zed", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert list(app._notifications)[-1].message == "Added Zed Quinn."
        table = app.screen.query_one("#contacts", DataTable)
        assert names(app)[table.cursor_row] == "Zed Quinn"


async def test_delete_on_a_contact_deletes_them_with_their_interactions_and_u_brings_them_back(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "佐藤 花子")
        await pilot.press("delete")
        await settle(pilot)
        assert "佐藤 花子" not in names(app)
        assert (
            list(app._notifications)[-1].message
            == "Deleted 佐藤 花子 and 2 interactions: u brings them back."
        )
        assert crowd["佐藤 花子"].id not in {i.contact_id for i in store.interactions()}
        await pilot.press("u")
        await settle(pilot)
        assert "佐藤 花子" in names(app)
        assert len(store.interactions(crowd["佐藤 花子"].id)) == 2
        # The cursor is back on who was brought back, not on the row that took their place.
        assert names(app)[app.screen.query_one("#contacts", DataTable).cursor_row] == "佐藤 花子"


async def test_delete_of_someone_never_written_to_names_no_interactions(store, crowd):
    never = add_contact(store, "Quiet Person", handles={"x": "@quiet"})
    app = DailyReachApp(store)
    async with app.run_test(size=BIG) as pilot:
        await open_contacts(pilot)
        await go_to(pilot, "Quiet Person")
        await pilot.press("delete")
        await settle(pilot)
        assert "Quiet Person" not in names(app)
        assert list(app._notifications)[-1].message == "Deleted Quiet Person: u brings them back."
        assert store.contact(never.id) is None


async def test_E_edits_the_highlighted_contact_from_the_list(store, crowd):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_contacts(pilot)
        name = names(app)[1]
        await go_to(pilot, name)
        await pilot.press("E")
        await settle(pilot)
        assert app.screen.query_one("#name").value == name
        app.screen.query_one("#archived").value = True
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactsScreen) and name not in names(app)
    [edited] = [contact for contact in store.contacts(include_archived=True) if contact.name == name]
    assert edited.archived
