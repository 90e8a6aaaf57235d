"""The contact screen: fields, links, stage and the timeline, driven with the real keys."""

import pytest
from textual.widgets import DataTable

from dailyreach.core.records.handles import PLATFORMS
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contact import LABEL_WIDTH, ContactScreen
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, cells, settle


async def open_contact(pilot, name: str, pane: str = "today") -> None:
    """Moves down the pane with j to the contact's row and presses Enter."""
    await pilot.press("1" if pane == "today" else "2")
    rows = [row[1 if pane == "today" else 0] for row in cells(pilot.app, pane)]
    await pilot.press(*["j"] * rows.index(name), "enter")
    await settle(pilot)


def details(app) -> str:
    return str(app.screen.query_one("#details").render())


async def test_enter_on_a_today_row_shows_the_contact_with_links_stage_and_timeline(store, people):
    ann, _, _ = people
    log(store, ann, "public_reply", at=store.now().subtract(days=3), text="Loved the talk")
    log(store, ann, "follow_up", at=store.now().subtract(days=1), text="thanks!")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann [/] Smith", "pending")
        assert isinstance(app.screen, ContactScreen)
        shown = details(app)
        assert "Ann [/] Smith" in shown and "contacted" in shown
        assert "https://x.com/ann" in shown and "Sold her startup" in shown
        timeline = cells(app, "timeline")
        assert [row[2] for row in timeline] == ["Follow-up sent", "Public reply posted"]
        assert timeline[0][4] == "thanks!"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#today", DataTable)


async def test_enter_on_a_pending_row_opens_that_contact(store, people):
    _, yamada, _ = people
    log(store, yamada, "dm_sent", at=store.now().subtract(days=2))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")
        await settle(pilot)
        assert app.screen.contact_id == yamada.id


async def test_logging_keys_work_on_the_contact_screen_and_the_timeline_shows_it_first(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=3))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter", "r")
        await settle(pilot)
        await pilot.press(*"talk soon", "enter")  # a reply's bar opens in its note
        await settle(pilot)
        assert [row[2] for row in cells(app, "timeline")] == ["Reply received", "DM sent"]
        assert "replied" in details(app)
        await pilot.press("escape")
        await settle(pilot)
        assert cells(app, "pending") == []


async def test_a_timeline_entry_is_deleted_with_the_delete_key_and_u_brings_it_back(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=3))
    log(store, ann, "follow_up", at=store.now().subtract(days=1))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter", "delete")
        await settle(pilot)
        assert [i.kind for i in store.interactions(ann.id)] == ["dm_sent"]
        assert [row[2] for row in cells(app, "timeline")] == ["DM sent"]
        await pilot.press("u")
        await settle(pilot)
        assert [i.kind for i in store.interactions(ann.id)] == ["dm_sent", "follow_up"]
        assert [row[2] for row in cells(app, "timeline")] == ["Follow-up sent", "DM sent"]


async def test_E_edits_every_field_and_a_bad_handle_keeps_the_form_open(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann [/] Smith")
        await pilot.press("E")
        await settle(pilot)
        assert app.screen.query_one("#name").value == "Ann [/] Smith"
        assert app.screen.query_one("#x").value == "@ann"
        app.screen.query_one("#bluesky").value = "not a handle!"
        await pilot.press("enter")
        await settle(pilot)
        problem = "Bluesky: 'not a handle!': must not contain spaces"
        assert str(app.screen.query_one("#problem").render()) == problem
        app.screen.query_one("#bluesky").value = "ann.bsky.social"
        # A first handle on any platform, not only on the common ones.
        app.screen.query_one("#github").value = "annsmith"
        app.screen.query_one("#notes").value = "Met at no event at all"
        app.screen.query_one("#cadence_days").value = "30"
        await pilot.press("enter")
        await settle(pilot)
        edited = store.contact(ann.id)
        assert edited.handles == {"x": "@ann", "bluesky": "ann.bsky.social", "github": "annsmith"}
        assert (edited.notes, edited.cadence_days, edited.created_at) == (
            "Met at no event at all",
            30,
            ann.created_at,
        )
        assert "https://bsky.app/profile/ann.bsky.social" in details(app)
        await pilot.press("u")
        await settle(pilot)
        assert store.contact(ann.id).handles == {"x": "@ann"}


async def test_a_contact_without_interactions_says_what_to_press(store):
    add_contact(store, "Solo")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert "press d, p, f, r, m or M" in str(app.screen.query_one("#timeline").border_subtitle)


async def test_the_contact_screen_says_what_comes_next(store, people):
    ann, yamada, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann [/] Smith", "pending")
        assert "follow-up #1 due 2026-11-2" in details(app) and "(in 2 days)" in details(app)
        await pilot.press("escape")
        await open_contact(pilot, "山田 太郎")
        await pilot.press("escape", "s", "enter")
        await settle(pilot)
        await pilot.press("ctrl+p", *"山田")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert "snoozed until 2026-11-24" in details(app)


async def test_archiving_in_the_edit_form_takes_the_contact_off_the_panes(store, people):
    _, _, vip = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_contact(pilot, "[bold]VIP")
        await pilot.press("E")
        await settle(pilot)
        app.screen.query_one("#archived").value = True
        app.screen.query_one("#followers").value = "12000"
        await pilot.press("enter")
        await settle(pilot)
        assert "archived" in details(app) and "12,000" in details(app)
        assert (store.contact(vip.id).archived, store.contact(vip.id).followers) == (True, 12000)
        await pilot.press("escape")
        await settle(pilot)
        assert "[bold]VIP" not in [row[1] for row in cells(app, "today")]
        await pilot.press("ctrl+p", *"VIP")
        await pilot.pause(0.5)
        await pilot.press("enter", "E")
        await settle(pilot)
        app.screen.query_one("#archived").value = False
        await pilot.press("enter")
        await settle(pilot)
        assert store.contact(vip.id).archived is False


async def test_the_contact_screen_follows_a_change_made_by_another_dailyreach(store, people, clock):
    from dailyreach.core.store.store import Store

    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann [/] Smith")
        log(Store(store.path, clock=clock), ann, "dm_sent")
        app.screen.reload_if_changed()
        await settle(pilot)
        assert [row[2] for row in cells(app, "timeline")] == ["DM sent"]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_contact_screens_footer_fits_with_read_and_edit_first(store, people, size):
    from textual.widgets._footer import FooterKey

    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await open_contact(pilot, "山田 太郎")
        keys = [key for key in app.screen.query(FooterKey) if key.key != "ctrl+p"]
        assert [key.key for key in keys] == ["enter", "E", "d", "f", "r", "escape", "question_mark", "q"]
        assert all(key.region.right <= size[0] for key in app.screen.query(FooterKey))


async def test_a_long_why_wraps_under_its_value_not_under_its_label(store):
    why = "Sold two companies; ask how she found her first ten customers without paid ads or events at all"
    add_contact(store, "Ann", handles={"x": "@ann"}, why=why, priority=1)
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann")
        lines = details(app).splitlines()
        start = next(index for index, line in enumerate(lines) if line.startswith("why"))
        wrapped = lines[start + 1]
        assert wrapped.startswith(" " * LABEL_WIDTH) and not wrapped[LABEL_WIDTH].isspace()
        assert f"{lines[start][LABEL_WIDTH:].rstrip()} {wrapped.strip()}" == why


async def test_fields_too_long_for_a_small_terminal_end_in_an_ellipsis(store):
    notes = (
        "Met once at a conference in Berlin.\nShe prefers short messages.\nAsk about the pricing page.\n"
        "Knows Ken from Osaka.\nSend the deck first.\nAsked about our hiring.\nBusy in March.\n"
        "Has two children.\nLikes espresso; replies on weekends."
    )
    why = "Sold two companies; ask how she found her first ten customers without paid ads or events, and more"
    ann = add_contact(store, "Ann", handles={"x": "@ann", "linkedin": "ann"}, why=why, notes=notes)
    for days in range(8, 0, -1):  # a timeline that keeps its rows in sight
        log(store, ann, "note", at=store.now().subtract(days=days), text=f"day {days}")
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann")
        box = app.screen.query_one("#details")
        shown = details(app).splitlines()
        assert len(shown) == box.content_size.height
        assert shown[-1].endswith(" …") and "weekends" not in details(app)
        # Under the fields, how many lines are cut and the key that shows them.
        cut = len(box._lines(box.content_size.width)) - len(shown)
        assert cut > 0 and box.border_subtitle == f"{cut} more lines: E shows every field"
        await pilot.resize_terminal(80, 60)
        await settle(pilot)
        assert "weekends" in details(app) and box.border_subtitle is None


async def test_at_80x24_every_field_of_a_contact_with_nine_handles_shows(store):
    """The blank lines above and below the fields go to them on a short screen: followers were cut."""
    handles = {platform: "ffp" for platform in PLATFORMS} | {
        "bluesky": "ffp.bsky.social",
        "mastodon": "@ffp@mstdn.jp",
        "email": "ffp@example.com",
        "web": "https://ffp.example.com",
    }
    why = "Sold two companies; ask how she found her first ten customers without paid ads or events and more"
    add_contact(
        store, "Ann", handles=handles, why=why, tags=["saas", "b2b"], followers=123456, cadence_days=30
    )
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann")
        shown = details_lines(app)
        assert shown[-1] == "followers".ljust(LABEL_WIDTH) + "123,456"
        assert app.screen.query_one("#details").border_subtitle is None


async def test_a_profile_link_too_long_for_its_line_goes_under_the_handle_and_every_field_shows(store):
    # Folded where it was drawn, the link took a line the card did not count: its last field was cut off.
    add_contact(
        store,
        "松本 浩二",
        handles={"linkedin": "koji-matsumoto-cfo", "web": "https://koji.example.jp/about"},
        why="上場企業の元CFO。資本政策",
        tags=["fundraising"],
    )
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_contact(pilot, "松本 浩二")
        lines = details_lines(app)
        linkedin = next(index for index, line in enumerate(lines) if line.startswith("LinkedIn"))
        assert lines[linkedin + 1] == " " * LABEL_WIDTH + "https://www.linkedin.com/in/koji-matsumoto-cfo"
        assert lines[-1] == "tags".ljust(LABEL_WIDTH) + "fundraising"
        assert len(lines) == app.screen.query_one("#details").content_size.height
        web = next(line for line in lines if line.startswith("web"))
        assert web.count("https://koji.example.jp/about") == 1  # the address is its own link


async def test_a_link_longer_than_its_line_goes_on_under_itself_not_under_the_labels(store):
    handle = "maximilian-alexander-von-hohenberg-lichtenstein-the-third"
    add_contact(store, "Max", handles={"linkedin": handle, "email": "max@example.com"})
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Max")
        lines = details_lines(app)
        linkedin = next(index for index, line in enumerate(lines) if line.startswith("LinkedIn"))
        link = lines[linkedin + 1 : linkedin + 3]
        assert all(line.startswith(" " * LABEL_WIDTH) and line[LABEL_WIDTH] != " " for line in link)
        assert "".join(line.strip() for line in link) == f"https://www.linkedin.com/in/{handle}"
        assert lines[linkedin + 3].startswith("e-mail")


async def test_the_timeline_columns_are_as_wide_as_what_they_hold_the_note_taking_the_rest(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=2), text="Loved your talk on hiring " * 8)
    log(store, ann, "note", at=store.now().subtract(hours=1), text="Prefers mornings")
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann [/] Smith", pane="pending")
        timeline = app.screen.query_one("#timeline", DataTable)
        widths = {str(column.key.value): column.width for column in timeline.ordered_columns}
        assert (widths["what"], widths["channel"]) == (len("DM sent"), len("Channel"))
        assert (
            widths["note"]
            == timeline.scrollable_content_region.width
            - sum(width + 2 for key, width in widths.items() if key != "note")
            - 2
        )


def details_lines(app) -> list[str]:
    return [line.rstrip() for line in details(app).splitlines()]


async def test_at_80x24_the_fields_take_the_rows_a_short_timeline_does_not_need(store):
    """A contact with many handles lost its why, tags and followers beside a timeline of empty rows."""
    add_contact(
        store,
        "小林 陽子",
        handles={
            "x": "@kobayashi_y",
            "linkedin": "kobayashi-yoko",
            "bluesky": "yoko.bsky.social",
            "github": "yokok",
            "email": "yoko@example.jp",
            "web": "https://yoko.example.jp",
        },
        why="SaaSを2社上場させた",
        tags=["saas", "採用"],
        followers=12000,
    )
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_contact(pilot, "小林 陽子")
        shown = details_lines(app)
        assert not shown[-1].endswith("…")
        assert [line.split()[0] for line in shown if line.startswith(("why", "tags", "followers"))] == [
            "why",
            "tags",
            "followers",
        ]
        timeline = app.screen.query_one("#timeline")
        assert timeline.region.bottom <= 23 and timeline.region.height >= 4


async def test_at_80x24_a_long_timeline_keeps_five_rows_in_sight(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann", "linkedin": "ann", "github": "ann"}, why="x " * 300)
    for days in range(12, 0, -1):
        log(store, ann, "note", at=store.now().subtract(days=days), text=f"day {days}")
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann")
        assert details_lines(app)[-1].endswith("…")
        timeline = app.screen.query_one("#timeline")
        assert timeline.scrollable_content_region.height >= 1 + 5  # the column titles and five entries


async def test_how_the_user_calls_them_is_shown_when_set(store):
    """Set with --call-name or the form, it was shown nowhere but in the drafts it went into."""
    add_contact(store, "山田 太郎", handles={"x": "@yamada"}, call_name="山田先生")
    add_contact(store, "Ann", handles={"x": "@ann"})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_contact(pilot, "山田 太郎")
        assert any(line.split() == ["call", "them", "山田先生"] for line in details(app).splitlines())
        await pilot.press("escape")
        await settle(pilot)
        await open_contact(pilot, "Ann")
        assert "call them" not in details(app)


def test_someone_who_answered_says_it_is_the_users_turn_on_their_screen(store, people):
    """Answered before the day's plan was made, they are in no pane: their screen is where it shows."""
    from dailyreach.tui.screens.contact import next_step

    ann, yamada, _vip = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=3))
    log(store, ann, "reply_received", at=store.now().subtract(days=2))
    assert next_step(store, store.contact(ann.id), store.thread(ann.id)) == "they answered: your turn"
    log(store, yamada, "reply_received", at=store.now().subtract(days=2))  # they wrote first
    assert next_step(store, store.contact(yamada.id), store.thread(yamada.id)) == "they answered: your turn"
    log(store, ann, "dm_sent", at=store.now().subtract(hours=1))
    assert next_step(store, store.contact(ann.id), store.thread(ann.id)).startswith("follow-up #1 due")


async def test_a_keep_in_touch_day_gone_by_is_said_overdue(store):
    # "keep in touch on 2026-11-21" read as a day to come, two days after it.
    eve = add_contact(store, "Eve", handles={"x": "@eve"}, cadence_days=7)
    log(store, eve, "dm_sent", at=store.now().subtract(days=12))
    log(store, eve, "reply_received", at=store.now().subtract(days=11))
    log(store, eve, "met", at=store.now().subtract(days=9))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Eve")
        assert "keep in touch: overdue since 2026-11-21 (2 days)" in details(app)
