"""Outreach per day as a calendar of text: each day's shade (or ✓) in a row per weekday and a column per
week, the months and years above, and the key below; ``dailyreach stats`` prints it, and the Stats
screen draws its own with the same shades, marks and month names."""

from __future__ import annotations

import math
from datetime import date, timedelta

from rich.cells import cell_len

from dailyreach.core.planning.stats import Stats
from dailyreach.core.planning.stats_days import DayCount, weekday_names
from dailyreach.i18n import _, ngettext
from dailyreach.report import pad
from dailyreach.stats_wording import month_name

# A day's shade in the calendar, by heat_level (messages sent): none, some, half the goal or more, the
# goal or more. A day that met the goal (people written to, as Today counts) shows GOAL_MARK instead.
SHADES = "·░▒█"
GOAL_MARK = "✓"
# What the text is made to fit when the terminal's width is not known (output to a file or a pipe).
DEFAULT_WIDTH = 80
# The calendar's weekday names and the space after them.
CALENDAR_MARGIN = 5
# Past this many weeks a month's name comes round again, and the calendar says the years too.
WEEKS_A_YEAR = 52


def heat_level(sent: int, goal: int) -> int:
    """A day's shade by the messages sent that day: 0 for none, 3 for as many as the goal or more, 2 for
    half of it or more, 1 for less. Whether the day met the goal is not this: the goal counts people
    written to (``DayCount.goal_met``), and two messages to one person are one."""
    if sent <= 0:
        return 0
    if sent >= goal:
        return 3
    return 2 if 2 * sent >= goal else 1


LEGEND_INDENT = "     "
KEY_GAP = "  "


def heat_legend(goal: int) -> list[tuple[int, str]]:
    """(level, how many messages) for each level a day can have with this goal."""
    half = math.ceil(goal / 2)
    ranges = [
        (0, _("none")),
        (1, _span(1, half - 1)),
        (2, _span(half, goal - 1)),
        (3, _("{goal}+ messages").format(goal=goal)),
    ]
    return [(level, words) for level, words in ranges if words]


def goal_mark_words(goal: int) -> str:
    """What the calendar's ✓ means: the day's goal of people written to was met."""
    return ngettext("goal met ({count} person)", "goal met ({count} people)", goal).format(count=goal)


def _span(low: int, high: int) -> str:
    if high < low:
        return ""
    return str(low) if low == high else f"{low}–{high}"


def calendar_lines(stats: Stats, width: int = DEFAULT_WIDTH) -> list[str]:
    """Outreach per day as a calendar: a row per weekday, a column per week, months above, and the years
    too once a month's name comes round again. A calendar wider than ``width`` goes on below, in as many
    blocks as it takes, so that a terminal never wraps its rows into each other."""
    weeks = [stats.days[index : index + 7] for index in range(0, len(stats.days), 7)]
    with_years = len(weeks) > WEEKS_A_YEAR
    # A month's name over a block's last week runs past it.
    overrun = max(cell_len(month_name(number)) for number in range(1, 13)) - 1
    per_block = max(1, width - CALENDAR_MARGIN - overrun)
    lines: list[str] = []
    for first in range(0, len(weeks), per_block):
        block = weeks[first : first + per_block]
        starts = [week[0].day for week in block]
        if lines:
            lines.append("")
        if with_years:
            lines.append(" " * CALENDAR_MARGIN + year_row(starts))
        lines.append((" " * CALENDAR_MARGIN + month_row(starts)).rstrip())
        for row, name in enumerate(weekday_names(stats.week_start)):
            cells = "".join(day_cell(week[row], stats.goal) if row < len(week) else " " for week in block)
            lines.append(f"{pad(name, 3)}  {cells}".rstrip())
    legend = [f"{SHADES[level]} {words}" for level, words in heat_legend(stats.goal)]
    legend.append(f"{GOAL_MARK} {goal_mark_words(stats.goal)}")
    return lines + legend_lines(legend, width)


def legend_lines(keys: list[str], width: int) -> list[str]:
    """The calendar's key under it, in as many lines of ``width`` cells as it takes, broken between its
    keys (a key is never split: "✓ goal met (5 people)" reads as one)."""
    lines = [LEGEND_INDENT]
    for key in keys:
        joined = f"{lines[-1]}{KEY_GAP if lines[-1].strip() else ''}{key}"
        if cell_len(joined) <= width or not lines[-1].strip():
            lines[-1] = joined
        else:
            lines.append(LEGEND_INDENT + key)
    return lines


def day_cell(day: DayCount, goal: int) -> str:
    """A day in the text calendar: ✓ when it met the goal (people), else its shade (messages)."""
    return GOAL_MARK if day.goal_met else SHADES[heat_level(day.sent, goal)]


def _month_begun_in(start: date) -> int | None:
    """The month whose 1st is in the week from ``start``, if one is: its last day's month."""
    last = start + timedelta(days=6)
    return last.month if last.day <= 7 else None


def month_row(week_starts: list[date], cell: int = 1, width: int | None = None) -> str:
    """Month names over the weeks their 1st falls in, as GitHub's calendar has them, ``cell``
    characters a week; the month the first week is in is named over it only when that fits before the
    next month's name. A name that would run into the one before moves on to the month's next week
    (after the last week, next to the name before), and is left out only when the next month begins
    first, or when it would run past ``width`` (what follows the calendar there). Measured in cells: a
    double-width character fills two (10月 takes four)."""
    row = [" "] * (len(week_starts) * cell + 4)
    room = len(row) if width is None else min(width, len(row))
    begun = [_month_begun_in(start) for start in week_starts]
    free_from, waiting = 0, None

    def named(at: int, month: int) -> bool:
        """Whether ``month``'s name fits at ``at``, where it is then written."""
        nonlocal free_from
        # A wide character fills its cell and the next one's, left empty.
        cells = [
            piece for char in month_name(month) for piece in ((char, "") if cell_len(char) == 2 else (char,))
        ]
        if at + len(cells) > room:
            return False
        row[at : at + len(cells)] = cells
        free_from = at + len(cells) + 1
        return True

    for index, start in enumerate(week_starts):
        at = index * cell
        if begun[index] is not None:
            waiting = begun[index]
        elif index == 0:
            # Named only with room before the next month's name: a week of November does not push
            # December's name off the week its 1st is in.
            following = next((later for later, month in enumerate(begun) if month), len(begun))
            if cell_len(month_name(start.month)) < following * cell:
                waiting = start.month
        if waiting is None or at < free_from:
            continue
        if not named(at, waiting):
            break
        waiting = None
    else:
        # The month the calendar ends in, its last week taken by the name before (11月 runs into 12月's
        # week where Nov leaves room for Dec): named next to that one, in the room after the weeks.
        if waiting is not None:
            named(free_from, waiting)
    return "".join(row).rstrip()


def year_row(week_starts: list[date]) -> str:
    """The year over the first week and over the week each new year's January 1st falls in (where the
    month row names January); a year that the next one would run into is left out."""
    years = [(start + timedelta(days=6)).year for start in week_starts]
    marks = [(index, str(year)) for index, year in enumerate(years) if index == 0 or year != years[index - 1]]
    row = [" "] * len(week_starts)
    for (at, year), following in zip(marks, [*marks[1:], None], strict=True):
        if following is None or at + len(year) < following[0]:
            row[at : at + len(year)] = year
    return "".join(row).rstrip()
