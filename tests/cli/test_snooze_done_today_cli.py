"""A contact already written to today and then snoozed stays in today's plan, shown done: ``today``,
``today --json`` and ``status`` all agree with the count."""

from datetime import timedelta

from dailyreach.core.records.model import Snooze
from dailyreach.core.store.store import Store
from tests.conftest import cli_json, run_cli


def test_today_keeps_a_contact_done_today_after_it_is_snoozed(db_path):
    run_cli("settings", "--goal", "2", "--timezone", "UTC", db=db_path)
    ann = run_cli("add", "Ann", "--x", "@ann", "--priority", "1", db=db_path).stdout.strip()
    run_cli("add", "Bob", "--x", "@bob", "--priority", "2", db=db_path)
    run_cli("add", "Cy", "--x", "@cy", "--priority", "3", db=db_path)
    run_cli("today", db=db_path)  # the plan is fixed the first time the day is looked at
    run_cli("log", ann, "dm_sent", "--at", "now", db=db_path)
    store = Store(db_path)
    store.snooze(Snooze(contact_id=ann, until=(store.local_today() + timedelta(days=2)).isoformat()))
    plan = cli_json("today", db=db_path)
    assert [(item["contact"]["name"], item["done"]) for item in plan["items"]] == [
        ("Ann", True),
        ("Bob", False),
    ]
    assert (plan["progress"], plan["goal"]) == (1, 2)
    lines = run_cli("today", db=db_path).stdout.splitlines()
    assert "1/2 today" in lines[0]
    assert [line.split("  ")[:2] for line in lines[1:]] == [["[x]", "Ann"], ["[ ]", "Bob"]]
    assert "1/2" in run_cli("status", db=db_path).stdout
