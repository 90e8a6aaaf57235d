"""The main screen at 120×40 and 80×24: what a user acts on is readable without scrolling sideways."""

from dataclasses import replace

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import DataTable, Footer
from textual.widgets._footer import FooterKey

from dailyreach.core.records.model import Contact, Invitation
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.columns import Column, fit_widths
from dailyreach.tui.screens import main
from tests.conftest import add_contact, log
from tests.tui.conftest import settle

WIDE, SMALL = (120, 40), (80, 24)
LONG_WHY = "Sold two companies; ask how she found her first ten customers without paid ads or events"


@pytest.fixture
def day(store):
    """Five targets with long handles, two of them waiting for a reply, and an undecided mixer."""
    names = [
        "Ann Smith",
        "山田 太郎",
        "Priya Natarajan",
        "Marco Rossi",
        "Lena Fischer",
        "Wolfgang Amadeus Mozart-Salieri",
    ]
    handles = [
        {"x": "@ann"},
        {"mastodon": "@yamada@mstdn.jp"},
        {"email": "priya.natarajan@example.com"},
        {"bluesky": "marco.bsky.social", "x": "@marco"},
        {"linkedin": "lena-fischer-8a1b2c3d"},
        {"x": "@wolfgang"},
    ]
    people = [
        add_contact(store, name, handles=handle, why=LONG_WHY, priority=priority)
        for name, handle, priority in zip(names, handles, [1, 1, 1, 2, 3, 3], strict=True)
    ]
    log(store, people[0], "dm_sent", at=store.now().subtract(days=6))
    log(store, people[1], "dm_sent", at=store.now().subtract(days=1))
    store.save_invitation(
        Invitation.from_dict(
            {"title": "異業種交流会 in 渋谷", "kind": "mixer", "event_date": "2026-11-29", "cost": "¥5000"}
        )
    )
    store.history.clear()
    return people


def line(table: DataTable, y: int) -> str:
    """What the table draws on its ``y``-th line (0 is the header)."""
    return table.render_line(y).text


def shown_panes(app) -> list[str]:
    return [pane.id for pane in app.screen.query(".pane") if pane.display]


@pytest.mark.parametrize("size", [WIDE, SMALL])
async def test_no_pane_scrolls_sideways_and_long_text_ends_in_an_ellipsis(store, day, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for pane in ("today", "pending", "invitations"):
            await pilot.press(str(("today", "pending", "invitations").index(pane) + 1))
            await settle(pilot)
            table = app.screen.query_one(f"#{pane}", DataTable)
            assert not table.show_horizontal_scrollbar
            assert table.virtual_size.width <= table.scrollable_content_region.width
        today = app.screen.query_one("#today", DataTable)
        await pilot.press("1")
        await settle(pilot)
        rows = [line(today, y) for y in range(1, today.row_count + 1)]
        # Name, why it is planned and the handle, on every row, at both sizes: whole, a 27-letter address
        # at 80 columns too, in the cells the Reason column does not need.
        assert "Ann Smith" in rows[0] and "follow-up #1" in rows[0] and "X @ann" in rows[0]
        assert "e-mail priya.natarajan@example.com" in rows[1]
        assert "LinkedIn lena-fischer-8a1b2c3d" in rows[3]
        assert "Wolfgang Amadeus Mo…" in rows[4]
        assert all(" new " in row for row in rows[1:])
        if size == WIDE:
            assert "Sold two companies; ask how she" in rows[0] and rows[0].rstrip(" │▁▇").endswith("…")


async def test_pending_rows_show_the_name_how_long_and_the_follow_up_date(store, day):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        pending = app.screen.query_one("#pending", DataTable)
        assert "Ann Smith" in line(pending, 1)
        assert "6 days ago" in line(pending, 1)
        assert "2026-11-20" in line(pending, 1)


async def test_at_80x24_the_panes_take_turns_and_today_shows_its_five_rows(store, day):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert shown_panes(app) == ["today"]
        today = app.screen.query_one("#today", DataTable)
        assert today.row_count == 5
        assert today.scrollable_content_region.height >= 6  # the header and the five planned rows
        tabs = str(app.screen.query_one("#pane_tabs").render())
        assert (
            "1 Today 0/5" in tabs
            and "2 Pending replies (2)" in tabs
            and "3 Declined (0, 1 undecided)" in tabs
        )
        await pilot.press("2")
        await settle(pilot)
        assert shown_panes(app) == ["pending"] and app.screen.focused.id == "pending"
        await pilot.press("tab")
        await settle(pilot)
        assert shown_panes(app) == ["invitations"]
        await pilot.press("tab")
        assert shown_panes(app) == ["today"]
        await pilot.press("shift+tab")
        assert shown_panes(app) == ["invitations"]


async def test_at_120x40_all_three_panes_show_at_once(store, day):
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert shown_panes(app) == ["today", "pending", "invitations"]
        assert not app.screen.query_one("#pane_tabs").display


async def test_the_first_frame_at_80x24_is_already_one_pane_at_a_time(store, day, monkeypatch):
    # Laid out for the terminal as the screen mounts: its first resize comes after the first frame, which
    # then showed three squeezed panes and no tabs, redrawn a frame later.
    monkeypatch.setattr(main.MainScreen, "on_resize", lambda screen, event: None)
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert shown_panes(app) == ["today"]
        assert app.screen.query_one("#pane_tabs").display


async def test_the_detail_strip_shows_the_highlighted_row_in_full(store, day):
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        detail = app.screen.query_one("#detail")
        await pilot.press("j", "j")
        await settle(pilot)
        shown = str(detail.render())
        assert "Marco Rossi" in shown
        assert "Bluesky marco.bsky.social" in shown and "X @marco" in shown
        assert LONG_WHY in shown
        assert "nothing yet" in shown and "a first message: d DM, p public reply" in shown
        await pilot.press("2")
        await settle(pilot)
        shown = str(detail.render())
        assert "Ann Smith" in shown
        assert "last message on X, 6 days ago (2026-11-17 09:00)" in shown
        assert "follow-up #1 overdue since 2026-11-20 (3 days)" in shown
        await pilot.press("3")
        await settle(pilot)
        shown = str(detail.render())
        assert "異業種交流会 in 渋谷" in shown and "5,000 JPY" in shown
        assert "undecided: x declines it" in shown


async def test_an_undecided_invitation_is_marked_not_counted_and_x_declines_it(store, day):
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        invitations = app.screen.query_one("#invitations", DataTable)
        assert invitations.border_title == "3 Declined (0, 1 undecided)"
        assert line(invitations, 1).lstrip("│ ").startswith("?")
        await pilot.press("3", "x")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert [invitation.status for invitation in store.invitations()] == ["declined"]
        assert invitations.border_title.startswith("3 Declined (1): saved 5,000 JPY")
        assert line(invitations, 1).lstrip("│ ").startswith("✗")


@pytest.mark.parametrize("size", [WIDE, SMALL])
async def test_the_footer_fits_and_shows_the_daily_keys_first(store, day, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        keys = [key for key in app.screen.query(FooterKey) if key.key != "ctrl+p"]
        assert [key.key for key in keys] == ["d", "f", "r", "n", "i", "e", "question_mark", "q"]
        assert all(key.region.right <= size[0] for key in app.screen.query(FooterKey))
        assert [key.description for key in keys][:3] == ["DM", "Follow-up", "Reply"]


async def test_the_week_line_shows_kept_days_and_todays_progress(store, day):
    log(store, day[2], "dm_sent", at=store.now().subtract(days=1))
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        # 2026-11-23 is a Monday: Sunday the 22nd is last week; Monday has today's plan.
        assert str(app.screen.query_one("#week").render()).split() == [
            "Mon",
            "0/5",
            "Tue",
            "·",
            "Wed",
            "·",
            "Thu",
            "·",
            "Fri",
            "·",
            "Sat",
            "·",
            "Sun",
            "·",
        ]
        await pilot.press("d", "enter")
        await settle(pilot)
        assert "Mon 1/5" in str(app.screen.query_one("#week").render())


async def test_past_days_of_the_week_show_whether_they_were_kept(store, day, clock):
    log(store, day[2], "dm_sent")  # Monday
    clock.advance(days=2)
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        week = str(app.screen.query_one("#week").render()).split()
        assert week[:6] == ["Mon", "●", "Tue", "○", "Wed", "0/5"]


async def test_the_week_strip_starts_on_the_settings_first_day_of_the_week(store, clock):
    """It was always Monday to Sunday, while Stats and the weekly review followed week_start."""
    store.change_settings(lambda _current: {"week_start": "sunday"})
    ann = store.save_contact(Contact(name="Ann", handles={"x": "@ann"}))
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))  # Sunday, the week's first day
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        week = str(app.screen.query_one("#week").render()).split()
        assert week[:6] == ["Sun", "●", "Mon", "0/5", "Tue", "·"]


async def test_days_before_the_first_message_are_not_shown_as_missed(store, clock):
    clock.advance(days=2)
    ann = store.save_contact(Contact(name="Ann", handles={"x": "@ann"}))
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))  # Tuesday, the first ever
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        week = str(app.screen.query_one("#week").render()).split()
        assert week[:6] == ["Mon", "·", "Tue", "●", "Wed", "0/5"]


async def test_the_sent_cell_moves_on_with_the_clock(store, day, clock, monkeypatch):
    log(store, day[3], "dm_sent", at=store.now().subtract(minutes=5))
    monkeypatch.setattr(main, "CLOCK_SECONDS", 0.2)
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        pending = app.screen.query_one("#pending", DataTable)
        assert "5 minutes ago" in line(pending, 3)
        clock.advance(minutes=2)
        await pilot.pause(0.5)
        await settle(pilot)
        assert "7 minutes ago" in line(pending, 3)


async def test_a_new_target_in_todays_plan_takes_the_cursor(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        assert today.cursor_row == 0
        await pilot.press("n", *"Grace Hopper", "enter")
        await settle(pilot)
        assert "Added Grace Hopper to today's plan." in [str(n.message) for n in app._notifications]
        assert str(today.get_row_at(today.cursor_row)[1]) == "Grace Hopper"
        await pilot.press("d", "enter")  # written to at once
        await settle(pilot)
    assert [store.contact(i.contact_id).name for i in store.interactions()] == ["Grace Hopper"]


async def test_a_new_target_is_told_where_it_went(store, day):
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Grace Hopper", "enter")
        await settle(pilot)
        messages = [str(notification.message) for notification in app._notifications]
        assert "Added Grace Hopper: planned from tomorrow, today's plan is full." in messages


async def test_a_plan_filled_by_someone_written_to_off_it_is_said_full(store, people):
    # Four planned and one written to off the plan: the new target was "not in today's plan", no reason.
    store.save_settings(replace(store.settings(), daily_goal=len(people) + 1))
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        outside = add_contact(store, "Off Plan", handles={"x": "@off"})
        log(store, outside, "dm_sent")
        await pilot.press("n", *"Grace Hopper", "enter")
        await settle(pilot)
        messages = [str(notification.message) for notification in app._notifications]
        assert "Added Grace Hopper: planned from tomorrow, today's plan is full." in messages


# Today's shape: a mark, two shared columns with a most, and the one that takes the rest.
NAME_HANDLE_WHY = (
    Column("mark", "", width=1),
    Column("name", "Name", least=8, most=20, weight=2),
    Column("handle", "Handle", least=10, most=30, weight=3),
    Column("why", "Why"),
)


def test_fixed_columns_keep_their_width_and_the_rest_share_what_is_left():
    columns = NAME_HANDLE_WHY
    assert fit_widths(columns, 120) == [1, 20, 30, 61]
    # Too narrow for everything: the last shared columns give way first.
    assert fit_widths(columns, 30) == [1, 10, 11, 0]
    assert fit_widths(columns, 20) == [1, 8, 3, 0]
    assert sum(fit_widths(columns, 80)) == 80 - 2 * len(columns)


def test_a_column_grows_no_wider_than_its_text_and_leaves_the_room_to_the_text_cut_short():
    columns = NAME_HANDLE_WHY
    assert fit_widths(columns, 120, longest=[1, 13, 10, 90]) == [1, 13, 10, 88]
    # Narrower than its least when its text and title are: "Handle" is six cells.
    assert fit_widths(columns, 120, longest=[1, 13, 1, 90]) == [1, 13, 6, 92]
    # Text wider than a column's most is cut at its most, as without the text.
    assert fit_widths(columns, 120, longest=[1, 40, 50, 90]) == fit_widths(columns, 120)


def test_room_the_last_column_does_not_need_shows_a_name_past_its_columns_most():
    columns = NAME_HANDLE_WHY
    assert fit_widths(columns, 120, longest=[1, 26, 10, 40]) == [1, 26, 10, 75]
    # First come first: the name takes what the last column can give before the handle does.
    assert fit_widths(columns, 120, longest=[1, 60, 90, 30]) == [1, 51, 30, 30]
    # The last column's own text keeps its room: a most holds where the room is wanted.
    assert fit_widths(columns, 120, longest=[1, 26, 10, 90]) == [1, 20, 10, 81]
    # A last column with no text gives up even its title: a sliver of it would show nothing.
    assert fit_widths(columns, 60, longest=[1, 60, 10, 0]) == [1, 41, 10, 0]


async def test_a_why_is_shown_whole_when_the_handles_leave_room_for_it(store):
    why = "Built and sold a company; ask how they found their first customers."
    add_contact(store, "Ann Smith", handles={"x": "@ann"}, why=why)
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        assert why in line(today, 1)


async def test_a_name_longer_than_the_others_widens_its_column_when_logged(store):
    for name in ("Ann Smith", "Wolfgang Amadeus Mozart"):
        add_contact(store, name, handles={"x": "@" + name.split()[0].lower()})
    log(store, store.contacts()[0], "dm_sent", at=store.now().subtract(days=1))
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        pending = app.screen.query_one("#pending", DataTable)
        assert "Ann Smith" in line(pending, 1) and "Wolfgang" not in line(pending, 2)
        await pilot.press("j", "d", "enter")
        await settle(pilot)
        assert "Wolfgang Amadeus Mozart " in line(pending, 2)


@pytest.mark.parametrize("size", [WIDE, SMALL])
async def test_on_the_declined_pane_the_footer_has_the_invitation_keys(store, day, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        keys = [key.key for key in app.screen.query(FooterKey) if key.key != "ctrl+p"]
        assert keys == ["x", "t", "E", "n", "i", "e", "question_mark", "q"]
        await pilot.press("d")  # a logging key is for people: nothing opens here
        await settle(pilot)
        assert not app.screen.query_one("LogBar").display


@pytest.mark.parametrize("language", ["en", "ja"])
async def test_what_declining_saved_is_drawn_whole_at_80_columns(store, day, language):
    # Cut short, an amount reads as another one: "3,00…" for 3,000円.
    from dailyreach import i18n

    store.save_invitation(
        Invitation.from_dict(
            {
                "title": "Startup Networking Night in Shibuya",
                "kind": "sales_pitch",
                "host": "Event newsletter",
                "hours": 3,
                "cost": 3000,
                "currency": "JPY",
            }
        )
    )
    i18n.use_language(language)
    try:
        app = DailyReachApp(store)
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            await pilot.press("3")
            await settle(pilot)
            drawn = [line(app.screen.query_one("#invitations", DataTable), y) for y in (1, 2)]
    finally:
        i18n.use_language("en")
    whole = {"en": ("3 h, 3,000 JPY", "5,000 JPY"), "ja": ("3時間、3,000円", "5,000円")}[language]
    assert all(any(amount in text for text in drawn) for amount in whole), drawn


async def test_the_filter_box_footer_says_what_enter_and_escape_do(store, day):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("slash", "a")
        await settle(pilot)
        shown = [(key.key, key.description) for key in app.screen.query(FooterKey) if key.key != "ctrl+p"]
        assert shown == [("enter", "Keep the filter"), ("escape", "Clear the filter")]


async def test_the_footer_offers_x_on_an_invitation_still_to_decline_alone(store, day):
    declined = store.save_invitation(Invitation.from_dict({"title": "Pitch night", "kind": "sales_pitch"}))
    store.decline_invitation(declined.id)
    app = DailyReachApp(store)
    async with app.run_test(size=WIDE) as pilot:

        async def footer_keys() -> list[str]:
            await settle(pilot)
            return [key.key for key in app.screen.query(FooterKey)]

        await pilot.press("3")
        assert "x" in await footer_keys()  # the undecided mixer comes first
        await pilot.press("j")
        assert "x" not in await footer_keys()
        await pilot.press("x")  # still a key: it says why nothing opens
        await settle(pilot)
        assert "Already declined." in [str(toast.message) for toast in app._notifications]
        await pilot.press("k")
        assert "x" in await footer_keys()
        await pilot.press("x", "enter")  # declined: the row under the cursor now is a no already said
        assert "x" not in await footer_keys()
        assert {invitation.status for invitation in store.invitations()} == {"declined"}


async def test_a_long_why_leaves_room_for_what_was_sent_and_what_comes_next(store, day):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("2", "j")
        await settle(pilot)
        detail = app.screen.query_one("#detail")
        lines = [detail.render_line(y).text for y in range(detail.size.height)]
        assert any(line.strip().startswith("sent") for line in lines)
        assert any(line.strip().startswith("next") for line in lines)
        assert any(line.rstrip(" │").endswith("…") for line in lines if "why" in line)


async def test_a_line_too_long_for_the_strip_wraps_when_the_strip_holds_every_line_wrapped(store):
    host = "Shibuya Founders Network, the organisers of the year-end party"
    store.save_invitation(
        Invitation.from_dict({"title": "忘年会パーティー 2026", "kind": "party", "from": host})
    )
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        detail = app.screen.query_one("#detail")
        lines = [detail.render_line(y).text.strip(" │") for y in range(detail.size.height)]
        assert " ".join(lines).count(host) == 1 and not any(line.endswith("…") for line in lines)
        assert any(line.startswith("undecided: x declines it") for line in lines)
        # Narrower, it would take more lines than the strip has: each is cut instead, the last kept.
        await pilot.resize_terminal(40, 24)
        await settle(pilot)
        lines = [detail.render_line(y).text.strip(" │") for y in range(detail.size.height)]
        assert lines[1].endswith("…") and any(line.startswith("undecided") for line in lines)


async def test_the_keys_panel_starts_with_the_apps_keys(store, day):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        console = Console(width=80, record=True)
        console.print(app.screen.query_one("HelpPanel BindingsTable").render())
        panel = console.export_text()
        assert "DM sent" in panel
        assert "Cursor" not in panel and "Page" not in panel


@pytest.mark.parametrize("after", [(118, 40), (80, 24), (140, 50)])
async def test_resizing_the_terminal_keeps_the_cursor_on_the_same_person(store, after):
    """Columns fitted to the new width fill the table again: the cursor and the detail stay with whom
    they were on, or the next key would log to another person."""
    for number, name in enumerate(("Ann Smith", "Bob Lee", "Cy Young", "Dan Brown")):
        add_contact(store, name, handles={"x": f"@{name.split()[0].lower()}"}, priority=min(number + 1, 3))
    app = DailyReachApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("1", "j", "j", "j")
        today = app.screen.query_one("#today", DataTable)
        assert today.cursor_row == 3
        await pilot.resize_terminal(*after)
        await settle(pilot)
        await settle(pilot)
        assert today.cursor_row == 3
        assert "Dan Brown" in str(app.screen.query_one("#detail").render())
        await pilot.press("d", "enter")
        await settle(pilot)
    (dan,) = [contact for contact in store.contacts() if contact.name == "Dan Brown"]
    assert [(i.contact_id, i.kind) for i in store.interactions()] == [(dan.id, "dm_sent")]


def test_a_fixed_column_is_no_wider_than_its_text_and_title_its_room_going_to_the_rest():
    columns = (
        Column("mark", "", width=1),
        Column("name", "Name", least=8, most=20),
        Column("reason", "Reason", width=13),
        Column("why", "Why"),
    )
    assert fit_widths(columns, 60, [1, 5, 3, 40]) == [1, 5, 6, 40]
    assert fit_widths(columns, 60, [1, 5, 12, 40]) == [1, 5, 12, 34]
    assert fit_widths(columns, 60, [1, 5, 30, 40]) == [1, 5, 13, 33]
    assert fit_widths(columns, 60) == [1, 20, 13, 18]  # no rows: the table's own widths
    # The room the why does not need goes to a name cut short, never past a fixed column's width.
    assert fit_widths(columns, 80, [1, 5, 30, 10]) == [1, 5, 13, 53]


async def test_a_row_that_comes_with_longer_text_in_a_fixed_column_widens_it(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        key, cells = today.listed[0]
        assert [cell.plain for cell in cells][2] == "new" and today.ordered_columns[2].width == 6
        longer = [*cells[:2], Text("follow-up #2"), *cells[3:]]
        today.show_row(key, [(key, longer), *today.listed[1:]])
        await settle(pilot)
        assert "follow-up #2" in line(today, 1)


@pytest.mark.parametrize("size", [WIDE, SMALL])
async def test_with_the_keys_panel_open_the_panes_refit_to_the_room_left_and_close_again(store, day, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        full = today.virtual_size.width
        await pilot.press("question_mark")
        await settle(pilot)
        assert today.virtual_size.width <= today.scrollable_content_region.width < full
        assert "Wolfgang" in line(today, 5) and "│" not in line(today, 5)
        await pilot.press("escape")
        await settle(pilot)
        assert today.virtual_size.width == full


async def test_a_resize_textual_did_not_send_is_made_up_for_at_the_next_layout(store, day):
    # Textual at times sends the panes and the footer no Resize as the keys panel docks beside them (four
    # runs in ten here): left as if the panel were closed, they are fitted again once the screen is laid out.
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        today, footer = app.screen.query_one("#today", main.Pane), app.screen.query_one(main.KeyFooter)
        fitted = (today.available, [column.width for column in today.ordered_columns])
        kept = (footer.show_command_palette, footer.compact)
        today.fit(SMALL[0] - main.PANE_FRAME)
        footer.set_reactive(Footer.show_command_palette, not kept[0])
        footer.set_reactive(Footer.compact, not kept[1])
        assert today.available != fitted[0]
        app.screen.refresh(layout=True)
        await settle(pilot)
        assert (today.available, [column.width for column in today.ordered_columns]) == fitted
        assert (footer.show_command_palette, footer.compact) == kept


def test_fixed_columns_at_the_end_of_the_row_go_whole_before_a_name_goes_under_its_least():
    columns = (
        Column("name", "Name", least=12, most=28),
        Column("waited", "Waiting", width=14),
        Column("nudges", "Nudges", width=6),
        Column("due", "Follow-up", width=10),
        Column("channel", "Channel", least=9),
    )
    assert fit_widths(columns, 37, [18, 12, 1, 10, 8]) == [15, 12, 0, 0, 0]
    # The room a sliver of the last column leaves goes to the name, not to a fixed column gone whole.
    assert fit_widths(columns, 47, [14, 12, 1, 10, 1]) == [19, 12, 6, 0, 0]
    # With room for the leasts, every column keeps its own.
    assert fit_widths(columns, 77, [18, 12, 1, 10, 8]) == [18, 12, 6, 10, 21]


async def test_with_the_keys_panel_open_at_80x24_pending_still_tells_people_apart(store, day):
    # Pending is 40 cells wide then: its name column keeps twelve cells, the columns after it giving way.
    log(store, day[5], "dm_sent", at=store.now().subtract(days=2))
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("2", "question_mark")
        await settle(pilot)
        pending = app.screen.query_one("#pending", DataTable)
        shown = [line(pending, row + 1) for row in range(pending.row_count)]
        assert [text.split()[0:2] for text in shown] == [
            ["Ann", "Smith"],
            ["Wolfgang", "Amadeus"],
            ["山田", "太郎"],
        ]


def test_a_column_too_narrow_to_show_anything_gives_its_room_to_the_text_cut_the_most_before_it():
    columns = (
        Column("name", "Name", least=8, most=20),
        Column("handle", "Handle", least=10, most=36),
        Column("why", "Why"),
    )
    # Handle is widest but holds its longest whole: Why's last cells go to the cut name.
    assert fit_widths(columns, 62, [31, 33, 80]) == [23, 33, 0]
    assert fit_widths(columns, 64, [31, 40, 80]) == [22, 36, 0]  # both cut: the name more
    assert fit_widths(columns, 62, [10, 33, 80]) == [10, 33, 13]
    assert fit_widths(columns, 62) == [20, 36, 0]  # no rows: the widest


async def test_at_80_columns_the_declined_pane_says_who_invited(store):
    """The From column gave way at 80 columns, and the strip under it cut the host short: t takes the host
    as a target, and the user could not read who that was."""
    store.save_invitation(
        Invitation(
            title="異業種交流会 in 渋谷（年末スペシャル）",
            host="鈴木さん (VC)",
            event_date="2026-12-11",
            hours=4,
            cost=5000,
            currency="JPY",
            status="declined",
        )
    )
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = app.screen.query_one("#invitations", DataTable)
        widths = {str(column.key.value): column.width for column in table.ordered_columns}
        assert widths["host"] >= 8
        assert str(table.get_row_at(0)[-1]).startswith("鈴木")


async def test_follow_ups_due_beyond_todays_rows_are_said_in_pendings_title(store):
    # Six due and a goal of five: Today shows the oldest five, and the sixth went unsaid.
    store.save_settings(replace(store.settings(), daily_goal=2))
    for days, name in ((9, "Ann"), (8, "Bob"), (7, "Cara")):
        log(
            store,
            add_contact(store, name, handles={"x": f"@{name.lower()}"}),
            "dm_sent",
            at=store.now().subtract(days=days),
        )
    app = DailyReachApp(store)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        tabs = str(app.screen.query_one("#pane_tabs").render())
        assert "2 Pending replies (3, 1 more due)" in tabs
