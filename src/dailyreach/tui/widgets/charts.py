"""The Stats screen's charts: a calendar of outreach per day, bar charts drawn by Plotext, and a table of
the numbers behind each of them.

Imported when the Stats screen is first composed: Plotext takes about 40 ms to load, which the app's
start-up need not pay.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import RenderResult
from textual.renderables.bar import Bar
from textual.widget import Widget
from textual.widgets import Static
from textual_plotext import PlotextPlot

from dailyreach.core.planning.stats import DayCount, weekday_names
from dailyreach.i18n import N_, _
from dailyreach.stats_report import GOAL_MARK, goal_mark_words, heat_legend, heat_level, month_row
from dailyreach.tui.words import pad

# Each day is two cells wide, about as wide as it is high.
DAY_CELLS = 2
LEVEL_CLASSES = ("calendar--none", "calendar--low", "calendar--mid", "calendar--full")
# Below this many cells a week, the weekly bars would touch: fewer weeks are drawn (the table has all).
CELLS_PER_WEEK = 5
AXIS_CELLS = 8
# The numbers beside each weekday's row, and their widths.
TOTALS = ((N_("sent"), 5), (N_("days"), 5), (N_("goal"), 5))
# A weekday's name and the space after it, before its row of days.
WEEKDAY_CELLS = 4


def _right(text: str, width: int) -> str:
    """``text`` right-aligned in ``width`` cells."""
    return " " * max(0, width - cell_len(text)) + text


class CalendarHeatmap(Widget):
    """Outreach per day as a calendar: a row per weekday, a column per week, months above. A day is
    shaded by how many messages it had, the goal's number or more the darkest; the days that met the goal
    (that many people written to, as Today counts: two messages to one person are one) have a ✓.
    Beside each row, its numbers: messages sent on that weekday, days with any, days at the goal."""

    COMPONENT_CLASSES = {*LEVEL_CLASSES, "calendar--label"}
    DEFAULT_CSS = """
    CalendarHeatmap { width: auto; height: auto; }
    CalendarHeatmap > .calendar--none { background: $boost; }
    CalendarHeatmap > .calendar--low { background: $success 30%; }
    CalendarHeatmap > .calendar--mid { background: $success 60%; }
    CalendarHeatmap > .calendar--full { background: $success; color: $text; text-style: bold; }
    CalendarHeatmap > .calendar--label { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.days: list[DayCount] = []
        self.goal = 1
        self.week_start = "monday"
        self.weeks = 0

    def show_days(self, days: list[DayCount], goal: int, week_start: str, weeks: int) -> None:
        """``days`` from the first day of a week, for ``weeks`` weeks (the last may still be going on)."""
        self.days, self.goal, self.week_start, self.weeks = days, goal, week_start, weeks
        self.refresh(layout=True)

    def render(self) -> RenderResult:
        label = self.get_component_rich_style("calendar--label")
        levels = [self.get_component_rich_style(name) for name in LEVEL_CLASSES]
        starts = [self.days[index].day for index in range(0, len(self.days), 7)]
        columns = "".join(_right(_(name), width) for name, width in TOTALS)
        shown = Text(no_wrap=True, end="")
        months = pad("    " + month_row(starts, DAY_CELLS), 4 + self.weeks * DAY_CELLS)
        shown.append(months + columns, style=label)
        for row, name in enumerate(weekday_names(self.week_start)):
            shown.append("\n" + pad(name, WEEKDAY_CELLS), style=label)
            for week in range(self.weeks):
                index = week * 7 + row
                if index >= len(self.days):
                    shown.append(" " * DAY_CELLS)  # still to come
                    continue
                day = self.days[index]
                # A day at the goal has sent as many messages at least: its shade is the darkest.
                level = 3 if day.goal_met else heat_level(day.sent, self.goal)
                shown.append(f"{GOAL_MARK} " if day.goal_met else " " * DAY_CELLS, style=levels[level])
            weekday = self.days[row::7]
            totals = (
                sum(day.sent for day in weekday),
                sum(day.sent > 0 for day in weekday),
                sum(day.goal_met for day in weekday),
            )
            shown.append(
                "".join(f"{total:>{width}}" for total, (_, width) in zip(totals, TOTALS, strict=True))
            )
        shown.append("\n    ")
        for level, words in heat_legend(self.goal):
            shown.append(" " * DAY_CELLS, style=levels[level])
            shown.append(f" {words}  ", style=label)
        shown.append(f"{GOAL_MARK} ", style=levels[3])
        shown.append(f" {goal_mark_words(self.goal)}", style=label)
        return shown


def nice_ticks(largest: float, count: int = 4) -> list[int]:
    """Whole-number ticks from 0 past ``largest``, about ``count`` of them."""
    step = max(1, math.ceil(max(largest, 1) / count))
    return list(range(0, int(largest) + step + 1, step)) if largest > 0 else [0, 1]


class BarChart(PlotextPlot):
    """Upright bars drawn by Plotext, one series or several side by side, with a title, axis labels and
    a legend. Drawn again at each size: a chart of weeks (``fit_groups``) keeps the most recent that fit."""

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
        title = self.title
        if len(labels) < len(self.labels):
            title = _("{title}, the last {count} weeks").format(title=title, count=len(labels))
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
                # Plotext's keyword is "labels"; its stub says "label".
                labels=[name for name, _ in series],  # type: ignore[call-arg]
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
        return Text("\n", end="").join(_narrowed(line) for line in drawn.split("\n", allow_blank=True))


def _narrowed(line: Text) -> Text:
    """A line of Plotext's drawing with wide characters (a Japanese title or legend) as wide as the
    others: Plotext counts a character as one cell, so each wide one gives back a space after it."""
    plain = line.plain
    if cell_len(plain) == len(plain):
        return line
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
            bar = Bar((0, filled), bar_style, track_style, width=bar_width)
            grid.add_row(Text(label, end=""), bar, Text(words, end=""))
        title = Text(self.title, style=title_style)
        axis = Text(self.axis, style=axis_style, end="")
        return Group(title, grid, axis)


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
