"""Crash reports: an unexpected error is told in one line, its traceback kept in a file for a bug report."""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

from dailyreach import __version__

CRASH_FOLDER = "crash-reports"


def write_crash_report(
    error: BaseException, beside: Path | None, argv: list[str] | None = None
) -> Path | None:
    """Write ``error``'s traceback to a new owner-only file in ``beside``'s folder (else the temp folder);
    its path, or None when no folder could take it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    text = (
        f"dailyreach {__version__}, Python {sys.version.split()[0]}, {sys.platform}\n"
        f"at {datetime.now(UTC).isoformat()}\n"
        f"arguments: {argv if argv is not None else sys.argv[1:]!r}\n\n"
        + "".join(traceback.format_exception(error))
    )
    folders = [beside.parent / CRASH_FOLDER] if beside is not None else []
    folders.append(Path(tempfile.gettempdir()) / f"dailyreach-{CRASH_FOLDER}")
    for folder in folders:
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f"crash-{stamp}-", suffix=".txt", dir=folder)
            with os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace") as report:
                report.write(text)
            return Path(name)
        except OSError:
            continue
    return None


def crash_told(
    error: BaseException, beside: Path | None, *, with_report: str, without_report: str, **values: str
) -> str:
    """The one line an unexpected error is told in, its report written: ``with_report`` (translated, with
    ``{kind}``, ``{report}`` and ``values``) naming the report's file, ``without_report`` (``{kind}`` and
    ``values``) when no folder could take it; safe to print on a terminal."""
    from dailyreach.core.records.text import terminal_safe

    report = write_crash_report(error, beside)
    kind = type(error).__name__
    said = (
        with_report.format(kind=kind, report=report, **values)
        if report
        else without_report.format(kind=kind, **values)
    )
    return terminal_safe(said)
