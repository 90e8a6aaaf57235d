"""An unexpected error's report: where it is written, readable by its owner only, and what it holds.
(The app and the commands are tested to write one; here is what one is.)"""

import re
import stat
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from dailyreach import __version__
from dailyreach.core.crash import CRASH_FOLDER, crash_told, write_crash_report


def failed(message: str) -> BaseException:
    try:
        raise RuntimeError(message)
    except RuntimeError as error:
        return error


def test_a_report_is_written_beside_the_database_with_what_a_bug_report_needs(tmp_path):
    before = datetime.now(UTC).replace(microsecond=0)
    report = write_crash_report(failed("boom \udcff"), tmp_path / "db.json", argv=["today", "--json"])
    assert report is not None and report.parent == tmp_path / CRASH_FOLDER
    assert stat.S_IMODE(report.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    stamp = re.fullmatch(r"crash-(\d{8}T\d{6})-\w+\.txt", report.name)
    assert stamp, report.name
    written = datetime.strptime(stamp[1], "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
    assert before <= written <= datetime.now(UTC)
    lines = report.read_text(encoding="utf-8").splitlines()
    python = sys.version.split()[0]
    assert lines[0] == f"dailyreach {__version__}, Python {python}, {sys.platform}"
    at = datetime.fromisoformat(lines[1].removeprefix("at "))
    assert at.utcoffset() == timedelta(0) and before <= at
    assert lines[2] == "arguments: ['today', '--json']"
    assert lines[4] == "Traceback (most recent call last):"
    # A character no encoding takes is written escaped, not lost with the whole report.
    assert lines[-1] == "RuntimeError: boom \\udcff"


def test_the_arguments_are_the_commands_own_when_none_are_given(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["dailyreach", "log", "ann", "dm_sent"])
    report = write_crash_report(failed("x"), tmp_path / "db.json")
    assert report is not None
    assert report.read_text().splitlines()[2] == "arguments: ['log', 'ann', 'dm_sent']"


def test_a_folder_that_cannot_be_made_sends_the_report_to_the_temporary_folder(tmp_path):
    blocked = tmp_path / "a file"
    blocked.write_text("")  # its crash-reports folder would be inside a file
    report = write_crash_report(failed("x"), blocked / "db.json")
    assert report is not None and report.parent == Path(tempfile.gettempdir()) / f"dailyreach-{CRASH_FOLDER}"
    report.unlink()


def test_the_line_told_names_the_report_or_says_there_is_none(tmp_path):
    said = crash_told(failed("x"), tmp_path / "db.json", with_report="{kind}: {report}", without_report="-")
    kind, _, report = said.partition(": ")
    assert kind == "RuntimeError" and Path(report).parent == tmp_path / CRASH_FOLDER


def test_with_no_folder_to_take_it_the_line_says_so_without_a_report(tmp_path, monkeypatch):
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(blocked))
    assert write_crash_report(failed("x"), None) is None
    said = crash_told(failed("x"), None, with_report="{kind}: {report}", without_report="{kind}, no report")
    assert said == "RuntimeError, no report"
