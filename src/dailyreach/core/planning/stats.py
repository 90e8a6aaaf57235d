"""The habit in figures: outreach per day and per week, streaks, reply rates, the funnel, what declining
saved, and last week's review. One module for the Stats screen and ``dailyreach stats`` alike; each part
is worked out in its own module (``stats_days``, ``stats_replies``, ``stats_declined``,
``stats_review``), and put together here.

The figures are read from the summaries the store keeps beside the log, never from the log itself, so
the screen costs the same after a year of use: each contact's thread (its stage for the funnel, its
first message and first answer for the reply rates, open threads for the follow-ups worth sending) and
each local day's counts of messages sent, replies and meetings (the calendar, the weeks, the streaks).
Days and weeks are local days in the store's timezone; durations are real time, so a night with a
clock change lasts 23 or 25 hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from dailyreach.core.planning.planner import streak
from dailyreach.core.planning.stats_days import (
    DayCount,
    WeekCount,
    WeekdayTotal,
    daily_log,
    day_counts,
    longest_streak,
    week_counts,
    weekday_totals,
)
from dailyreach.core.planning.stats_declined import DeclinedSummary, declined_summary
from dailyreach.core.planning.stats_replies import (
    FIRST_TOUCH_LABELS,
    FunnelStep,
    ReplyRate,
    funnel,
    reply_rates,
)
from dailyreach.core.planning.stats_review import WeekReview, week_review
from dailyreach.core.records.dates import week_start_of
from dailyreach.core.records.model import CHANNEL_LABELS, Contact, Invitation, Settings
from dailyreach.core.store.threads import Thread

if TYPE_CHECKING:
    from dailyreach.core.store.store import Store

DEFAULT_WEEKS = 26


@dataclass(frozen=True)
class History:
    """What the figures are read from: the store's records and summaries, as plain values."""

    settings: Settings
    zone: tzinfo
    contacts: list[Contact]
    threads: dict[str, Thread]
    outreach_days: set[date]
    day_counts: dict[date, dict[str, int]]  # "sent", "replies", "meetings" of each local day
    invitations: list[Invitation]


def read_history(store: Store) -> History:
    return History(
        settings=store.settings(),
        zone=store.zone,
        contacts=store.contacts(include_archived=True),
        threads=store.threads(),
        outreach_days=store.outreach_days(),
        day_counts=store.day_counts(),
        invitations=store.invitations(),
    )


@dataclass(frozen=True)
class Stats:
    now: datetime
    today: date
    zone: tzinfo
    goal: int
    week_start: str
    first_day: date  # the first day of the first week shown
    days: list[DayCount]  # every day from first_day to today
    weeks: list[WeekCount]
    weekdays: list[WeekdayTotal]  # from the week's first day, as the calendar's rows
    current_streak: int
    longest_streak: int
    by_channel: list[ReplyRate]
    by_first_touch: list[ReplyRate]
    funnel: list[FunnelStep]
    declined: DeclinedSummary
    last_week: WeekReview
    began: date  # the first day a message was sent; today when none was

    @property
    def sent(self) -> int:
        return sum(day.sent for day in self.days)

    @property
    def goal_days(self) -> int:
        return sum(day.goal_met for day in self.days)

    @property
    def days_with_outreach(self) -> int:
        return sum(day.sent > 0 for day in self.days)

    @property
    def days_counted(self) -> int:
        """The days shown since the habit began (the first message ever sent; today for a store with none),
        today included: the goal was not missed on a day before the habit, nor before the store."""
        return sum(day.day >= self.began for day in self.days)


def compute_stats(history: History, now: datetime, weeks: int = DEFAULT_WEEKS) -> Stats:
    """Every figure, for the ``weeks`` weeks up to and including the one ``now`` is in."""
    zone, settings = history.zone, history.settings
    today = now.astimezone(zone).date()
    this_week = week_start_of(today, settings.week_start)
    first_day = this_week - timedelta(weeks=max(1, weeks) - 1)
    log = daily_log(history.day_counts)
    days = day_counts(log, first_day, today, settings.goal_on)
    began = min(history.outreach_days, default=today)
    return Stats(
        now=now,
        today=today,
        zone=zone,
        goal=settings.daily_goal,
        week_start=settings.week_start,
        first_day=first_day,
        days=days,
        weeks=week_counts(days, log, began),
        weekdays=weekday_totals(days, settings.week_start),
        current_streak=streak(history.outreach_days, today),
        longest_streak=longest_streak(history.outreach_days),
        by_channel=reply_rates(history.threads.values(), "channel", CHANNEL_LABELS),
        by_first_touch=reply_rates(history.threads.values(), "kind", FIRST_TOUCH_LABELS),
        funnel=funnel(history.contacts, history.threads),
        declined=declined_summary(history.invitations, log, zone, settings.week_start, today),
        last_week=week_review(history, log, today, this_week, began),
        began=began,
    )


def build_stats(store: Store, weeks: int = DEFAULT_WEEKS) -> Stats:
    """The figures of ``store`` now."""
    with store.reading():
        history = read_history(store)
    return compute_stats(history, store.local_now(), weeks)
