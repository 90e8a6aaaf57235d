"""The Stats screen's charts: a calendar of outreach per day, bar charts drawn by Plotext, and a table of
the numbers behind each of them.

Imported when the Stats screen is first composed: Plotext takes about 40 ms to load, which the app's
start-up need not pay.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date

from rich import box
from rich.cells import cell_len
from rich.color import Color
from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult, RenderResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.renderables.bar import Bar
from textual.widget import Widget
from textual.widgets import Sparkline, Static
from textual_plotext import PlotextPlot

from dailyreach.core.planning.stats_days import DayCount, WeekdayTotal, weekday_names, weekday_totals
from dailyreach.i18n import N_, _
from dailyreach.report import pad
from dailyreach.stats_calendar import GOAL_MARK, goal_mark_words, heat_legend, heat_level, month_row
from dailyreach.stats_wording import month_name
from dailyreach.tui.widgets.flow import flowed

# Each day is two cells wide, about as wide as it is high.
DAY_CELLS = 2
LEVEL_CLASSES = ("calendar--none", "calendar--low", "calendar--mid", "calendar--full")
# Below this many cells a week, the weekly bars would touch: fewer weeks are drawn (the table has all).
CELLS_PER_WEEK = 5
AXIS_CELLS = 8
# The colours of a chart's series, as Plotext names them (for its bars) and as its ANSI number (for
# their keys in the title): the first of Plotext's own sequence, which drew them before.
SERIES_COLOURS = (("blue+", 12), ("green+", 10), ("red+", 9))
LEGEND_KEY = "██"
# The numbers beside each weekday's row, and their widths.
TOTALS = ((N_("sent"), 5), (N_("days"), 5), (N_("goal"), 5))
TOTALS_CELLS = sum(width for _name, width in TOTALS)
# A weekday's name and the space after it, before its row of days.
WEEKDAY_CELLS = 4
LEGEND_GAP = "  "


def _right(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` cells."""
    return " " * max(0, width - cell_len(text)) + text


def month_overrun() -> int:
    """The cells a month's name can run past the week its 1st is in (one a week: "Dec" over the last
    week runs one cell past it, "12月" two), kept free between the days and their totals."""
    return max(cell_len(month_name(number)) for number in range(1, 13)) - DAY_CELLS


class CalendarHeatmap(Widget):
    """Outreach per day as a calendar: a row per weekday, a column per week, months above. A day is
    shaded by how many messages it had, the goal's number or more the darkest; the days that met the goal
    (that many people written to, as Today counts: two messages to one person are one) have a ✓.
    Beside each row, its numbers (``Stats.weekdays``): messages sent on that weekday, days with any, days
    at the goal. Narrower than all its weeks (the keys panel open at 80 columns), it shows the most recent
    that fit, and says how many (``Fitted``): a row never wraps."""

    COMPONENT_CLASSES = {*LEVEL_CLASSES, "calendar--label"}
    DEFAULT_CSS = """
    CalendarHeatmap { width: auto; max-width: 100%; height: auto; text-wrap: nowrap; text-overflow: clip; }
    CalendarHeatmap > .calendar--none { background: $foreground 12%; }
    CalendarHeatmap > .calendar--low { background: $success 30%; }
    CalendarHeatmap > .calendar--mid { background: $success 60%; }
    CalendarHeatmap > .calendar--full { background: $success; color: $text; text-style: bold; }
    CalendarHeatmap > .calendar--label { color: $text-muted; }
    """

    class Fitted(Message):
        """The weeks shown changed: ``weeks`` of the calendar's ``of``."""

        def __init__(self, calendar: CalendarHeatmap, weeks: int, of: int) -> None:
            super().__init__()
            self.calendar, self.weeks, self.of = calendar, weeks, of

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days: list[DayCount] = []
        self.weekdays: list[WeekdayTotal] = []
        self.goal = 1
        self.week_start = "monday"
        self.weeks = 0
        self._fitted: tuple[int, int] | None = None

    def show_days(
        self, days: list[DayCount], weekdays: list[WeekdayTotal], goal: int, week_start: str, weeks: int
    ) -> None:
        """``days`` from the first day of a week, for ``weeks`` weeks (the last may still be going on),
        and each weekday's totals over them."""
        self.days, self.weekdays, self.goal, self.week_start, self.weeks = (
            days,
            weekdays,
            goal,
            week_start,
            weeks,
        )
        self.refresh(layout=True)
        self._say_fit()

    def on_resize(self, event: events.Resize) -> None:
        self._say_fit()

    def _say_fit(self) -> None:
        fitted = (self.fitting_weeks(self.size.width), self.weeks)
        if self.size.width and fitted != self._fitted:
            self._fitted = fitted
            self.post_message(self.Fitted(self, *fitted))

    def fitting_weeks(self, width: int) -> int:
        """How many of the weeks fit ``width`` cells beside the weekday names and their totals (one at
        least)."""
        room = width - WEEKDAY_CELLS - month_overrun() - TOTALS_CELLS
        return max(1, min(self.weeks, room // DAY_CELLS))

    def _legend(self) -> list[Text]:
        levels = [self.get_component_rich_style(name) for name in LEVEL_CLASSES]
        label = self.get_component_rich_style("calendar--label")
        items = []
        for level, words in heat_legend(self.goal):
            items.append(Text.assemble((" " * DAY_CELLS, levels[level]), (f" {words}", label), end=""))
        items.append(
            Text.assemble((f"{GOAL_MARK} ", levels[3]), (f" {goal_mark_words(self.goal)}", label), end="")
        )
        return items

    def get_content_width(self, container: Size, viewport: Size) -> int:
        rows = WEEKDAY_CELLS + self.weeks * DAY_CELLS + month_overrun() + TOTALS_CELLS
        legend = WEEKDAY_CELLS + cell_len(LEGEND_GAP.join(item.plain for item in self._legend()))
        return max(rows, legend)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._draw(width).plain.count("\n") + 1

    def render(self) -> RenderResult:
        return self._draw(self.size.width)

    def _draw(self, width: int) -> Text:
        label = self.get_component_rich_style("calendar--label")
        levels = [self.get_component_rich_style(name) for name in LEVEL_CLASSES]
        weeks = self.fitting_weeks(width)
        first = (self.weeks - weeks) * 7  # the first day shown: the oldest weeks are left out
        days = self.days[first:]
        starts = [days[index].day for index in range(0, len(days), 7)]
        columns = "".join(_right(_(name), cells) for name, cells in TOTALS)
        shown = Text(no_wrap=True, end="")
        overrun = month_overrun()
        days_cells = weeks * DAY_CELLS + overrun  # the last week's month named over it too
        names_over = month_row(starts, DAY_CELLS, days_cells)  # left of the totals' headings
        months = pad(" " * WEEKDAY_CELLS + names_over, WEEKDAY_CELLS + days_cells)
        shown.append(months + columns, style=label)
        names = weekday_names(self.week_start)
        # Beside the rows, the totals of the weeks they show.
        totals = self.weekdays if weeks == self.weeks else weekday_totals(days, self.week_start)
        for row, name in enumerate(names):
            shown.append("\n" + pad(name, WEEKDAY_CELLS), style=label)
            for week in range(weeks):
                index = week * 7 + row
                if index >= len(days):
                    shown.append(" " * DAY_CELLS)  # still to come
                    continue
                day = days[index]
                # A day at the goal has sent as many messages at least: its shade is the darkest.
                level = 3 if day.goal_met else heat_level(day.sent, self.goal)
                shown.append(f"{GOAL_MARK} " if day.goal_met else " " * DAY_CELLS, style=levels[level])
            shown.append(" " * overrun)
            if row < len(totals):
                total = totals[row]
                figures = (total.sent, total.days_with_outreach, total.goal_days)
                widths = [cells for _name, cells in TOTALS]
                shown.append("".join(f"{figure:>{at}}" for figure, at in zip(figures, widths, strict=True)))
        # The legend, on as many lines as the width needs, each key whole.
        legend = flowed(self._legend(), max(1, width - WEEKDAY_CELLS), LEGEND_GAP)
        for line in legend.split("\n"):
            shown.append("\n" + " " * WEEKDAY_CELLS)
            shown.append_text(line)
        return shown


def nice_ticks(largest: float, count: int = 4) -> list[int]:
    """Whole-number ticks from 0 past ``largest``, about ``count`` of them."""
    step = max(1, math.ceil(max(largest, 1) / count))
    return list(range(0, int(largest) + step + 1, step)) if largest > 0 else [0, 1]


class BarChart(PlotextPlot):
    """Upright bars drawn by Plotext, one series or several side by side, with a title and axis labels.
    Drawn again at each size: a chart of weeks (``fit_groups``) keeps the most recent that fit.

    Several series are told apart in the title (``{legend}`` in it: "██ sent  ██ replies", each key in
    its series' colour), not by Plotext's legend, which it can only draw inside the plot's top left
    corner, over the first bars when they are the tallest."""

    def __init__(
        self,
        title: str,
        *,
        xlabel: str = "",
        ylabel: str = "",
        fit_groups: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.title = title
        self.xlabel, self.ylabel = xlabel, ylabel
        self.fit_groups = fit_groups
        self.labels: list[str] = []
        self.series: list[tuple[str, list[float]]] = []

    def show_bars(self, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float]]]) -> None:
        self.labels = list(labels)
        self.series = [(name, list(values)) for name, values in series]
        self.refresh()

    def render(self) -> RenderResult:
        plt = self.plt
        plt.clear_figure()
        labels, series = self.labels, self.series
        if self.fit_groups:
            fits = max(1, (self.size.width - AXIS_CELLS) // CELLS_PER_WEEK)
            labels, series = labels[-fits:], [(name, values[-fits:]) for name, values in series]
        legend = "  ".join(f"{LEGEND_KEY} {name}" for name, _values in series)
        titles = [self.title.format(legend=legend)]
        if len(labels) < len(self.labels):
            titles.insert(0, _("{title}, the last {count} weeks").format(title=titles[0], count=len(labels)))
        # Plotext leaves out a title wider than the chart: the longest that fits (the weeks are in the
        # table under the chart), else the legend alone.
        fitting = [title for title in titles if cell_len(title) <= self.size.width - 2]
        title = fitting[0] if fitting else legend
        plt.title(title)
        largest = max((max(values, default=0) for _, values in series), default=0)
        ticks: list[float] = [*nice_ticks(largest)]
        plt.yticks(ticks, [f"{tick:g}" for tick in ticks])
        plt.ylim(0, ticks[-1])
        if len(series) == 1:
            plt.bar(labels, series[0][1], width=3 / 5)
        elif labels:
            plt.multiple_bar(
                labels,
                [values for _, values in series],
                # A colour a series; the stub allows one colour only, as for a single series.
                color=[name for name, _code in SERIES_COLOURS[: len(series)]],  # type: ignore[arg-type]
            )
        if labels:
            # Ticks chosen here rather than by Plotext, which picks them differently from one drawing to
            # the next: every step-th label, as many as fit side by side.
            widest = max(cell_len(label) for label in labels) + 1
            step = max(1, math.ceil(len(labels) * widest / max(1, self.size.width - AXIS_CELLS)))
            positions: list[float] = [*range(1, len(labels) + 1)]
            plt.xticks(positions[::-1][::step][::-1], labels[::-1][::step][::-1])
        plt.xlabel(self.xlabel)
        plt.ylabel(self.ylabel)
        drawn = super().render()
        if not isinstance(drawn, Text):
            return drawn
        # The first line is the title, whose own spaces are kept: the gaps between the legend's keys.
        drawn_lines = drawn.split("\n", allow_blank=True)
        lines = [_narrowed(line, title if not index else "") for index, line in enumerate(drawn_lines)]
        if len(series) > 1 and lines:
            _colour_keys(lines[0], len(series))
        return Text("\n", end="").join(lines)


def _colour_keys(title: Text, count: int) -> None:
    """The legend's keys in the title line, each in its series' colour, as Plotext draws its bars."""
    at = 0
    for _name, code in SERIES_COLOURS[:count]:
        at = title.plain.find(LEGEND_KEY, at)
        if at < 0:
            return
        title.stylize(Style(color=Color.from_ansi(code)), at, at + len(LEGEND_KEY))
        at += len(LEGEND_KEY)


def _narrowed(line: Text, keep: str = "") -> Text:
    """A line of Plotext's drawing with wide characters (a Japanese title or legend) as wide as the
    others: Plotext counts a character as one cell, so each wide one gives back a space after it, which
    keeps an axis' labels over their ticks. Where the line holds ``keep`` (the title, centred), the
    spaces come out of the padding either side of it instead, half each side, so that its own spaces
    stay: the gap between one key of the legend and the next ("██ 送信  ██ 返信")."""
    plain = line.plain
    if cell_len(plain) == len(plain):
        return line
    at = plain.find(keep) if keep.strip() else -1
    if at >= 0:
        owed = cell_len(plain) - len(plain)
        before = [index for index in range(at) if plain[index] == " "]
        after = [index for index in range(at + len(keep), len(plain)) if plain[index] == " "]
        right = min(len(after), owed - min(len(before), owed // 2))
        left = min(len(before), owed - right)
        dropped = before[:left] + after[len(after) - right :]
    else:
        dropped, owed = [], 0
        for index, character in enumerate(plain):
            if cell_len(character) > 1:
                owed += cell_len(character) - 1
            elif character == " " and owed:
                dropped.append(index)
                owed -= 1
    pieces, start = [], 0
    for index in dropped:
        pieces.append(line[start:index])
        start = index + 1
    pieces.append(line[start:])
    return Text("", end="").join(pieces)


class BarList(Widget):
    """Horizontal bars, one a row, drawn with Textual's own bar (the progress bar's): a label, the bar
    scaled so that ``full`` fills it, and the value in words. A title above, what the bar measures
    below."""

    COMPONENT_CLASSES = {"bars--bar", "bars--track", "bars--title", "bars--axis"}
    DEFAULT_CSS = """
    BarList { height: auto; }
    BarList > .bars--bar { color: $accent; }
    BarList > .bars--track { color: $panel; }
    BarList > .bars--title { text-style: bold; }
    BarList > .bars--axis { color: $text-muted; }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self.rows: list[tuple[str, float, str]] = []
        self.full = 1.0
        self.axis = ""
        self._styles: tuple[str, tuple[Style, ...]] | None = None

    def styles_for_theme(self) -> tuple[Style, ...]:
        """The bar, track, title and axis styles, worked out once per theme: each costs a stylesheet
        lookup, and a bar list is drawn several times as the screen lays out."""
        if self._styles is None or self._styles[0] != self.app.theme:
            names = ("bars--bar", "bars--track", "bars--title", "bars--axis")
            self._styles = (self.app.theme, tuple(self.get_component_rich_style(name) for name in names))
        return self._styles[1]

    def show_bars(self, rows: Sequence[tuple[str, float, str]], full: float, axis: str) -> None:
        """``rows`` of (label, value, value in words); a value of ``full`` fills the bar."""
        self.rows, self.full, self.axis = list(rows), full, axis
        # Its height is known (a title, a line a row, the axis): laying out the screen need not draw it.
        self.styles.height = len(self.rows) + 2
        self.refresh()

    def render(self) -> RenderResult:
        label_width = max((cell_len(label) for label, _, _ in self.rows), default=0)
        value_width = max((cell_len(words) for _, _, words in self.rows), default=0)
        bar_width = max(4, self.size.width - label_width - value_width - 2)
        bar_style, track_style, title_style, axis_style = self.styles_for_theme()
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(width=bar_width, no_wrap=True)
        grid.add_column(no_wrap=True)
        for label, value, words in self.rows:
            filled = bar_width * min(value / self.full, 1) if self.full > 0 else 0
            grid.add_row(
                Text(label, end=""), _bar(filled, bar_width, bar_style, track_style), Text(words, end="")
            )
        title = Text(self.title, style=title_style)
        axis = Text(self.axis, style=axis_style, end="")
        return Group(title, grid, axis)


class WeeksSparkline(Vertical):
    """Messages sent per week as Textual's sparkline, two cells a week (one when that is too wide), with
    what it shows and its range above it, a ▲ under each week with a declined event, and the dates of the
    first and last weeks under it: what was done in the weeks declining freed, beside the others."""

    DEFAULT_CSS = """
    WeeksSparkline { height: auto; }
    WeeksSparkline > .spark--caption { height: auto; }
    WeeksSparkline > Sparkline { height: 2; }
    WeeksSparkline > .spark--axis { height: auto; color: $text-muted; text-wrap: nowrap; text-overflow: clip; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.starts: list[date] = []
        self.sent: list[int] = []
        self.marked: set[date] = set()
        self._cells = 0

    def compose(self) -> ComposeResult:
        yield Static(classes="spark--caption", markup=False)
        yield Sparkline([])
        yield Static(classes="spark--axis", markup=False)

    def show_weeks(self, starts: Sequence[date], sent: Sequence[int], marked: Iterable[date]) -> None:
        """``sent`` in each week from ``starts``; a ▲ under the weeks in ``marked``."""
        self.starts, self.sent, self.marked = list(starts), list(sent), set(marked)
        # The Stats screen is made ahead, and may hand in its weeks before these lines are composed.
        if self.children:
            self._show()

    def on_mount(self) -> None:
        if self.sent:
            self._show()

    def _show(self) -> None:
        self.query_one(".spark--caption", Static).update(
            _("Messages sent per week, the last {count} weeks: {fewest} to {most}").format(
                count=len(self.sent), fewest=min(self.sent, default=0), most=max(self.sent, default=0)
            )
        )
        self.query_one(Sparkline).data = self.sent
        self._cells = 0
        self._fit(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        cells = 2 if width >= 2 * len(self.sent) else 1
        if cells == self._cells or not self.sent:
            return
        self._cells = cells
        self.query_one(Sparkline).styles.width = cells * len(self.sent)
        self.query_one(".spark--axis", Static).update(self.axis(cells))

    def axis(self, cells: int) -> str:
        """The lines under the sparkline: the ▲s, then the first and last weeks' dates with what a ▲
        means between them (on a line of its own when it does not fit there)."""
        marks = "".join(("▲" if start in self.marked else " ").ljust(cells) for start in self.starts)
        width = cells * len(self.starts)
        first, last = f"{self.starts[0]:%m/%d}", f"{self.starts[-1]:%m/%d}"
        # What a ▲ means, only where one is drawn (a declined event still to come has none yet).
        key = _("▲ a week with a declined event") if "▲" in marks else ""
        room = width - cell_len(first) - cell_len(last)
        if room >= cell_len(key) + 2:
            before = (room - cell_len(key)) // 2
            dates = first + " " * before + key + " " * (room - before - cell_len(key)) + last
            return f"{marks.rstrip()}\n{dates}"
        dates = first + " " * max(1, room) + last
        return f"{marks.rstrip()}\n{dates}" + (f"\n{key}" if key else "")


def _bar(filled: float, width: int, bar_style: Style, track_style: Style) -> RenderableType:
    """A bar ``filled`` cells long on a track ``width`` long. Empty, it is the track alone, as past the
    end of any other bar: Textual's bar draws an empty one as a full line of track, even where the track
    is otherwise left blank (a track in the terminal's default colour, as the ANSI themes have), so that
    a 0% looked like the longest bar."""
    if filled > 0:
        return Bar((0, filled), bar_style, track_style, width=width)
    drawn = track_style.color is None or not track_style.color.is_default
    return Text((Bar.BAR if drawn else " ") * width, style=track_style, end="")


class NumberTable(Static):
    """The plain numbers behind a chart, as a table: the first column is read as text (never as markup),
    the others are numbers, right-aligned. A Static rather than a DataTable: nothing here is selected,
    and the screen opens faster with less to lay out."""

    DEFAULT_CSS = "NumberTable { height: auto; }"

    def show_rows(self, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        for index, header in enumerate(headers):
            table.add_column(header, justify="left" if index == 0 else "right", no_wrap=True)
        for row in rows:
            table.add_row(*(Text(str(cell), no_wrap=True, overflow="ellipsis", end="") for cell in row))
        # The header, its rule and each row's lines: known here, so laying out the screen need not draw
        # the table to measure it.
        self.styles.height = 2 + sum(max(str(cell).count("\n") + 1 for cell in row) for row in rows)
        self.update(table)
