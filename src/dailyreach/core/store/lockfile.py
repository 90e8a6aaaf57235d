"""The lock that keeps two dailyreach processes from changing the database at once.

On POSIX it is an exclusive ``fcntl.flock`` on a lock file beside the database: the lock filelock takes
there, so the two exclude each other. filelock itself is used where there is no ``fcntl`` and on a file
system without flock (it falls back to a lock of its own there). Importing filelock takes about 20 ms,
more than any other package on the command line's path, and a command needs only this much of it.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from typing import Any

POLL_SECONDS = 0.05
# What flock answers when another process holds the lock (EACCES on some file systems).
_HELD_ELSEWHERE = frozenset({errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES})
_NO_FLOCK = frozenset({errno.ENOSYS, errno.EOPNOTSUPP})


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

    def acquire(self) -> None:
        """Wait up to ``timeout`` seconds for the lock; LockTimeout if it stays held."""
        if not self._threads.acquire(timeout=self.timeout):
            raise LockTimeout(self.path)
        try:
            if not self._depth:
                self._lock_file(time.monotonic() + self.timeout)
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

    def _lock_file(self, deadline: float) -> None:
        if self._filelock is None and self._flock(deadline):
            return
        import filelock

        try:
            self._filelock.acquire(timeout=max(0.0, deadline - time.monotonic()))
        except filelock.Timeout:
            raise LockTimeout(self.path) from None

    def _flock(self, deadline: float) -> bool:
        """Take the flock, waiting until ``deadline``; False where flock cannot be used (filelock then is)."""
        try:
            import fcntl
        except ImportError:
            return self._use_filelock()
        descriptor, created = self._open()
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
                    if time.monotonic() >= deadline:
                        raise LockTimeout(self.path) from None
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
            return os.open(self.path, flags), False
        os.fchmod(descriptor, self.mode)
        return descriptor, True

    def _unlock_file(self) -> None:
        if self._descriptor is not None:
            descriptor, self._descriptor = self._descriptor, None
            os.close(descriptor)  # closing the only descriptor of the open file lets go of its flock
        elif self._filelock is not None:
            self._filelock.release()
