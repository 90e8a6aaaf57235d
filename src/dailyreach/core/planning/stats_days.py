"""Outreach per local day and per week, for ``stats.py``: each day's counts as the store keeps them, the
calendar's days, the weeks, each weekday's totals and the longest streak."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from dailyreach.core.records.dates import WEEK_STARTS, WEEKDAY_ABBREVIATIONS
from dailyreach.i18n import _

# Shown through ``_()`` (or wording.py's labels): ``--json`` says them in English in every language.
WEEKDAY_NAMES = WEEKDAY_ABBREVIATIONS


def weekday_names(week_start: str) -> tuple[str, ...]:
    """Mon..Sun (月..日), from the week's first day, in the language in use."""
    first = WEEK_STARTS[week_start]
    return tuple(_(name) for name in WEEKDAY_NAMES[first:] + WEEKDAY_NAMES[:first])


@dataclass(frozen=True)
class DayCount:
    day: date
    sent: int
    goal_met: bool


@dataclass(frozen=True)
class WeekdayTotal:
    """One weekday over the weeks shown (every Monday, say): messages sent on it, the days among them
    with any, and the days that met the goal. ``weekday`` is its English abbreviation (Mon), as
    ``WEEKDAY_NAMES`` has it."""

    weekday: str
    sent: int
    days_with_outreach: int
    goal_days: int


@dataclass(frozen=True)
class WeekCount:
    start: date
    sent: int
    replies: int
    meetings: int
    goal_days: int
    days_counted: int  # its days since the habit began, up to today: 7 for a whole week of it

    @property
    def goal_text(self) -> str:
        """Its goal days of its days counted (5/7, 2/3 this week so far); — for a week before the habit."""
        return f"{self.goal_days}/{self.days_counted}" if self.days_counted else "—"


@dataclass
class DailyLog:
    """Messages sent, replies received, meetings booked and people reached per local day."""

    sent: Counter[date]
    replies: Counter[date]
    meetings: Counter[date]
    reached: Counter[date]  # people sent a message: what the daily goal counts, as Today does


def daily_log(day_counts: dict[date, dict[str, int]]) -> DailyLog:
    log = DailyLog(Counter(), Counter(), Counter(), Counter())
    for day, counts in day_counts.items():
        log.sent[day], log.replies[day] = counts.get("sent", 0), counts.get("replies", 0)
        log.meetings[day], log.reached[day] = counts.get("meetings", 0), counts.get("reached", 0)
    return log


def local_date(moment: str | None, zone: tzinfo) -> date | None:
    return datetime.fromisoformat(moment).astimezone(zone).date() if moment else None


def week_total(counts: Counter[date], start: date) -> int:
    return sum(counts[start + timedelta(days=offset)] for offset in range(7))


def day_counts(log: DailyLog, first_day: date, today: date, goal_on: Callable[[date], int]) -> list[DayCount]:
    """Every day from ``first_day`` to ``today``: messages sent, and whether as many people were reached
    as the goal that day had (``goal_on``)."""
    return [
        DayCount(day, log.sent[day], log.reached[day] >= goal_on(day))
        for day in (first_day + timedelta(days=offset) for offset in range((today - first_day).days + 1))
    ]


def week_counts(days: list[DayCount], log: DailyLog, began: date) -> list[WeekCount]:
    """Each week's totals, ``days`` starting on the first day of a week and ending today; the habit
    ``began`` on that day (its first message)."""
    weeks = []
    for index in range(0, len(days), 7):
        week = days[index : index + 7]
        start = week[0].day
        weeks.append(
            WeekCount(
                start=start,
                sent=sum(day.sent for day in week),
                replies=week_total(log.replies, start),
                meetings=week_total(log.meetings, start),
                goal_days=sum(day.goal_met for day in week),
                days_counted=sum(day.day >= began for day in week),
            )
        )
    return weeks


def longest_streak(days_with_outreach: Iterable[date]) -> int:
    """The most consecutive days with outreach there have ever been."""
    longest = run = 0
    previous: date | None = None
    for day in sorted(days_with_outreach):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    return longest


def weekday_totals(days: list[DayCount], week_start: str) -> list[WeekdayTotal]:
    """Each weekday's totals over ``days``, from the week's first day: ``days`` start on it."""
    first = WEEK_STARTS[week_start]
    names = WEEKDAY_NAMES[first:] + WEEKDAY_NAMES[:first]
    totals = []
    for row, name in enumerate(names):
        weekday = days[row::7]
        totals.append(
            WeekdayTotal(
                weekday=name,
                sent=sum(day.sent for day in weekday),
                days_with_outreach=sum(day.sent > 0 for day in weekday),
                goal_days=sum(day.goal_met for day in weekday),
            )
        )
    return totals
