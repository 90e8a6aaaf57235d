"""The three views of the day, read from the store in one pass: Today, Pending replies, Declined."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo

from dailyreach.core.planning.planner import (
    CONVERSATION,
    NOTHING_DUE,
    PendingReply,
    Savings,
    day_plan,
    declined_invitations,
    due_on,
    pending_replies,
    plan_candidates,
    reached_before_the_plan,
    reason_now,
    streak,
)
from dailyreach.core.records.model import OUTBOUND_KINDS, Contact, Interaction, Invitation, PlanItem, Settings
from dailyreach.core.store.storage import StoreError, left_unwritten
from dailyreach.core.store.store import Store
from dailyreach.core.store.threads import DaySpan, Thread, local_day, utc_stamp


@dataclass(frozen=True)
class TodayItem:
    """A row of Today: ``reason`` as the contact's thread has it now (``reason_now``), ``done`` when they
    were written to today (what the day's progress counts). ``planned`` is the item as the day's plan
    holds it; None for someone written to today outside the plan, shown after it, done."""

    contact: Contact
    reason: str
    follow_up_number: int
    done: bool
    stage: str
    planned: PlanItem | None

    @property
    def to_do(self) -> bool:
        """Whether the row still asks for a message today: not written to, its thread asking for one."""
        return not self.done and self.reason not in NOTHING_DUE


def today_items(
    planned: list[PlanItem],
    contacts: dict[str, Contact],
    threads: dict[str, Thread],
    span: DaySpan,
    due: set[str],
) -> list[TodayItem]:
    """The plan's rows, then who else was written to on ``span`` (earliest first), so that every message
    the progress counts has a row ticked done. ``due``: the contacts whose next step is due that day."""
    in_plan = {item.contact_id for item in planned}
    unplanned = [
        item
        for item in reached_before_the_plan(threads, span)
        if item.contact_id not in in_plan and item.contact_id in contacts
    ]
    items = []
    for item in [*planned, *unplanned]:
        thread = threads.get(item.contact_id, Thread())
        shown = reason_now(item, thread, span, due=item.contact_id in due)
        contact = contacts[item.contact_id]
        items.append(
            TodayItem(
                contact=contact,
                reason=CONVERSATION
                if shown.reason == "keep_in_touch" and not contact.cadence_days
                else shown.reason,
                follow_up_number=shown.follow_up_number,
                done=thread.sent_on(span),
                stage=thread.stage,
                planned=item if item.contact_id in in_plan else None,
            )
        )
    return items


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
    # What the views were read from, so that one contact's change can be worked in without the store.
    threads: dict[str, Thread]
    outreach_days: frozenset[date]
    settings: Settings
    zone: tzinfo
    # Contact id -> the day a snooze ends: a snoozed contact's follow-up is due no earlier.
    snoozes: dict[str, str]
    # Who the plan would take in but has no slot for: when a slot frees, someone of these takes it.
    unplanned_candidates: frozenset[str]
    # The day's plan was made but not stored (``build_agenda(store_plan=False)``): a look that may write
    # is to store it.
    plan_to_store: bool = False

    @property
    def due_beyond_today(self) -> int:
        """Follow-ups due that Today has no row for: more were due than the goal holds (the oldest go
        first), or they fell due after the plan was made. Pending lists them."""
        in_today = {item.contact.id for item in self.items}
        return len(due_on(self.pending, self.day) - in_today)


def build_agenda(store: Store, *, store_plan: bool = True) -> Agenda:
    """Today's agenda; the day's plan is stored the first time it is made and whenever it grows. Without
    ``store_plan`` nothing is written (a write can wait for another process's lock), and the agenda's
    ``plan_to_store`` says whether the plan is still to be stored."""
    with store.reading():
        return _agenda(store, store_plan=store_plan)


def _agenda(store: Store, *, store_plan: bool = True) -> Agenda:
    settings = store.settings()
    tz = store.zone
    now = store.local_now()
    today = now.date()
    contacts = store.contacts(include_archived=True)
    by_id = {contact.id: contact for contact in contacts}
    threads = store.threads()
    snoozes = store.snoozes()
    day = today.isoformat()
    stored = store.plan(day)
    pending = pending_replies(contacts, threads, settings, today, tz, snoozes)
    candidates = plan_candidates(contacts, threads, pending, snoozes, today, tz)
    plan = day_plan(stored, contacts, threads, pending, snoozes, settings, today, tz, candidates)
    # A stored plan this version cannot read is left as it is in the file, as every such record is: the
    # day is planned afresh at each look instead, as on a file this user may only read.
    to_store = (stored is None or plan.items != stored.items) and not store.unreadable("plans", day)
    if to_store and store_plan:
        try:
            store.save_plan(plan)
        except (StoreError, OSError) as error:
            # A database this user may read but not write now (a read-only folder, file or mount, a full
            # disk) still shows the day; its plan, not fixed in the file, is made afresh at each look.
            if not left_unwritten(error):
                raise
    span = DaySpan.of(today, tz)
    planned = {item.contact_id for item in plan.items}
    items = today_items(plan.items, by_id, threads, span, due_on(pending, today))
    invitations = store.invitations()
    declined, savings = declined_invitations(invitations)
    days = frozenset(store.outreach_days())
    return Agenda(
        now=now,
        day=today,
        items=items,
        goal=settings.daily_goal,
        progress=sum(thread.sent_on(span) for thread in threads.values()),
        streak=streak(set(days), today),
        pending=pending,
        declined=declined,
        # The decision due soonest first; an invitation with no date has no deadline, so it waits at the end.
        undecided=sorted(
            (invitation for invitation in invitations if invitation.status == "undecided"),
            key=lambda invitation: (invitation.event_date is None, invitation.event_date or ""),
        ),
        savings=savings,
        threads=threads,
        outreach_days=days,
        settings=settings,
        zone=tz,
        snoozes=snoozes,
        unplanned_candidates=frozenset(candidate.contact_id for candidate in candidates) - planned,
        plan_to_store=to_store and not store_plan,
    )


def with_thread(
    agenda: Agenda, contact: Contact, thread: Thread, outreach_days: frozenset[date], now: datetime
) -> Agenda:
    """``agenda`` with one contact's thread (and so the days with outreach) changed, the plan kept:
    that contact's Today item and pending entry, the day's progress and the streak worked out again."""
    span = DaySpan.of(agenda.day, agenda.zone)
    before = agenda.threads.get(contact.id, Thread())
    threads = {cid: kept for cid, kept in agenda.threads.items() if cid != contact.id}
    if thread.last_at is not None:  # as the store keeps it: a contact with no interaction has no thread
        threads[contact.id] = thread
    planned = [item.planned for item in agenda.items if item.planned is not None]
    contacts = {item.contact.id: item.contact for item in agenda.items} | {contact.id: contact}
    pending = [reply for reply in agenda.pending if reply.contact.id != contact.id]
    for reply in pending_replies(
        [contact], {contact.id: thread}, agenda.settings, agenda.day, agenda.zone, agenda.snoozes
    ):
        at = bisect.bisect_right([other.waiting_since for other in pending], reply.waiting_since)
        pending.insert(at, reply)
    items = today_items(planned, contacts, threads, span, due_on(pending, agenda.day))
    return replace(
        agenda,
        now=now,
        items=items,
        progress=agenda.progress - before.sent_on(span) + thread.sent_on(span),
        streak=streak(set(outreach_days), agenda.day),
        pending=pending,
        threads=threads,
        outreach_days=outreach_days,
    )


@dataclass(frozen=True)
class Foreseen:
    """A log being saved, shown before it is: the contact's thread and the days with outreach after it,
    and before it, to put back if the save fails."""

    contact: Contact
    thread: Thread
    days: frozenset[date]
    thread_before: Thread
    days_before: frozenset[date]


def foresee(agenda: Agenda, contact: Contact, interaction: Interaction) -> Foreseen | None:
    """The contact's thread once ``interaction`` is saved, as the store will fold it in; None for a log
    older than the thread's last entry, which the store reads from the whole log."""
    before = agenda.threads.get(contact.id, Thread())
    stamp = utc_stamp(interaction.at)
    if before.last_at is not None and stamp < before.last_at:
        return None
    thread = replace(before)
    thread.add(interaction.kind, interaction.channel, stamp)
    days = agenda.outreach_days
    if interaction.kind in OUTBOUND_KINDS:
        days = days | {local_day(stamp, agenda.zone)}
    return Foreseen(contact, thread, days, before, agenda.outreach_days)


def refresh_contact(agenda: Agenda, store: Store, contact_id: str) -> Agenda:
    """The agenda after one contact's interactions changed, equal to ``build_agenda(store)`` but reading
    only that contact. A plan with a free slot (a planned contact now waiting frees theirs) could take
    someone else in, one with a slot too many (that log undone) gives one up, and a new day has a new plan:
    then the whole agenda is built again, unless nobody is there to take a free slot: the plan took
    everyone it could (``unplanned_candidates``), and this contact is in it or not to be planned."""
    with store.reading():
        contact = store.contact(contact_id)
        if contact is None or store.local_today() != agenda.day:
            return _agenda(store)
        # A log ends the contact's snooze: its follow-up is worked out with the snoozes as they are now.
        refreshed = with_thread(
            replace(agenda, snoozes=store.snoozes()),
            contact,
            store.thread(contact_id),
            frozenset(store.outreach_days()),
            store.local_now(),
        )
        planned = [item for item in refreshed.items if item.planned is not None]
        # Everyone else's place among the candidates is as it was; this contact's is worked out again.
        unplanned = agenda.unplanned_candidates - {contact_id}
        if _to_be_planned(refreshed, contact) and all(item.contact.id != contact_id for item in planned):
            unplanned |= {contact_id}
        refreshed = replace(refreshed, unplanned_candidates=unplanned)
        slots_taken = sum(item.reason not in NOTHING_DUE for item in planned)
        if (slots_taken < agenda.goal and unplanned) or slots_taken > agenda.goal:
            return _agenda(store)
        return refreshed


def _to_be_planned(agenda: Agenda, contact: Contact) -> bool:
    """Whether the plan would take ``contact`` in, had it a free slot (``plan_candidates``)."""
    pending = [reply for reply in agenda.pending if reply.contact.id == contact.id]
    threads = {contact.id: agenda.threads.get(contact.id, Thread())}
    return bool(plan_candidates([contact], threads, pending, agenda.snoozes, agenda.day, agenda.zone))
