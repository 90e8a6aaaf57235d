"""The status figures and the record the store keeps beside itself for ``dailyreach status``."""

from __future__ import annotations

import os
import stat
from datetime import datetime
from zoneinfo import ZoneInfo

import pendulum

from dailyreach.cli import status_line
from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.planning.status import (
    FIELDS,
    UnwrittenRecord,
    record_path,
    refresh_status_record,
    status_figures,
)
from dailyreach.core.records.model import Settings
from dailyreach.core.store.lockfile import FileLock
from dailyreach.core.store.store import Store
from tests.conftest import TOKYO, add_contact, log


def record(store: Store) -> dict[str, str]:
    found = status_line.read_record(str(record_path(store.path)))
    assert found is not None
    return found


def figures(store: Store) -> dict[str, str]:
    return {name: record(store)[name] for name in FIELDS}


def test_an_empty_store_has_only_its_goal(store):
    assert figures(store) == {
        "done": "0",
        "goal": "5",
        "left": "5",
        "due": "0",
        "overdue": "0",
        "pending": "0",
        "streak": "0",
        "next": "",
    }


def test_the_record_is_readable_by_its_owner_only_and_names_the_file_it_was_read_from(store):
    assert stat.S_IMODE(os.stat(record_path(store.path)).st_mode) == 0o600
    assert record(store)["signature"] == status_line.signature(str(store.path))


def test_each_change_and_its_undo_refresh_the_record(store):
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann"})
    assert record(store)["next"] == "Ann Smith"
    log(store, ann, "dm_sent")
    assert (record(store)["done"], record(store)["next"]) == ("1", "")
    store.undo()
    assert (record(store)["done"], record(store)["next"]) == ("0", "Ann Smith")
    assert record(store)["signature"] == status_line.signature(str(store.path))


def test_a_met_goal_leaves_nothing_to_do(store):
    store.save_settings(Settings(timezone=TOKYO, daily_goal=2))
    for name in ("Ann", "Bob"):
        log(store, add_contact(store, name, handles={"x": f"@{name}"}), "dm_sent")
    assert {name: figures(store)[name] for name in ("done", "goal", "left", "streak")} == {
        "done": "2",
        "goal": "2",
        "left": "0",
        "streak": "1",
    }


def test_follow_ups_due_today_and_overdue_are_counted_apart(store, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    carol = add_contact(store, "Carol", handles={"x": "@carol"})
    days = store.settings().followup_days_for("x")
    log(store, ann, "dm_sent", at=clock.now().subtract(days=days + 3))  # overdue
    log(store, bob, "dm_sent", at=clock.now().subtract(days=days))  # due today
    log(store, carol, "dm_sent", at=clock.now().subtract(days=1))  # waiting, not due
    found = status_figures(store)
    assert (found.due, found.overdue, found.pending) == (2, 1, 3)
    assert (record(store)["due"], record(store)["overdue"]) == ("2", "1")


def test_a_thread_whose_follow_ups_are_all_sent_is_not_a_follow_up_due(store, clock):
    """Offered to be given up (x), as today's plan leaves it out: pending, but no follow-up due."""
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    days = store.settings().followup_days_for("x")
    log(store, ann, "dm_sent", at=clock.now().subtract(days=4 * days))
    for nudge in range(store.settings().followups_before_giving_up):
        log(store, ann, "follow_up", at=clock.now().subtract(days=(2 - nudge) * days + 1))
    log(store, bob, "dm_sent", at=clock.now().subtract(days=days + 1))  # a follow-up overdue
    offered = {r.contact.name: r.give_up_offered for r in build_agenda(store).pending}
    assert offered == {"Ann": True, "Bob": False}
    found = status_figures(store)
    assert (found.due, found.overdue, found.pending) == (1, 1, 2)


def test_the_record_holds_until_local_midnight_and_a_later_day_is_figured_afresh(store, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    clock.set(pendulum.datetime(2026, 11, 23, 23, 50, tz=TOKYO))
    log(store, ann, "dm_sent")
    midnight = datetime(2026, 11, 24, tzinfo=ZoneInfo(TOKYO)).timestamp()
    assert float(record(store)["until"]) == midnight
    clock.set(pendulum.datetime(2026, 11, 24, 0, 10, tz=TOKYO))
    after = status_figures(store)
    assert (after.done, after.streak) == (0, 1)


def test_a_dst_day_ends_after_23_hours(tmp_path):
    new_york = "America/New_York"
    clock_at = pendulum.datetime(2026, 3, 8, 12, 0, tz=new_york)
    from dailyreach.core.records.clock import FixedClock

    store = Store(tmp_path / "db.json", clock=FixedClock(clock_at))
    store.save_settings(Settings(timezone=new_york))
    start = datetime(2026, 3, 8, tzinfo=ZoneInfo(new_york)).timestamp()
    assert float(record(store)["until"]) - start == 23 * 3600


def test_a_second_process_writing_leaves_the_record_with_its_figures(store, db_path):
    other = Store(db_path, clock=store.clock)
    ann = add_contact(other, "Ann", handles={"x": "@ann"})
    log(other, ann, "dm_sent")
    assert record(store)["done"] == "1"
    add_contact(store, "Bob", handles={"x": "@bob"})
    assert (record(store)["done"], record(store)["next"]) == ("1", "Bob")
    assert record(store)["signature"] == status_line.signature(str(db_path))


def test_a_locked_store_is_not_waited_for(store, db_path):
    # flock: another open of the lock file, as another process would hold it.
    held = FileLock(f"{db_path}.lock", timeout=0, mode=0o600)
    held.acquire()
    try:
        assert refresh_status_record(db_path) == (f"{db_path} is locked by another dailyreach", True)
    finally:
        held.release()
    assert refresh_status_record(db_path) is None


def test_a_corrupt_store_gives_a_reason_and_no_record(tmp_path):
    db = tmp_path / "db.json"
    db.write_text("{not json")
    reason = refresh_status_record(db)
    assert reason is not None and reason[1] is False and str(db) in reason[0]
    assert not record_path(db).exists()
    assert db.read_text() == "{not json"


def test_no_store_is_not_created(tmp_path):
    db = tmp_path / "absent" / "db.json"
    assert refresh_status_record(db) == (f"no database at {db} yet", False)
    assert not db.parent.exists()


def test_names_in_the_record_stay_on_their_line(store):
    add_contact(store, "Ann\x1b[31m Smith")
    assert record(store)["next"] == "Ann Smith"


def test_the_morning_text_names_follow_ups_counts_new_targets_and_the_streak(store, clock):
    from dailyreach.core.planning.agenda import build_agenda
    from dailyreach.core.planning.status import morning_text

    assert morning_text(build_agenda(store)).startswith("Nothing planned today")
    days = store.settings().followup_days_for("x")
    for name, handle in (("山田 太郎", "@taro"), ("Ann Smith", "@ann")):
        contact = add_contact(store, name, handles={"x": handle})
        log(store, contact, "dm_sent", at=clock.now().subtract(days=days + 1))
    for name in ("Bob", "Cy", "Dee"):
        add_contact(store, name)
    log(store, add_contact(store, "Eve", handles={"x": "@eve"}), "dm_sent", at=clock.now().subtract(days=1))
    assert morning_text(build_agenda(store)) == (
        "5 to contact today: follow-ups to 山田 太郎 and Ann Smith, 3 new targets · streak 1 day"
    )


def test_the_evening_text_is_said_only_while_the_goal_is_not_met(store):
    from dailyreach.core.planning.agenda import build_agenda
    from dailyreach.core.planning.status import evening_text

    store.save_settings(Settings(timezone=TOKYO, daily_goal=2))
    add_contact(store, "Cy", handles={"x": "@cy"})
    assert evening_text(build_agenda(store)) == "0 of 2 done — 2 more meets today's goal"
    log(store, add_contact(store, "Ann", handles={"x": "@ann"}), "dm_sent")
    # Today's message has kept the streak already: what is left is the goal.
    assert evening_text(build_agenda(store)) == "1 of 2 done — 1 more meets today's goal"
    log(store, add_contact(store, "Bob", handles={"x": "@bob"}), "dm_sent")
    assert evening_text(build_agenda(store)) is None


def test_the_evening_text_says_one_message_keeps_a_streak_not_yet_kept_today(store, clock):
    """The streak counts days with any outreach; the evening said "5 more keeps your 2-day streak"."""
    from dailyreach.core.planning.agenda import build_agenda
    from dailyreach.core.planning.status import evening_text

    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=2))
    log(store, ann, "follow_up", at=clock.now().subtract(days=1))
    add_contact(store, "Cy", handles={"x": "@cy"})
    assert evening_text(build_agenda(store)) == (
        "0 of 5 done — one message keeps your 2-day streak, 5 more people meet today's goal"
    )
    store.save_settings(Settings(timezone=TOKYO, daily_goal=1))
    assert evening_text(build_agenda(store)) == (
        "0 of 1 done — one message keeps your 2-day streak, 1 more person meets today's goal"
    )


def test_the_evening_text_sends_the_user_to_add_targets_when_the_plan_has_nobody_left(store, clock):
    """It said "4 more meets today's goal" when everyone planned was written to or waited for an answer."""
    from dailyreach.core.planning.agenda import build_agenda
    from dailyreach.core.planning.status import evening_text

    assert evening_text(build_agenda(store)) == (
        "0 of 5 done — nobody left in today's plan: add targets to meet today's goal"
    )
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=1))
    assert evening_text(build_agenda(store)) == (
        "0 of 5 done — nobody left in today's plan: add a target, and one message keeps your 1-day streak"
    )
    log(store, add_contact(store, "Bob", handles={"x": "@bob"}), "dm_sent")
    assert evening_text(build_agenda(store)) == (
        "1 of 5 done — nobody left in today's plan: add targets to meet today's goal"
    )


def test_a_record_that_cannot_be_written_does_not_fail_the_change(store, db_path):
    record_path(db_path).unlink()
    record_path(db_path).mkdir()  # a folder where the record goes
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    assert store.contact(ann.id) == ann
    record_path(db_path).rmdir()
    assert refresh_status_record(db_path) is None
    assert record(store)["next"] == "Ann"


def test_a_read_only_store_gets_its_record_and_when_that_cannot_be_written_its_text(
    store, db_path, monkeypatch
):
    """A read-only store's figures are read, not saved; a read-only folder takes no record either, and
    the record is handed back to be shown (``status`` printed nothing there)."""
    from contextlib import contextmanager

    import dailyreach.core.planning.status as status_module
    from dailyreach.core.store.storage import StoreReadOnly

    add_contact(store, "Ann")
    record_path(db_path).unlink(missing_ok=True)
    before = db_path.read_bytes()

    @contextmanager
    def read_only(self, label="change", *, undoable=True):
        raise StoreReadOnly("it is read-only")
        yield

    monkeypatch.setattr(Store, "transaction", read_only)
    assert refresh_status_record(db_path) is None
    written = record_path(db_path).read_text()
    assert status_line.parse_record(written)["next"] == "Ann"
    record_path(db_path).unlink()

    def refused(path, data, *, durable):
        raise OSError(30, "Read-only file system", str(path))

    monkeypatch.setattr(status_module, "write_owner_only", refused)
    unwritten = refresh_status_record(db_path)
    assert isinstance(unwritten, UnwrittenRecord)
    # The file that could not be written, and why in the interface's words, not Python's "[Errno 30]".
    assert unwritten.problem == f"{record_path(db_path)}: Read-only file system"
    assert unwritten.text == written
    assert not record_path(db_path).exists() and db_path.read_bytes() == before
