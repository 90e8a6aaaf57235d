"""The throwaway folder a ``--demo`` store lives in: removed as the program ends, and when the program was
killed before it could be (a terminal closed under the app), by the next ``--demo``."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "dailyreach-demo-"
OWNER = "pid"  # the file in the folder naming the process it belongs to
# Names the folder of the demo the app ran before it started again in a new language.
KEPT = "DAILYREACH_DEMO_KEPT"


def new_demo_folder() -> Path:
    """A new owner-only folder, this process's, after removing those of processes gone. Removed by its
    caller (``demo_folder`` does), not at the interpreter's exit: the app's kept through a restart."""
    remove_abandoned()
    folder = Path(tempfile.mkdtemp(prefix=PREFIX))
    (folder / OWNER).write_text(str(os.getpid()), encoding="ascii")
    return folder


@contextmanager
def demo_folder() -> Iterator[Path]:
    """A new demo folder, removed as the block ends."""
    folder = new_demo_folder()
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def kept_demo() -> Path | None:
    """The folder ``KEPT`` names when this very process made it before it started again (``os.execv``
    keeps the pid), so that its demo goes on; None for none, or any other folder, which is left alone."""
    named = os.environ.pop(KEPT, None)
    if not named:
        return None
    folder = Path(named)
    try:
        owner = (folder / OWNER).read_text(encoding="ascii")
    except OSError:
        return None
    ours = folder.parent == Path(tempfile.gettempdir()) and folder.name.startswith(PREFIX)
    return folder if ours and owner == str(os.getpid()) else None


def in_a_demo(db: Path) -> bool:
    """Whether the database ``db`` is a demo's, in a folder this module made."""
    folder = db.expanduser().resolve().parent
    return folder.parent == Path(tempfile.gettempdir()).resolve() and folder.name.startswith(PREFIX)


def remove_abandoned() -> None:
    for path in Path(tempfile.gettempdir()).glob(f"{PREFIX}*"):
        try:
            owner = int((path / OWNER).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # being made, or not one of ours: left alone
        if not _running(owner):
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
