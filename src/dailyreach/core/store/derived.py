"""The derived tables (``threads.py``) kept in step with the interaction log, in the same write as it.

Nearly every change adds a contact's latest interaction: that one is folded into the contact's thread and
its day's counts as it is written. Any other change to the log (an undo, a delete, a log older than the
thread's last) marks the threads and days it touches: those contacts' interactions are read again before
the change is written, found in the log without parsing the rest of it (``lazy_table.py``). Whenever
the marker says the tables were not written with the log as it is (an older file, another program's
edit, a change of timezone), they are rebuilt from the whole log.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, tzinfo

from dailyreach.core.records.model import OUTBOUND_KINDS
from dailyreach.core.store.storage import AtomicJSONStorage
from dailyreach.core.store.tables import META_TABLE, Body, RecordTable
from dailyreach.core.store.threads import (
    DAY_COUNTERS,
    DAYS_TABLE,
    DERIVED_KEY,
    REACHED,
    THREADS_TABLE,
    Thread,
    before_changes,
    counted_day,
    derive_tables,
    derived_marker,
    local_day,
    log_entries,
    read_thread,
    sent_days,
    utc_stamp,
    with_reached,
    zone_name,
)


class DerivedTables:
    """The store's threads and outreach days: followed through each change, settled before it is written.

    Only the store's transactions call ``begin``, ``follow`` and ``settle``; the readers here read the
    tables as stored, so the store makes them current first."""

    def __init__(
        self, storage: AtomicJSONStorage, tables: dict[str, RecordTable], zone: Callable[[], tzinfo]
    ) -> None:
        """``zone`` is the settings' timezone as it is now: a change may save a new one."""
        self._storage = storage
        self._tables = tables
        self._zone = zone
        # Contacts whose thread must be read again from the log before the change is written; None
        # when every derived table must be rebuilt.
        self._stale_threads: set[str] | None = set()
        # The days whose people reached must be counted again with those threads, and each stale
        # contact's changes (before, after) since it went stale, to tell whether it was counted then.
        self._stale_days: set[str] = set()
        self._stale_changes: dict[str, list[tuple[Body | None, Body | None]]] = {}
        # Set when the file was edited by something else than dailyreach: its marker may still count the
        # log right though records in it changed, so everything is rebuilt once.
        self.distrusted = False

    def distrust(self) -> None:
        """The file was changed outside dailyreach: rebuild every derived table before it is read."""
        self.distrusted = True

    def current(self) -> bool:
        """Whether the derived tables were written with the log as it is, in today's timezone."""
        if self.distrusted:
            return False
        marker = self._tables[META_TABLE].record(DERIVED_KEY)
        interactions = (self._storage.read() or {}).get("interactions", {})
        return marker == derived_marker(len(interactions), self._zone())

    def begin(self) -> None:
        """At the start of a change: followed from here, or rebuilt at its end when not current."""
        self._stale_threads = set() if self.current() else None
        self._stale_days, self._stale_changes = set(), {}

    def follow(self, before: Body | None, after: Body | None) -> None:
        """Bring the derived tables along with one interaction's change (inside a transaction)."""
        if self._stale_threads is None:
            return
        zone = self._zone()
        days = self._tables[DAYS_TABLE]
        message_days = set()
        for body, step in ((before, -1), (after, 1)):
            if body is not None and body["kind"] in DAY_COUNTERS:
                day = datetime.fromisoformat(body["at"]).astimezone(zone).date().isoformat()
                days.put({day: counted_day(days.record(day), body["kind"], step)})
                if body["kind"] in OUTBOUND_KINDS:
                    message_days.add(day)
        if before is None and after is not None and after["contact_id"] not in self._stale_threads:
            thread = self.thread(after["contact_id"])
            stamp = utc_stamp(after["at"])
            # The usual case, a new latest interaction, is folded in; anything else reads the log.
            if thread.last_at is None or stamp >= thread.last_at:
                for day in message_days:  # the day of this message, when it is one
                    # Their first message that day (the one before it is the latest): one more person.
                    if thread.last_sent is None or local_day(thread.last_sent, zone).isoformat() != day:
                        counts = days.record(day)
                        days.put({day: with_reached(counts, (counts or {}).get(REACHED, 0) + 1)})
                thread.add(after["kind"], after["channel"], stamp)
                self._tables[THREADS_TABLE].put({after["contact_id"]: thread.to_dict()})
                return
        for contact_id in {body["contact_id"] for body in (before, after) if body is not None}:
            self._stale_threads.add(contact_id)
            # A record moved from one contact to another is, for each, one that came or one that went.
            mine = [body if body and body["contact_id"] == contact_id else None for body in (before, after)]
            self._stale_changes.setdefault(contact_id, []).append((mine[0], mine[1]))
        self._stale_days |= message_days

    def settle(self) -> None:
        """Read the stale threads again from the log, or rebuild everything, and stamp the marker."""
        marker = self._tables[META_TABLE].record(DERIVED_KEY) or {}
        # A new timezone (saved in this change) moves every outreach day.
        if self._stale_threads is None or marker.get("zone") != zone_name(self._zone()):
            self.rebuild()
            return
        if self._stale_threads:
            log = self._tables["interactions"]
            histories: dict[str, list[Body]] = {cid: [] for cid in self._stale_threads}
            for _, body in log.records_with("contact_id", self._stale_threads):  # in log order
                histories[body["contact_id"]].append(body)
            entries = log_entries(body for history in histories.values() for body in history)
            # A contact left with no interaction has no thread, as after a rebuild.
            self._tables[THREADS_TABLE].put(
                {
                    cid: read_thread(entries[cid]).to_dict() if cid in entries else None
                    for cid in self._stale_threads
                }
            )
            days, zone = self._tables[DAYS_TABLE], self._zone()
            # Each stale contact counted on the days sent to as it is now, less as it was before the
            # change: its history is read once, not once for each day (an import touches hundreds).
            reached_change: Counter[str] = Counter()
            for cid, history in histories.items():
                now = sent_days(history, zone)
                before = sent_days(before_changes(history, self._stale_changes[cid]), zone)
                reached_change.update(now - before)
                reached_change.subtract(before - now)
            for day in self._stale_days:
                counts = days.record(day)
                days.put({day: with_reached(counts, (counts or {}).get(REACHED, 0) + reached_change[day])})
        self._stale_threads, self._stale_days, self._stale_changes = set(), set(), {}
        self._stamp()

    def rebuild(self, *, save: bool = True) -> None:
        """Every derived table made again from the whole log; kept in memory alone unless ``save``."""
        tables = self._storage.read() or {}
        derived = derive_tables(tables.get("interactions", {}), self._zone())
        tables[THREADS_TABLE], tables[DAYS_TABLE] = derived[THREADS_TABLE], derived[DAYS_TABLE]
        tables.setdefault(META_TABLE, {})[DERIVED_KEY] = derived[DERIVED_KEY]
        if save:
            self._storage.write(tables)
        self._stale_threads, self._stale_days, self._stale_changes = set(), set(), {}
        self.distrusted = False

    def _stamp(self) -> None:
        interactions = (self._storage.read() or {}).get("interactions", {})
        self._tables[META_TABLE].put({DERIVED_KEY: derived_marker(len(interactions), self._zone())})

    def threads(self) -> dict[str, Thread]:
        return {cid: Thread.from_dict(body) for cid, body in self._tables[THREADS_TABLE].records()}

    def thread(self, contact_id: str) -> Thread:
        body = self._tables[THREADS_TABLE].record(contact_id)
        return Thread.from_dict(body) if body else Thread()

    def outreach_days(self) -> set[date]:
        days = self._tables[DAYS_TABLE].records()
        return {date.fromisoformat(day) for day, counts in days if counts.get("sent")}

    def day_counts(self) -> dict[date, dict[str, int]]:
        return {date.fromisoformat(day): counts for day, counts in self._tables[DAYS_TABLE].records()}
