"""``dailyreach doctor``: what in the database this version cannot read, and the safe repairs.

Safe means nothing the user wrote is lost: a field no dailyreach record has is dropped when the record
is then whole, settings that fail their check go back to their defaults, and summaries that differ from
the interaction log are worked out from it again. Everything else is only listed, for the user to fix by
hand; a backup of the file is written before any repair.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from dailyreach.core.records.dates import moment_text
from dailyreach.core.records.handles import HandleError, normalise_handle
from dailyreach.core.records.readback import Problem, known_fields, readable_settings, record_problem
from dailyreach.core.records.text import strip_control
from dailyreach.core.store.backups import write_kept_backup
from dailyreach.core.store.store import KEY_FIELDS, NO_CONTACT, RECORD_TABLES, SETTINGS_TABLE, Store
from dailyreach.core.store.threads import DAYS_TABLE, THREADS_TABLE, derive_tables, utc_stamp
from dailyreach.i18n import N_, _, ngettext


@dataclass
class Repair:
    backup: Path | None = None
    repaired: list[Problem] = field(default_factory=list)
    left: list[Problem] = field(default_factory=list)


def unattached(store: Store) -> list[Problem]:
    """Interactions and snoozes whose contact is not in the file (a hand edit of their contact_id): no
    view shows them, and an export of them would not import. Listed for the user to fix by hand. A
    contact that is in the file but cannot be read is listed itself; its records are not of no contact."""
    contacts = set((store._storage.read() or {}).get("contacts", {}))
    return [
        Problem(
            table, body[KEY_FIELDS[table]], "contact_id", _(NO_CONTACT).format(id=repr(body["contact_id"]))
        )
        for table in ("interactions", "snoozes")
        for body in store.documents(table)
        if body.get("contact_id") not in contacts
    ]


LATER_THAN_NOW = N_(
    "{moment} is later than this machine's clock: an export holding it would not import "
    "(Delete on the contact's timeline removes it, to be logged again)"
)


def future_interactions(store: Store) -> list[Problem]:
    """Interactions later than now (a hand edit, or a clock that was wrong): the store logs only what has
    happened, and an import refuses them, so a backup holding one would not come back. Listed for the user
    to fix by hand: when it really happened is theirs to say."""
    now = store.local_now()
    found = []
    for body in store.documents("interactions"):  # the readable ones: each time has its offset
        at = datetime.fromisoformat(body["at"])
        if at > now:
            moment = moment_text(at.astimezone(now.tzinfo), now.date())
            found.append(Problem("interactions", body["id"], "at", _(LATER_THAN_NOW).format(moment=moment)))
    return found


def export_would_not_import(store: Store) -> str | None:
    """What an export of ``store`` must say when it holds interactions later than now (a hand edit, a
    clock gone wrong): an import refuses them, and a backup that does not come back is found out on the
    day it is needed. Each contact's latest is looked at first: an export of a sound store, nearly every
    one, reads no interaction for it."""
    now = utc_stamp(store.local_now())
    if all((thread.last_at or "") <= now for thread in store.threads().values()):
        return None
    count = len(future_interactions(store))
    return ngettext(
        "{count} interaction is later than this machine's clock: an import of this export refuses it "
        "until it is fixed (`dailyreach doctor` lists it)",
        "{count} interactions are later than this machine's clock: an import of this export refuses them "
        "until they are fixed (`dailyreach doctor` lists them)",
        count,
    ).format(count=count)


def misshapen_handles(store: Store) -> list[Problem]:
    """Handles a hand edit left that no form would take (``@@ann`` on X): the readers check only what
    makes them unsafe to show or open, not every platform's spelling, which would cost each read over
    thousands of contacts. Listed for the user to fix by hand; the contact is still shown."""
    found = []
    for body in store.documents("contacts"):
        for platform, handle in body.get("handles", {}).items():
            try:
                spelled = normalise_handle(platform, handle)
            except HandleError as error:
                found.append(Problem("contacts", body["id"], platform, str(error)))
                continue
            if spelled != handle:
                found.append(
                    Problem(
                        "contacts",
                        body["id"],
                        platform,
                        _("is stored as {stored}, not as {spelled}").format(
                            stored=repr(handle), spelled=repr(spelled)
                        ),
                    )
                )
    return found


# What each derived table's record is a summary of, when it differs from the log worked out again.
SUMMARY_PROBLEMS = {
    THREADS_TABLE: N_("differs from the contact's interactions"),
    DAYS_TABLE: N_("differs from the interactions of that day"),
}


def stale_summaries(store: Store) -> list[Problem]:
    """The summaries (each contact's thread, each day's counts) that differ from the whole interaction
    log read again. The store remakes them when a hand edit changes the log, so only a fault leaves them
    so; they are derived, so a repair makes them again from the log and loses nothing."""
    store.threads()  # made current first, as every reader does
    stored = store._storage.read() or {}
    fresh = derive_tables(stored.get("interactions", {}), store.zone)
    found = []
    for table, problem in SUMMARY_PROBLEMS.items():
        kept, made = stored.get(table, {}), fresh[table]
        for key in sorted(kept.keys() | made.keys()):
            if kept.get(key) != made.get(key):
                found.append(Problem(table, key, _differing_field(kept.get(key), made.get(key)), _(problem)))
    return found


def _differing_field(kept: object, made: object) -> str:
    """The first field in which a stored summary differs from the one made again ("record" when one of
    them is missing or not a record)."""
    if not isinstance(kept, dict) or not isinstance(made, dict):
        return "record"
    return str(next(key for key in sorted(kept.keys() | made.keys()) if kept.get(key) != made.get(key)))


def found(store: Store) -> list[Problem]:
    """Everything ``doctor`` lists: the records this version cannot read, then those of no contact, then
    the interactions still to come, then the handles no form would take, then the summaries that differ
    from the log."""
    return (
        store.problems()
        + unattached(store)
        + future_interactions(store)
        + misshapen_handles(store)
        + stale_summaries(store)
    )


def _trimmed(raw: dict[str, Any], problem: Problem) -> dict[str, object] | None:
    """The record ``problem`` is of without the fields no record has, when that makes it whole."""
    body = raw.get(problem.table, {}).get(problem.record_id)
    if not isinstance(body, dict) or problem.table not in RECORD_TABLES:
        return None
    trimmed = {key: _cleaned(key, value) for key, value in body.items() if key in known_fields(problem.table)}
    return trimmed if record_problem(problem.table, trimmed) is None else None


def repairable(store: Store) -> bool:
    """Whether ``repair`` would fix anything: else only the user can, by hand."""
    raw = store._storage.read() or {}
    return bool(stale_summaries(store)) or any(
        problem.table == "settings" or _trimmed(raw, problem) is not None for problem in store.problems()
    )


def repair(store: Store) -> Repair:
    """Make the safe repairs as one change (not undoable: the backup is the way back). It writes through
    the store's own change machinery, which this module shares a package with. A record of no contact is
    left for the user: which contact it was is theirs to say."""
    result = Repair(left=unattached(store) + future_interactions(store) + misshapen_handles(store))
    problems, stale = store.problems(), stale_summaries(store)
    raw = store._storage.read() or {}
    fixes: list[tuple[str, str, dict[str, object]]] = []
    for problem in problems:
        if problem.table == "settings":
            continue
        trimmed = _trimmed(raw, problem)
        if trimmed is not None:
            fixes.append((problem.table, problem.record_id, trimmed))
            result.repaired.append(problem)
        else:
            result.left.append(problem)
    settings_problems = [problem for problem in problems if problem.table == "settings"]
    if not fixes and not settings_problems and not stale:
        return result  # the file is left as it is: no copy of it to keep
    result.backup = write_kept_backup(store.path, "before-doctor", store.now().strftime("%Y-%m-%d-%H%M%S"))
    with store.transaction("doctor", undoable=False):
        for table, record_id, body in fixes:
            store.journal.put(table, record_id, body)
        if settings_problems:
            settings, _ = readable_settings(raw.get(SETTINGS_TABLE, {}).get("settings"))
            store.journal.put(SETTINGS_TABLE, "settings", settings.to_dict())
            result.repaired.extend(settings_problems)
        if stale:
            store._derived.rebuild()
            result.repaired.extend(stale)
    return result


def _cleaned(key: str, value: object) -> object:
    """A text field cleaned as it would have been on its way in (controls and escapes removed)."""
    if isinstance(value, str):
        return strip_control(value, multiline=key in MULTILINE_FIELDS)
    if isinstance(value, list):
        return [strip_control(item) if isinstance(item, str) else item for item in value]
    return value


# The fields whose line breaks the records keep (clean_text(..., multiline=True) in model.py and template.py).
MULTILINE_FIELDS = frozenset({"why", "notes", "text", "note", "body"})
