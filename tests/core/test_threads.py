"""Each contact's thread and the outreach days kept in the store always equal a reading of the whole log."""

import json
import os
import subprocess
import sys
import zlib
from dataclasses import replace
from datetime import UTC, datetime

import orjson
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dailyreach.core.errors import ValidationError
from dailyreach.core.files.exchange import apply_import, plan_import
from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.records.clock import FixedClock
from dailyreach.core.records.model import (
    ANSWER_KINDS,
    INTERACTION_KINDS,
    OUTBOUND_KINDS,
    Contact,
    Interaction,
    Settings,
)
from dailyreach.core.store import store as store_module
from dailyreach.core.store.checked import read_checked
from dailyreach.core.store.store import Store
from dailyreach.core.store.threads import DaySpan, Thread, derive_tables, local_day, read_thread, utc_stamp
from tests.conftest import TOKYO, add_contact, log

KINDS = INTERACTION_KINDS


def expected_threads(store: Store) -> dict[str, Thread]:
    """The oracle: every contact's interactions in time order (ties in log order), read one by one."""
    threads: dict[str, Thread] = {}
    for interaction in store.interactions():
        thread = threads.setdefault(interaction.contact_id, Thread())
        thread.add(interaction.kind, interaction.channel, utc_stamp(interaction.at))
    return threads


def expected_days(store: Store) -> set:
    tz = store.timezone
    return {
        interaction.moment.astimezone(tz).date()
        for interaction in store.interactions()
        if interaction.kind in OUTBOUND_KINDS
    }


def expected_day_counts(store: Store) -> dict:
    """Local day -> counts of messages sent, replies received and meetings booked, and of the people
    sent a message, those above zero."""
    tz = store.timezone
    counted = {"reply_received": "replies", "meeting_booked": "meetings"}
    days: dict = {}
    people: dict = {}
    for interaction in store.interactions():
        counter = "sent" if interaction.kind in OUTBOUND_KINDS else counted.get(interaction.kind)
        if counter:
            local = interaction.moment.astimezone(tz).date()
            day = days.setdefault(local, {})
            day[counter] = day.get(counter, 0) + 1
            if counter == "sent":
                people.setdefault(local, set()).add(interaction.contact_id)
    for local, reached in people.items():
        days[local]["reached"] = len(reached)
    return days


def expected_first_exchanges(store: Store) -> dict:
    """Contact -> (first message sent, its kind, its channel, first answer logged after it)."""
    found: dict = {}
    for interaction in store.interactions():
        stamp = utc_stamp(interaction.at)
        first = found.get(interaction.contact_id)
        if interaction.kind in OUTBOUND_KINDS and first is None:
            found[interaction.contact_id] = [stamp, interaction.kind, interaction.channel, None]
        elif interaction.kind in ANSWER_KINDS and first is not None and first[3] is None:
            first[3] = stamp
    return {contact_id: tuple(first) for contact_id, first in found.items()}


def assert_derived_match_the_log(store: Store) -> None:
    threads = store.threads()
    assert threads == expected_threads(store)
    assert store.outreach_days() == expected_days(store)
    assert store.day_counts() == expected_day_counts(store)
    firsts = {
        contact_id: (thread.first_sent, thread.first_kind, thread.first_channel, thread.first_answer)
        for contact_id, thread in threads.items()
        if thread.first_sent is not None
    }
    assert firsts == expected_first_exchanges(store)


def assert_the_file_is_as_a_full_write_makes_it(path) -> None:
    """Whether the log was written back from its bytes (``lazy_table.py``) or parsed, the file is the
    one writing everything parsed would make, and ``<db>.checked`` says where its log lies."""
    raw = path.read_bytes()
    assert orjson.dumps(orjson.loads(raw), option=orjson.OPT_INDENT_2) == raw
    known = read_checked(path, (len(raw), zlib.crc32(raw)))
    log = orjson.loads(raw).get("interactions")
    if known is not None and known.log_layout is not None:
        start, end, count = known.log_layout
        assert orjson.loads(raw[start:end]) == log and count == len(log)


operation = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 5)),
    st.tuples(st.just("log"), st.integers(0, 5), st.sampled_from(KINDS), st.integers(-72, 0)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("edit"), st.integers(0, 5)),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("other_process_logs"), st.integers(0, 5), st.sampled_from(KINDS), st.integers(-72, 0)),
    st.tuples(st.just("import"), st.integers(0, 3)),
    st.tuples(st.just("tick"), st.integers(1, 30)),
    # The settings' timezone: every outreach day moves.
    st.tuples(st.just("zone"), st.sampled_from([TOKYO, "America/Los_Angeles", "UTC", "Asia/Kolkata"])),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(operation, max_size=25))
def test_derived_tables_equal_a_reading_of_the_full_log_after_any_sequence(tmp_path_factory, operations):
    path = tmp_path_factory.mktemp("threads") / "db.json"
    clock = FixedClock(pendulum.datetime(2026, 11, 23, 9, 0, tz=TOKYO))
    store = Store(path, clock=clock)
    store.save_settings(Settings(timezone=TOKYO))
    other = Store(path, clock=clock)
    contacts = []
    imported = 0
    for op in operations:
        name = op[0]
        if name == "add":
            contacts.append(add_contact(store, f"Person {op[1]} {len(contacts)}"))
        elif name in ("log", "other_process_logs") and contacts:
            writer = store if name == "log" else other
            contact = contacts[op[1] % len(contacts)]
            if store.contact(contact.id) is not None:
                try:
                    log(writer, contact, op[2], at=clock.now().add(hours=op[3]))
                except ValidationError as refused:
                    # no_response with nothing sent: refused, and the summaries must not have moved.
                    assert refused.field == "kind" and op[2] == "no_response"
        elif name == "undo":
            store.undo()
        elif name == "edit" and contacts:
            contact = store.contact(contacts[op[1] % len(contacts)].id)
            if contact is not None:
                contact.why = f"edited {op[1]}"
                store.save_contact(contact)
        elif name == "delete":
            interactions = store.interactions()
            if interactions:
                store.delete_interaction(interactions[op[1] % len(interactions)].id)
        elif name == "import" and contacts:
            contact = contacts[op[1] % len(contacts)]
            if store.contact(contact.id) is not None:
                at = clock.now().subtract(days=op[1] + 1)
                # A message to someone known, and someone new with a message and an answer after it.
                imported += 1
                newcomer = f"new{imported}"
                bundle = {
                    "format": "dailyreach",
                    "version": 1,
                    "exported_at": clock.now().isoformat(),
                    "contacts": [
                        Contact(
                            id=newcomer,
                            name=f"Newcomer {newcomer}",
                            created_at=clock.now().isoformat(),
                            updated_at=clock.now().isoformat(),
                        ).to_dict()
                    ],
                    "interactions": [
                        {
                            "id": f"imp{imported}n{number}",
                            "contact_id": who,
                            "kind": kind,
                            "channel": "x",
                            "at": when.isoformat(),
                            "text": "",
                        }
                        for number, (who, kind, when) in enumerate(
                            (
                                (contact.id, "dm_sent", at),
                                (newcomer, "dm_sent", at),
                                (newcomer, "reply_received", at.add(hours=op[1] + 1)),
                            )
                        )
                    ],
                    "invitations": [],
                    "settings": Settings(timezone=TOKYO).to_dict(),
                }
                apply_import(store, plan_import(store, bundle, "test.json"))
        elif name == "tick":
            clock.advance(hours=op[1])
        elif name == "zone":
            store.save_settings(replace(store.settings(), timezone=op[1]))
        assert_the_file_is_as_a_full_write_makes_it(path)
        assert_derived_match_the_log(store)
    assert_derived_match_the_log(Store(path, clock=clock))


def test_a_dm_logged_late_for_an_earlier_time_is_read_in_time_order(store):
    ann = add_contact(store, "Ann")
    log(store, ann, "reply_received")
    log(store, ann, "dm_sent", at=store.now().subtract(hours=2))
    assert store.thread(ann.id).stage == "replied"
    assert not store.thread(ann.id).open


def test_a_log_changed_by_another_program_is_read_again(store, db_path, clock):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent")
    data = json.loads(db_path.read_text())
    data["interactions"].clear()
    db_path.write_text(json.dumps(data))
    reopened = Store(db_path, clock=clock)
    assert reopened.threads() == {}
    assert reopened.outreach_days() == set()
    assert json.loads(db_path.read_text())["_meta"]["derived"]["interactions"] == 0


def test_outreach_days_follow_a_new_timezone(store):
    ann = add_contact(store, "Ann")
    # 23:30 in Tokyo is still the day before in New York.
    log(store, ann, "dm_sent", at=pendulum.datetime(2026, 11, 22, 23, 30, tz=TOKYO))
    assert store.outreach_days() == {pendulum.date(2026, 11, 22)}
    store.save_settings(Settings(timezone="America/New_York"))
    assert store.outreach_days() == {pendulum.date(2026, 11, 22)}
    store.save_settings(Settings(timezone="Asia/Kolkata"))
    assert store.outreach_days() == {pendulum.date(2026, 11, 22)}
    store.save_settings(Settings(timezone="Pacific/Kiritimati"))
    assert store.outreach_days() == {pendulum.date(2026, 11, 23)}


def test_a_rebuild_counts_each_message_and_each_person_of_a_day(store):
    ann, bob = add_contact(store, "Ann"), add_contact(store, "Bob")
    for who, kind in ((ann, "dm_sent"), (ann, "follow_up"), (bob, "dm_sent"), (bob, "reply_received")):
        log(store, who, kind)
    store.save_settings(Settings(timezone="Asia/Kolkata"))  # a new timezone makes the days again
    assert store.day_counts() == {pendulum.date(2026, 11, 23): {"sent": 3, "reached": 2, "replies": 1}}


def test_a_schema_1_file_is_backed_up_then_given_its_threads(store, db_path, clock):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent", at=store.now().subtract(days=4))
    data = json.loads(db_path.read_text())
    for table in ("threads", "outreach_days"):
        data.pop(table, None)
    data["_meta"].pop("derived")
    data["_meta"]["schema"]["version"] = 1
    # Schema 1 kept a record's key only as the key of its table.
    for table, key_field in store_module.KEY_FIELDS.items():
        for body in data.get(table, {}).values():
            del body[key_field]
    db_path.write_text(json.dumps(data))
    old = db_path.read_bytes()
    migrated = Store(db_path, clock=clock)
    backup = db_path.parent / "backups" / "dailyreach-before-schema-2.json"
    assert backup.read_bytes() == old
    written = json.loads(db_path.read_text())
    assert written["_meta"]["schema"]["version"] == store_module.SCHEMA_VERSION
    assert written["threads"][ann.id]["stage"] == "contacted"
    assert written["outreach_days"] == {"2026-11-19": {"sent": 1, "reached": 1}}
    assert migrated.thread(ann.id).open
    assert [contact.id for contact in migrated.contacts()] == [ann.id]
    assert written["contacts"][ann.id]["id"] == ann.id


def test_utc_stamps_sort_as_the_times_they_name():
    times = ["2026-11-23T09:00:00+09:00", "2026-11-23T00:00:00.5+00:00", "2026-11-22T19:00:01-05:00"]
    stamps = [utc_stamp(text) for text in times]
    assert stamps == [
        "2026-11-23T00:00:00.000000Z",
        "2026-11-23T00:00:00.500000Z",
        "2026-11-23T00:00:01.000000Z",
    ]
    assert sorted(stamps) == stamps
    assert local_day(stamps[0], pendulum.timezone("America/New_York")) == pendulum.date(2026, 11, 22)
    assert utc_stamp(datetime(2026, 1, 1, tzinfo=UTC)) == "2026-01-01T00:00:00.000000Z"


@pytest.mark.parametrize("kind", ["note", "dm_sent"])
def test_an_interaction_is_counted_once_whether_folded_or_read_again(store, kind):
    ann = add_contact(store, "Ann")
    first = log(store, ann, kind)
    store.delete_interaction(first.id)
    store.undo()
    assert store.outreach_days() == ({store.today()} if kind == "dm_sent" else set())
    assert_derived_match_the_log(store)
    assert isinstance(store.interactions()[0], Interaction)


def test_two_threads_saving_and_one_reading_share_a_store_safely(store):
    import threading

    people = [add_contact(store, f"Person {n}") for n in range(5)]
    store.history.clear()
    errors = []

    def write(kind: str) -> None:
        try:
            for n in range(40):
                log(store, people[n % 5], kind)
        except BaseException as error:
            errors.append(error)

    writers = [threading.Thread(target=write, args=(kind,)) for kind in ("dm_sent", "reply_received")]
    for writer in writers:
        writer.start()
    while any(writer.is_alive() for writer in writers):
        assert all(interaction.kind in KINDS for interaction in store.interactions())
    for writer in writers:
        writer.join()
    assert errors == []
    # Each save is its own change: none joined another thread's transaction.
    assert len(store.interactions()) == 80 and len(store.history) == 80
    assert_derived_match_the_log(store)


def test_a_public_reply_then_a_dm_is_one_approach_and_only_follow_ups_are_nudges(store):
    ann = add_contact(store, "Ann")
    log(store, ann, "public_reply", at=store.now().subtract(days=3))
    log(store, ann, "dm_sent", at=store.now().subtract(days=2))
    assert (store.thread(ann.id).nudges, store.thread(ann.id).last_sent) == (
        0,
        utc_stamp(store.now().subtract(days=2)),
    )
    log(store, ann, "follow_up")
    assert store.thread(ann.id).nudges == 1


def test_threads_made_by_an_older_way_of_reading_are_made_again(store, db_path, clock):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent")
    data = json.loads(db_path.read_text())
    data["threads"][ann.id]["nudges"] = 7
    data["_meta"]["derived"]["version"] = 0
    db_path.write_text(json.dumps(data))
    assert Store(db_path, clock=clock).thread(ann.id).nudges == 0


# -- a thread's stage and days, worked out by hand (the property test above shares Thread.add with
# what it checks, so these pin what Thread.add itself must do) ------------------------------------


def stage_after(*kinds: str) -> str:
    thread = Thread()
    for minute, kind in enumerate(kinds):
        thread.add(kind, "x", f"2026-11-23T00:{minute:02d}:00.000000Z")
    return thread.stage


@pytest.mark.parametrize(
    ("kinds", "stage"),
    [
        ((), "target"),
        (("note",), "target"),
        (("dm_sent",), "contacted"),
        (("dm_sent", "no_response"), "no_response"),
        (("dm_sent", "no_response", "follow_up"), "contacted"),
        (("no_response",), "no_response"),
        (("dm_sent", "reply_received"), "replied"),
        (("dm_sent", "reply_received", "follow_up"), "replied"),
        (("dm_sent", "reply_received", "no_response"), "replied"),
        (("dm_sent", "meeting_booked", "reply_received"), "meeting"),
        (("dm_sent", "met", "meeting_booked"), "met"),
        (("dm_sent", "reply_received", "meeting_booked", "met", "dm_sent"), "met"),
    ],
)
def test_a_stage_only_moves_forward_and_a_message_after_an_answer_keeps_it(kinds, stage):
    assert stage_after(*kinds) == stage


def test_a_local_day_holds_its_first_instant_and_not_the_next_days():
    span = DaySpan.of(pendulum.date(2026, 11, 23), pendulum.timezone(TOKYO))
    # Tokyo's 23 November runs from 22 November 15:00 UTC to 23 November 15:00 UTC.
    assert (span.start, span.end) == ("2026-11-22T15:00:00.000000Z", "2026-11-23T15:00:00.000000Z")
    assert span.holds("2026-11-22T15:00:00.000000Z")
    assert span.holds("2026-11-23T14:59:59.999999Z")
    assert not span.holds("2026-11-23T15:00:00.000000Z")
    assert not span.holds("2026-11-22T14:59:59.999999Z")
    assert not span.holds(None)


def test_a_rebuild_leaves_out_the_records_it_cannot_read_and_keeps_the_rest():
    good = {
        "id": "a",
        "contact_id": "c1",
        "kind": "dm_sent",
        "channel": "x",
        "at": "2026-11-23T09:00:00+09:00",
        "text": "",
    }
    bad = {**good, "id": "b", "contact_id": "c2", "mood": "great"}
    note = {**good, "id": "n", "kind": "note", "at": "2026-11-23T10:00:00+09:00"}
    reply = {**good, "id": "r", "kind": "reply_received", "at": "2026-11-24T08:59:00+09:00"}
    meeting = {**good, "id": "m", "kind": "meeting_booked", "at": "2026-11-24T09:00:00+09:00"}
    log = {"a": good, "b": bad, "n": note, "r": reply, "m": meeting}
    derived = derive_tables(log, pendulum.timezone(TOKYO))
    assert set(derived["threads"]) == {"c1"}
    assert derived["outreach_days"] == {
        "2026-11-23": {"sent": 1, "reached": 1},
        "2026-11-24": {"replies": 1, "meetings": 1},
    }
    assert derived["derived"]["interactions"] == 5


@pytest.mark.parametrize(
    ("kinds", "nudges"),
    [
        (("public_reply", "dm_sent"), 0),  # a public reply, then the DM: one first approach
        (("public_reply", "public_reply", "dm_sent", "dm_sent"), 1),
        (("dm_sent", "dm_sent"), 1),  # d on a follow-up row: the follow-up it asked for
        (("dm_sent", "follow_up", "dm_sent"), 2),
        (("dm_sent", "public_reply"), 0),
        (("dm_sent", "reply_received", "dm_sent"), 0),  # answered: a new thread
        (("dm_sent", "reply_received", "dm_sent", "dm_sent"), 1),
        (("follow_up",), 0),
    ],
)
def test_a_follow_up_or_a_dm_after_a_dm_nudges_the_message_that_waits(kinds, nudges):
    thread = Thread()
    for minute, kind in enumerate(kinds):
        thread.add(kind, "x", utc_stamp(datetime(2026, 11, 23, 9, minute, tzinfo=UTC)))
    assert thread.nudges == nudges


def test_two_dms_after_the_first_reach_the_offer_to_give_up(store, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    for days_ago in (12, 8, 4):
        log(store, ann, "dm_sent", at=clock.now().subtract(days=days_ago))
    [reply] = build_agenda(store).pending
    assert (reply.nudges, reply.give_up_offered) == (2, True)


def test_the_first_answer_is_the_first_after_a_message_sent_not_one_before_any():
    thread = Thread()
    for minute, kind in enumerate(("reply_received", "dm_sent", "reply_received", "reply_received")):
        thread.add(kind, "x", utc_stamp(datetime(2026, 11, 23, 9, minute, tzinfo=UTC)))
    assert thread.first_answer == utc_stamp(datetime(2026, 11, 23, 9, 2, tzinfo=UTC))


# Logs, undoes and deletes at random on the contacts named, as a second dailyreach would.
WRITER = """
import random, sys
from dailyreach.core.errors import StoreError, ValidationError
from dailyreach.core.records.model import INTERACTION_KINDS, Interaction
from dailyreach.core.store.store import Store

store = Store(sys.argv[1])
rng = random.Random(int(sys.argv[2]))
for _ in range(30):
    roll = rng.random()
    try:
        if roll < 0.7:
            at = store.now().subtract(hours=rng.randint(0, 300)).isoformat()
            kind = rng.choice(INTERACTION_KINDS)
            store.add_interaction(Interaction(contact_id=rng.choice(sys.argv[3:]), kind=kind, at=at))
        elif roll < 0.85:
            store.undo()
        elif entries := store.interactions():
            store.delete_interaction(rng.choice(entries).id)
    except (StoreError, ValidationError):
        pass  # an answer closed with nothing sent, an undo of what the other changed since
"""


@pytest.mark.parametrize("seed", [1, 2])
def test_two_processes_logging_undoing_and_deleting_at_once_leave_summaries_equal_to_the_log(
    store, db_path, clock, seed
):
    ids = [add_contact(store, f"P{index}").id for index in range(4)]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), str(seed * 10 + number), *ids],
            env={**os.environ, "TZ": TOKYO},
            stderr=subprocess.PIPE,
            text=True,
        )
        for number in range(2)
    ]
    for writer in writers:
        _, problem = writer.communicate(timeout=120)
        assert writer.returncode == 0, problem
    reopened = Store(db_path, clock=clock)
    assert len(reopened.interactions()) > 10, "the writers should have logged"
    assert_derived_match_the_log(reopened)
    assert_the_file_is_as_a_full_write_makes_it(db_path)


def test_a_long_running_store_reads_a_hand_edit_that_keeps_the_count_with_summaries_made_anew(
    store, db_path, clock
):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=2))
    assert store.thread(ann.id).last_sent is not None
    data = json.loads(db_path.read_text())
    [entry] = data["interactions"].values()
    entry["kind"] = "note"  # the same count of interactions: only what one of them is has changed
    db_path.write_text(json.dumps(data, indent=2))
    os.utime(db_path, ns=(1, 1))  # a new signature, whatever the clock's grain
    assert store.threads() == expected_threads(store)
    assert store.thread(ann.id).last_sent is None
    assert store.outreach_days() == set()


def test_a_thread_is_closed_unanswered_from_its_close_with_x_until_the_next_message_or_answer():
    thread = Thread()
    steps = [
        ("dm_sent", "2026-11-01T10:00:00.000000Z", False),
        ("reply_received", "2026-11-02T10:00:00.000000Z", False),
        ("no_response", "2026-11-03T10:00:00.000000Z", False),  # nothing was waiting: nothing closed
        ("dm_sent", "2026-11-04T10:00:00.000000Z", False),
        ("no_response", "2026-11-10T10:00:00.000000Z", True),
        ("note", "2026-11-11T10:00:00.000000Z", True),
        ("public_reply", "2026-11-12T10:00:00.000000Z", False),
        ("no_response", "2026-11-20T10:00:00.000000Z", True),
        ("reply_received", "2026-11-21T10:00:00.000000Z", False),
    ]
    for kind, stamp, closed in steps:
        thread.add(kind, "x", stamp)
        assert thread.closed_unanswered is closed, (kind, stamp)
    assert thread.stage == "replied"


@pytest.mark.parametrize(
    ("log", "awaits"),
    [
        ([("dm_sent", "T1"), ("reply_received", "T2")], True),
        ([("reply_received", "T1")], True),  # they wrote first
        ([("dm_sent", "T1"), ("reply_received", "T2"), ("dm_sent", "T3")], False),  # answered since
        ([("dm_sent", "T1")], False),  # waiting for them
        ([("dm_sent", "T1"), ("meeting_booked", "T2")], False),  # the meeting is the next step
        ([("dm_sent", "T1"), ("reply_received", "T2"), ("note", "T3")], True),
        ([], False),
    ],
)
def test_a_thread_awaits_the_user_once_they_answered_and_nothing_was_sent_since(log, awaits):
    stamps = {"T1": "2026-11-20T09:00:00Z", "T2": "2026-11-21T09:00:00Z", "T3": "2026-11-22T09:00:00Z"}
    thread = read_thread((stamps[at], kind, "x") for kind, at in log)
    assert thread.awaits_the_user is awaits
