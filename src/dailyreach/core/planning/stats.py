"""The habit in figures: outreach per day and per week, streaks, reply rates, the funnel, what declining
saved, and last week's review. One module for the Stats screen and ``dailyreach stats`` alike.

The figures are read from the summaries the store keeps beside the log, never from the log itself, so
the screen costs the same after a year of use: each contact's thread (its stage for the funnel, its
first message and first answer for the reply rates, open threads for the follow-ups worth sending) and
each local day's counts of messages sent, replies and meetings (the calendar, the weeks, the streaks).
Days and weeks are local days in the store's timezone; durations are real time, so a night with a
clock change lasts 23 or 25 hours.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from dailyreach.core.planning.planner import pending_replies, streak
from dailyreach.core.records.dates import WEEK_STARTS, WEEKDAY_ABBREVIATIONS, week_start_of
from dailyreach.core.records.model import CHANNEL_LABELS as CHANNEL_LABELS  # shown in stats
from dailyreach.core.records.model import Contact, Invitation, Settings
from dailyreach.core.store.threads import Thread, parse_stamp
from dailyreach.i18n import N_, _

if TYPE_CHECKING:
    from dailyreach.core.store.store import Store

DEFAULT_WEEKS = 26
FOLLOW_UPS_SHOWN = 3
# Shown through ``_()`` (or wording.py's labels): ``--json`` says them in English in every language.
WEEKDAY_NAMES = WEEKDAY_ABBREVIATIONS
FIRST_TOUCH_LABELS = {"public_reply": N_("public reply"), "dm_sent": N_("DM"), "follow_up": N_("follow-up")}
FUNNEL = (
    ("target", N_("targets")),
    ("contacted", N_("contacted")),
    ("replied", N_("replied")),
    ("meeting", N_("meeting booked")),
    ("met", N_("met")),
)
# The furthest funnel step each thread stage has reached (no response: contacted, then given up on).
_REACHED = {"target": 0, "contacted": 1, "no_response": 1, "replied": 2, "meeting": 3, "met": 4}


def weekday_names(week_start: str) -> tuple[str, ...]:
    """Mon..Sun (月..日), from the week's first day, in the language in use."""
    first = WEEK_STARTS[week_start]
    return tuple(_(name) for name in WEEKDAY_NAMES[first:] + WEEKDAY_NAMES[:first])


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


@dataclass(frozen=True)
class ReplyRate:
    """Contacts first reached this way, how many answered after it, and how soon (real hours)."""

    key: str
    label: str
    contacted: int
    replied: int
    median_hours: float | None

    @property
    def rate(self) -> float:
        return self.replied / self.contacted


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    label: str
    count: int
    conversion: float | None  # of the step before; None for the first step or after an empty one


@dataclass(frozen=True)
class DeclinedMonth:
    month: str | None  # YYYY-MM of the event (of the decision when it has no date); None: neither
    count: int
    hours: float
    money: dict[str, float]
    sent_those_weeks: int  # messages sent in the weeks of these events: what was done instead


@dataclass(frozen=True)
class DeclinedSummary:
    count: int
    hours: float
    money: dict[str, float]
    months: list[DeclinedMonth]
    sent_those_weeks: int
    replies_those_weeks: int
    weeks: list[date]  # the first day of each week with a declined event, each once, in order


@dataclass(frozen=True)
class FollowUp:
    """A thread worth a word now: they answered and wait for you ("answered"), or your message has
    gone unanswered past its follow-up day ("follow_up_due")."""

    contact: Contact
    reason: str
    since: datetime
    channel: str
    nudges: int


@dataclass(frozen=True)
class WeekReview:
    start: date
    end: date  # the week's last day
    sent: int
    replies: int
    meetings: int
    goal_days: int
    declined: int
    follow_ups: list[FollowUp]

    @property
    def anything(self) -> bool:
        return bool(self.sent or self.replies or self.meetings or self.declined)


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

    @property
    def sent(self) -> int:
        return sum(day.sent for day in self.days)

    @property
    def goal_days(self) -> int:
        return sum(day.goal_met for day in self.days)

    @property
    def days_with_outreach(self) -> int:
        return sum(day.sent > 0 for day in self.days)


@dataclass
class _Log:
    """Messages sent, replies received, meetings booked and people reached per local day."""

    sent: Counter[date]
    replies: Counter[date]
    meetings: Counter[date]
    reached: Counter[date]  # people sent a message: what the daily goal counts, as Today does


def _daily_log(day_counts: dict[date, dict[str, int]]) -> _Log:
    log = _Log(Counter(), Counter(), Counter(), Counter())
    for day, counts in day_counts.items():
        log.sent[day], log.replies[day] = counts.get("sent", 0), counts.get("replies", 0)
        log.meetings[day], log.reached[day] = counts.get("meetings", 0), counts.get("reached", 0)
    return log


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


def _reply_rates(threads: Iterable[Thread], by: str, labels: dict[str, str]) -> list[ReplyRate]:
    """Reply rates by the first message's ``by`` ("kind" or "channel"), the most reached first."""
    contacted: Counter[str] = Counter()
    waits: dict[str, list[float]] = defaultdict(list)
    for thread in threads:
        if thread.first_sent is None:
            continue
        key = (thread.first_kind if by == "kind" else thread.first_channel) or "other"
        contacted[key] += 1
        if thread.first_answer is not None:
            wait = parse_stamp(thread.first_answer) - parse_stamp(thread.first_sent)
            waits[key].append(wait.total_seconds() / 3600)
    rates = [
        ReplyRate(
            key=key,
            label=labels.get(key, key),
            contacted=count,
            replied=len(waits[key]),
            median_hours=statistics.median(waits[key]) if waits[key] else None,
        )
        for key, count in contacted.items()
    ]
    rates.sort(key=lambda rate: (-rate.contacted, rate.label))
    return rates


def funnel(contacts: Iterable[Contact], threads: dict[str, Thread]) -> list[FunnelStep]:
    """Everyone added, and how many reached each step at least (a meeting met counts as booked)."""
    reached = [0] * len(FUNNEL)
    for contact in contacts:
        furthest = _REACHED[threads.get(contact.id, Thread()).stage]
        for step in range(furthest + 1):
            reached[step] += 1
    steps = []
    for index, (stage, label) in enumerate(FUNNEL):
        before = reached[index - 1] if index else 0
        conversion = reached[index] / before if index and before else None
        steps.append(FunnelStep(stage, label, reached[index], conversion))
    return steps


def _local_date(moment: str | None, zone: tzinfo) -> date | None:
    return datetime.fromisoformat(moment).astimezone(zone).date() if moment else None


def _week_total(counts: Counter[date], start: date) -> int:
    return sum(counts[start + timedelta(days=offset)] for offset in range(7))


def declined_summary(
    invitations: Iterable[Invitation], log: _Log, zone: tzinfo, week_start: str
) -> DeclinedSummary:
    """Declined invitations per month of the event, with what was sent in the weeks they would have
    taken (a week with two of them counts once)."""
    by_month: dict[str | None, list[Invitation]] = defaultdict(list)
    weeks_by_month: dict[str | None, set[date]] = defaultdict(set)
    for invitation in invitations:
        if invitation.status != "declined":
            continue
        day = (
            date.fromisoformat(invitation.event_date)
            if invitation.event_date
            else _local_date(invitation.decided_at, zone)
        )
        month = day.isoformat()[:7] if day else None
        by_month[month].append(invitation)
        if day is not None:
            weeks_by_month[month].add(week_start_of(day, week_start))
    months = []
    for month in sorted(by_month, key=lambda key: key or "9999"):  # the undated last
        chosen = by_month[month]
        months.append(
            DeclinedMonth(
                month=month,
                count=len(chosen),
                hours=sum(invitation.hours or 0 for invitation in chosen),
                money=_money(chosen),
                sent_those_weeks=sum(_week_total(log.sent, start) for start in weeks_by_month[month]),
            )
        )
    every_week = set().union(*weeks_by_month.values()) if weeks_by_month else set()
    declined = [invitation for chosen in by_month.values() for invitation in chosen]
    return DeclinedSummary(
        count=len(declined),
        hours=sum(invitation.hours or 0 for invitation in declined),
        money=_money(declined),
        months=months,
        sent_those_weeks=sum(_week_total(log.sent, start) for start in every_week),
        replies_those_weeks=sum(_week_total(log.replies, start) for start in every_week),
        weeks=sorted(every_week),
    )


def _money(invitations: Iterable[Invitation]) -> dict[str, float]:
    money: dict[str, float] = defaultdict(float)
    for invitation in invitations:
        if invitation.cost:
            money[invitation.currency] += invitation.cost
    return dict(sorted(money.items()))


def follow_ups(history: History, today: date, limit: int = FOLLOW_UPS_SHOWN) -> list[FollowUp]:
    """The threads most worth a word: those who answered and wait for yours (highest priority, then
    waiting longest), then messages past their follow-up day (priority, fewest nudges, oldest)."""
    answered = []
    for contact in history.contacts:
        thread = history.threads.get(contact.id)
        if contact.archived or thread is None or thread.stage != "replied" or thread.open:
            continue
        if thread.last_touch and (thread.last_sent is None or thread.last_touch > thread.last_sent):
            since = parse_stamp(thread.last_touch).astimezone(history.zone)
            answered.append(FollowUp(contact, "answered", since, thread.last_channel, thread.nudges))
    answered.sort(key=lambda item: (item.contact.priority, item.since))
    pending = pending_replies(history.contacts, history.threads, history.settings, today, history.zone)
    due = [
        FollowUp(
            reply.contact,
            "follow_up_due",
            reply.waiting_since.astimezone(history.zone),
            reply.channel,
            reply.nudges,
        )
        for reply in pending
        if reply.is_due(today) and not reply.give_up_offered
    ]
    due.sort(key=lambda item: (item.contact.priority, item.nudges, item.since))
    return (answered + due)[:limit]


def compute_stats(history: History, now: datetime, weeks: int = DEFAULT_WEEKS) -> Stats:
    """Every figure, for the ``weeks`` weeks up to and including the one ``now`` is in."""
    zone, settings = history.zone, history.settings
    today = now.astimezone(zone).date()
    goal = settings.daily_goal
    this_week = week_start_of(today, settings.week_start)
    first_day = this_week - timedelta(weeks=max(1, weeks) - 1)
    log = _daily_log(history.day_counts)
    days = [
        DayCount(day, log.sent[day], log.reached[day] >= goal)
        for day in (first_day + timedelta(days=offset) for offset in range((today - first_day).days + 1))
    ]
    week_counts = []
    for index in range(0, len(days), 7):
        week = days[index : index + 7]
        start = week[0].day
        week_counts.append(
            WeekCount(
                start=start,
                sent=sum(day.sent for day in week),
                replies=_week_total(log.replies, start),
                meetings=_week_total(log.meetings, start),
                goal_days=sum(day.goal_met for day in week),
            )
        )
    last_week = this_week - timedelta(weeks=1)
    declined_last_week = sum(
        1
        for invitation in history.invitations
        if invitation.status == "declined"
        and (decided := _local_date(invitation.decided_at, zone)) is not None
        and last_week <= decided < this_week
    )
    review = WeekReview(
        start=last_week,
        end=this_week - timedelta(days=1),
        sent=_week_total(log.sent, last_week),
        replies=_week_total(log.replies, last_week),
        meetings=_week_total(log.meetings, last_week),
        goal_days=sum(log.reached[last_week + timedelta(days=offset)] >= goal for offset in range(7)),
        declined=declined_last_week,
        follow_ups=follow_ups(history, today),
    )
    return Stats(
        now=now,
        today=today,
        zone=zone,
        goal=goal,
        week_start=settings.week_start,
        first_day=first_day,
        days=days,
        weeks=week_counts,
        weekdays=weekday_totals(days, settings.week_start),
        current_streak=streak(history.outreach_days, today),
        longest_streak=longest_streak(history.outreach_days),
        by_channel=_reply_rates(history.threads.values(), "channel", CHANNEL_LABELS),
        by_first_touch=_reply_rates(history.threads.values(), "kind", FIRST_TOUCH_LABELS),
        funnel=funnel(history.contacts, history.threads),
        declined=declined_summary(history.invitations, log, zone, settings.week_start),
        last_week=review,
    )


def build_stats(store: Store, weeks: int = DEFAULT_WEEKS) -> Stats:
    """The figures of ``store`` now."""
    with store.reading():
        history = read_history(store)
    return compute_stats(history, store.local_now(), weeks)
