"""What to do today, who owes a reply, and what declining saved: pure functions of the records, each
contact's thread (``threads.py``) and now."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo

from dailyreach.core.records.model import Contact, DayPlan, Invitation, PlanItem, Settings
from dailyreach.core.store.threads import ANSWERED_STAGES, DaySpan, Thread, local_day, parse_stamp

# The reasons a planned contact shows when their thread asks nothing of the user that day: it waits for
# an answer not due a nudge yet, or was closed for want of one. Never stored in a plan, which holds what
# they were planned for; such a row is not to do, and its slot goes to someone else.
WAITING, CLOSED = "waiting", "closed"
ANSWERED = "answered"
# Shown for a word in a conversation already going to someone with no keep-in-touch cadence: stored as
# keep_in_touch, it read "keep in touch" though no cadence made them due.
CONVERSATION = "conversation"
NOTHING_DUE = frozenset({WAITING, CLOSED})


@dataclass(frozen=True)
class PendingReply:
    """A thread waiting for an answer: since when, the nudges sent, and when its next step falls due."""

    contact: Contact
    channel: str
    waiting_since: datetime
    last_sent: datetime
    nudges: int
    follow_up_due: date
    give_up_offered: bool
    # Every follow-up allowed is sent: what falls due next is the offer to close the thread.
    follow_ups_used_up: bool = False

    def is_due(self, today: date) -> bool:
        """Whether its next step (a follow-up, or closing the thread) is due today or was before."""
        return self.follow_up_due <= today

    def overdue(self, today: date) -> bool:
        """Whether its next step was due before today: due today is not late yet."""
        return self.follow_up_due < today


def due_on(pending: Iterable[PendingReply], day: date) -> set[str]:
    """The contacts a follow-up is due to on ``day``: not those who had every one the settings allow,
    whose thread is offered to be closed (Pending's "give up?"), with no message left to send."""
    return {reply.contact.id for reply in pending if reply.is_due(day) and not reply.give_up_offered}


def pending_replies(
    contacts: Iterable[Contact],
    threads: dict[str, Thread],
    settings: Settings,
    today: date,
    tz: tzinfo,
    snoozes: Mapping[str, str] | None = None,
) -> list[PendingReply]:
    """Every open thread, the one waiting longest first. A contact snoozed (``snoozes``, as the store
    keeps them) is not due a follow-up before the day the snooze ends: every view of the follow-up, and
    whether it is overdue, reads it from here."""
    pending = []
    for contact in contacts:
        thread = threads.get(contact.id)
        if contact.archived or thread is None or not thread.open:
            continue
        assert thread.last_sent is not None and thread.waiting_since is not None
        last_sent = parse_stamp(thread.last_sent)
        due = last_sent.astimezone(tz).date() + timedelta(
            days=settings.followup_days_for(thread.last_channel)
        )
        until = (snoozes or {}).get(contact.id)
        if until is not None:
            # Due on the day the snooze ends at the earliest, and overdue from then on, not from the day
            # it was put off from. (A snooze is kept until the next interaction logged with the contact.)
            due = max(due, date.fromisoformat(until))
        pending.append(
            PendingReply(
                contact=contact,
                channel=thread.last_channel,
                waiting_since=parse_stamp(thread.waiting_since),
                last_sent=last_sent,
                nudges=thread.nudges,
                follow_up_due=due,
                give_up_offered=thread.nudges >= settings.followups_before_giving_up and due <= today,
                follow_ups_used_up=thread.nudges >= settings.followups_before_giving_up,
            )
        )
    pending.sort(key=lambda reply: reply.waiting_since)
    return pending


def snoozed_until(snoozes: Mapping[str, str], contact_id: str, today: date) -> str | None:
    """The day (YYYY-MM-DD) a snooze of ``contact_id`` still running on ``today`` ends; None when there is
    none (a snooze whose day has come changes nothing)."""
    until = snoozes.get(contact_id)
    return until if until is not None and date.fromisoformat(until) > today else None


def _is_snoozed(contact: Contact, snoozes: dict[str, str], today: date) -> bool:
    return snoozed_until(snoozes, contact.id, today) is not None


def usual_channel(contact: Contact, thread: Thread) -> str:
    """Where the conversation is: the channel of the last message sent, else the contact's main one."""
    return thread.last_channel if thread.last_sent else contact.main_channel


def keep_in_touch_due(contact: Contact, thread: Thread, tz: tzinfo) -> date | None:
    """When a contact with a cadence is next due a word, counted from the last exchange."""
    if contact.cadence_days and not thread.open and thread.last_touch and thread.stage != "no_response":
        return local_day(thread.last_touch, tz) + timedelta(days=contact.cadence_days)
    return None


def plan_candidates(
    contacts: list[Contact],
    threads: dict[str, Thread],
    pending: list[PendingReply],
    snoozes: dict[str, str],
    today: date,
    tz: tzinfo,
) -> list[PlanItem]:
    """Everyone who could be in today's plan, in the order they should fill it (``pending`` as
    ``pending_replies`` gives it)."""
    awake = [c for c in contacts if not c.archived and not _is_snoozed(c, snoozes, today)]
    awake_ids = {contact.id for contact in awake}
    # The longest overdue first (then the longest waiting): the nudge that is latest is the most urgent.
    overdue = sorted(
        (
            reply
            for reply in pending
            if reply.contact.id in awake_ids and reply.is_due(today) and not reply.give_up_offered
        ),
        key=lambda reply: (reply.follow_up_due, reply.waiting_since),
    )
    follow_ups = [
        PlanItem(contact_id=reply.contact.id, reason="follow_up", follow_up_number=reply.nudges + 1)
        for reply in overdue
    ]
    keep_in_touch = []
    for contact in awake:
        thread = threads.get(contact.id, Thread())
        due = keep_in_touch_due(contact, thread, tz)
        if due is not None and due <= today:
            keep_in_touch.append((thread.last_touch, contact.id))
    new = sorted(
        (c for c in awake if threads.get(c.id, Thread()).stage == "target"),
        key=lambda contact: (contact.priority, contact.created_at),
    )
    return [
        *follow_ups,
        *(PlanItem(contact_id=cid, reason="keep_in_touch") for _, cid in sorted(keep_in_touch)),
        *(PlanItem(contact_id=contact.id, reason="new") for contact in new),
    ]


def reached_before_the_plan(threads: dict[str, Thread], day: DaySpan) -> list[PlanItem]:
    """Who was written to on ``day`` (earliest first), as the items a plan first made that day starts
    with: the progress counts them, so the plan shows them done rather than a slot still to fill. Each
    under what it was: a follow-up, a first message, or a word in a conversation already going."""
    reached = sorted(
        (thread.last_sent or "", contact_id) for contact_id, thread in threads.items() if thread.sent_on(day)
    )
    return [reached_item(contact_id, threads[contact_id], day) for _, contact_id in reached]


def reached_item(contact_id: str, thread: Thread, day: DaySpan) -> PlanItem:
    """Someone written to on ``day``, under what it was: a follow-up, a first message, or a word in a
    conversation already going."""
    if thread.nudges:
        return PlanItem(contact_id=contact_id, reason="follow_up", follow_up_number=thread.nudges)
    return PlanItem(contact_id=contact_id, reason="new" if day.holds(thread.first_sent) else "keep_in_touch")


def reason_now(item: PlanItem, thread: Thread, day: DaySpan, *, due: bool) -> PlanItem:
    """Why a contact is in the plan of ``day``, as their thread has it now. The plan is fixed when the day
    is first opened, but a log since (back-dated too) can change what they are due. Written to that day,
    they keep what they were planned for, but for "new" when a message had gone before that day. A thread
    that asks nothing that day (``nothing_due``: waiting for an answer whose next step, ``due``, is not
    due yet, or closed for want of one) says so: a first message logged back-dated after the plan was
    made, or a follow-up closed with x, leaves nothing to do. Answered since the day's message, they read
    "answered", written to or not: the next word is the user's; and so do those who wrote first and
    were answered that day, as they read before the answer."""
    if thread.sent_on(day) and (thread.answered_since_sent or wrote_first(thread)):
        return replace(item, reason=ANSWERED, follow_up_number=0)
    if thread.sent_on(day):
        if item.reason != "new" or day.holds(thread.first_sent):
            return item
        return reached_item(item.contact_id, thread, day)
    settled = nothing_due(thread, day, due=due)
    if settled is not None:
        return replace(item, reason=settled, follow_up_number=0)
    if thread.stage == "target":
        return replace(item, reason="new", follow_up_number=0)
    if thread.open:
        return replace(item, reason="follow_up", follow_up_number=thread.nudges + 1)
    if item.reason == "keep_in_touch":
        return item
    # Planned for a first message or a nudge, and answered since: the next message is the user's.
    return replace(item, reason=ANSWERED, follow_up_number=0)


def wrote_first(thread: Thread) -> bool:
    """Whether they wrote before the user's first message and have not answered one since: an answer
    after a message sent is ``first_answer``, so theirs came before it."""
    return thread.first_answer is None and thread.stage in ANSWERED_STAGES


def nothing_due(thread: Thread, day: DaySpan, *, due: bool) -> str | None:
    """WAITING or CLOSED when a thread asks nothing of the user on ``day``: not written to that day, it
    waits for an answer whose next step is not ``due``, or it was closed for want of one. None when it
    asks for a message (or had one that day)."""
    if thread.sent_on(day):
        return None
    if thread.open:
        return None if due else WAITING
    return CLOSED if thread.closed_unanswered else None


def settle_plan(
    stored: DayPlan | None,
    candidates: list[PlanItem],
    contacts: dict[str, Contact],
    snoozes: dict[str, str],
    settings: Settings,
    today: date,
    reached: list[PlanItem] | None = None,
    done_today: frozenset[str] = frozenset(),
    settled: frozenset[str] = frozenset(),
) -> DayPlan:
    """Today's plan: the stored one kept as it was, less who was snoozed or archived since, with free
    slots filled from ``candidates``; a plan made afresh starts with who was ``reached`` already. An
    item ``done_today`` stays, shown done, even when its contact is snoozed since: a snooze only keeps
    a contact out of the days still to be planned, and the day's progress goes on counting it. An item
    ``settled`` since the plan was made (its thread asks nothing today: ``nothing_due``) stays but frees
    its slot: the goal counts people written to today, and they are not to be. Who was written to today
    off the plan fills a slot too (a goal raised later takes in only as many more as reach it), but never
    takes a planned item's. A plan holding more than the goal gives up its last items, done or not: a
    done one is shown done after the plan, as anyone written to off it, and an overdue follow-up planned
    first stays whatever order the logs came in."""
    kept = []
    for item in stored.items if stored else reached or []:
        contact = contacts.get(item.contact_id)
        if (
            contact
            and not contact.archived
            and (item.contact_id in done_today or not _is_snoozed(contact, snoozes, today))
        ):
            kept.append(item)
    planned = {item.contact_id for item in kept}
    slots_taken = sum(item.contact_id not in settled for item in kept)
    for candidate in candidates:
        if slots_taken + len(done_today - planned) >= settings.daily_goal:
            break
        if candidate.contact_id not in planned:
            kept.append(candidate)
            planned.add(candidate.contact_id)
            slots_taken += 1
    # More than the goal (a settled item's log undone after its slot was given away, or a lower goal): the
    # last planned go, so undoing gives the plan back as it was.
    for item in reversed(kept[:]):
        if slots_taken <= settings.daily_goal:
            break
        if item.contact_id not in settled:
            kept.remove(item)
            slots_taken -= 1
    return DayPlan(date=today.isoformat(), items=kept)


def day_plan(
    stored: DayPlan | None,
    contacts: list[Contact],
    threads: dict[str, Thread],
    pending: list[PendingReply],
    snoozes: dict[str, str],
    settings: Settings,
    today: date,
    tz: tzinfo,
    candidates: list[PlanItem] | None = None,
) -> DayPlan:
    """The plan of ``today`` as the app, the command line and the prompt all show it: ``stored`` settled
    (``settle_plan``), or when there is none yet, made from who was reached already and the candidates
    (``plan_candidates``, unless the caller has them already)."""
    span = DaySpan.of(today, tz)
    due = due_on(pending, today)
    return settle_plan(
        stored,
        plan_candidates(contacts, threads, pending, snoozes, today, tz) if candidates is None else candidates,
        {contact.id: contact for contact in contacts},
        snoozes,
        settings,
        today,
        reached_before_the_plan(threads, span),
        frozenset(contact_id for contact_id, thread in threads.items() if thread.sent_on(span)),
        frozenset(
            contact_id
            for contact_id, thread in threads.items()
            if nothing_due(thread, span, due=contact_id in due) is not None
        ),
    )


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
    """What declining saved: hours, and money by currency."""

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
    # To the cent: a sum of floats such as 6287.5599999999995 is no amount anyone saved.
    totals = {currency: round(total, 2) for currency, total in sorted(money.items())}
    return declined, Savings(hours=round(hours, 2), money=totals)
