"""Behaviour of ``threads.py`` that mutation testing found no test pinned."""

import json
import time
import zlib

import pytest

from dailyreach.core.store.checked import write_checked
from dailyreach.core.store.store import Store
from dailyreach.core.store.tables import RecordTable
from dailyreach.core.store.threads import DERIVED_VERSION, before_changes, read_thread, utc_stamp
from tests.conftest import add_contact, log
from tests.core.test_threads import assert_derived_match_the_log


def test_a_thread_is_read_in_time_order_not_in_the_order_of_its_kinds():
    # Alphabetically dm_sent comes before reply_received; in time the reply came first, so the DM after
    # it opens a thread that waits for an answer.
    entries = [
        ("2026-11-23T02:00:00.000000Z", "dm_sent", "x"),
        ("2026-11-23T01:00:00.000000Z", "reply_received", "x"),
    ]
    thread = read_thread(entries)
    assert thread.open
    assert thread.waiting_since == "2026-11-23T02:00:00.000000Z"
    assert thread.stage == "replied"


def test_an_answer_logged_late_for_a_time_before_the_message_leaves_the_message_waiting(store):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent")
    log(store, ann, "reply_received", at=store.now().subtract(hours=2))
    thread = store.thread(ann.id)
    assert thread.open
    assert thread.stage == "replied"


def test_a_day_counted_again_from_the_log_counts_as_reached_only_the_people_sent_a_message(store):
    ann, bob, cy = (add_contact(store, name) for name in ("Ann", "Bob", "Cy"))
    log(store, ann, "dm_sent")
    log(store, bob, "reply_received", at=store.now().subtract(hours=1))
    log(store, cy, "meeting_booked", at=store.now().subtract(hours=1))
    # Older than Ann's latest, this DM is not folded in: her thread and its day are read from the log.
    log(store, ann, "follow_up", at=store.now().subtract(hours=2))
    assert store.day_counts()[store.today()] == {"sent": 2, "replies": 1, "meetings": 1, "reached": 1}


def test_deleting_a_days_only_message_leaves_nothing_counted_for_that_day(store):
    ann = add_contact(store, "Ann")
    dm = log(store, ann, "dm_sent")
    store.delete_interaction(dm.id)
    assert store.day_counts() == {}
    assert store.outreach_days() == set()


def test_deleting_one_of_two_peoples_messages_leaves_one_person_reached(store):
    ann, bob = add_contact(store, "Ann"), add_contact(store, "Bob")
    dm = log(store, ann, "dm_sent")
    log(store, bob, "dm_sent")
    store.delete_interaction(dm.id)
    assert store.day_counts() == {store.today(): {"sent": 1, "reached": 1}}


def test_deleting_a_days_only_reply_leaves_nothing_counted_for_that_day(store):
    ann = add_contact(store, "Ann")
    reply = log(store, ann, "reply_received")
    assert store.day_counts() == {store.today(): {"replies": 1}}
    store.delete_interaction(reply.id)
    assert store.day_counts() == {}


def test_a_history_before_its_changes_undoes_them_last_first():
    added = {"id": "i1", "contact_id": "ann", "kind": "dm_sent", "at": "2026-11-23T09:00:00+09:00"}
    edited = {**added, "kind": "note"}
    # Logged, then edited, in one change: before it there was nothing.
    assert before_changes([edited], [(None, added), (added, edited)]) == []
    kept = {**added, "id": "i0"}
    assert before_changes([kept], [(added, None)]) == [kept, added]


def test_a_message_moved_to_another_contact_counts_each_as_reached_or_not(store):
    ann, bob = add_contact(store, "Ann"), add_contact(store, "Bob")
    dm = log(store, ann, "dm_sent", at=store.now().subtract(hours=2))
    log(store, ann, "note")  # the DM is no longer her latest: moving it reads both threads again
    with store.transaction("move"):
        store.journal.put("interactions", dm.id, {**dm.to_dict(), "contact_id": bob.id})
    assert store.day_counts()[store.today()] == {"sent": 1, "reached": 1}
    assert store.thread(bob.id).last_sent is not None and store.thread(ann.id).last_sent is None


def test_entries_of_the_same_moment_are_read_in_the_order_they_were_logged():
    # An answer logged first, then a DM stamped the same instant: the DM came after, and waits.
    same = "2026-11-23T02:00:00.000000Z"
    thread = read_thread([(same, "reply_received", "x"), (same, "dm_sent", "x")])
    assert thread.open and thread.waiting_since == same


def test_a_thread_closed_for_want_of_an_answer_is_closed_not_unknown(store):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))
    log(store, ann, "no_response")
    assert store.thread(ann.id).open is False
    assert store.thread(ann.id).to_dict()["open"] is False  # as the file keeps it: false, not null


def test_a_stamp_is_utc_whatever_zone_the_machine_is_in(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        assert utc_stamp("2026-11-23T09:00:00+09:00") == "2026-11-23T00:00:00.000000Z"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_summaries_under_a_marker_as_this_version_writes_it_are_trusted(store, db_path, clock):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent", at=clock.now().subtract(days=3))
    data = json.loads(db_path.read_text())
    data["threads"][ann.id]["nudges"] = 7  # a fault only: nothing rebuilds what the marker vouches for
    data["_meta"]["derived"] = {"version": DERIVED_VERSION, "interactions": 1, "zone": "Asia/Tokyo"}
    db_path.write_text(json.dumps(data, indent=2))
    raw = db_path.read_bytes()
    write_checked(db_path, (len(raw), zlib.crc32(raw)), {}, None)
    assert Store(db_path, clock=clock).thread(ann.id).nudges == 7
    data["_meta"]["derived"]["version"] = DERIVED_VERSION - 1  # an earlier version's: made again
    db_path.write_text(json.dumps(data, indent=2))
    raw = db_path.read_bytes()
    write_checked(db_path, (len(raw), zlib.crc32(raw)), {}, None)
    assert Store(db_path, clock=clock).thread(ann.id).nudges == 0


def test_back_dated_messages_of_one_change_count_each_of_their_days(store, clock):
    """Two messages dated before their threads' last entries, in one change (an import): each is read
    from the log as the change settles, and each of their days counts its person reached."""
    ann, bob = add_contact(store, "Ann"), add_contact(store, "Bob")
    log(store, ann, "dm_sent")
    log(store, bob, "dm_sent")
    with store.transaction("two back-dated messages"):
        log(store, ann, "follow_up", at=clock.now().subtract(days=3))
        log(store, bob, "follow_up", at=clock.now().subtract(days=5))
    reached = {day.isoformat(): counts["reached"] for day, counts in store.day_counts().items()}
    assert reached == {"2026-11-18": 1, "2026-11-20": 1, "2026-11-23": 2}
    assert_derived_match_the_log(store)


@pytest.mark.parametrize("minutes_later", [0, 5])
def test_a_log_at_or_after_the_threads_last_entry_is_folded_in_without_reading_the_log(
    store, clock, monkeypatch, minutes_later
):
    """The usual log, the newest of its thread (or of the same moment as its last entry), is added to
    the thread as it is kept: the contact's history is not looked up in the log."""
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent")

    def no_history(*args, **kwargs):
        raise AssertionError("the log was searched for the contact's history")

    monkeypatch.setattr(RecordTable, "records_with", no_history)
    clock.advance(minutes=minutes_later)
    log(store, ann, "reply_received")
    monkeypatch.undo()
    assert store.thread(ann.id).stage == "replied"
    assert_derived_match_the_log(store)
