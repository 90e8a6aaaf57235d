"""``dailyreach status`` through the installed command: the line, its bad input, and what it imports."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dailyreach.cli.status_line import read_record
from dailyreach.config import write_starter_config
from dailyreach.core.records.model import Settings
from dailyreach.core.store.lockfile import FileLock
from dailyreach.core.store.store import Store
from dailyreach.paths import default_config_path, default_db_path, is_default_db
from dailyreach.tui.keymap import binding_ids
from tests.conftest import DAILYREACH, run_cli


@pytest.fixture(autouse=True)
def own_config(tmp_path: Path, monkeypatch) -> Path:
    """A config file of the test's own (none yet), not the user's."""
    path = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("DAILYREACH_CONFIG", str(path))
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "db.json"
    ann = run_cli("add", "Ann Smith", "--x", "@ann", db=path).stdout.strip()
    run_cli("add", "Bob", "--x", "@bob", db=path)
    run_cli("log", ann, "dm_sent", db=path)
    return path


def status(*args: str, db: Path) -> subprocess.CompletedProcess:
    return run_cli("status", *args, db=db, check=False)


def status_within(seconds: float, *args: str, db: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DAILYREACH_DB": str(db), "TZ": "UTC"}
    return subprocess.run(
        [DAILYREACH, "status", *args], capture_output=True, text=True, env=environment, timeout=seconds
    )


def test_a_read_only_database_still_gives_its_line_and_is_not_written(db):
    # Refreshing the figures wrote the file's summaries first: refused, the prompt went blank.
    db.with_name(db.name + ".status").unlink()
    before = db.read_bytes()
    db.chmod(0o400)
    assert status(db=db).stdout == "dr 1/5 · 0 due\n"
    assert db.read_bytes() == before
    assert read_record(str(db.with_name(db.name + ".status"))) is not None


def test_the_default_line_the_named_fields_and_json(db):
    assert status(db=db).stdout == "dr 1/5 · 0 due\n"
    line = status("--format", "{done}+{left}={goal} {pending} waiting, {streak}d, next {next}", db=db).stdout
    assert line == "1+4=5 1 waiting, 1d, next Bob\n"
    assert json.loads(status("--json", db=db).stdout) == {
        "done": 1,
        "goal": 5,
        "left": 4,
        "due": 0,
        "overdue": 0,
        "pending": 1,
        "streak": 1,
        "next": "Bob",
    }


def test_global_options_before_the_command_are_read_too(db, tmp_path):
    result = run_cli("--db", str(db), "status", "--format={done}", db=tmp_path / "other.json")
    assert result.stdout == "1\n"


def test_quiet_when_done_prints_nothing_once_the_goal_is_met_and_nothing_is_overdue(tmp_path):
    db = tmp_path / "db.json"
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    Store(db).save_settings(Settings(daily_goal=1))
    assert status("--quiet-when-done", db=db).stdout == "dr 0/1 · 0 due\n"
    run_cli("log", ann, "dm_sent", db=db)
    assert status("--quiet-when-done", db=db).stdout == ""
    assert status(db=db).stdout == "dr 1/1 · 0 due\n"
    bob = run_cli("add", "Bob", "--x", "@bob", db=db).stdout.strip()
    run_cli("log", bob, "dm_sent", "--at", "2026-01-05T09:00", db=db)  # long overdue a follow-up
    assert status("--quiet-when-done", "--format", "{overdue}", db=db).stdout == "1\n"


def test_no_store_prints_nothing_and_says_why_only_when_asked(tmp_path):
    db = tmp_path / "none.json"
    quiet = status(db=db)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    told = status("--verbose", db=db)
    assert (told.returncode, told.stdout) == (0, "")
    assert "no database" in told.stderr and str(db) in told.stderr
    assert not db.exists()


def test_a_corrupt_store_prints_nothing_and_is_left_alone(db):
    db.write_text("{broken")
    result = status("--verbose", db=db)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert db.read_text() == "{broken"


def test_a_stale_record_from_yesterday_is_figured_again_and_written_back(db):
    record = Path(f"{db}.status")
    text = record.read_text().replace("\ndone 1\n", "\ndone 4\n")
    lines = [line if not line.startswith("until ") else "until 1000" for line in text.splitlines()]
    record.write_text("\n".join(lines) + "\n")
    assert status(db=db).stdout == "dr 1/5 · 0 due\n"
    rewritten = read_record(str(record))
    assert rewritten is not None and rewritten["done"] == "1" and float(rewritten["until"]) > 1000


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])
def test_a_prompt_in_another_timezone_reads_that_zones_day(db, zone):
    """The record held the figures of the zone it was written in: after a look at today under one TZ, a
    prompt under another (a laptop taken abroad) showed the first zone's day until midnight there."""
    run_cli("log", "Bob", "dm_sent", "--at", "-11h", db=db)
    run_cli("today", db=db, env={"TZ": "UTC"})  # the record written in UTC
    zones = []
    for tz in (zone, "UTC", "UTC"):
        # The prompt first: today writes the record again in its own zone.
        shown = run_cli("status", "--format", "{done}", db=db, env={"TZ": tz}).stdout
        progress = json.loads(run_cli("today", "--json", db=db, env={"TZ": tz}).stdout)["progress"]
        assert shown == f"{progress}\n", tz
        record = read_record(f"{db}.status")
        assert record is not None
        zones.append(record["zone"])
    assert zones[0] != zones[1] == zones[2]


def with_record_line(db: Path, name: str, value: str) -> None:
    """The status record beside ``db`` with its line ``name`` saying ``value``."""
    record = Path(f"{db}.status")
    lines = record.read_text().splitlines()
    named = [index for index, line in enumerate(lines) if line.split(" ")[0] == name]
    assert len(named) == 1, f"the record has no one line {name}: {lines}"
    lines[named[0]] = f"{name} {value}"
    record.write_text("\n".join(lines) + "\n")


def test_a_record_of_a_day_to_come_is_figured_again(db):
    """Written while the clock ran ahead (a wrong clock, a virtual machine resumed), the record held that
    day's figures, and the prompt showed them once the clock was put back, until the next change."""
    with_record_line(db, "since", str(4_102_444_800))  # 2100-01-01
    with_record_line(db, "done", "4")
    assert status(db=db).stdout == "dr 1/5 · 0 due\n"


def test_a_store_locked_past_midnight_shows_no_figures_of_the_day_before(db):
    with_record_line(db, "until", "1000")
    held = FileLock(f"{db}.lock", timeout=0, mode=0o600)
    held.acquire()
    try:
        result = status_within(5, "--verbose", db=db)
    finally:
        held.release()
    assert (result.returncode, result.stdout) == (0, "")
    assert "locked by another dailyreach; the last figures written are of another day" in result.stderr


def test_a_locked_store_prints_the_last_figures_without_waiting(db):
    record = Path(f"{db}.status")
    with_record_line(db, "signature", "1 2 3")  # of this day, and of the store before another change
    held = FileLock(f"{db}.lock", timeout=0, mode=0o600)
    held.acquire()
    try:
        # The store waits 10 s for its lock; the timeout fails the test long before that.
        result = status_within(5, "--verbose", db=db)
        assert (result.returncode, result.stdout) == (0, "dr 1/5 · 0 due\n")
        assert "locked" in result.stderr
        record.unlink()
        assert status_within(5, db=db).stdout == ""
    finally:
        held.release()


def test_a_change_by_another_program_is_noticed(db):
    data = json.loads(db.read_text())
    data["interactions"] = {}
    data["_meta"].pop("derived", None)
    db.write_text(json.dumps(data))
    assert status("--format", "{done} {pending}", db=db).stdout == "0 0\n"


@pytest.mark.parametrize(
    ("fmt", "said"),
    [
        ("{nope}", "unknown field {nope}"),
        ("{done", "cannot be used"),
        ("{done:q}", "cannot be used"),
        ("{done:>99999999999}", "at most 999 wide"),
        ("{done:.99999999999}", "at most 999 wide"),
        ("{next:>9999}", "at most 999 wide"),
        ("{done.__class__}", "unknown field {done.__class__}"),
        ("{done[0]}", "unknown field {done[0]}"),
        # Python's own words were "Single '}' encountered in format string".
        ("}", "--format '}' cannot be used: a } closes no field: write }} for one"),
        ("{done} of }{goal}", "a } closes no field: write }} for one"),
        ("{done}}", "a } closes no field: write }} for one"),
        ("{{done}} {done", "a field is not closed with }"),
    ],
)
def test_a_bad_format_says_so_in_one_line_and_changes_nothing(db, fmt, said):
    record = Path(f"{db}.status")
    before = (db.read_bytes(), record.read_bytes())
    result = status("--format", fmt, db=db)
    assert (result.returncode, result.stdout) == (2, "")
    assert said in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert (db.read_bytes(), record.read_bytes()) == before


def test_the_default_paths_are_platformdirs_folders(monkeypatch, tmp_path):
    import platformdirs

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = platformdirs.user_data_path("dailyreach", appauthor=False) / "dailyreach.json"
    assert default_db_path() == str(expected)
    assert default_config_path() == str(
        platformdirs.user_config_path("dailyreach", appauthor=False) / "config.toml"
    )


def test_the_default_database_is_known_however_it_is_written(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "~/data")
    monkeypatch.chdir(tmp_path)
    assert is_default_db("~/data/dailyreach/dailyreach.json")
    assert is_default_db(tmp_path / "data" / "dailyreach" / "dailyreach.json")
    assert is_default_db("data/dailyreach/../dailyreach/dailyreach.json")
    assert not is_default_db("data/dailyreach.json")


# What the installed ``dailyreach`` script runs, reporting every module loaded after Python's start.
PROBE = """
import atexit, sys
before = set(sys.modules)
atexit.register(lambda: print('LOADED', *sorted(set(sys.modules) - before), file=sys.stderr))
sys.argv[0] = 'dailyreach'
from dailyreach.cli import main
sys.exit(main())
"""
# The whole of what ``status`` may load on its usual path. A new import here slows every prompt
# (``dailyreach.paths`` is the default paths, with ``os`` and ``sys`` alone; gc is built in).
STATUS_LOADS = {"gc", "dailyreach", "dailyreach.cli", "dailyreach.paths", "dailyreach.cli.status_line"}


@pytest.mark.parametrize("args", [(), ("--json",), ("--format", "{next}"), ("--quiet-when-done",)])
@pytest.mark.parametrize("config", ["none", "the app's first"])
def test_status_loads_nothing_but_its_own_module(db, args, config, own_config):
    if config != "none":  # every choice in it commented out, language and [status] among them
        write_starter_config(own_config, binding_ids())
    result = subprocess.run(
        [sys.executable, "-c", PROBE, "status", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "DAILYREACH_DB": str(db)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    loaded = set(result.stderr.splitlines()[-1].split()[1:])
    assert loaded == STATUS_LOADS


def test_the_config_file_sets_the_line_and_quiet_when_done_and_options_win(db, own_config):
    own_config.parent.mkdir()
    own_config.write_text('theme = "nord"\n\n[status]\nformat = "{done} of {goal}"\nquiet_when_done = true\n')
    assert status(db=db).stdout == "1 of 5\n"
    assert status("--format", "{left} left", db=db).stdout == "4 left\n"
    Store(db).save_settings(Settings(daily_goal=1))
    assert status(db=db).stdout == ""


def test_a_broken_config_file_is_passed_over(db, own_config):
    own_config.parent.mkdir()
    own_config.write_text("[status]\nformat = \n")
    result = status("--verbose", db=db)
    assert (result.returncode, result.stdout) == (0, "dr 1/5 · 0 due\n")
    assert "[status] was not read" in result.stderr


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('[status\nformat = "{done}"\n', "[status] was not read"),
        ('[status]\nfromat = "{done}"\n', "status.fromat is not a setting: format, quiet_when_done are"),
        ('[status]\nquiet_when_done = "yes"\n', "status.quiet_when_done must be true or false"),
    ],
)
def test_a_status_table_not_as_its_settings_are_written_is_said_with_verbose(db, own_config, text, said):
    """Passed over without a word, even with --verbose: a typo left the user wondering."""
    own_config.parent.mkdir()
    own_config.write_text(text)
    quiet = status(db=db)
    assert (quiet.stdout, quiet.stderr) == ("dr 1/5 · 0 due\n", "")
    told = status("--verbose", db=db)
    assert told.stdout == "dr 1/5 · 0 due\n" and said in told.stderr


def test_json_with_a_format_is_refused_where_the_format_was_passed_over(db):
    result = status("--json", "--format", "{done}", db=db)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "dailyreach status: --json gives every field: --format goes without it\n"


def test_quiet_when_done_says_why_it_printed_nothing_with_verbose(db):
    Store(db).save_settings(Settings(daily_goal=1))
    result = status("--quiet-when-done", "--verbose", db=db)
    assert (result.stdout, result.stderr) == (
        "",
        "dailyreach status: the goal is met and nothing is overdue: quiet when done\n",
    )


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ('format = "{nope}"', "unknown field {nope} in [status] format in "),
        ('format = "{done"', "[status] format in "),
        ("format = 5", "status.format must be text in quotes"),
    ],
)
def test_a_bad_format_in_the_config_is_passed_over_quietly_and_said_with_verbose(db, own_config, line, said):
    own_config.parent.mkdir()
    own_config.write_text(f"[status]\n{line}\n")
    quiet = status(db=db)
    assert (quiet.returncode, quiet.stderr) == (0, "")
    assert quiet.stdout in ("", "dr 1/5 · 0 due\n")  # a prompt shows no error at every turn
    told = status("--verbose", db=db)
    assert told.returncode == 0 and said in told.stderr and str(own_config) in told.stderr
    assert "--format" not in told.stderr


@pytest.mark.parametrize(
    ("environment", "japanese"),
    [
        ({"DAILYREACH_LANG": "ja"}, True),
        ({"LANG": "ja_JP.UTF-8"}, True),
        ({"LANG": "ja_JP.UTF-8", "DAILYREACH_LANG": "en"}, False),
        ({"LANG": "C.UTF-8"}, False),
    ],
)
def test_the_default_line_is_in_the_interfaces_language(db, environment, japanese):
    english = run_cli("status", db=db, check=False, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C"})
    done, due = re.fullmatch(r"dr (\d+)/5 · (\d+) due\n", english.stdout).groups()
    result = run_cli("status", db=db, check=False, env={"LC_ALL": "", "LC_MESSAGES": "", **environment})
    expected = f"dr {done}/5 · 期限 {due}件\n" if japanese else english.stdout
    assert (result.returncode, result.stdout) == (0, expected)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("status = 5\n", "[status] must be a table"),
        ("status.format = 5\n", "status.format must be text in quotes"),
        ('status.format = "{done} done"\n', None),
    ],
)
def test_a_status_table_written_as_top_level_keys_is_read_and_checked(db, own_config, text, said):
    # Only a line starting "[status" was looked for: status = 5 passed unsaid, status.format unread.
    own_config.parent.mkdir()
    own_config.write_text(text)
    told = status("--verbose", db=db)
    if said is None:
        assert (told.stdout, told.stderr) == ("1 done\n", "")
    else:
        assert said in told.stderr and str(own_config) in told.stderr
