"""The lock that keeps two dailyreach processes from changing the database at once.

On POSIX it is an exclusive ``fcntl.flock`` on a lock file beside the database: the lock filelock takes
there, so the two exclude each other. filelock itself is used where there is no ``fcntl`` and on a file
system without flock (it falls back to a lock of its own there). Importing filelock takes about 20 ms,
more than any other package on the command line's path, and a command needs only this much of it.

In a folder this user cannot write to (another user's, a read-only mount, ``chmod a-w``), an existing
lock file is opened for reading only (flock needs no more), so it still excludes every writer. Where
there is no lock file and none can be made, the database is read without the lock: that is safe
because every writer replaces the file in one ``os.replace``, so a reader always sees one whole version
of it; the lock only keeps two read-modify-writes apart. No write can happen unlocked, since a write
needs a temporary file in the database's folder: unlocked reading is allowed only when that folder is
not writable either. The lock file lies beside the database itself, a link to it followed, as a save
replaces the file it links to.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable
from typing import Any

POLL_SECONDS = 0.05
# How long the lock may be held elsewhere before an acquire's ``on_wait`` hears that it is waited for.
NOTICE_AFTER_SECONDS = 0.5
# What flock answers when another process holds the lock (EACCES on some file systems).
_HELD_ELSEWHERE = frozenset({errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES})
_NO_FLOCK = frozenset({errno.ENOSYS, errno.EOPNOTSUPP})
# What opening or making a file answers in a folder or on a mount this user cannot write to.
_READ_ONLY = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


class LockTimeout(Exception):
    pass


class FileLock:
    """Held by one thread at a time, which may take it again inside (each acquire needs a release)."""

    def __init__(self, path: str, *, timeout: float, mode: int) -> None:
        self.path = path
        self.timeout = timeout
        self.mode = mode
        self._threads = threading.RLock()
        self._depth = 0
        self._descriptor: int | None = None
        self._filelock: Any = None  # filelock's lock, where flock cannot be used

    def acquire(self, on_wait: Callable[[], None] | None = None) -> None:
        """Wait up to ``timeout`` seconds for the lock; LockTimeout if it stays held. ``on_wait`` is called
        once if another process keeps it waiting more than a moment (where flock is used), so that a
        person can be told why nothing happens yet."""
        if not self._threads.acquire(timeout=self.timeout):
            raise LockTimeout(self.path)
        try:
            if not self._depth:
                self._lock_file(time.monotonic() + self.timeout, on_wait)
        except BaseException:
            self._threads.release()
            raise
        self._depth += 1

    def release(self) -> None:
        self._depth -= 1
        try:
            if not self._depth:
                self._unlock_file()
        finally:
            self._threads.release()

    def _lock_file(self, deadline: float, on_wait: Callable[[], None] | None) -> None:
        if self._filelock is None and self._flock(deadline, on_wait):
            return
        import filelock

        try:
            self._filelock.acquire(timeout=max(0.0, deadline - time.monotonic()))
        except filelock.Timeout:
            raise LockTimeout(self.path) from None

    def _flock(self, deadline: float, on_wait: Callable[[], None] | None) -> bool:
        """Take the flock, waiting until ``deadline``; False where flock cannot be used (filelock then is)."""
        try:
            import fcntl
        except ImportError:
            return self._use_filelock()
        try:
            descriptor, created = self._open()
        except OSError as error:
            if error.errno in _READ_ONLY and not self._guarded_file_writable():
                return True  # read without the lock: see the module's docstring for why that is safe
            raise
        notice_at = time.monotonic() + NOTICE_AFTER_SECONDS
        try:
            while True:
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except OSError as error:
                    if error.errno in _NO_FLOCK:
                        os.close(descriptor)
                        if created:  # filelock's own lock there is the file's existence
                            os.unlink(self.path)
                        return self._use_filelock()
                    if error.errno not in _HELD_ELSEWHERE:
                        raise
                    now = time.monotonic()
                    if now >= deadline:
                        raise LockTimeout(self.path) from None
                    if on_wait is not None and now >= notice_at:
                        on_wait()
                        on_wait = None
                time.sleep(POLL_SECONDS)
        except BaseException:
            os.close(descriptor)
            raise
        self._descriptor = descriptor
        return True

    def _use_filelock(self) -> bool:
        import filelock

        self._filelock = filelock.FileLock(self.path, mode=self.mode)
        return False

    def _open(self) -> tuple[int, bool]:
        """The lock file and whether it was made now, with ``mode`` whatever the umask. It is never
        truncated, and never removed once locked: a waiter holding the old file would lock something no
        one else does."""
        flags = os.O_RDWR | getattr(os, "O_NOFOLLOW", 0)
        try:
            descriptor = os.open(self.path, flags | os.O_CREAT | os.O_EXCL, self.mode)
        except FileExistsError:
            try:
                return os.open(self.path, flags), False
            except OSError as error:
                if error.errno not in _READ_ONLY:
                    raise
                return os.open(self.path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), False
        os.fchmod(descriptor, self.mode)
        return descriptor, True

    def _guarded_file_writable(self) -> bool:
        """Whether this user could replace the file the lock guards (named as the lock, less ``.lock``):
        its temporary file goes in the folder of the symlink's target, where there is one."""
        folder = os.path.dirname(os.path.realpath(self.path.removesuffix(".lock")))
        return os.access(folder, os.W_OK, effective_ids=os.access in os.supports_effective_ids)

    def _unlock_file(self) -> None:
        if self._descriptor is not None:
            descriptor, self._descriptor = self._descriptor, None
            os.close(descriptor)  # closing the only descriptor of the open file lets go of its flock
        elif self._filelock is not None:
            self._filelock.release()
