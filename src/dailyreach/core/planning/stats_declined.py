"""What declining saved, for ``stats.py``: declined invitations per month of the event, their hours and
money, and what was sent in the weeks they would have taken."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, tzinfo

from dailyreach.core.planning.stats_days import DailyLog, local_date, week_total
from dailyreach.core.records.dates import week_start_of
from dailyreach.core.records.model import Invitation


@dataclass(frozen=True)
class DeclinedMonth:
    month: str | None  # YYYY-MM of the event (of the decision when it has no date); None: neither
    count: int
    hours: float
    money: dict[str, float]
    # Messages sent in the weeks of these events: what was done instead. None when none of those weeks
    # has begun yet (every event still to come): there is nothing done instead to count.
    sent_those_weeks: int | None


@dataclass(frozen=True)
class DeclinedSummary:
    count: int
    hours: float
    money: dict[str, float]
    months: list[DeclinedMonth]
    sent_those_weeks: int | None  # as the month's, over every week begun
    replies_those_weeks: int | None
    weeks: list[date]  # the first day of each week with a declined event, each once, in order


def declined_summary(
    invitations: Iterable[Invitation], log: DailyLog, zone: tzinfo, week_start: str, today: date
) -> DeclinedSummary:
    """Declined invitations per month of the event, with what was sent in the weeks they would have
    taken (a week with two of them counts once): in the weeks begun by ``today``, not those to come."""
    by_month: dict[str | None, list[Invitation]] = defaultdict(list)
    weeks_by_month: dict[str | None, set[date]] = defaultdict(set)
    for invitation in invitations:
        if invitation.status != "declined":
            continue
        day = (
            date.fromisoformat(invitation.event_date)
            if invitation.event_date
            else local_date(invitation.decided_at, zone)
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
                sent_those_weeks=_total(log.sent, weeks_by_month[month], today),
            )
        )
    every_week: set[date] = set().union(*weeks_by_month.values())
    declined = [invitation for chosen in by_month.values() for invitation in chosen]
    return DeclinedSummary(
        count=len(declined),
        hours=sum(invitation.hours or 0 for invitation in declined),
        money=_money(declined),
        months=months,
        sent_those_weeks=_total(log.sent, every_week, today),
        replies_those_weeks=_total(log.replies, every_week, today),
        weeks=sorted(every_week),
    )


def _total(counts: Counter[date], weeks: set[date], today: date) -> int | None:
    """The count over the ``weeks`` begun by ``today``; None when there are weeks but none has begun."""
    begun = [start for start in weeks if start <= today]
    if weeks and not begun:
        return None
    return sum(week_total(counts, start) for start in begun)


def _money(invitations: Iterable[Invitation]) -> dict[str, float]:
    money: dict[str, float] = defaultdict(float)
    for invitation in invitations:
        if invitation.cost:
            money[invitation.currency] += invitation.cost
    return dict(sorted(money.items()))
