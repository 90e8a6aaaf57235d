"""--at reads an offset in English words as it reads 3日前 in Japanese."""

import json
from datetime import UTC, datetime, timedelta

from tests.conftest import run_cli


def test_a_log_at_three_days_ago_is_logged_three_days_back(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    run_cli("log", "ann", "dm_sent", "--at", "3 days ago", db=db)
    pending = json.loads(run_cli("pending", "--json", db=db).stdout)["pending"]
    assert [reply["days_waiting"] for reply in pending] == [3]


def test_a_log_back_dated_to_a_day_and_a_time_of_it(tmp_path):
    db = tmp_path / "db.json"
    run_cli("settings", "--timezone", "UTC", db=db)
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    run_cli("log", ann, "dm_sent", "--at", "yesterday 9pm", db=db)
    [sent] = json.loads(run_cli("export", db=db).stdout)["interactions"]
    yesterday = (datetime.now(UTC) - timedelta(days=1)).date()
    assert sent["at"] == f"{yesterday.isoformat()}T21:00:00+00:00"


def test_log_at_an_offset_of_a_day_says_so_and_logs_nothing(tmp_path):
    """pendulum read +24:00 into a time no datetime could write: the command stopped on a crash report."""
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    before = db.read_bytes()
    result = run_cli("log", "Ann", "dm_sent", "--at", "2026-12-01T22:00+24:00", db=db, check=False)
    assert result.returncode == 1
    assert result.stderr == (
        "Error: --at: '2026-12-01T22:00+24:00' is not a time: an offset from UTC is -23:59 to +23:59\n"
    )
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*crash*"))
