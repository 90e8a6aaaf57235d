"""A snoozed contact's follow-up is due no earlier than the day the snooze ends: ``pending``,
``pending --json``, ``status`` and the calendar export all say so, through the installed command."""

from datetime import timedelta

import icalendar

from dailyreach.core.records.dates import day_text
from dailyreach.core.records.model import Snooze
from dailyreach.core.store.store import Store
from tests.conftest import cli_json, run_cli


def test_pending_status_and_the_calendar_follow_the_snooze_of_an_overdue_follow_up(db, tmp_path):
    run_cli("settings", "--timezone", "UTC", db=db)
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    run_cli("log", ann, "dm_sent", "--at", "-5d", db=db)
    assert cli_json("pending", db=db)["pending"][0]["overdue"] is True
    assert (cli_json("status", db=db)["due"], cli_json("status", db=db)["overdue"]) == (1, 1)
    store = Store(db)
    today = store.local_today()
    until = today + timedelta(days=2)
    store.snooze(Snooze(contact_id=ann, until=until.isoformat()))

    (reply,) = cli_json("pending", db=db)["pending"]
    assert (reply["follow_up_due"], reply["overdue"]) == (until.isoformat(), False)
    lines = run_cli("pending", db=db).stdout.splitlines()
    assert "overdue" not in lines[1] and day_text(until, today) in lines[1]
    status = cli_json("status", db=db)
    assert (status["due"], status["overdue"], status["pending"]) == (0, 0, 1)

    run_cli("export", "--format", "ics", "-o", str(tmp_path / "follow-ups.ics"), db=db)
    calendar = icalendar.Calendar.from_ical((tmp_path / "follow-ups.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == until
