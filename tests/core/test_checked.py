"""``<db>.checked``: a command trusts the bad-record list of the content it was written for, and nothing
else — a hand edit, a record of other content or of another version means a full check."""

import json
import stat
import zlib

import pytest

from dailyreach.core.records.readback import Problem, table_problems
from dailyreach.core.store import checked as checked_module
from dailyreach.core.store import tables as tables_module
from dailyreach.core.store.checked import checked_path, read_checked, write_checked
from dailyreach.core.store.store import RECORD_TABLES, Store
from tests.conftest import add_contact, log


@pytest.fixture
def full_checks(monkeypatch) -> list[str]:
    """The tables checked in full from now on."""
    seen: list[str] = []

    def counting(table, records):
        seen.append(table)
        return table_problems(table, records)

    monkeypatch.setattr(tables_module, "table_problems", counting)
    return seen


def fingerprint(path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), zlib.crc32(raw)


def break_interaction(db_path, interaction_id: str) -> None:
    """A hand edit: one interaction gets a field no record has."""
    data = json.loads(db_path.read_text())
    data["interactions"][interaction_id]["mood"] = "great"
    db_path.write_text(json.dumps(data, indent=2))


def everything_checked(db_path) -> dict[str, dict[str, Problem]]:
    data = json.loads(db_path.read_text())
    return {table: table_problems(table, data.get(table, {})) for table in RECORD_TABLES}


def assert_record_tells_the_truth(db_path) -> None:
    """The record's bad records are a full check's, and its log layout is where the log lies."""
    known = read_checked(db_path, fingerprint(db_path))
    assert known is not None and known.problems == everything_checked(db_path)
    raw = db_path.read_bytes()
    log = json.loads(raw)["interactions"]
    if not log:
        assert known.log_layout is None
        return
    assert known.log_layout is not None
    start, end, count = known.log_layout
    assert json.loads(raw[start:end]) == log and count == len(log)


def test_each_saved_change_records_what_its_file_holds_owner_only(store, db_path):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent")
    record = json.loads(checked_path(db_path).read_text())
    assert record["content"] == list(fingerprint(db_path))
    assert record["problems"] == {table: {} for table in RECORD_TABLES}
    assert stat.S_IMODE(checked_path(db_path).stat().st_mode) == 0o600


def test_a_command_on_the_file_it_was_written_for_checks_nothing(store, db_path, clock, full_checks):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent")
    full_checks.clear()
    reopened = Store(db_path, clock=clock)
    assert [contact.name for contact in reopened.contacts()] == ["Ann"]
    assert len(reopened.interactions()) == 1
    assert reopened.problems() == []
    log(reopened, ann, "follow_up")
    assert full_checks == []


def test_a_hand_edit_is_checked_in_full_and_its_bad_record_named(store, db_path, clock, full_checks):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    sent = log(store, ann, "dm_sent")
    break_interaction(db_path, sent.id)
    full_checks.clear()
    reopened = Store(db_path, clock=clock)
    assert sorted(full_checks) == ["contacts", "interactions"]  # the tables that hold records
    assert reopened.problems() == [Problem("interactions", sent.id, "mood", "is not a field of this record")]
    assert reopened.interactions() == []
    # What the full check found is recorded for the next command, which then checks nothing.
    full_checks.clear()
    assert Store(db_path, clock=clock).problems() == reopened.problems()
    assert full_checks == []


def test_an_edit_that_keeps_the_size_is_still_seen(store, db_path, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    sent = log(store, ann, "dm_sent")
    text = db_path.read_text()
    edited = text.replace('"kind": "dm_sent"', '"kind": "dm_sunt"')
    assert len(edited) == len(text) and edited != text
    db_path.write_text(edited)
    problems = Store(db_path, clock=clock).problems()
    assert [(problem.record_id, problem.field) for problem in problems] == [(sent.id, "kind")]


@pytest.mark.parametrize(
    "tamper",
    [
        lambda record: {**record, "content": [record["content"][0], record["content"][1] ^ 1]},
        lambda record: {**record, "version": "0.0.0-other"},
        lambda record: {**record, "problems": {"contacts": {"x": ["name", 3]}}},
        lambda record: [record],
        lambda record: {**record, "log": "abc"},
        lambda record: {**record, "log": [1, 2]},
        lambda record: {**record, "log": [1, 2, "3"]},
    ],
    ids=[
        "other content",
        "other version",
        "mistyped problems",
        "not an object",
        "log text",
        "log short",
        "log mistyped",
    ],
)
def test_a_record_of_other_content_or_version_or_broken_is_not_trusted(store, db_path, clock, tamper):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    sent = log(store, ann, "dm_sent")
    break_interaction(db_path, sent.id)
    # The record claims the edited file has no bad record, but not in the words of a valid record.
    write_checked(db_path, fingerprint(db_path), {table: {} for table in RECORD_TABLES})
    record = json.loads(checked_path(db_path).read_text())
    checked_path(db_path).write_text(json.dumps(tamper(record)))
    assert [problem.record_id for problem in Store(db_path, clock=clock).problems()] == [sent.id]


def test_a_garbled_or_missing_record_means_a_full_check(store, db_path):
    add_contact(store, "Ann", handles={"x": "@ann"})
    checked_path(db_path).write_bytes(b"\x00{garbled")
    assert read_checked(db_path, fingerprint(db_path)) is None
    checked_path(db_path).unlink()
    assert read_checked(db_path, fingerprint(db_path)) is None
    assert read_checked(db_path, None) is None


def test_bad_records_are_kept_in_step_with_each_write_without_a_full_check(
    store, db_path, clock, full_checks
):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    sent = log(store, ann, "dm_sent")
    break_interaction(db_path, sent.id)
    reopened = Store(db_path, clock=clock)
    full_checks.clear()
    bob = add_contact(reopened, "Bob", handles={"x": "@bob"})
    log(reopened, bob, "dm_sent")
    assert full_checks == []
    assert [problem.record_id for problem in reopened.problems()] == [sent.id]
    assert_record_tells_the_truth(db_path)


def test_a_write_that_brings_a_bad_record_in_or_removes_it_is_followed(store, db_path, clock, full_checks):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    sent = log(store, ann, "dm_sent")
    bad_body = {**store.journal.record("interactions", sent.id), "mood": "great"}
    full_checks.clear()
    with store.transaction("bring in a bad record"):
        store.journal.put("interactions", sent.id, bad_body)
    assert [problem.record_id for problem in store.problems()] == [sent.id]
    assert_record_tells_the_truth(db_path)
    store.undo()
    assert store.problems() == []
    assert_record_tells_the_truth(db_path)
    assert full_checks == []


def test_a_folder_that_cannot_take_the_record_only_costs_a_full_check(store, db_path, clock, monkeypatch):
    unwritable = db_path.parent / "missing-folder" / db_path.name
    monkeypatch.setattr(checked_module, "checked_path", lambda db: unwritable)
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    assert not unwritable.exists()
    assert [contact.name for contact in Store(db_path, clock=clock).contacts()] == [ann.name]
