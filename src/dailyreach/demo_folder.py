"""The throwaway folder a ``--demo`` store lives in: removed as the program ends, and when the program was
killed before it could be (a terminal closed under the app), by the next ``--demo``."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

PREFIX = "dailyreach-demo-"
OWNER = "pid"  # the file in the folder naming the process it belongs to


def demo_folder() -> tempfile.TemporaryDirectory[str]:
    """A new owner-only folder, this process's, after removing those of processes gone."""
    remove_abandoned()
    folder = tempfile.TemporaryDirectory(prefix=PREFIX)
    Path(folder.name, OWNER).write_text(str(os.getpid()), encoding="ascii")
    return folder


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
