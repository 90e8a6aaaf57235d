"""Writing a file the user named (an export): whole or not at all, and never over a file by accident.

The bytes go to a temporary file beside the target, are fsynced, then take the target's name in one
step: ``os.link`` when the target must not be replaced (it fails if the name exists, so of two
processes exporting to one name exactly one wins), ``os.replace`` when it may be. The temporary file
is removed on every way out of the function; one left by a killed process (its id is in the name) is
removed by the next write into that folder.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from dailyreach.core.errors import NotAFile, os_reason
from dailyreach.i18n import _

OWNER_ONLY = 0o600
_MARK = ".dailyreach-"
# Where a file system has no hard links, the name is claimed by creating it exclusively instead.
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS})


def write_new_file(path: Path, payload: bytes, *, replace: bool = False) -> None:
    """Write ``payload`` to ``path``, readable by the owner only; FileExistsError if ``path`` exists
    and ``replace`` is false, NotAFile if it is not a file to replace. An OSError names ``path``, never
    the temporary file.

    A symlink at ``path`` is followed, as the database's is: replaced, the link became a copy and its
    target was left as it was (``/dev/stdout`` turned into a plain file, for root)."""
    _refuse_if_not_a_file(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        _remove_leftovers(target.parent)
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}{_MARK}{os.getpid()}-", suffix=".tmp"
        )
    except OSError as error:
        raise _naming(error, path) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, OWNER_ONLY)
        if replace:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target)
    except FileExistsError:
        raise FileExistsError(
            _("{path} already exists; choose another name or replace it with --force").format(path=path)
        ) from None
    except OSError as error:
        raise _naming(error, path) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    with contextlib.suppress(OSError):
        directory = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)


def _refuse_if_not_a_file(path: Path) -> None:
    """Replacing /dev/full or a named pipe made it a plain file (as root), and --force cannot help a
    folder: either is refused as what it is, not as a file that exists."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # nothing there yet (or nothing to be seen): the write says what is wrong, if anything
    if not stat.S_ISREG(mode):
        raise NotAFile(
            _("{path} is not a file (a folder, a device or a pipe): name a file to export to").format(
                path=path
            )
        )


def _link_new(temporary: str, path: Path) -> None:
    """Give the temporary file the name ``path``; FileExistsError if the name is taken."""
    try:
        os.link(temporary, path, follow_symlinks=False)
    except OSError as error:
        if error.errno not in _NO_HARD_LINKS:
            raise
        # Claimed by exclusive creation, then filled by a replace: the content still arrives whole.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY))
        os.replace(temporary, path)


def _naming(error: OSError, path: Path) -> OSError:
    """The same error, about the user's path rather than the temporary file."""
    problem = os_reason(error)
    if error.errno == errno.ENOENT and not path.parent.is_dir():
        problem = _("{problem} (there is no folder {folder})").format(problem=problem, folder=path.parent)
    return type(error)(error.errno, problem, str(path))


def _remove_leftovers(folder: Path) -> None:
    """Temporary files whose writing process is gone: it was killed between writing and renaming.
    A file of a process still running is its export in progress and is left alone."""
    for leftover in folder.glob(f".*{_MARK}*-*.tmp"):
        pid = leftover.name.rpartition(_MARK)[2].partition("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True
