"""A TinyDB storage that never leaves a half-written file and notices other processes' writes.

Each write goes to a temporary file in the same folder, is flushed and fsynced, then replaces the
database with ``os.replace``: a crash at any moment leaves either the old file or the new one. Reads
are served from memory until the file on disk changes (another process wrote it), then re-parsed.
Inside ``batch()`` writes stay in memory and reach the disk once, when the batch ends.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import stat
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from dailyreach.core.errors import StoreError as StoreError
from dailyreach.core.errors import os_reason
from dailyreach.core.store.lazy_table import LazyTable
from dailyreach.i18n import N_, _

# Where the lazy table lies in a file's bytes: start, end, and how many records it holds.
Layout = tuple[int, int, int]

OWNER_ONLY = 0o600
# The name in a database's schema record (``schema.py``), and at the top of an export.
FORMAT_NAME = "dailyreach"


# A file of the database's (its lock, or the file itself) this user may not open: made by another user
# (a command run with sudo) or its permissions changed.
NOT_YOURS = N_(
    "cannot open {path}: permission denied; make it yours to read and write (chmod u+rw, or chown)"
)


class StoreCorrupt(StoreError):
    pass


class StoreWriteError(StoreError):
    pass


class StoreReadOnly(StoreWriteError):
    """The database, or its folder, is one this user may read but not write: reading still works."""


# What replacing a file answers in a folder or on a mount this user cannot write to.
_READ_ONLY_ERRORS = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


def file_signature(path: Path) -> tuple[int, int, int] | None:
    """Changes whenever the file is replaced or written, by this process or another: its inode, its
    ctime and its size. The ctime, not the mtime: sync tools set the mtime back to what it was, but
    no program can set the ctime, which every write, ``utime`` and ``chmod`` moves to now. (On Windows
    ``st_ctime`` is the creation time, so there the mtime stands in.)"""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    changed = status.st_mtime_ns if os.name == "nt" else status.st_ctime_ns
    return (status.st_ino, changed, status.st_size)


def _timestamp_grain(changed_ns: int) -> int:
    """How far apart two changes can be and still get one timestamp, in ns: a kernel stamps files from
    a clock that ticks every few milliseconds, and some file systems keep whole seconds only."""
    return 50_000_000 if changed_ns % 1_000_000_000 else 2_000_000_000


def parse_json_bytes(raw: bytes, source: Path | str) -> Any:
    """Parsed JSON, or StoreCorrupt naming the file and where it breaks."""
    gc.disable()  # parsing many small objects is much faster without collections in between
    try:
        parsed = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise StoreCorrupt(
            _("{source} is not valid JSON (line {line}, column {column}: {problem})").format(
                source=source, line=error.lineno, column=error.colno, problem=error.msg
            )
        ) from None
    finally:
        gc.enable()
    # The parsed records hold no reference cycles; left to the collector, every later burst of
    # allocations would walk all of them again (a third of an export's time at 100k records). Objects
    # frozen by an earlier read are released first, so the data a re-read replaces can still be freed.
    gc.unfreeze()
    gc.freeze()
    return parsed


def _not_a_database(path: Path, data: Any) -> str:
    if isinstance(data, dict) and data.get("format") == FORMAT_NAME:
        # Copied over the database by hand, or given as --db: importing it makes a database of it.
        import shlex

        return _(
            "{path} is a dailyreach export, not a database: dailyreach --db NEW.json import {quoted} makes "
            "a database of it"
        ).format(path=path, quoted=shlex.quote(str(path)))
    return _("{path} is JSON but not a dailyreach database").format(path=path)


def _about(path: Path, error: OSError) -> OSError:
    """The same error naming the file being written, not its temporary file (which the user never
    sees, and which is gone by the time they read the message)."""
    return type(error)(error.errno, error.strerror, str(path)) if error.errno is not None else error


def refused_as_read_only(error: BaseException) -> bool:
    """Whether a save failed only because the database, or its folder, may be read but not written."""
    return isinstance(error, StoreReadOnly) or (
        isinstance(error, OSError) and error.errno in _READ_ONLY_ERRORS
    )


def left_unwritten(error: BaseException) -> bool:
    """Whether a save failed in writing the file (read-only, a full disk, a failing device), the file left
    as it was: a read that would also have saved (the day's plan, the summaries) goes on without it."""
    return isinstance(error, StoreWriteError | OSError)


def owner_made_read_only(path: Path) -> bool:
    """A file its owner made read-only (chmod 0400): refused, not rewritten back to 0600."""
    return path.exists() and not os.stat(path).st_mode & stat.S_IWUSR


def read_only_reason(path: Path) -> str | None:
    """Why ``path`` can be read but not saved (its owner made it read-only, or its folder cannot be
    written to), as a save would be refused; None when a save can go ahead."""
    try:
        if owner_made_read_only(path):
            return _("it is read-only; make it writable (chmod u+w) to save")
    except OSError:
        return None  # cannot be looked at: opening it says why
    if path.parent.exists() and not os.access(path.parent, os.W_OK):
        return _("its folder is read-only for you")
    return None


def written_path(path: Path) -> Path:
    """The file a save of ``path`` replaces: a symlink's target, so that a database linked into a synced
    folder stays one file rather than becoming a copy beside the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def write_owner_only(
    path: Path, payload: bytes | Sequence[bytes | memoryview], *, durable: bool = True
) -> None:
    """Atomically replace ``path`` with ``payload`` (or its pieces, one after the other), readable by
    the owner only; ``durable=False`` does not wait for the disk (for a file whose loss costs nothing).

    A symlink at ``path`` is followed: its target is replaced, in the target's folder (``written_path``)."""
    import tempfile  # here, not at the top: a command that only reads never loads it (~2 ms)

    path = written_path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise _about(path, error) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            for piece in [payload] if isinstance(payload, bytes) else payload:
                handle.write(piece)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temporary, OWNER_ONLY)
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise _about(path, error) from None
        raise
    if not durable:
        return
    with contextlib.suppress(OSError):
        directory = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


# How ``OPT_INDENT_2`` ends a table at the file's second level: no other line starts with two spaces
# and a brace, as deeper lines are indented further and JSON text holds no raw newline.
LAZY_TABLE_END = b"\n  }"


# Where the unparsed table goes while the rest is serialized: a NUL is never in orjson's output (it
# escapes control characters in text), so the first one found is this.
_PLACEHOLDER = b"\x00"


def leftover_temporary_files(path: Path) -> list[Path]:
    """Temporary files a crash between writing and replacing left beside ``path``; none in a folder
    this user cannot write to, where they cannot be removed and a reader can leave them be. Only the
    names ``write_owner_only`` gives them (tempfile's eight random letters, digits or underscores
    between the prefix and suffix it is given): ``.db.json.notes.tmp`` is someone else's."""
    if not os.access(path.parent, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        return []
    ours = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.tmp")
    return sorted(entry for entry in path.parent.iterdir() if ours.fullmatch(entry.name))


class AtomicJSONStorage(Storage):
    """Also safe between threads: ``lock`` is held by every read and write and for a whole batch, so
    the app can save in the background while its screen reads."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        lazy_table: str | None = None,
        known_layout: Callable[[tuple[int, int]], Layout | None] | None = None,
    ) -> None:
        """``lazy_table``, when given, is left unparsed in a file whose ``known_layout`` (by its size and
        CRC-32) says where it lies (``lazy_table.py``)."""
        self.path = Path(path)
        self.lazy_table = lazy_table
        self._known_layout = known_layout
        # Where the lazy table lies in the bytes last read or written, for the next reader.
        self.layout: Layout | None = None
        self.lock = threading.RLock()
        self._data: dict[str, dict[str, Any]] | None = None
        self._signature: tuple[int, int, int] | None = None
        # When the file was last seen to hold ``_data`` (ns): a change within a timestamp's grain of
        # that moment may have left the signature as it was, and then only the content can tell.
        self._seen_at = 0
        # The size and CRC-32 of the bytes last read or written: what ``checked.py`` names a content by.
        self.fingerprint: tuple[int, int] | None = None
        # While the store's lock is held no other dailyreach writes the file, so once it has been seen
        # to hold ``_data`` under the lock it needs no second look until the lock is let go: a command
        # reads the store tens of times just after its write, and each look costs a read of the file.
        self._locked = False
        self._settled = False
        self._pinned = 0
        self._batch_depth = 0
        self._dirty = False
        # Told once the file is opened what a file read anew must hold (None: nothing, no file); raises
        # StoreError when it does not hold it.
        self.check_read: Callable[[dict[str, Any] | None], None] | None = None
        # What was wrong with the file at the last look since it was opened (deleted, emptied, broken),
        # while reads go on with what it held when last seen whole (``_read_as_last_seen``); None: nothing.
        self.gone: str | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        with self.lock:
            return self._read()

    def store_locked(self, locked: bool) -> None:
        """Told by the store when it takes and lets go of its file lock."""
        with self.lock:
            self._locked, self._settled = locked, False

    def _read(self) -> dict[str, dict[str, Any]] | None:
        if (self._batch_depth or (self._pinned and not self._locked)) and self._data is not None:
            return self._data
        looked_at = time.time_ns()
        signature = file_signature(self.path)
        if signature is None:
            if not self._passes_check(None):
                return self._data
            self.forget()
            return None
        if signature == self._signature and self._data is not None:
            if self._settled or signature[1] + _timestamp_grain(signature[1]) < self._seen_at:
                return self._data  # any change since would have a later ctime
            raw = self._file_bytes()
            if (len(raw), zlib.crc32(raw)) == self.fingerprint:
                self._seen_at, self._settled = looked_at, self._locked
                return self._data
        else:
            raw = self._file_bytes()
        fingerprint = (len(raw), zlib.crc32(raw))
        layout = self._known_layout(fingerprint) if self._known_layout and self.lazy_table else None
        try:
            data = self._parse_lazily(raw, layout) if layout else None
            if data is None:
                data = parse_json_bytes(raw, self.path) if raw.strip() else {}
                layout = None
            if not isinstance(data, dict) or not all(isinstance(table, dict) for table in data.values()):
                raise StoreCorrupt(_not_a_database(self.path, data))
        except StoreError as error:
            if self._read_as_last_seen(error):
                return self._data
            raise
        if not self._passes_check(data):
            return self._data
        self._data, self._signature, self._seen_at = data, signature, looked_at
        self.fingerprint, self.layout = fingerprint, layout
        self._settled = self._locked
        return self._data

    def _passes_check(self, data: dict[str, Any] | None) -> bool:
        """Whether the file read anew (``data``; None: no file) holds what ``check_read`` asks; False when
        it does not and the read goes on with what it held when last seen whole (``_read_as_last_seen``).
        StoreError where that cannot be: under the store's lock, or with nothing seen yet. What was seen is
        kept either way: after a change refused under the lock, the reads that follow still go on with it."""
        if self.check_read is not None:
            try:
                self.check_read(data)
            except StoreError as error:
                if self._read_as_last_seen(error):
                    return False
                raise
        self.gone = None
        return True

    def _read_as_last_seen(self, error: StoreError) -> bool:
        """Whether a read goes on with what the file held when last seen whole, ``error`` kept in ``gone``:
        once the file was opened (``check_read`` told), outside the store's lock, where a change is made
        and ``error`` stands. A key in the app that reads the store must still act: a database deleted,
        emptied or broken under the open app stopped it at the next such key."""
        if self.check_read is None or self._locked or self._data is None:
            return False
        self.gone = str(error)
        return True

    def _file_bytes(self) -> bytes:
        try:
            return self.path.read_bytes()
        except PermissionError:
            raise StoreError(_(NOT_YOURS).format(path=self.path)) from None

    def _parse_lazily(self, raw: bytes, layout: Layout) -> dict[str, Any] | None:
        """The file parsed but for the lazy table, left as its bytes; None when they are not where the
        layout says (then the whole file is parsed)."""
        start, end, count = layout
        if count < 1 or raw[start : start + 1] != b"{" or raw[end - 4 : end] != LAZY_TABLE_END:
            return None
        data = parse_json_bytes(raw[:start] + b"{}" + raw[end:], self.path)
        assert self.lazy_table is not None
        if not isinstance(data, dict) or data.get(self.lazy_table) != {}:
            return None
        data[self.lazy_table] = LazyTable(
            raw, start, end, count, lambda part: parse_json_bytes(part, self.path)
        )
        return data

    def _serialized(self, data: dict[str, Any]) -> tuple[list[bytes | memoryview], Layout | None]:
        """The file's bytes, in pieces, and where the lazy table lies in them. A lazy table not parsed
        yet goes in as the bytes it was read from, never copied (orjson would see it as the empty dict
        it is underneath), its new records after them."""
        table = data.get(self.lazy_table) if self.lazy_table else None
        if not isinstance(table, LazyTable) or table.loaded:
            payload = orjson.dumps(data, option=orjson.OPT_INDENT_2)
            return [payload], self._layout_of(payload, data)
        assert self.lazy_table is not None
        around = orjson.dumps(
            {**data, self.lazy_table: orjson.Fragment(_PLACEHOLDER)}, option=orjson.OPT_INDENT_2
        )
        cut = around.index(_PLACEHOLDER)
        head, middle, tail = around[:cut], table.pieces(), around[cut + len(_PLACEHOLDER) :]
        start = len(head)
        return [head, *middle, tail], (start, start + sum(len(piece) for piece in middle), len(table))

    def _layout_of(self, payload: bytes, data: dict[str, Any]) -> Layout | None:
        """Where the lazy table lies in ``payload``, just written from ``data``."""
        table = data.get(self.lazy_table) if self.lazy_table else None
        if not table:
            return None
        key = b"\n  " + orjson.dumps(self.lazy_table) + b": "
        start = payload.find(key) + len(key)
        if start < len(key):
            return None
        end = payload.find(LAZY_TABLE_END, start) + len(LAZY_TABLE_END)
        return (start, end, len(table))

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        with self.lock:
            self._data = data
            if self._batch_depth:
                self._dirty = True
                return
            self._flush()

    def _flush(self) -> None:
        try:
            if owner_made_read_only(self.path):
                self.forget()
                raise StoreReadOnly(
                    _("could not save {path}: it is read-only; make it writable (chmod u+w) to save").format(
                        path=self.path
                    )
                )
            assert self._data is not None
            pieces, layout = self._serialized(self._data)
            write_owner_only(self.path, pieces)
        except OSError as error:
            self.forget()
            if error.errno in _READ_ONLY_ERRORS:
                raise StoreReadOnly(
                    _("could not save {path}: its folder is read-only for you ({problem})").format(
                        path=self.path, problem=os_reason(error)
                    )
                ) from error
            raise StoreWriteError(
                _("could not save {path}: {problem}").format(path=self.path, problem=os_reason(error))
            ) from error
        self._seen_at = time.time_ns()
        self._signature = file_signature(self.path)
        crc = 0
        for piece in pieces:
            crc = zlib.crc32(piece, crc)
        self.fingerprint, self.layout = (sum(len(piece) for piece in pieces), crc), layout
        self._settled = self._locked

    def forget(self) -> None:
        """Drop what is in memory, so the next read comes from the file."""
        self._data, self._signature, self.fingerprint, self.layout = None, None, None, None

    @contextlib.contextmanager
    def pinned(self) -> Iterator[None]:
        """Reads inside see the file as it was when the block began, looked at once rather than at each
        read (a screen reads the store tens of times to show one view, and just after a write each look
        reads the whole file). A write inside, under the store's lock, still looks at the file first."""
        with self.lock:
            self._read()
            self._pinned += 1
            try:
                yield
            finally:
                self._pinned -= 1

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the writes made inside into one write of the file; none if an error escapes."""
        with self.lock:
            self._read()
            self._batch_depth += 1
            try:
                yield
            except BaseException:
                self._batch_depth -= 1
                if not self._batch_depth:
                    self._dirty = False
                    self.forget()
                raise
            self._batch_depth -= 1
            if not self._batch_depth and self._dirty:
                self._dirty = False
                self._flush()

    def close(self) -> None:
        self.forget()
