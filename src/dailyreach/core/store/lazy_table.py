"""The interaction log, left unparsed until something reads it.

The log is nine tenths of the database file, yet the day's plan, the status line and the app's first
frame read only the contacts and the summaries kept beside it (``threads.py``). When the file is one
this program wrote (``checked.py`` knows where the log lies in it), the storage parses everything but
the log and hands the log's bytes to a ``LazyTable``: a dict that parses them the first time it is read.
Logging a new interaction adds it without parsing the rest, undoing or deleting one parses that record
alone, and writing the file puts the log's bytes back as they were (``pieces()``), less the records
taken out, the new ones spliced in at its end, in the file's own layout.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import orjson

# A record's key line inside a table at the file's second level, as ``OPT_INDENT_2`` writes it. JSON
# text holds no raw newline, so this can only be the start of a record.
RECORD_INDENT = b"\n    "
# A record's key line, its closing brace, and one of its fields' lines: indented 4, 4 and 6 spaces, so
# that none of them can be taken for another (a line of a value nested deeper is indented more).
RECORD_KEY, RECORD_END, FIELD_INDENT = b'\n    "', b"\n    }", b"\n      "
# Each record looked for alone reads the bytes once (~5 ms at 100,000 interactions; parsing them takes
# ~200): past this many between two writes (an import undone, many threads read again), they are parsed.
SEARCHES_BEFORE_PARSING = 20


def _reading(method: Callable[..., Any]) -> Callable[..., Any]:
    def read_after_loading(self: LazyTable, *args: Any, **kwargs: Any) -> Any:
        self.load()
        return method(self, *args, **kwargs)

    read_after_loading.__name__ = method.__name__
    read_after_loading.__doc__ = method.__doc__
    return read_after_loading


class LazyTable(dict[str, Any]):
    """A table of the file whose records are parsed when first read. ``file[start:end]`` is the table's
    JSON as the file holds it (``{`` to its closing ``}``, indented for the second level), with ``count``
    records, at least one; ``parse`` turns bytes into a dict (and names the file when they are broken)."""

    def __init__(self, file: bytes, start: int, end: int, count: int, parse: Callable[[Any], Any]) -> None:
        super().__init__()
        self._parse = parse
        self._file: bytes | None = file
        self._start, self._end, self._count = start, end, count
        self._added: dict[str, Any] = {}
        # Records of the bytes taken out since they were read.
        self._removed: set[str] = set()
        self._searches = 0  # since the last write

    @property
    def loaded(self) -> bool:
        return self._file is None

    def load(self) -> None:
        if self._file is None:
            return
        parsed = self._parse(memoryview(self._file)[self._start : self._end])
        dict.update(self, parsed if isinstance(parsed, dict) else {})
        for key in self._removed:
            dict.pop(self, key, None)
        dict.update(self, self._added)
        self._file, self._added, self._removed = None, {}, set()

    def _holds_unloaded(self, key: str) -> bool:
        return key in self._added or self._where(key) is not None

    def _where(self, key: str) -> tuple[int, int] | None:
        """Where the record ``key`` lies in the bytes (from the newline before its key line to its closing
        brace), unless it is not there or was taken out."""
        if key in self._removed:
            return None
        at, end = self._span(key)
        return None if at < 0 else (at, end)

    def _span(self, key: str) -> tuple[int, int]:
        assert self._file is not None
        at = self._file.find(RECORD_INDENT + orjson.dumps(key) + b":", self._start, self._end)
        return at, self._file.find(RECORD_END, at, self._end) + len(RECORD_END)

    def _searching(self, searches: int = 1) -> bool:
        """Whether the bytes are still to be searched ``searches`` more times; parsed instead once that
        would cost more than parsing them."""
        if self._file is not None:
            self._searches += searches
            if self._searches > SEARCHES_BEFORE_PARSING:
                self.load()
        return self._file is not None

    def _record(self, key: str, where: tuple[int, int]) -> Any:
        assert self._file is not None
        start, end = where
        return self._parse(b"{" + self._file[start:end] + b"}")[key]

    def __setitem__(self, key: str, value: Any) -> None:
        # A new record (the usual write: one interaction logged) is added without parsing the others.
        if self._file is not None and not self._holds_unloaded(key):
            self._added[key] = value
            return
        self.load()
        dict.__setitem__(self, key, value)

    def __len__(self) -> int:
        if self._file is None:
            return dict.__len__(self)
        return self._count - len(self._removed) + len(self._added)

    def pop(self, key: str, *default: Any) -> Any:
        # An undo or a delete takes one record out: parsed alone, its bytes left out of the next write.
        if self._file is not None and key in self._added:
            return self._added.pop(key)
        if self._searching():
            where = self._where(key)
            if where is None:
                if default:
                    return default[0]
                raise KeyError(key)
            if len(self._removed) + 1 < self._count:  # not the bytes' last, which would leave them empty
                self._removed.add(key)
                return self._record(key, where)
        self.load()
        return dict.pop(self, key, *default)

    def __delitem__(self, key: str) -> None:
        self.pop(key)

    def records_with(self, field: str, values: set[str]) -> dict[str, Any]:
        """The records whose ``field`` is one of ``values`` (some contacts' interactions). Unparsed, the
        table is searched for each value's line and only the records holding it are parsed: a contact's
        history at 100,000 interactions without parsing the other 99,950."""
        if not self._searching(len(values)):
            return {
                key: body
                for key, body in self.items()
                if isinstance(body, dict) and body.get(field) in values
            }
        assert self._file is not None
        found: dict[str, Any] = {}
        for value in values:
            line = FIELD_INDENT + orjson.dumps(field) + b": " + orjson.dumps(value)
            at = self._file.find(line, self._start, self._end)
            while at >= 0:
                first = self._file.rfind(RECORD_KEY, self._start, at)
                last = self._file.find(RECORD_END, at, self._end) + len(RECORD_END)
                parsed = self._parse(b"{" + self._file[first:last] + b"}")
                if isinstance(parsed, dict):
                    found.update((key, body) for key, body in parsed.items() if key not in self._removed)
                at = self._file.find(line, last, self._end)
        found.update((key, body) for key, body in self._added.items() if body.get(field) in values)
        return found

    def pieces(self) -> list[bytes | memoryview]:
        """The table as the file holds it, less the records taken out, with those added since spliced in
        before its end: the bytes read are not copied (30 MB at 100,000 interactions)."""
        assert self._file is not None
        self._searches = 0
        kept = self._kept() if self._removed else [memoryview(self._file)[self._start : self._end]]
        if not self._added:
            return list(kept)
        added = orjson.dumps(self._added, option=orjson.OPT_INDENT_2)
        # ``{\n  "key": ...\n}`` at the top level, moved to the second level: each line two deeper.
        records = added[1:-2].replace(b"\n", b"\n  ")
        return [*kept[:-1], kept[-1][:-4], b",", records, kept[-1][-4:]]

    def _kept(self) -> list[memoryview]:
        """The table's bytes less the records taken out, each with the comma before it; the first record
        has none (``{`` comes before it), so when it goes, the next one left gives up its comma instead."""
        assert self._file is not None
        view = memoryview(self._file)
        cuts = []
        for key in self._removed:
            at, end = self._span(key)
            cuts.append((at if self._file[at - 1 : at] == b"{" else at - 1, end))
        kept, position = [], self._start
        for start, end in sorted(cuts):
            kept.append(view[position:start])
            position = end
        kept.append(view[position : self._end])
        if cuts and min(cuts)[0] == self._start + 1:
            left = next(index for index, piece in enumerate(kept) if index and len(piece))
            kept[left] = kept[left][1:]  # its comma
        return kept

    def get(self, key: str, default: Any = None) -> Any:
        # A new record's id is looked up before it is added (for undo): absent, it needs no parsing.
        if self._file is not None and key in self._added:
            return self._added[key]
        if not self._searching():
            return dict.get(self, key, default)
        # A record held is parsed alone: undo looks at the one it takes back.
        where = self._where(key)
        return default if where is None else self._record(key, where)

    def __contains__(self, key: object) -> bool:
        if self._file is not None and isinstance(key, str):
            if key in self._added:
                return True
            if not self._holds_unloaded(key):
                return False
        self.load()
        return dict.__contains__(self, key)

    __getitem__ = _reading(dict.__getitem__)
    __eq__ = _reading(dict.__eq__)
    __ne__ = _reading(dict.__ne__)
    __repr__ = _reading(dict.__repr__)
    __or__ = _reading(dict.__or__)
    __ior__ = _reading(dict.__ior__)
    __reversed__ = _reading(dict.__reversed__)
    items = _reading(dict.items)
    keys = _reading(dict.keys)
    values = _reading(dict.values)
    popitem = _reading(dict.popitem)
    setdefault = _reading(dict.setdefault)
    update = _reading(dict.update)
    clear = _reading(dict.clear)
    copy = _reading(dict.copy)

    def __iter__(self) -> Iterator[str]:
        self.load()
        return dict.__iter__(self)
