"""What to do today, who owes a reply, and what declining saved: pure functions of the records and now."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from dailyreach.core.model import (
    ANSWER_KINDS,
    OUTBOUND_KINDS,
    Contact,
    DayPlan,
    Interaction,
    Invitation,
    PlanItem,
    Settings,
)

_STAGE_ORDER = {"target": 0, "no_response": 0, "contacted": 1, "replied": 2, "meeting": 3, "met": 4}
_ANSWER_STAGE = {"reply_received": "replied", "meeting_booked": "meeting", "met": "met"}


@dataclass
class Thread:
    """A contact's conversation, read from its interactions in order."""

    stage: str = "target"
    open: bool = False
    waiting_since: datetime | None = None
    last_sent: datetime | None = None
    last_channel: str = "other"
    nudges: int = 0
    last_touch: datetime | None = None
    active_days: set[date] = field(default_factory=set)
    outbound_days: set[date] = field(default_factory=set)


def read_thread(interactions: Iterable[Interaction], tz: tzinfo) -> Thread:
    """The stage and open thread of one contact, from its interactions oldest first."""
    thread = Thread()
    for interaction in interactions:
        at = interaction.moment
        kind = interaction.kind
        local_day = at.astimezone(tz).date()
        if kind != "note":
            thread.active_days.add(local_day)
        if kind in OUTBOUND_KINDS:
            thread.outbound_days.add(local_day)
            if thread.open:
                thread.nudges += 1
            else:
                thread.open, thread.waiting_since, thread.nudges = True, at, 0
            thread.last_sent, thread.last_channel, thread.last_touch = at, interaction.channel, at
            if _STAGE_ORDER[thread.stage] == 0:
                thread.stage = "contacted"
        elif kind in ANSWER_KINDS:
            thread.open, thread.last_touch = False, at
            answered = _ANSWER_STAGE[kind]
            if _STAGE_ORDER[answered] > _STAGE_ORDER[thread.stage]:
                thread.stage = answered
        elif kind == "no_response":
            thread.open = False
            if thread.stage in ("target", "contacted"):
                thread.stage = "no_response"
    return thread


def threads_by_contact(
    contacts: Iterable[Contact], interactions: Iterable[Interaction], tz: tzinfo
) -> dict[str, Thread]:
    """Each contact's thread, from interactions given oldest first (as Store.interactions gives them)."""
    grouped: dict[str, list[Interaction]] = defaultdict(list)
    for interaction in interactions:
        grouped[interaction.contact_id].append(interaction)
    return {contact.id: read_thread(grouped.get(contact.id, ()), tz) for contact in contacts}


@dataclass(frozen=True)
class PendingReply:
    contact: Contact
    channel: str
    waiting_since: datetime
    last_sent: datetime
    nudges: int
    follow_up_due: date
    give_up_offered: bool

    def overdue(self, today: date) -> bool:
        return self.follow_up_due <= today


def pending_replies(
    contacts: Iterable[Contact], threads: dict[str, Thread], settings: Settings, today: date, tz: tzinfo
) -> list[PendingReply]:
    """Every open thread, the one waiting longest first."""
    pending = []
    for contact in contacts:
        thread = threads.get(contact.id)
        if contact.archived or thread is None or not thread.open:
            continue
        assert thread.last_sent is not None and thread.waiting_since is not None
        due = thread.last_sent.astimezone(tz).date() + timedelta(
            days=settings.followup_days_for(thread.last_channel)
        )
        pending.append(
            PendingReply(
                contact=contact,
                channel=thread.last_channel,
                waiting_since=thread.waiting_since,
                last_sent=thread.last_sent,
                nudges=thread.nudges,
                follow_up_due=due,
                give_up_offered=thread.nudges >= settings.followups_before_giving_up and due <= today,
            )
        )
    pending.sort(key=lambda reply: reply.waiting_since)
    return pending


def _is_snoozed(contact: Contact, snoozes: dict[str, str], today: date) -> bool:
    until = snoozes.get(contact.id)
    return until is not None and date.fromisoformat(until) > today


def keep_in_touch_due(contact: Contact, thread: Thread, tz: tzinfo) -> date | None:
    """When a contact with a cadence is next due a word, counted from the last exchange."""
    if contact.cadence_days and not thread.open and thread.last_touch and thread.stage != "no_response":
        return thread.last_touch.astimezone(tz).date() + timedelta(days=contact.cadence_days)
    return None


def plan_candidates(
    contacts: list[Contact],
    threads: dict[str, Thread],
    snoozes: dict[str, str],
    settings: Settings,
    today: date,
    tz: tzinfo,
) -> list[PlanItem]:
    """Everyone who could be in today's plan, in the order they should fill it."""
    awake = [c for c in contacts if not c.archived and not _is_snoozed(c, snoozes, today)]
    follow_ups = [
        PlanItem(contact_id=reply.contact.id, reason="follow_up", follow_up_number=reply.nudges + 1)
        for reply in pending_replies(awake, threads, settings, today, tz)
        if reply.overdue(today) and not reply.give_up_offered
    ]
    keep_in_touch = []
    for contact in awake:
        thread = threads[contact.id]
        due = keep_in_touch_due(contact, thread, tz)
        if due is not None and due <= today:
            keep_in_touch.append((thread.last_touch, contact.id))
    new = sorted(
        (c for c in awake if threads[c.id].stage == "target"),
        key=lambda contact: (contact.priority, contact.created_at),
    )
    return [
        *follow_ups,
        *(PlanItem(contact_id=cid, reason="keep_in_touch") for _, cid in sorted(keep_in_touch)),
        *(PlanItem(contact_id=contact.id, reason="new") for contact in new),
    ]


def settle_plan(
    stored: DayPlan | None,
    candidates: list[PlanItem],
    contacts: dict[str, Contact],
    snoozes: dict[str, str],
    settings: Settings,
    today: date,
) -> DayPlan:
    """Today's plan: the stored one kept as it was, less who was snoozed or archived since, with free
    slots filled from ``candidates``."""
    kept = []
    for item in stored.items if stored else []:
        contact = contacts.get(item.contact_id)
        if contact and not contact.archived and not _is_snoozed(contact, snoozes, today):
            kept.append(item)
    planned = {item.contact_id for item in kept}
    for candidate in candidates:
        if len(kept) >= settings.daily_goal:
            break
        if candidate.contact_id not in planned:
            kept.append(candidate)
            planned.add(candidate.contact_id)
    return DayPlan(date=today.isoformat(), items=kept)


def streak(days_with_outreach: set[date], today: date) -> int:
    """Consecutive days with outreach up to today; today not being over yet does not break it."""
    day = today if today in days_with_outreach else today - timedelta(days=1)
    count = 0
    while day in days_with_outreach:
        count += 1
        day -= timedelta(days=1)
    return count


@dataclass(frozen=True)
class Savings:
    hours: float
    money: dict[str, float]


def declined_invitations(invitations: Iterable[Invitation]) -> tuple[list[Invitation], Savings]:
    """Declined invitations, the most recent event first, with the hours and money declining saved."""
    declined = [invitation for invitation in invitations if invitation.status == "declined"]
    declined.sort(key=lambda inv: (inv.event_date or "", inv.decided_at or ""), reverse=True)
    money: dict[str, float] = defaultdict(float)
    for invitation in declined:
        if invitation.cost:
            money[invitation.currency] += invitation.cost
    hours = sum(invitation.hours or 0 for invitation in declined)
    return declined, Savings(hours=hours, money=dict(sorted(money.items())))
