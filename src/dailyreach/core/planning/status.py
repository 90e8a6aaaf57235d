"""The day in figures for shell prompts and status bars, and the small record they are read from.

``dailyreach status`` runs on every prompt, so it never opens the store: it reads ``<db>.status``, a
few lines written here under the store's lock each time a change settles. The record says the day its
figures hold (from local midnight to the next) and which version of the store they were read from, so a
reader knows without the store when they are stale. Its format is plain ``key value`` lines, so the
reader needs no JSON parser (importing ``json`` costs as much as starting Python); the ``json`` line
holds the same figures ready to print.
"""

from __future__ import annotations

import json
import time as system_time
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from dailyreach.core.planning.planner import (
    ANSWERED,
    NOTHING_DUE,
    day_plan,
    due_on,
    pending_replies,
    reason_now,
    streak,
)
from dailyreach.core.records.text import strip_control
from dailyreach.core.store.beside import STATUS_SUFFIX, beside
from dailyreach.core.store.storage import file_signature, write_owner_only
from dailyreach.core.store.store import Store
from dailyreach.core.store.threads import DaySpan, Thread
from dailyreach.i18n import _, ngettext

if TYPE_CHECKING:
    from dailyreach.core.planning.agenda import Agenda

RECORD_HEADER = "dailyreach-status 1"
FIELDS = ("done", "goal", "left", "due", "overdue", "pending", "streak", "next")


@dataclass(frozen=True)
class StatusFigures:
    """done: messages sent today; goal: the daily goal; left: how many more meet it; due: follow-ups
    due today or earlier; overdue: those due before today; pending: threads waiting for a reply;
    streak: days in a row with outreach; next: the first person in today's plan not yet contacted."""

    done: int
    goal: int
    left: int
    due: int
    overdue: int
    pending: int
    streak: int
    next: str


def status_figures(store: Store, now: datetime | None = None) -> StatusFigures:
    """The figures of the day ``now`` (default: the store's now) falls on, read without writing: the
    plan is the one ``build_agenda`` would show, but it is not stored from here."""
    settings = store.settings()
    tz = store.zone
    today = (now or store.local_now()).astimezone(tz).date()
    contacts = store.contacts(include_archived=True)
    by_id = {contact.id: contact for contact in contacts}
    threads = store.threads()
    snoozes = store.snoozes()
    pending = pending_replies(contacts, threads, settings, today, tz, snoozes)
    plan = day_plan(store.plan(today.isoformat()), contacts, threads, pending, snoozes, settings, today, tz)
    span = DaySpan.of(today, tz)
    done = sum(thread.sent_on(span) for thread in threads.values())
    due = due_on(pending, today)
    to_do = []
    for item in plan.items:
        thread = threads.get(item.contact_id, Thread())
        if (
            not thread.sent_on(span)
            and reason_now(item, thread, span, due=item.contact_id in due).reason not in NOTHING_DUE
        ):
            to_do.append(by_id[item.contact_id].name)
    return StatusFigures(
        done=done,
        goal=settings.daily_goal,
        left=max(settings.daily_goal - done, 0),
        # Follow-ups: a thread whose nudges are all sent is offered to be given up, not followed up.
        due=sum(reply.follow_up_due <= today for reply in pending if not reply.give_up_offered),
        overdue=sum(reply.follow_up_due < today for reply in pending if not reply.give_up_offered),
        pending=len(pending),
        streak=streak(set(store.outreach_days()), today),
        next=strip_control(to_do[0]).strip() if to_do else "",
    )


def record_path(db: Path) -> Path:
    return beside(db, STATUS_SUFFIX)


def midnight(day: date, tz: tzinfo) -> float:
    """When ``day`` begins in ``tz``, as a POSIX time (a DST day is 23 or 25 hours long)."""
    return datetime.combine(day, time(), tzinfo=tz).timestamp()


def system_zone_key() -> str:
    """The system's timezone as this process read it (TZ, or the system's files): a day of the figures is
    one of this zone's when the settings say "system", and a prompt under another TZ (a laptop taken
    abroad) reads them again rather than show another zone's day."""
    return f"{system_time.tzname[0]}/{system_time.tzname[1]}/{system_time.timezone}"


def record_text(
    figures: StatusFigures, day: tuple[float, float], signature: tuple[int, int, int] | None
) -> str:
    """The record of ``figures``, which hold from the first to the second time of ``day``: a clock put
    back (one that had run ahead) finds them of a day still to come, not of its own."""
    fields = asdict(figures)
    since, until = day
    lines = [
        RECORD_HEADER,
        f"since {since:.0f}",
        f"until {until:.0f}",
        f"signature {' '.join(map(str, signature or ()))}",
        f"zone {system_zone_key()}",
        *(f"{name} {fields[name]}" for name in FIELDS),
        f"json {json.dumps(fields, ensure_ascii=False, separators=(',', ':'))}",
    ]
    return "\n".join(lines) + "\n"


def status_record(store: Store) -> str:
    """The record of the day's figures, as ``write_status_record`` writes it beside the store."""
    now = store.local_now()
    figures = status_figures(store, now)
    zone = now.tzinfo or store.zone
    day = (midnight(now.date(), zone), midnight(now.date() + timedelta(days=1), zone))
    return record_text(figures, day, file_signature(store.path))


def write_status_record(store: Store) -> None:
    """Write the day's figures beside the store; the caller holds the store's lock."""
    keep_status_record(store.path, status_record(store))


def keep_status_record(db: Path, text: str) -> None:
    # Not waited onto the disk: a record lost in a crash is only worked out again by the next prompt.
    write_owner_only(record_path(db), text.encode(), durable=False)


@dataclass(frozen=True)
class UnwrittenRecord:
    """A record worked out that could not be written beside its store: why, and its text."""

    problem: str
    text: str


def refresh_status_record(db: str | Path) -> tuple[str, bool] | UnwrittenRecord | None:
    """Write ``db``'s record again, without waiting for the store's lock; when it could not be, why and
    whether only because another process held the lock, or the record itself when only its writing
    failed. A missing store is not created."""
    from dailyreach.core.errors import StoreError, os_reason
    from dailyreach.core.store.journal import StoreLocked
    from dailyreach.core.store.storage import StoreReadOnly

    path = Path(db).expanduser()
    if not path.is_file():
        return _("no database at {db} yet").format(db=path), False
    try:
        store = Store(path, lock_wait=0.0)
        try:
            # A change with nothing in it: settling it writes the record, as after any other change.
            with store.transaction("status", undoable=False):
                pass
        except StoreReadOnly:
            # The change would bring the file's summaries up to date; the figures need only reading it.
            with store.reading():
                text = status_record(store)
            try:
                keep_status_record(store.path, text)
            except OSError as error:
                # Nowhere to keep them (a read-only mount): shown all the same, worked out each time.
                return UnwrittenRecord(f"{error.filename or path}: {os_reason(error)}", text)
    except StoreLocked:
        return _("{db} is locked by another dailyreach").format(db=path), True
    except StoreError as error:
        return str(error), False
    except (OSError, ValueError) as error:
        return f"{path}: {error}", False
    return None


# -- the notifications of ``dailyreach notify`` ----------------------------------------------------

NAMES_SHOWN = 3


def _names(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``, ``A, B, C and 2 more``."""
    shown = [strip_control(name).strip() for name in names[:NAMES_SHOWN]]
    hidden = len(names) - len(shown)
    if hidden:
        shown.append(ngettext("{count} more", "{count} more", hidden).format(count=hidden))
    if len(shown) == 1:
        return shown[0]
    return _("{names} and {last}").format(names=_(", ").join(shown[:-1]), last=shown[-1])


def _streak_text(days: int) -> str:
    if not days:
        return _("start a streak today")
    return ngettext("streak {count} day", "streak {count} days", days).format(count=days)


def morning_text(agenda: Agenda) -> str:
    """Today's plan in one line: who is due and why, how many new targets, the streak."""
    to_do = [item for item in agenda.items if item.to_do]
    streak_text = _streak_text(agenda.streak)
    if not agenda.items:
        return _("Nothing planned today: add targets to reach out to · {streak}").format(streak=streak_text)
    if not to_do:
        done = sum(item.done for item in agenda.items)
        if done == len(agenda.items):
            return ngettext(
                "The one person in today's plan contacted · {streak}",
                "All {count} of today's plan contacted · {streak}",
                done,
            ).format(count=done, streak=streak_text)
        # The others wait for an answer whose follow-up is not due, or were closed: not contacted today.
        return _(
            "Nothing more to send today: {done} of {count} in today's plan contacted, the rest need "
            "nothing today · {streak}"
        ).format(done=done, count=len(agenda.items), streak=streak_text)
    parts = []
    follow_ups = [item.contact.name for item in to_do if item.reason == "follow_up"]
    if follow_ups:
        parts.append(
            ngettext("follow-up to {names}", "follow-ups to {names}", len(follow_ups)).format(
                names=_names(follow_ups)
            )
        )
    in_touch = [item.contact.name for item in to_do if item.reason == "keep_in_touch"]
    if in_touch:
        parts.append(_("keep in touch with {names}").format(names=_names(in_touch)))
    answered = [item.contact.name for item in to_do if item.reason == ANSWERED]
    if answered:
        parts.append(_("reply to {names}").format(names=_names(answered)))  # they answered: your turn
    new = sum(item.reason == "new" for item in to_do)
    if new:
        parts.append(ngettext("{count} new target", "{count} new targets", new).format(count=new))
    return _("{count} to contact today: {plan} · {streak}").format(
        count=len(to_do), plan=_(", ").join(parts), streak=streak_text
    )


def evening_text(agenda: Agenda) -> str | None:
    """A word while the day's goal is not met yet; None once it is."""
    if agenda.progress >= agenda.goal:
        return None
    figures = {"done": agenda.progress, "goal": agenda.goal, "more": agenda.goal - agenda.progress}
    # The streak counts days with any outreach: one message keeps it, and once sent today it is kept.
    streak_waits = agenda.streak and agenda.day not in agenda.outreach_days
    if not any(item.to_do for item in agenda.items):
        # Everyone planned is written to or needs nothing today: "2 more" would send the user to an
        # empty plan.
        if streak_waits:
            return _(
                "{done} of {goal} done — nobody left in today's plan: add a target, and one message keeps "
                "your {streak}-day streak"
            ).format(streak=agenda.streak, **figures)
        return _(
            "{done} of {goal} done — nobody left in today's plan: add targets to meet today's goal"
        ).format(**figures)
    if streak_waits:
        return ngettext(
            "{done} of {goal} done — one message keeps your {streak}-day streak, {more} more person "
            "meets today's goal",
            "{done} of {goal} done — one message keeps your {streak}-day streak, {more} more people "
            "meet today's goal",
            figures["more"],
        ).format(streak=agenda.streak, **figures)
    return _("{done} of {goal} done — {more} more meets today's goal").format(**figures)
