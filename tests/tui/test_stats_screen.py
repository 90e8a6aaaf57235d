"""The Stats screen and the weekly review, driven with the real keys (the clock stands at Monday
2026-11-23 09:00 in Tokyo)."""

import io
import json
import re
import threading
import time
from datetime import date

import pendulum
import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.widgets import DataTable, Static
from textual.widgets._footer import FooterKey

from dailyreach import i18n
from dailyreach.core.records.model import Invitation, Settings
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contact import ContactScreen
from dailyreach.tui.screens.main import MainScreen
from dailyreach.tui.screens.stats import StatsScreen
from dailyreach.tui.screens.stats_ready import READY_AFTER_SECONDS, STATS_SCREEN
from dailyreach.tui.screens.weekly_review import WeeklyReviewScreen, review_marker
from dailyreach.tui.widgets.charts import (
    DAY_CELLS,
    WEEKDAY_CELLS,
    CalendarHeatmap,
    WeeksSparkline,
    month_overrun,
)
from dailyreach.tui.widgets.flow import FlowLine
from tests.conftest import TOKYO, log
from tests.tui.conftest import SIZE, settle, settled_press


def last_week_history(store, people):
    """Ann and [bold]VIP answered last week and wait for a word; 山田 太郎 has not answered since the
    16th; a mixer was declined on the 18th."""
    ann, yamada, vip = people
    now = store.now()
    log(store, ann, "dm_sent", at=now.subtract(days=9))
    log(store, ann, "reply_received", at=now.subtract(days=6))
    log(store, vip, "public_reply", at=now.subtract(days=8))
    log(store, vip, "reply_received", at=now.subtract(days=4))
    log(store, yamada, "dm_sent", at=now.subtract(days=7), channel="mastodon")
    store.save_invitation(
        Invitation(
            title="異業種交流会",
            status="declined",
            hours=3,
            cost=5000,
            currency="JPY",
            decided_at=now.subtract(days=5).isoformat(),
        )
    )
    store.history.clear()


def text_of(widget: Static | FlowLine) -> str:
    return widget.plain if isinstance(widget, FlowLine) else str(widget.render())


def table_rows(widget: Static) -> list[list[str]]:
    """A number table as it reads: its lines, split into cells where two spaces or more part them."""
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(widget.content)
    lines = [line.strip() for line in console.export_text().splitlines()]
    return [re.split(r"\s{2,}", line) for line in lines if line and not set(line) <= set("─ ")]


async def test_s_opens_the_stats_from_the_main_screen_and_escape_goes_back(store, people):
    last_week_history(store, people)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled_press(pilot, "S")
        screen = app.screen
        assert isinstance(screen, StatsScreen)
        # Three messages on three days (the 14th, 15th and 16th); none since: no current streak.
        streaks = text_of(screen.query_one("#streaks", FlowLine))
        assert "0-day streak" in streaks and "longest 3 days" in streaks
        assert "3 messages on 3 days" in streaks
        assert table_rows(screen.query_one("#funnel_table", Static)) == [
            ["step", "contacts", "conversion", "of targets"],
            ["targets", "3", "100%"],
            ["contacted", "3", "100%", "100%"],
            ["replied", "2", "67%", "67%"],
            ["meeting booked", "0", "0%", "0%"],
            ["met", "0", "—", "0%"],
        ]
        assert "1 invitation declined, saving 3 h and 5,000 JPY" in text_of(
            screen.query_one("#declined_total", Static)
        )
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_the_palette_opens_the_stats(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Stats")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)


async def test_an_empty_store_says_what_fills_the_charts(store):
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled_press(pilot, "S")
        screen = app.screen
        assert screen.query_one("#replies").has_class("empty")
        assert screen.query_one("#declined").has_class("empty")
        assert screen.query_one("#weekly").has_class("empty")
        assert not screen.query_one("#funnel").has_class("empty")
        assert "0-day streak" in text_of(screen.query_one("#streaks", FlowLine))


async def test_w_shows_last_week_with_names_as_written_and_enter_opens_the_contact(store, people):
    ann, yamada, vip = people
    last_week_history(store, people)
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled_press(pilot, "S")
        await pilot.press("w")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, WeeklyReviewScreen)
        figures = text_of(review.query_one("#figures", FlowLine))
        # Sent the 16th (山田 太郎); VIP's answer came on the 19th, Ann's on the 17th; a mixer declined.
        assert figures.split("   ") == [
            "1 sent",
            "2 replies",
            "0 meetings booked",
            "0/7 days at the goal of 5",
            "1 invitation declined",
        ]
        table = review.query_one("#follow_ups", DataTable)
        names = [table.get_row_at(index)[0] for index in range(table.row_count)]
        assert all(isinstance(name, Text) for name in names)
        # Answered first (priority 1 before 3), then the one past its follow-up day.
        assert [name.plain for name in names] == ["Ann [/] Smith", "[bold]VIP", "山田 太郎"]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == vip.id


async def test_at_80x24_the_review_fits_its_longest_reason_without_scrolling_sideways(store, people):
    """A thread nudged once gives the longest reason ("no answer since 9 days ago on Mastodon, 1
    follow-up sent: follow up"): it is cut with an ellipsis to the box's width, not scrolled to."""
    ann, yamada, vip = people
    last_week_history(store, people)
    log(store, yamada, "follow_up", at=store.now().subtract(days=4), channel="mastodon")
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled_press(pilot, "S")
        await pilot.press("w")
        await settle(pilot)
        table = app.screen.query_one("#follow_ups", DataTable)
        assert table.row_count == 3
        assert not table.show_horizontal_scrollbar
        assert table.virtual_size.width <= table.scrollable_content_region.width
        reasons = [table.get_row_at(index)[1].plain for index in range(table.row_count)]
        assert "1 follow-up sent" in reasons[2]
        shown = [line.text.rstrip() for line in (table.render_line(row) for row in range(table.row_count))]
        assert shown[2].endswith("…")
        assert "Ann [/] Smith" in shown[0] and "your turn" in shown[0]


async def test_the_first_start_of_a_new_week_offers_last_weeks_review_once(store, people):
    last_week_history(store, people)
    marker = review_marker(store.path)
    marker.write_text(json.dumps({"week": "2026-11-16"}))  # last started last week
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)
        assert "Nov 16 – Nov 22" in text_of(app.screen.query_one(".title", Static))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert json.loads(marker.read_text()) == {"week": "2026-11-23"}
    again = DailyReachApp(store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, MainScreen)


async def test_a_key_the_offered_review_has_no_use_for_closes_it_and_acts_on_the_main_screen(store, people):
    last_week_history(store, people)
    review_marker(store.path).write_text(json.dumps({"week": "2026-11-16"}))
    before = len(store.interactions())
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)
        await pilot.press("down")  # the review's own keys still move in it
        assert isinstance(app.screen, WeeklyReviewScreen)
        await pilot.press("d", "enter")  # a DM to the first Today row, as if no review were there
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert len(store.interactions()) == before + 1
    assert store.interactions()[-1].kind == "dm_sent"


async def test_j_and_k_move_in_the_offered_reviews_list_and_its_footer_shows_its_own_keys(store, people):
    # j closed the review and moved Today's cursor; the footer under it was the main screen's (d DM...).
    _ann, _yamada, vip = people
    last_week_history(store, people)
    review_marker(store.path).write_text(json.dumps({"week": "2026-11-16"}))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)
        footer = [key.key for key in app.screen.query(FooterKey)]
        assert "escape" in footer and "d" not in footer
        await pilot.press("j", "j", "k")
        await settle(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == vip.id


async def test_w_on_the_main_screen_and_the_palette_show_last_weeks_review(store, people):
    # It was found only through the Stats screen: "weekly" in the palette matched nothing.
    last_week_history(store, people)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)
        assert "Nov 16 – Nov 22" in text_of(app.screen.query_one(".title", Static))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p", *"weekly review")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)


async def test_s_in_the_offered_review_opens_the_stats(store, people):
    last_week_history(store, people)
    review_marker(store.path).write_text(json.dumps({"week": "2026-11-09"}))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)
        await pilot.press("S")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_the_very_first_start_offers_nothing_and_remembers_the_week(store, people):
    last_week_history(store, people)
    marker = review_marker(store.path)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert json.loads(marker.read_text()) == {"week": "2026-11-23"}


async def test_a_broken_marker_offers_nothing_and_is_written_again(store, people):
    last_week_history(store, people)
    marker = review_marker(store.path)
    marker.write_text("{not json")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert json.loads(marker.read_text()) == {"week": "2026-11-23"}


async def test_a_quiet_last_week_is_not_offered(store):
    review_marker(store.path).write_text(json.dumps({"week": "2026-11-16"}))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_the_stats_follow_a_change_made_elsewhere(store, people, clock):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled_press(pilot, "S")
        assert "0 messages" in text_of(app.screen.query_one("#streaks", FlowLine))
        log(store, ann, "dm_sent")  # as another dailyreach would
        app.screen.reload_if_changed()
        await settle(pilot)
        assert "1-day streak" in text_of(app.screen.query_one("#streaks", FlowLine))


async def test_opened_again_the_stats_show_what_was_logged_meanwhile(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled_press(pilot, "S")
        first = app.screen
        assert "0 messages" in text_of(first.query_one("#streaks", FlowLine))
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("d", "enter")  # a DM to the first Today row, from the main screen
        await settled_press(pilot, "S")
        assert app.screen is first  # made once, read again
        assert "1 message on 1 day" in text_of(first.query_one("#streaks", FlowLine))


async def test_opened_again_only_the_cards_whose_figures_changed_are_drawn_again(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled_press(pilot, "S")
        stats = app.screen
        drawn: list[str] = []
        for card in ("habit", "weeks", "replies", "funnel", "declined"):
            method = getattr(stats, f"_show_{card}")
            setattr(
                stats,
                f"_show_{card}",
                lambda view, card=card, method=method: (drawn.append(card), method(view)),
            )
        log(store, ann, "follow_up")  # one more message: the same first touch, the same funnel step
        stats.reload_if_changed()
        await settle(pilot)
        assert sorted(drawn) == ["declined", "habit", "weeks"]
        assert "2 messages on 1 day" in text_of(stats.query_one("#streaks", FlowLine))


async def test_the_stats_are_made_ahead_after_the_main_screen_and_follow_a_log_while_hidden(
    store, people, monkeypatch
):
    made_when_shown = []
    show = MainScreen.show

    def noting(screen, view):
        app = screen.app
        made_when_shown.append(
            app.is_screen_installed(STATS_SCREEN) and app.get_screen(STATS_SCREEN).is_running
        )
        show(screen, view)

    monkeypatch.setattr(MainScreen, "show", noting)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(READY_AFTER_SECONDS)
        await settle(pilot)
        assert made_when_shown[0] is False  # not before the main screen shows its figures
        stats = app.get_screen(STATS_SCREEN)
        assert stats.is_running and not stats.is_current
        assert "0 messages" in text_of(stats.query_one("#streaks", FlowLine))
        await pilot.press("d", "enter")  # a DM to the first Today row
        await settle(pilot)
        assert "1 message on 1 day" in text_of(stats.query_one("#streaks", FlowLine))  # read while hidden
        drawn = []
        render = CalendarHeatmap.render
        monkeypatch.setattr(CalendarHeatmap, "render", lambda self: drawn.append(self) or render(self))
        await pilot.press("S")
        await settle(pilot)
        assert app.screen is stats
        assert drawn == []  # and drawn while hidden: opening it shows what is drawn already


async def test_stats_opened_while_a_log_is_being_saved_show_it_once_saved(store, people, monkeypatch):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(READY_AFTER_SECONDS)
        await settle(pilot)
        stats = app.get_screen(STATS_SCREEN)
        add_interaction = store.add_interaction

        def slow_save(interaction):  # a save that is still running when S is pressed
            time.sleep(0.3)
            return add_interaction(interaction)

        monkeypatch.setattr(store, "add_interaction", slow_save)
        await pilot.press("d", "enter", "S")
        assert app.screen is stats
        await settle(pilot)
        assert "1 message on 1 day" in text_of(stats.query_one("#streaks", FlowLine))


async def test_stats_opened_before_their_first_read_show_it_is_loading_not_zeros(store, people, monkeypatch):
    release = threading.Event()
    read = StatsScreen.read
    monkeypatch.setattr(StatsScreen, "read", lambda screen: release.wait(10) and read(screen))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")  # before the screen is made ahead
        await pilot.pause(0.1)
        assert isinstance(app.screen, StatsScreen)
        assert app.screen.query_one("#cards").loading
        release.set()
        await settle(pilot)
        assert not app.screen.query_one("#cards").loading
        assert "0 messages" in text_of(app.screen.query_one("#streaks", FlowLine))


async def test_the_calendar_marks_the_goal_by_people_written_to_not_by_messages(store, people):
    """With a goal of 2: on Thursday a public reply and a DM went to Ann alone (two messages, one person),
    on Friday 山田 太郎 and VIP were written to. Only Friday met the goal, as the text says; Thursday is
    shaded as darkly (two messages) but has no ✓."""
    ann, yamada, vip = people
    store.save_settings(Settings(timezone=TOKYO, daily_goal=2))
    thursday, friday = store.now().subtract(days=4), store.now().subtract(days=3)
    log(store, ann, "public_reply", at=thursday)
    log(store, ann, "dm_sent", at=thursday.add(hours=1))
    log(store, yamada, "dm_sent", at=friday, channel="mastodon")
    log(store, vip, "public_reply", at=friday.add(hours=1))
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled_press(pilot, "S")
        heatmap = app.screen.query_one(CalendarHeatmap)
        drawn = heatmap.render()
        assert isinstance(drawn, Text)
        lines = drawn.plain.split("\n")

        def cell(moment) -> tuple[str, str, Style]:
            """The day's weekday, its two cells, and their style."""
            index = (moment.date() - heatmap.days[0].day).days
            row, at = 1 + index % 7, WEEKDAY_CELLS + index // 7 * DAY_CELLS
            style = drawn.get_style_at_offset(Console(), sum(len(line) + 1 for line in lines[:row]) + at)
            return lines[row][:3], lines[row][at : at + DAY_CELLS], style

        thursday_row, thursday_cell, thursday_style = cell(thursday)
        friday_row, friday_cell, friday_style = cell(friday)
        assert (thursday_row, friday_row) == ("Thu", "Fri")
        assert (thursday_cell, friday_cell) == ("  ", "✓ ")
        assert thursday_style.bgcolor == friday_style.bgcolor  # two messages each: the darkest shade
        assert sum(line.count("✓") for line in lines[1:8]) == 1
        # Of the days from Thursday's first message to today, Monday: not of the 26 weeks shown.
        assert "1 of 5 days met the goal of 2" in text_of(app.screen.query_one("#streaks", FlowLine))
        # The legend: shades by messages, the ✓ by people.
        shades, mark = lines[-1].split("✓")
        assert "2+ messages" in shades and "goal" not in shades
        assert mark.strip() == "goal met (2 people)"


def shown_lines(widget) -> list[str]:
    """What a widget shows, line by line, as drawn at its size."""
    width, height = widget.size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height))]


@pytest.mark.parametrize("theme", ["ansi-light", "ansi-dark", "textual-dark"])
async def test_a_zero_draws_no_bar_in_every_theme(store, people, theme):
    """Mastodon's 0% and its "—" wait, and the funnel's empty steps, draw nothing where a bar would be:
    the track alone, as past the end of every other bar (blank under the ANSI themes, whose track is the
    terminal's default colour; Textual's bar drew a zero as a full line there)."""
    last_week_history(store, people)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await settled_press(pilot, "S")
        screen = app.screen
        # The track: the line beside an empty bar in textual-dark, blank under the ANSI themes.
        track = "━" if theme == "textual-dark" else " "
        for name, zeros in (
            ("rate", ["Mastodon"]),
            ("wait", ["Mastodon"]),
            ("funnel", ["meeting booked", "met"]),
        ):
            # A row a line between the title and the axis: its label, then the bar's cells.
            rows = {
                line.strip().split("  ")[0].split(" ━")[0]: line
                for line in shown_lines(screen.bars[name])[1:-1]
            }
            for zero in zeros:
                line = rows[zero]
                start = line.index(zero) + len(zero) + 1
                assert line[start : start + 10] == track * 10, (name, line)
            # The others have bars.
            assert any("━" in line for label, line in rows.items() if label not in zeros), rows


async def test_the_declines_sparkline_says_what_it_shows_with_its_weeks_and_range(store, people):
    """Sent per week, the 26 weeks to this one (Monday 1 June to Monday 23 November): two on the 14th and
    15th (the week of 9 November), one on the 16th (the week of the 16th), when the mixer was declined."""
    last_week_history(store, people)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled_press(pilot, "S")
        spark = app.screen.query_one("#instead", WeeksSparkline)
        caption, sparkline, axis = spark.children
        assert shown_lines(caption) == ["Messages sent per week, the last 26 weeks: 0 to 2"]
        assert list(sparkline.data) == [0] * 23 + [2, 1, 0]
        # Two cells a week; the ▲ under the week of the 16th (the 25th week), the first and last weeks'
        # dates at either end.
        assert sparkline.size.width == 52
        marks, dates = shown_lines(axis)
        assert marks == " " * 48 + "▲"
        assert dates.startswith("06/01") and dates.endswith("11/23") and len(dates) == 52
        assert "▲ a week with a declined event" in dates
        # The table's column says what it counts, under it.
        assert "sent: messages in the events' weeks (each week once)" in [
            text_of(widget) for widget in app.screen.query("#declined .caption").results(Static)
        ]


async def test_with_the_keys_panel_at_80x24_the_calendar_shows_fewer_weeks_on_unwrapped_rows(store, people):
    last_week_history(store, people)
    ann, _yamada, _vip = people
    log(store, ann, "note", at=store.now().subtract(weeks=24))  # not outreach: counts nowhere
    log(store, ann, "public_reply", at=store.now().subtract(weeks=24, days=1))  # out of the narrow view
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled_press(pilot, "S")
        calendar = app.screen.query_one(CalendarHeatmap)
        habit = app.screen.query_one("#habit")
        assert str(habit.border_title) == "Outreach per day, the last 26 weeks"
        await pilot.press("question_mark")
        await settle(pilot)
        lines = shown_lines(calendar)
        # The months, a row per weekday beginning with its name and ending with its three totals, then
        # the legend: nothing wrapped onto a line of its own.
        assert lines[0].split()[-3:] == ["sent", "days", "goal"]
        names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        assert [line[:3] for line in lines[1:8]] == names
        assert all(re.fullmatch(r"\S{3} .* +\d+ +\d+ +\d+", line) for line in lines[1:8]), lines
        assert "none" in lines[8] and "goal met (5 people)" in lines[-1]
        assert all(len(line) <= calendar.size.width for line in lines)
        # As many of the latest weeks as fit beside the totals, said in the card's title.
        weeks = (calendar.size.width - WEEKDAY_CELLS - month_overrun() - 15) // DAY_CELLS
        assert 5 < weeks < 26
        assert str(habit.border_title) == f"Outreach per day, the last {weeks} weeks"
        # The latest weeks: November's are there. Beside each row, its totals over the weeks shown:
        # Monday the 16th had one message (山田 太郎), Saturday the 14th and Sunday the 15th one each.
        assert "Nov" in lines[0]
        narrow = [line.split()[-3:] for line in lines[1:8]]
        assert narrow == [["1", "1", "0"]] + [["0", "0", "0"]] * 4 + [["1", "1", "0"]] * 2
        await pilot.press("question_mark")
        await settle(pilot)
        assert str(habit.border_title) == "Outreach per day, the last 26 weeks"
        # All 26 weeks again, and their totals: the public reply 24 weeks ago is back in its row.
        wide = [line.split()[-3:] for line in shown_lines(calendar)[1:8]]
        changed = [
            row for row, (before, after) in enumerate(zip(narrow, wide, strict=True)) if before != after
        ]
        assert len(changed) == 1 and wide[changed[0]][:2] == [str(int(narrow[changed[0]][0]) + 1)] * 2


async def test_the_weekly_charts_legend_is_in_its_title_not_over_the_bars(store, people):
    """Plotext draws a legend only inside the plot's top left corner, where the first weeks' bars are
    when they are the tallest: the keys are in the title instead, each in its bars' colour."""
    ann, yamada, vip = people
    now = store.now()
    for days in range(56, 49, -1):  # eight weeks ago, the busiest week: its bars are the tallest
        log(store, ann, "dm_sent", at=now.subtract(days=days))
        log(store, ann, "reply_received", at=now.subtract(days=days).add(hours=1))
    log(store, vip, "dm_sent", at=now.subtract(days=3))
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled_press(pilot, "S")
        chart = app.screen.weekly_chart
        drawn = chart.render()
        assert isinstance(drawn, Text)
        lines = drawn.split("\n")
        title = lines[0]
        assert "██ sent  ██ replies per week" in title.plain
        # Each key in its series' colour, the colour of the bars below.
        keys = [title.plain.index("██ sent"), title.plain.index("██ replies")]
        key_colours = [title.get_style_at_offset(Console(), at).color for at in keys]
        bar_colours = {
            span.style.color
            for line in lines[1:]
            for span in line.spans
            if isinstance(span.style, Style) and "█" in line.plain[span.start : span.end]
        }
        assert len(set(key_colours)) == 2 and set(key_colours) <= bar_colours
        # Nothing over the bars: no series' name inside the plot.
        assert not any("sent" in line.plain or "replies" in line.plain for line in lines[1:-2])


async def test_at_80x24_the_figures_lines_break_between_figures_never_inside_one(store, people):
    last_week_history(store, people)
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled_press(pilot, "S")
        streaks = shown_lines(app.screen.query_one("#streaks"))
        assert len(streaks) == 2
        for figure in (
            "0-day streak",
            "longest 3 days",
            "0 of 10 days met the goal of 5",  # since the history's first message
            "3 messages on 3 days",
        ):
            assert any(figure in line for line in streaks), (figure, streaks)
        await pilot.press("w")
        await settle(pilot)
        figures = shown_lines(app.screen.query_one("#figures"))
        for figure in (
            "1 sent",
            "2 replies",
            "0 meetings booked",
            "0/7 days at the goal of 5",
            "1 invitation declined",
        ):
            assert any(figure in line for line in figures), (figure, figures)


async def test_the_offered_reviews_keys_at_80x24_stay_whole(store, people):
    last_week_history(store, people)
    review_marker(store.path).write_text(json.dumps({"week": "2026-11-16"}))
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, WeeklyReviewScreen)
        hint = shown_lines(app.screen.query_one(".hint"))
        for keys in ("Enter opens the highlighted contact", "Escape closes", "S all the stats"):
            assert any(keys in line for line in hint), (keys, hint)


async def test_the_calendar_names_december_over_the_week_its_first_day_is_in(store, clock):
    """On Wednesday Dec 9 the last two weeks are those from Nov 30 and Dec 7. December is named over the
    first, which has Dec 1, as GitHub's calendar names it: not over the second, where its name would run
    into the totals' headings and be left out, leaving December unnamed."""
    clock.set(pendulum.datetime(2026, 12, 9, 9, tz=TOKYO))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled_press(pilot, "S")
        heatmap = app.screen.query_one(CalendarHeatmap)
        months = shown_lines(heatmap)[0]
        first = heatmap.days[0].day
        at = WEEKDAY_CELLS + (date(2026, 11, 30) - first).days // 7 * DAY_CELLS
        assert months[at : at + 5] == "Dec  " and months[at - 2 : at] == "  "
        assert months.split()[:-3][-2:] == ["Nov", "Dec"]  # then sent, days, goal


@pytest.mark.parametrize("language", ["en", "ja"])
async def test_the_month_whose_first_is_in_the_last_week_is_named_over_it(store, clock, language):
    """On Sunday Dec 6 the last week is the one from Nov 30, which has Dec 1: December is named over it,
    its name running into the room kept before the totals' headings, not left out."""
    clock.set(pendulum.datetime(2026, 12, 6, 9, tz=TOKYO))
    i18n.use_language(language)
    try:
        app = DailyReachApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await settled_press(pilot, "S")
            heatmap = app.screen.query_one(CalendarHeatmap)
            months = shown_lines(heatmap)[0]
            at = WEEKDAY_CELLS + (heatmap.weeks - 1) * DAY_CELLS
            december = {"en": "Dec", "ja": "12月"}[language]
            assert cell_len(months[: months.index(december)]) == at, months  # in cells: 12月 takes four
            assert months.split()[-4] == december  # then sent, days, goal
    finally:
        i18n.use_language("en")


async def test_a_declined_event_still_to_come_is_said_so_and_marks_no_week(store, people):
    """Its week has not begun: no ▲ under the weeks, no key saying what one means, and the summary says
    the week is still to come rather than counting what was sent in it."""
    ann, _yamada, _vip = people
    log(store, ann, "dm_sent")
    store.save_invitation(
        Invitation(
            title="Mixer",
            event_date=store.today().add(weeks=2).isoformat(),
            hours=3,
            status="declined",
        )
    )
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled_press(pilot, "S")
        _caption, _sparkline, axis = app.screen.query_one("#instead", WeeksSparkline).children
        assert not any("▲" in line for line in shown_lines(axis))
        assert text_of(app.screen.query_one("#declined_total", Static)) == (
            "1 invitation declined, saving 3 h. Its week is still to come."
        )


async def test_the_weeks_before_the_first_message_count_no_goal_days(store, people):
    """The habit began this week: the 25 weeks before it share one row, and their days, before it began,
    read "—" as the command line's, not "0/175" as if each had missed the goal."""
    ann, _yamada, _vip = people
    log(store, ann, "dm_sent")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settled_press(pilot, "S")
        rows = table_rows(app.screen.query_one("#weekly_table", Static))
        assert rows[-1] == ["25 weeks before", "0", "0", "0", "—"]
        assert rows[1][-1] == "0/1"  # this week: its one day so far, the goal of 5 not met


def test_a_missing_widget_met_once_the_app_has_stopped_is_no_crash(store):
    """As the app closes, a title set on the Stats screen made ahead could reach a header whose children
    were gone: Textual's Header then raises NoMatches, which closed the app as a crash."""
    from textual.css.query import NoMatches

    app = DailyReachApp(store)
    assert not app.is_running
    app._handle_exception(NoMatches("No nodes match 'HeaderTitle' on Header()"))
    assert app.crash is None and app._exception is None


async def test_a_missing_widget_met_while_the_app_runs_is_still_a_crash(store):
    from textual.css.query import NoMatches

    app = DailyReachApp(store)
    with pytest.raises(NoMatches):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app._handle_exception(NoMatches("No nodes match '#gone'"))
            await pilot.pause()
    assert isinstance(app.crash, NoMatches)


async def test_an_error_in_a_worker_is_kept_as_itself_for_the_crash_report(store):
    # Textual wraps it in WorkerFailed, which has neither its kind nor its traceback: the report said
    # "WorkerFailed" and nothing more.
    from textual.worker import WorkerFailed

    def load() -> None:
        raise LookupError("deadlock detected")

    app = DailyReachApp(store)
    with pytest.raises(WorkerFailed):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.run_worker(load, thread=True)
            await pilot.pause(0.2)
    assert isinstance(app.crash, LookupError) and app.crash.__traceback__ is not None


async def test_the_stats_screen_has_its_title_before_it_mounts():
    from dailyreach.tui.screens.stats import StatsScreen

    assert StatsScreen().sub_title == "Stats"


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "atom-one-light", "nord"])
async def test_a_day_with_no_outreach_stands_out_from_the_panel_in_every_theme(store, people, theme):
    """In a light theme the calendar's empty days took the panel's own colour, and the grid vanished."""
    from dailyreach.tui.widgets.charts import CalendarHeatmap

    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await settled_press(pilot, "S")
        calendar = app.screen.query_one(CalendarHeatmap)
        none = calendar.get_component_rich_style("calendar--none").bgcolor
        behind = calendar.background_colors[1].rich_color
        distance = sum(abs(a - b) for a, b in zip(none.get_truecolor(), behind.get_truecolor(), strict=True))
        assert distance >= 45, (none, behind)
