"""What is known of the database file as this program last wrote or checked it, kept in ``<db>.checked``.

Checking every record read back (``readback.py``) costs about 0.1 s at 100,000 interactions, and parsing
the interaction log twice that, on every command. Yet nearly always the file is the one this program
wrote, whose records were checked on their way in, so the store writes this small record after each
change it saves: the file's content, named by its size and CRC-32, the dailyreach version that checked
it, its bad records (usually none, what is wrong with each said in the language then in use, which is
kept too: a command in another language checks the file again), and where the interaction log lies in it, so that a command that
does not read the log need not parse it (``lazy_table.py``). A command that reads a file with that
content takes all this from here; a file edited since, by hand or by another program, has another CRC
and is parsed and checked in full again. Losing the record costs one full check, never a wrong answer,
so it is written without waiting for the disk (no fsync).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from dailyreach import __version__
from dailyreach.core.records.readback import Problem
from dailyreach.core.store.beside import CHECKED_SUFFIX, beside
from dailyreach.core.store.storage import AtomicJSONStorage, write_owner_only
from dailyreach.core.store.tables import RECORD_TABLES, RecordTable
from dailyreach.i18n import current_language

Fingerprint = tuple[int, int]  # size and CRC-32 of the file's bytes
ProblemsByTable = dict[str, dict[str, Problem]]
Layout = tuple[int, int, int]  # the log's start and end in the file, and how many records it holds


@dataclass(frozen=True)
class Checked:
    """What the record knows of one content of the file: its bad records, and where its log lies."""

    problems: ProblemsByTable
    log_layout: Layout | None


def checked_path(db: Path) -> Path:
    return beside(db, CHECKED_SUFFIX)


def read_checked(db: Path, fingerprint: Fingerprint | None) -> Checked | None:
    """What is known of the file whose content is ``fingerprint``, when the record is of that very
    content and was written by this version; None when the file must be parsed and checked in full."""
    if fingerprint is None:
        return None
    try:
        data = orjson.loads(checked_path(db).read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if (
        not isinstance(data, dict)
        or data.get("content") != list(fingerprint)
        or data.get("version") != __version__
        or data.get("language") != current_language()
    ):
        return None
    problems = _problems(data.get("problems"))
    layout = data.get("log")
    if layout is not None and not (
        isinstance(layout, list) and len(layout) == 3 and all(type(number) is int for number in layout)
    ):
        return None
    if problems is None:
        return None
    return Checked(problems, (layout[0], layout[1], layout[2]) if layout else None)


def _problems(stored: Any) -> ProblemsByTable | None:
    if not isinstance(stored, dict):
        return None
    found: ProblemsByTable = {}
    for table, records in stored.items():
        if not isinstance(records, dict):
            return None
        found[table] = {}
        for record_id, entry in records.items():
            if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry)):
                return None
            found[table][record_id] = Problem(table, record_id, entry[0], entry[1])
    return found


def write_checked(
    db: Path, fingerprint: Fingerprint | None, problems: ProblemsByTable, log_layout: Layout | None = None
) -> None:
    """Record what the check of the file with ``fingerprint`` found, and where its log lies. A record
    that cannot be written (a read-only folder, a full disk) is only missing: the next command parses
    and checks the file in full."""
    if fingerprint is None:
        return
    payload = orjson.dumps(
        {
            "content": list(fingerprint),
            "version": __version__,
            "language": current_language(),
            "problems": {
                table: {rid: [problem.field, problem.problem] for rid, problem in found.items()}
                for table, found in problems.items()
            },
            "log": list(log_layout) if log_layout else None,
        }
    )
    with contextlib.suppress(OSError):
        write_owner_only(checked_path(db), payload, durable=False)


class CheckedRecord:
    """The store's side of ``<db>.checked``: the record taken in when the file is read under the lock,
    and written again once a change is."""

    def __init__(self, db: Path) -> None:
        self.db = db
        # The parsed file whose bad records the tables hold without a full check, and the content the
        # record names.
        self._data: object = None
        self._fingerprint: Fingerprint | None = None
        self._last: tuple[Fingerprint, Checked | None] | None = None

    def take(self, storage: AtomicJSONStorage, tables: dict[str, RecordTable]) -> bool:
        """Just after the file is read under the lock: its bad records from the record when that is of
        this very content, or else from a full check, recorded for the next command. True when the
        record names other content: the file was changed by something else than dailyreach (a hand
        edit), which may have left the derived tables behind the log."""
        data = storage.read()
        if data is None or data is self._data:
            return False
        known = self._known(storage.fingerprint)
        edited = known is None and not self._recorded_content_is(storage.fingerprint)
        if known is None:
            self.record(storage, tables)
        else:
            for name in RECORD_TABLES:
                tables[name].trust(known.problems.get(name, {}))
            self._fingerprint = storage.fingerprint
        self._data = data
        return edited

    def seen(self, storage: AtomicJSONStorage) -> bool:
        """Whether the file as the storage now holds it is the content this process last took in or
        wrote (no look at the disk beyond the storage's own)."""
        return storage.read() is self._data

    def _recorded_content_is(self, fingerprint: Fingerprint | None) -> bool:
        """Whether the record names this content, whichever version or language wrote it."""
        try:
            data = orjson.loads(checked_path(self.db).read_bytes())
        except (OSError, orjson.JSONDecodeError):
            return False
        return isinstance(data, dict) and fingerprint is not None and data.get("content") == list(fingerprint)

    def record(self, storage: AtomicJSONStorage, tables: dict[str, RecordTable]) -> None:
        """Under the lock, after the file is written: what its check finds, for the next command."""
        fingerprint = storage.fingerprint
        if fingerprint is not None and fingerprint != self._fingerprint:
            problems = {name: tables[name].bad_records() for name in RECORD_TABLES}
            write_checked(self.db, fingerprint, problems, storage.layout)
            self._fingerprint = fingerprint
            self._data = storage.read()

    def log_layout(self, fingerprint: Fingerprint) -> Layout | None:
        """Where the log lies in the file with ``fingerprint``, when the record knows (for the storage)."""
        known = self._known(fingerprint)
        return known.log_layout if known else None

    def _known(self, fingerprint: Fingerprint | None) -> Checked | None:
        """The record when it is of the content ``fingerprint`` names (read once per content)."""
        if fingerprint is None:
            return None
        if self._last is None or self._last[0] != fingerprint:
            self._last = (fingerprint, read_checked(self.db, fingerprint))
        return self._last[1]
