"""The Stats screen: whether the habit holds, which channel gets answers, what declining bought.

Each card is a chart with a title, axes or a legend, and the plain numbers beside or under it. The cards
stack below 120 columns and go two abreast from there. The figures come from ``core/planning/stats.py``, read off
the UI thread like every screen's.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import AwaitMount
from textual.widgets import Header, Static

from dailyreach.core.planning.stats import DEFAULT_WEEKS, Stats, build_stats
from dailyreach.core.planning.stats_days import WeekCount
from dailyreach.core.planning.stats_replies import ReplyRate
from dailyreach.core.records.dates import day_text
from dailyreach.i18n import N_, _, ngettext
from dailyreach.stats_wording import (
    duration,
    hours_text,
    money_lines,
    money_text,
    month_label,
    percent,
    replies,
    to_come_or,
)
from dailyreach.tui.bound_keys import bound_key
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.screens.stats_ready import STATS_SCREEN
from dailyreach.tui.styles import stylesheet_path
from dailyreach.tui.translated import Scroll, TranslatedBindings
from dailyreach.tui.widgets.flow import FlowLine
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.words import emphasised

if TYPE_CHECKING:
    from dailyreach.tui.widgets.charts import BarChart, BarList, CalendarHeatmap, NumberTable, WeeksSparkline

# From this width the cards go two abreast.
WIDE_FROM = 120
CARDS = {
    "weekly": N_("Sent and replies per week"),
    "replies": N_("Replies by channel and by first message"),
    "funnel": N_("Funnel"),
    "declined": N_("Declined invitations"),
}
TABLES = ("weekly_table", "rates_table", "funnel_table", "declined_table")
NO_WEEKS = N_("Nothing sent or answered in these weeks yet: d, p and f on the main screen log what you send.")
NO_MESSAGE = N_(
    "No message sent yet: reply rates show once you have written to someone (d, p on the main screen)."
)
NO_DECLINE = N_("No invitation declined yet: {new} on the main screen records one, {decline} declines it.")


def _days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)


def _messages(count: int) -> str:
    return ngettext("{count} message", "{count} messages", count).format(count=f"{count:,}")


class StatsScreen(TranslatedBindings, StoreScreen):
    CSS_PATH = stylesheet_path("stats.tcss")
    BINDINGS = [
        Binding("w", "weekly_review", N_("Weekly review"), id="weekly_review"),
        Binding("j", "scroll('down')", N_("Down"), show=False, id="cursor_down"),
        Binding("k", "scroll('up')", N_("Up"), show=False, id="cursor_up"),
        Binding("escape,backspace", "back", N_("Back"), id="back"),
    ]

    # Made in compose(), where the charts' module is imported.
    calendar: CalendarHeatmap
    weekly_chart: BarChart
    declined_chart: BarChart
    instead: WeeksSparkline
    bars: dict[str, BarList]
    tables: dict[str, NumberTable]

    def __init__(self) -> None:
        super().__init__()
        self.stats: Stats | None = None
        # Before its header mounts: set once mounted, the header's update of it could run after the app
        # began closing (the screen is made ahead, unasked).
        self.sub_title = _("Stats")

    def compose(self) -> ComposeResult:
        # Plotext loads here, the first time the screen opens, rather than with the app.
        from dailyreach.tui.widgets.charts import (
            BarChart,
            BarList,
            CalendarHeatmap,
            NumberTable,
            WeeksSparkline,
        )

        self.calendar = CalendarHeatmap(id="calendar")
        # The legend is in the title: "██ sent  ██ replies per week".
        self.weekly_chart = BarChart(
            _("{legend} per week"), xlabel=_("week of"), ylabel=_("count"), fit_groups=True
        )
        self.declined_chart = BarChart(
            _("Hours saved per month"), xlabel=_("month of the event"), ylabel=_("hours")
        )
        self.bars = {
            "rate": BarList(_("Reply rate")),
            "wait": BarList(_("Median wait for the first reply")),
            "funnel": BarList(_("Targets to meetings")),
        }
        self.instead = WeeksSparkline(id="instead")
        self.tables = {name: NumberTable(id=name) for name in TABLES}
        yield Header()
        with Scroll(id="cards"):
            with Vertical(id="habit", classes="card"):
                yield self.calendar
                yield FlowLine(id="streaks")
            with Horizontal(classes="row"):
                with Vertical(id="weekly", classes="card"):
                    yield Static(_(NO_WEEKS), classes="note", markup=False)
                    yield self.weekly_chart
                    yield self.tables["weekly_table"]
                with Vertical(id="replies", classes="card"):
                    yield Static(_(NO_MESSAGE), classes="note", markup=False)
                    yield self.bars["rate"]
                    yield self.bars["wait"]
                    yield self.tables["rates_table"]
            with Horizontal(classes="row"):
                with Vertical(id="funnel", classes="card"):
                    yield self.bars["funnel"]
                    yield self.tables["funnel_table"]
                with Vertical(id="declined", classes="card"):
                    yield Static(
                        _(NO_DECLINE).format(
                            new=bound_key(self.app, "new_invitation"), decline=bound_key(self.app, "decline")
                        ),
                        classes="note",
                        markup=False,
                    )
                    yield Static(id="declined_total", markup=False)
                    yield self.declined_chart
                    yield self.instead
                    yield self.tables["declined_table"]
                    yield Static(
                        _("sent: messages in the events' weeks (each week once)"),
                        classes="caption",
                        markup=False,
                    )
        yield KeyFooter()

    def on_mount(self) -> None:
        self._title_calendar(DEFAULT_WEEKS)
        for card, title in CARDS.items():
            self.query_one(f"#{card}").border_title = _(title)
        self.query_one("#cards").focus()
        # Made ahead, the screen is laid out only when shown: at the app's width from the start, its
        # first layout is its only one.
        self._fit(self.app.size.width)
        # Until the first figures are read, a loading indicator rather than cards of zeros.
        self.query_one("#cards").loading = self.stats is None
        self.reload_if_changed()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def on_calendar_heatmap_fitted(self, message: CalendarHeatmap.Fitted) -> None:
        self._title_calendar(message.weeks)

    def _title_calendar(self, weeks: int) -> None:
        """The calendar's card says how many weeks it shows: fewer than 26 when the screen is narrow."""
        self.query_one("#habit").border_title = ngettext(
            "Outreach per day, the last {count} week", "Outreach per day, the last {count} weeks", weeks
        ).format(count=weeks)

    def _fit(self, width: int) -> None:
        self.query_one("#cards").set_class(width >= WIDE_FROM, "wide")

    def reload_if_changed(self) -> None:
        # Kept ready, the screen is most often up to date when shown: no thread starts for nothing (nor
        # holds up the frame that shows it).
        if self._may_be_stale():
            super().reload_if_changed()

    def _may_be_stale(self) -> bool:
        """``is_stale`` without the store's lock, which a save may be holding: the file's size and time,
        and the day in the zone the figures were read in."""
        stats = self.stats
        return (
            stats is None
            or self.store.revision() != self.shown_revision
            or self.store.clock.now().astimezone(stats.zone).date() != stats.today
        )

    def is_stale(self) -> bool:
        """Also after local midnight: today's square moves on."""
        return super().is_stale() or self.stats is None or self.store.local_today() != self.stats.today

    def read(self) -> Stats:
        return build_stats(self.store)

    def _show_unreadable(self, problem: str) -> None:
        # Hidden, it leaves that to the screen shown; opened, it reads again and says it.
        if self.is_current:
            super()._show_unreadable(problem)

    def show(self, view: Stats) -> None:
        # Opened again after a message or two, most cards would show what they show: only those whose
        # figures changed are drawn again.
        shown, self.stats = self.stats, view
        for figures, show_card in (
            (_habit_figures, self._show_habit),
            (lambda stats: stats.weeks, self._show_weeks),
            (lambda stats: (stats.by_channel, stats.by_first_touch), self._show_replies),
            (lambda stats: stats.funnel, self._show_funnel),
            (lambda stats: (stats.declined, stats.weeks), self._show_declined),
        ):
            if shown is None or figures(shown) != figures(view):
                show_card(view)
        self.query_one("#cards").loading = False
        if not self.is_current:
            self.call_later(self._draw_ahead)

    async def _draw_ahead(self) -> None:
        """Figures read while hidden are laid out and drawn then, as Textual would on showing the screen
        (it has no public call for either): opened, the screen draws only what changed since."""
        if self.is_current or not self.alive:
            return
        self._refresh_layout(self.app.size)
        for widget, (region, clip) in list(self._compositor.visible_widgets.items()):
            # A widget a turn of the event loop: a key pressed meanwhile waits for one widget at most.
            await asyncio.sleep(0)
            if self.is_current or not self.alive:
                return
            widget.render_lines(region.intersection(clip).translate(-region.offset))

    def _show_habit(self, stats: Stats) -> None:
        self.calendar.show_days(stats.days, stats.weekdays, stats.goal, stats.week_start, len(stats.weeks))
        met = _("{met} of {days}").format(met=stats.goal_days, days=stats.days_counted)
        # On as many lines as the width needs, each figure whole.
        self.query_one("#streaks", FlowLine).show(
            [
                emphasised(
                    ngettext("{count}-day streak", "{count}-day streak", stats.current_streak),
                    {"count": str(stats.current_streak)},
                ),
                emphasised(_("longest {days}"), {"days": _days(stats.longest_streak)}),
                emphasised(
                    ngettext(
                        "{met} day met the goal of {goal}",
                        "{met} days met the goal of {goal}",
                        stats.days_counted,
                    ),
                    {"met": met},
                    {"goal": stats.goal},
                ),
                emphasised(
                    _("{messages} on {days}"),
                    {"messages": _messages(stats.sent)},
                    {"days": _days(stats.days_with_outreach)},
                ),
            ]
        )

    def _show_weeks(self, stats: Stats) -> None:
        weeks = stats.weeks
        active = [index for index, week in enumerate(weeks) if _anything(week)]
        self._set_empty("weekly", not active)
        self.weekly_chart.show_bars(
            [f"{week.start:%m/%d}" for week in weeks],
            [(_("sent"), [week.sent for week in weeks]), (_("replies"), [week.replies for week in weeks])],
        )
        # Newest first; the weeks before the first with anything in it share one row.
        first = active[0] if active else len(weeks)
        rows: list[list[object]] = [
            [day_text(week.start, stats.today), week.sent, week.replies, week.meetings, week.goal_text]
            for week in reversed(weeks[first:])
        ]
        if first:
            before = ngettext("{count} week before", "{count} weeks before", first).format(count=first)
            counted = sum(week.days_counted for week in weeks[:first])
            # Days before the habit began count toward no goal: "—", as a week of them says alone.
            goal_days = f"{sum(week.goal_days for week in weeks[:first])}/{counted}" if counted else "—"
            rows.append([before, 0, 0, 0, goal_days])
        self.tables["weekly_table"].show_rows(
            [_("week of"), _("sent"), _("replies"), _("booked"), _("goal days")], rows
        )

    def _show_replies(self, stats: Stats) -> None:
        groups: list[tuple[str, ReplyRate]] = [(_(rate.label), rate) for rate in stats.by_channel]
        groups += [(_("by {label}").format(label=_(rate.label)), rate) for rate in stats.by_first_touch]
        self._set_empty("replies", not groups)
        self.bars["rate"].show_bars(
            [
                (
                    label,
                    rate.rate,
                    _("{percent} of {count}").format(percent=percent(rate.rate), count=rate.contacted),
                )
                for label, rate in groups
            ],
            1,
            _("bar: the share who answered (full: 100%)"),
        )
        longest = max((rate.median_hours or 0 for _label, rate in groups), default=0)
        self.bars["wait"].show_bars(
            [(label, rate.median_hours or 0, duration(rate.median_hours)) for label, rate in groups],
            longest,
            _("bar: median wait (full: {longest})").format(longest=duration(longest)),
        )
        rows = [
            [label, rate.contacted, rate.replied, percent(rate.rate), duration(rate.median_hours)]
            for label, rate in groups
        ]
        self.tables["rates_table"].show_rows(
            [_("first reached"), _("reached"), _("answered"), _("rate"), _("median")], rows
        )

    def _show_funnel(self, stats: Stats) -> None:
        steps = stats.funnel
        targets = steps[0].count
        self.bars["funnel"].show_bars(
            [(_(step.label), step.count, str(step.count)) for step in steps],
            targets,
            _("bar: contacts who got this far (full: {targets})").format(
                targets=ngettext("{count} target", "{count} targets", targets).format(count=targets)
            ),
        )
        rows = [
            [
                _(step.label),
                step.count,
                "" if index == 0 else percent(step.conversion),
                percent(step.count / targets if targets else None),
            ]
            for index, step in enumerate(steps)
        ]
        self.tables["funnel_table"].show_rows(
            [_("step"), _("contacts"), _("conversion"), _("of targets")], rows
        )

    def _show_declined(self, stats: Stats) -> None:
        declined = stats.declined
        self._set_empty("declined", not declined.count)
        saved = [hours_text(declined.hours)] + ([money_text(declined.money)] if declined.money else [])
        figures = {
            "invitations": ngettext("{count} invitation", "{count} invitations", declined.count).format(
                count=declined.count
            ),
            "saved": _(" and ").join(saved),
        }
        if declined.sent_those_weeks is None or declined.replies_those_weeks is None:
            total = emphasised(
                ngettext(
                    "{invitations} declined, saving {saved}. Its week is still to come.",
                    "{invitations} declined, saving {saved}. Their weeks are still to come.",
                    len(declined.weeks),
                ),
                figures,
            )
        else:
            total = emphasised(
                _(
                    "{invitations} declined, saving {saved}. In those weeks you sent {messages} and got "
                    "{replies}."
                ),
                figures,
                {
                    "messages": _messages(declined.sent_those_weeks),
                    "replies": replies(declined.replies_those_weeks),
                },
            )
        self.query_one("#declined_total", Static).update(total)
        months = declined.months
        self.declined_chart.show_bars(
            [month_label(month.month) for month in months], [(_("hours"), [month.hours for month in months])]
        )
        self.instead.show_weeks(
            [week.start for week in stats.weeks], [week.sent for week in stats.weeks], declined.weeks
        )
        rows: list[list[object]] = [
            [
                month_label(month.month),
                month.count,
                hours_text(month.hours),
                money_lines(month.money) or "—",
                to_come_or(month.sent_those_weeks),
            ]
            for month in months
        ]
        rows.append(
            [
                _("in total"),
                declined.count,
                hours_text(declined.hours),
                money_lines(declined.money) or "—",
                to_come_or(declined.sent_those_weeks),
            ]
        )
        self.tables["declined_table"].show_rows(
            [_("month"), _("declined"), _("hours"), _("money"), _("sent")], rows
        )

    def _set_empty(self, card: str, empty: bool) -> None:
        """A card with nothing to chart shows its note instead."""
        self.query_one(f"#{card}").set_class(empty, "empty")

    def action_scroll(self, direction: str) -> None:
        cards = self.query_one("#cards", VerticalScroll)
        cards.scroll_down() if direction == "down" else cards.scroll_up()

    def action_weekly_review(self) -> None:
        from dailyreach.tui.screens.weekly_review import WeeklyReviewScreen

        if self.stats is None:
            self.notify(_("Still reading the figures: a moment."))
            return
        self.app.push_screen(WeeklyReviewScreen(self.stats, from_stats=True))

    def action_back(self) -> None:
        self.dismiss()


def open_stats(app: App) -> AwaitMount:
    """Show the Stats screen, made once per app (and most often ahead: ``stats_ready.py``)."""
    if not app.is_screen_installed(STATS_SCREEN):
        app.install_screen(StatsScreen(), STATS_SCREEN)
    return app.push_screen(STATS_SCREEN)


def _habit_figures(stats: Stats) -> tuple[object, ...]:
    return (
        stats.days,
        stats.weekdays,
        stats.goal,
        stats.week_start,
        stats.current_streak,
        stats.longest_streak,
    )


def _anything(week: WeekCount) -> bool:
    return bool(week.sent or week.replies or week.meetings)
