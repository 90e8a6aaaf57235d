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
