"""Last week's review, for ``stats.py``: what was sent and answered in the week before this one, and the
threads most worth a word now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from dailyreach.core.planning.planner import pending_replies
from dailyreach.core.planning.stats_days import DailyLog, local_date, week_total
from dailyreach.core.records.model import Contact
from dailyreach.core.store.threads import parse_stamp

if TYPE_CHECKING:
    from dailyreach.core.planning.stats import History

FOLLOW_UPS_SHOWN = 3


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
    goal: int  # the goal its last day had
    days_counted: int  # its days since the habit began: 7 unless it began that week (or after)
    declined: int
    follow_ups: list[FollowUp]

    @property
    def anything(self) -> bool:
        return bool(self.sent or self.replies or self.meetings or self.declined)


def follow_ups(history: History, today: date, limit: int = FOLLOW_UPS_SHOWN) -> list[FollowUp]:
    """The threads most worth a word: those who answered and wait for yours (highest priority, then
    waiting longest), then messages past their follow-up day (priority, fewest nudges, oldest)."""
    answered = []
    for contact in history.contacts:
        thread = history.threads.get(contact.id)
        if contact.archived or thread is None or not thread.awaits_the_user or thread.last_touch is None:
            continue
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


def week_review(history: History, log: DailyLog, today: date, this_week: date, began: date) -> WeekReview:
    """The week before ``this_week`` (its first day), its days counted from the day the habit ``began``,
    and the follow-ups worth sending ``today``."""
    settings, zone = history.settings, history.zone
    last_week = this_week - timedelta(weeks=1)
    days = [last_week + timedelta(days=offset) for offset in range(7)]
    declined_last_week = sum(
        1
        for invitation in history.invitations
        if invitation.status == "declined"
        and (decided := local_date(invitation.decided_at, zone)) is not None
        and last_week <= decided < this_week
    )
    return WeekReview(
        start=last_week,
        end=this_week - timedelta(days=1),
        sent=week_total(log.sent, last_week),
        replies=week_total(log.replies, last_week),
        meetings=week_total(log.meetings, last_week),
        goal_days=sum(log.reached[day] >= settings.goal_on(day) for day in days),
        goal=settings.goal_on(days[-1]),
        days_counted=sum(day >= began for day in days),
        declined=declined_last_week,
        follow_ups=follow_ups(history, today),
    )
