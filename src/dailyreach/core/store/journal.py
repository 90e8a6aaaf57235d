"""How the store's records change: one transaction at a time, under the file's lock, every write of it
reaching the disk as one atomic replace, and each change journalled so that ``undo()`` reverses it.

The store (``store.py``) says what a change writes; this module says how it is written and taken back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dailyreach.core.store.backups import with_way_back
from dailyreach.core.store.checked import CheckedRecord
from dailyreach.core.store.derived import DerivedTables
from dailyreach.core.store.lockfile import FileLock, LockTimeout
from dailyreach.core.store.storage import NOT_YOURS, AtomicJSONStorage, StoreCorrupt, StoreError
from dailyreach.core.store.tables import Body, RecordTable
from dailyreach.i18n import N_, _

CHANGED_SINCE = N_(
    "{change} cannot be undone: a record it changed was changed again since, in another window or command"
)
LOCK_WAIT_SECONDS = 10.0


class StoreLocked(StoreError):
    pass


# What this process saved, by its undo label: an error met after a change is saved may not say that
# nothing was changed (a command that failed printing what it logged was retried, and logged it twice).
saved_changes: list[str] = []


@dataclass
class Change:
    """What one transaction did, as (table, id, value before) so it can be reversed, and the value it left
    in each record it wrote, to tell whether anyone wrote them since."""

    label: str
    previous: list[tuple[str, str, Body | None]] = field(default_factory=list)
    written: dict[tuple[str, str], Body | None] = field(default_factory=dict)

    def restored_by_undo(self, table: str) -> str | None:
        """The id of the first record of ``table`` that undoing this change gives back or puts back as
        it was (a deleted or edited one), None when there is none."""
        return next((record for name, record, before in self.previous if name == table and before), None)


@dataclass
class Journal:
    """The changes one process makes to one database file, and their undo history.

    ``before_change`` runs under the lock before a change's first write (the daily backup), and
    ``after_change`` once it is saved (the status record): neither is part of what undo reverses.
    """

    path: Path
    storage: AtomicJSONStorage
    tables: dict[str, RecordTable]
    checked: CheckedRecord
    derived: DerivedTables
    lock: FileLock
    before_change: Callable[[], None]
    after_change: Callable[[], None]
    history: list[Change] = field(default_factory=list, init=False)
    _change: Change | None = field(default=None, init=False)

    @contextlib.contextmanager
    def locked(self, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
        """The file's lock, held by this process; ``on_wait`` is called when it waits a moment for
        another process's (``FileLock.acquire``)."""
        try:
            self.lock.acquire(on_wait)
        except LockTimeout:
            raise StoreLocked(
                _(
                    "{path} is busy: another dailyreach kept it locked for {seconds} s. Try again in a moment."
                ).format(path=self.path, seconds=f"{self.lock.timeout:.0f}")
            ) from None
        except PermissionError:
            raise StoreError(_(NOT_YOURS).format(path=self.lock.path)) from None
        self.storage.store_locked(True)
        try:
            yield
        finally:
            self.storage.store_locked(False)
            self.lock.release()

    @contextlib.contextmanager
    def transaction(self, label: str, *, undoable: bool) -> Iterator[Change]:
        """One change, written to disk at once and, when ``undoable``, reversed as a whole by undo().
        A transaction opened inside another is part of it.

        One thread at a time: the app saves in the background while its screen reads."""
        with self.storage.lock:
            if self._change is not None:
                yield self._change
                return
            with self.locked():
                try:
                    self.storage.read()
                except StoreCorrupt as error:
                    raise StoreCorrupt(with_way_back(str(error), self.path)) from None
                if self.checked.take(self.storage, self.tables):
                    # Edited outside dailyreach since this process read it: the summaries made anew, and
                    # saved with this change.
                    self.derived.rebuild(save=False)
                self.before_change()
                self._change = Change(label)
                self.derived.begin()
                try:
                    with self.storage.batch():
                        yield self._change
                        self.derived.settle()
                finally:
                    change, self._change = self._change, None
                self.checked.record(self.storage, self.tables)
                self.after_change()
            if change.previous and undoable:
                self.history.append(change)
                saved_changes.append(change.label)

    def undo(self) -> Change | None:
        """Reverse the last change this process made; None when there is nothing to undo."""
        with self.storage.lock:
            if not self.history:
                return None
            change = self.history[-1]
            with self.locked():
                if self.checked.take(self.storage, self.tables):
                    self.derived.rebuild(save=False)
                if any(
                    table != "plans" and self.record(table, record_id) != body
                    for (table, record_id), body in change.written.items()
                ):
                    # Putting back what was there before would throw away that later change. The day's
                    # plan is not such a change: any read that fills a slot rewrites it.
                    self.history.pop()
                    raise StoreError(_(CHANGED_SINCE).format(change=change.label))
                with self.storage.batch():
                    self.derived.begin()
                    for table, record_id, before in reversed(change.previous):
                        self._write(table, record_id, self.record(table, record_id), before)
                    self.derived.settle()
                self.checked.record(self.storage, self.tables)
                self.after_change()
            # Forgotten only once written: an undo refused by a lock or a full disk can be tried again.
            self.history.pop()
            return change

    def record(self, table: str, record_id: str) -> Body | None:
        """A record as stored, None when there is none (or none this version can read)."""
        return self.tables[table].record(record_id)

    def put(self, table: str, record_id: str, body: Body | None) -> None:
        """Write a record (None deletes it) as part of the open transaction."""
        if self._change is None:
            raise RuntimeError("records change only inside a transaction")
        before = self.record(table, record_id)
        self._change.previous.append((table, record_id, before))
        self._write(table, record_id, before, body)
        # As a read sees it: a record the store cannot read reads as none.
        self._change.written[table, record_id] = self.record(table, record_id)

    def put_many(self, table: str, bodies: dict[str, Body]) -> None:
        """Insert many new records at once, as part of the open transaction."""
        if self._change is None:
            raise RuntimeError("records change only inside a transaction")
        self._change.previous.extend((table, record_id, None) for record_id in bodies)
        self._change.written.update(((table, record_id), body) for record_id, body in bodies.items())
        if table == "interactions":
            for body in bodies.values():
                self.derived.follow(None, body)
        self.tables[table].put(dict(bodies))

    def _write(self, table: str, record_id: str, before: Body | None, body: Body | None) -> None:
        if table == "interactions":
            self.derived.follow(before, body)
        self.tables[table].put({record_id: body})
