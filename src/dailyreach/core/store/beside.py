"""The files kept beside a database, each named by a suffix on the database's own name: none may be
written over by an export, and each module that keeps one takes its suffix from here."""

from __future__ import annotations

import os
from pathlib import Path

LOCK_SUFFIX = ".lock"  # taken by each process that reads or writes the database (``lockfile.py``)
STATUS_SUFFIX = ".status"  # the day's figures the shell prompt reads (``planning/status.py``)
CHECKED_SUFFIX = ".checked"  # what was found in the file when last read whole (``checked.py``)
REVIEW_SUFFIX = ".review"  # the week the app last offered its weekly review
KEPT_BESIDE = (LOCK_SUFFIX, STATUS_SUFFIX, CHECKED_SUFFIX, REVIEW_SUFFIX)


def beside(db: Path, suffix: str) -> Path:
    return db.with_name(db.name + suffix)


def kept_for(path: Path, db: Path) -> str | None:
    """Which of the database's files ``path`` names, however either is written (relative, through a
    link to it or to its folder): "" for the database itself, a suffix for one kept beside it; None for
    any other file. (A second hard link is another name: replacing it leaves the database as it is.)"""
    target, database = os.path.realpath(path), os.path.realpath(db)
    if target == database:
        return ""
    # Beside the name the database is given by (the status record, the check), and beside the file it
    # names (the lock): the two differ when that name is a link.
    return next(
        (
            suffix
            for suffix in KEPT_BESIDE
            if target in (database + suffix, os.path.realpath(beside(db, suffix)))
        ),
        None,
    )
