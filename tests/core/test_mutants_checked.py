"""Behaviour of ``checked.py`` that mutation testing found no test pinned."""

import json
import zlib

from dailyreach.core.store import checked as checked_module
from dailyreach.core.store.checked import read_checked
from dailyreach.core.store.store import Store
from dailyreach.core.store.threads import THREADS_TABLE
from tests.conftest import add_contact, log


def test_a_store_open_when_another_program_fixes_a_bad_record_does_not_keep_the_old_records_word(
    store, db_path, clock
):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    sent = log(store, ann, "dm_sent")
    data = json.loads(db_path.read_text())
    data["interactions"][sent.id]["mood"] = "great"
    db_path.write_text(json.dumps(data, indent=2))
    Store(db_path, clock=clock)  # checks the edited file in full and records its bad record
    opened = Store(db_path, clock=clock)  # takes the bad record from <db>.checked
    assert [problem.record_id for problem in opened.problems()] == [sent.id]
    del data["interactions"][sent.id]["mood"]
    db_path.write_text(json.dumps(data, indent=2))
    # The next change in the open store reads the fixed file: the record of the old content is no
    # word on it.
    add_contact(opened, "Bob", handles={"x": "@bob"})
    assert opened.problems() == []
    assert Store(db_path, clock=clock).problems() == []


def test_a_change_that_leaves_the_file_as_it_was_writes_no_new_record(store, db_path, monkeypatch):
    add_contact(store, "Ann", handles={"x": "@ann"})
    written = []
    real = checked_module.write_checked
    monkeypatch.setattr(
        checked_module, "write_checked", lambda *args, **kwargs: written.append(args) or real(*args, **kwargs)
    )
    with store.transaction("nothing"):
        pass
    assert written == []
    add_contact(store, "Bob", handles={"x": "@bob"})
    assert len(written) == 1


def test_summaries_a_hand_edit_left_behind_are_read_again_when_no_record_names_the_files_content(
    db_path, store, clock
):
    """A file copied without its <db>.checked (a sync that leaves it out) may have been edited: its
    summaries are worked out again from the log rather than trusted."""
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent")
    data = json.loads(db_path.read_text())
    data[THREADS_TABLE].clear()
    db_path.write_text(json.dumps(data, indent=2))
    checked_module.checked_path(db_path).unlink()
    assert Store(db_path, clock=clock).thread(ann.id).open


def test_the_record_of_a_content_is_read_once_however_often_it_is_asked(db_path, store, monkeypatch):
    add_contact(store, "Ann", handles={"x": "@ann"})
    reads = []
    real = checked_module.read_checked
    monkeypatch.setattr(checked_module, "read_checked", lambda *args: reads.append(args) or real(*args))
    record = checked_module.CheckedRecord(db_path)
    raw = db_path.read_bytes()
    fingerprint = (len(raw), zlib.crc32(raw))
    layouts = {record.log_layout(fingerprint) for _ in range(3)}
    assert len(reads) == 1 and layouts == {read_checked(db_path, fingerprint).log_layout}
    record.log_layout((0, 0))
    assert len(reads) == 2
