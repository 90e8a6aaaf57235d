"""The three views of the day, read from the store in one pass: Today, Pending replies, Declined."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from dailyreach.core.model import Contact, Invitation
from dailyreach.core.planner import (
    PendingReply,
    Savings,
    declined_invitations,
    pending_replies,
    plan_candidates,
    settle_plan,
    streak,
)
from dailyreach.core.store import Store
from dailyreach.core.threads import DaySpan, Thread


@dataclass(frozen=True)
class TodayItem:
    contact: Contact
    reason: str
    follow_up_number: int
    done: bool
    stage: str


@dataclass(frozen=True)
class Agenda:
    now: datetime
    day: date
    items: list[TodayItem]
    goal: int
    progress: int
    streak: int
    pending: list[PendingReply]
    declined: list[Invitation]
    undecided: list[Invitation]
    savings: Savings


def build_agenda(store: Store) -> Agenda:
    """Today's agenda; the day's plan is stored the first time it is made and whenever it grows."""
    settings = store.settings()
    tz = store.timezone
    now = store.now()
    today = now.date()
    contacts = store.contacts(include_archived=True)
    by_id = {contact.id: contact for contact in contacts}
    threads = store.threads()
    snoozes = store.snoozes()
    stored = store.plan(today.isoformat())
    pending = pending_replies(contacts, threads, settings, today, tz)
    candidates = plan_candidates(contacts, threads, pending, snoozes, today, tz)
    plan = settle_plan(stored, candidates, by_id, snoozes, settings, today)
    if stored is None or plan.items != stored.items:
        store.save_plan(plan)
    span = DaySpan.of(today, tz)
    handled_today = {contact_id for contact_id, thread in threads.items() if thread.active_on(span)}
    items = [
        TodayItem(
            contact=by_id[item.contact_id],
            reason=item.reason,
            follow_up_number=item.follow_up_number,
            done=item.contact_id in handled_today,
            stage=threads.get(item.contact_id, Thread()).stage,
        )
        for item in plan.items
    ]
    invitations = store.invitations()
    declined, savings = declined_invitations(invitations)
    return Agenda(
        now=now,
        day=today,
        items=items,
        goal=settings.daily_goal,
        progress=sum(thread.sent_on(span) for thread in threads.values()),
        streak=streak(store.outreach_days(), today),
        pending=pending,
        declined=declined,
        undecided=[invitation for invitation in invitations if invitation.status == "undecided"],
        savings=savings,
    )
