"""What declining saved, for ``stats.py``: declined invitations per month of the event, their hours and
money, and what was sent in the weeks they would have taken."""

from __future__ import annotations

from collections import defaultdict
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


def declined_summary(
    invitations: Iterable[Invitation], log: DailyLog, zone: tzinfo, week_start: str
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
                sent_those_weeks=sum(week_total(log.sent, start) for start in weeks_by_month[month]),
            )
        )
    every_week = set().union(*weeks_by_month.values()) if weeks_by_month else set()
    declined = [invitation for chosen in by_month.values() for invitation in chosen]
    return DeclinedSummary(
        count=len(declined),
        hours=sum(invitation.hours or 0 for invitation in declined),
        money=_money(declined),
        months=months,
        sent_those_weeks=sum(week_total(log.sent, start) for start in every_week),
        replies_those_weeks=sum(week_total(log.replies, start) for start in every_week),
        weeks=sorted(every_week),
    )


def _money(invitations: Iterable[Invitation]) -> dict[str, float]:
    money: dict[str, float] = defaultdict(float)
    for invitation in invitations:
        if invitation.cost:
            money[invitation.currency] += invitation.cost
    return dict(sorted(money.items()))
