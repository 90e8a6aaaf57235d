"""The store's tables as TinyDB sees them: keyed by our own record ids, each record checked as it is
read back (``readback.py``), and changed only where a change touches it."""

from __future__ import annotations

import contextlib
from typing import Any

from tinydb.table import Table

from dailyreach.core.records.readback import Problem, record_problem, table_problems
from dailyreach.core.store.lazy_table import LazyTable
from dailyreach.core.store.storage import AtomicJSONStorage

# "templates" are read and written by core/store/templates.py, through the generic methods below.
RECORD_TABLES = ("contacts", "interactions", "invitations", "snoozes", "plans", "templates")
# The field each record table is keyed by; stored records keep it too, so they export as they are.
KEY_FIELDS = {
    "contacts": "id",
    "interactions": "id",
    "invitations": "id",
    "snoozes": "contact_id",
    "plans": "date",
    "templates": "id",
}
META_TABLE, SETTINGS_TABLE = "_meta", "settings"


Body = dict[str, Any]


class RecordTable(Table):
    """A table keyed by our own record ids, so two processes never hand out the same one.

    TinyDB's own API is typed for its integer doc ids and copies the whole table on every change;
    these methods take our string ids and change only the records they touch, through the storage.
    """

    document_id_class = str  # type: ignore[assignment]  # TinyDB declares int; its JSON keys are str

    def _get_next_id(self) -> int:
        raise TypeError("records are inserted with their own id")

    def _raw(self) -> dict[str, dict[str, Body]]:
        return self._storage.read() or {}

    @property
    def _lock(self) -> contextlib.AbstractContextManager[bool]:
        assert isinstance(self._storage, AtomicJSONStorage)
        return self._storage.lock

    # The table last checked and its bad records: a record edited into something this version cannot
    # read is skipped by every reader and left as it is in the file (``readback.py``).
    _checked: tuple[Any, dict[str, Problem]] | None = None

    def bad_records(self) -> dict[str, Problem]:
        """The records of this table that fail their checks, by id (checked once per read of the file)."""
        with self._lock:
            table = self._raw().get(self.name)
            if not table:
                return {}
            if self._checked is None or self._checked[0] is not table:
                checked = table_problems(self.name, table) if self.name in RECORD_TABLES else {}
                self._checked = (table, checked)
            return self._checked[1]

    def trust(self, problems: dict[str, Problem]) -> None:
        """Take ``problems`` as what checking the table as it was just read would find."""
        with self._lock:
            self._checked = (self._raw().get(self.name), dict(problems))

    def record(self, record_id: str) -> Body | None:
        with self._lock:
            body = self._raw().get(self.name, {}).get(record_id)
            # Not an object: a hand-edited _meta entry (the record tables' own are among bad_records).
            return dict(body) if isinstance(body, dict) and record_id not in self.bad_records() else None

    def records(self) -> list[tuple[str, Body]]:
        """A snapshot: another thread's save cannot change it while it is read."""
        with self._lock:
            bad = self.bad_records()
            table = self._raw().get(self.name, {})
            if bad:
                return [(rid, body) for rid, body in table.items() if rid not in bad]
            return list(table.items())

    def records_with(self, field: str, values: set[str]) -> list[tuple[str, Body]]:
        """The readable records whose ``field`` is one of ``values``; a log still unparsed is searched."""
        with self._lock:
            bad = self.bad_records()
            table = self._raw().get(self.name, {})
            near = table.records_with(field, values) if isinstance(table, LazyTable) else table
            return [(rid, body) for rid, body in near.items() if rid not in bad and body[field] in values]

    def bodies(self) -> list[Body]:
        """The readable records alone, in one pass: an export takes 100,000 of them."""
        with self._lock:
            bad = self.bad_records()
            table = self._raw().get(self.name, {})
            if bad:
                return [body for rid, body in table.items() if rid not in bad]
            return list(table.values())

    def put(self, bodies: dict[str, Body | None]) -> None:
        """Set each id's body; None removes the record."""
        with self._lock:
            self._put(bodies)

    def _put(self, bodies: dict[str, Body | None]) -> None:
        tables = self._raw()
        table = tables.setdefault(self.name, {})
        for record_id, body in bodies.items():
            if body is None:
                table.pop(record_id, None)
            else:
                table[record_id] = body
        self._storage.write(tables)
        # Only the records written are checked again, not the whole table.
        if self._checked is not None and self._checked[0] is table and self.name in RECORD_TABLES:
            bad = self._checked[1]
            for record_id, body in bodies.items():
                problem = None if body is None else record_problem(self.name, body)
                if problem is None:
                    bad.pop(record_id, None)
                else:
                    bad[record_id] = Problem(self.name, record_id, *problem)
        else:
            self._checked = None
        self.clear_cache()
