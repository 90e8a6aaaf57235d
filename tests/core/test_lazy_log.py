"""The interaction log left unparsed until read (``lazy_table.py``): commands that do not read it do not
parse it, a logged interaction is added to its bytes, and the file is always what a full write makes."""

import json

import orjson
import pytest

from dailyreach.core.store import storage as storage_module
from dailyreach.core.store.checked import checked_path
from dailyreach.core.store.lazy_table import SEARCHES_BEFORE_PARSING, LazyTable
from dailyreach.core.store.store import Store
from tests.conftest import add_contact, log
from tests.core.test_threads import assert_derived_match_the_log


def table_bytes(records: dict) -> tuple[bytes, int, int]:
    """A file holding ``records`` as its second table, and where that table lies in it."""
    raw = orjson.dumps({"a": {"x": 1}, "log": records, "z": {}}, option=orjson.OPT_INDENT_2)
    start = raw.index(b'"log": ') + len(b'"log": ')
    return raw, start, raw.index(b"\n  }", start) + 4


def lazy(records: dict, parsed: list | None = None) -> LazyTable:
    raw, start, end = table_bytes(records)

    def parse(part):
        if parsed is not None:
            parsed.append(len(part))
        return orjson.loads(part)

    return LazyTable(raw, start, end, len(records), parse)


RECORDS = {"r1": {"kind": "dm_sent", "text": "hi"}, "r2": {"kind": "note", "nested": {"a": [1, 2]}}}


def test_a_new_record_is_added_without_parsing_and_written_as_a_full_write_would():
    parsed: list = []
    table = lazy(RECORDS, parsed)
    table["r3"] = {"kind": "follow_up", "text": "again"}
    assert len(table) == 3 and not table.loaded and parsed == []
    log = orjson.Fragment(b"".join(table.pieces()))
    written = orjson.dumps({"a": {"x": 1}, "log": log, "z": {}}, option=orjson.OPT_INDENT_2)
    expected = {**RECORDS, "r3": {"kind": "follow_up", "text": "again"}}
    assert written == table_bytes(expected)[0]


def test_reading_parses_once_and_keeps_what_was_added():
    parsed: list = []
    table = lazy(RECORDS, parsed)
    table["r3"] = {"kind": "note"}
    assert table["r1"] == RECORDS["r1"] and table.loaded
    assert dict(table) == {**RECORDS, "r3": {"kind": "note"}}
    assert list(table.items()) == list({**RECORDS, "r3": {"kind": "note"}}.items())
    assert len(parsed) == 1


@pytest.mark.parametrize(
    "read",
    [
        lambda table: "r1" in table,
        lambda table: table["r1"],
        lambda table: list(table),
        lambda table: list(table.keys()),
        lambda table: list(table.values()),
        lambda table: table.setdefault("r9", {}),
        lambda table: table == RECORDS,
        lambda table: table.copy(),
    ],
)
def test_every_way_of_reading_parses_first(read):
    table = lazy(RECORDS)
    read(table)
    assert table.loaded


def test_replacing_a_record_it_holds_parses_it_first():
    table = lazy(RECORDS)
    table["r2"] = {"kind": "met"}
    assert table.loaded and dict(table) == {"r1": RECORDS["r1"], "r2": {"kind": "met"}}


def test_asking_for_a_record_it_does_not_hold_needs_no_parsing():
    table = lazy(RECORDS)
    assert "r9" not in table and table.get("r9", "none") == "none" and not table.loaded
    table["r9"] = {"kind": "note"}
    assert "r9" in table and table.get("r9") == {"kind": "note"} and not table.loaded


def test_membership_is_answered_rightly_parsed_or_not():
    table = lazy(RECORDS)
    assert "r1" in table and table.loaded  # held: answered from the parsed records
    assert "r1" in table and "zz" not in table and 5 not in table


def test_a_key_that_only_appears_inside_a_record_is_not_taken_for_a_record():
    table = lazy({"r1": {"r2": "not a record"}})
    table["r2"] = {"kind": "note"}
    assert not table.loaded and len(table) == 2


LOG = {
    "i1": {"contact_id": "ann", "kind": "dm_sent", "text": "hi"},
    # The field's line, as text and nested deeper, and a longer id that starts with Ann's: none is Ann's.
    "i2": {"contact_id": "bob", "kind": "note", "text": '"contact_id": "ann"', "more": {"contact_id": "ann"}},
    "i3": {"contact_id": "anna", "kind": "note"},
    "i4": {"contact_id": "ann", "kind": "reply_received", "nested": {"a": [1, {"b": 2}]}},
}


def test_one_contacts_records_are_found_and_parsed_alone():
    parsed: list = []
    table = lazy(LOG, parsed)
    table["i5"] = {"contact_id": "ann", "kind": "follow_up"}
    table["i6"] = {"contact_id": "bob", "kind": "note"}
    found = table.records_with("contact_id", {"ann"})
    assert found == {"i1": LOG["i1"], "i4": LOG["i4"], "i5": {"contact_id": "ann", "kind": "follow_up"}}
    assert list(found) == ["i1", "i4", "i5"]  # in the order they were added
    assert not table.loaded and len(parsed) == 2 and sum(parsed) < len(table_bytes(LOG)[0]) // 2
    assert table.records_with("contact_id", {"nobody"}) == {}


def test_a_parsed_table_finds_the_same_records():
    table = lazy(LOG)
    table["i5"] = {"contact_id": "ann", "kind": "follow_up"}
    unparsed = table.records_with("contact_id", {"ann"})
    table.load()
    assert table.records_with("contact_id", {"ann"}) == unparsed and list(unparsed) == ["i1", "i4", "i5"]


def written(table: LazyTable) -> bytes:
    log = orjson.Fragment(b"".join(table.pieces()))
    return orjson.dumps({"a": {"x": 1}, "log": log, "z": {}}, option=orjson.OPT_INDENT_2)


FOUR = {f"r{number}": {"kind": "note", "n": number, "nested": {"a": [number]}} for number in range(1, 5)}


@pytest.mark.parametrize(
    "taken",
    [
        ["r1"],
        ["r2"],
        ["r4"],
        ["r1", "r2"],
        ["r2", "r1"],
        ["r1", "r3"],
        ["r2", "r3", "r4"],
        ["r1", "r2", "r3"],
    ],
)
def test_records_taken_out_are_parsed_alone_and_written_as_a_full_write_would(taken):
    parsed: list = []
    table = lazy(FOUR, parsed)
    assert table.get("r2") == FOUR["r2"] and table.get("r9", "none") == "none"
    assert [table.pop(key) for key in taken] == [FOUR[key] for key in taken]
    table["r5"] = {"kind": "note"}
    left = {key: body for key, body in FOUR.items() if key not in taken} | {"r5": {"kind": "note"}}
    assert not table.loaded and len(parsed) == 1 + len(taken) and len(table) == len(left)
    assert all(key not in table and table.get(key) is None for key in taken)
    assert table.records_with("kind", {"note"}) == left
    assert written(table) == table_bytes(left)[0]
    table.load()
    assert dict(table) == left


def test_a_record_taken_out_and_put_back_comes_last_as_in_a_full_write():
    table = lazy(FOUR)
    body = table.pop("r2")
    table["r2"] = body
    moved = {key: kept for key, kept in FOUR.items() if key != "r2"} | {"r2": body}
    assert not table.loaded and written(table) == table_bytes(moved)[0]
    assert table.pop("r9", "none") == "none" and not table.loaded
    with pytest.raises(KeyError):
        del table["r9"]
    assert not table.loaded


def test_taking_out_the_last_record_of_the_bytes_parses_them():
    table = lazy({"r1": {"kind": "note"}})
    table["r2"] = {"kind": "dm_sent"}
    assert table.pop("r1") == {"kind": "note"} and table.loaded
    assert dict(table) == {"r2": {"kind": "dm_sent"}}
    del table["r2"]
    assert dict(table) == {}


def test_past_a_few_searches_between_writes_the_bytes_are_parsed_once():
    """An import of many records undone, or many threads read again, would read the bytes each time."""
    many = {f"r{number}": {"contact_id": f"c{number % 30}", "kind": "note"} for number in range(60)}
    parsed: list = []
    table = lazy(many, parsed)
    for number in range(SEARCHES_BEFORE_PARSING):
        assert table.get(f"r{number}") == many[f"r{number}"]
    table.pieces()  # a write: searching starts afresh
    assert [table.pop(f"r{number}") for number in range(3)] == [many["r0"], many["r1"], many["r2"]]
    assert not table.loaded and len(parsed) == SEARCHES_BEFORE_PARSING + 3
    contacts = {f"c{number}" for number in range(SEARCHES_BEFORE_PARSING)}
    found = table.records_with("contact_id", contacts)
    assert table.loaded and len(parsed) == SEARCHES_BEFORE_PARSING + 4
    assert found == {
        key: body
        for key, body in many.items()
        if body["contact_id"] in contacts and key not in ("r0", "r1", "r2")
    }


# -- in the store ----------------------------------------------------------------------------------


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """The size of each piece of JSON the storage parses from now on."""
    sizes: list[int] = []
    parse = storage_module.parse_json_bytes

    def counting(raw, source):
        sizes.append(len(raw))
        return parse(raw, source)

    monkeypatch.setattr(storage_module, "parse_json_bytes", counting)
    return sizes


def canonical(path) -> bool:
    raw = path.read_bytes()
    return orjson.dumps(orjson.loads(raw), option=orjson.OPT_INDENT_2) == raw


def filled(store, clock, count: int = 30):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    for hours in range(count, 0, -1):
        log(store, ann, "dm_sent", at=clock.now().subtract(hours=hours))
    return ann


def test_the_plan_and_a_new_log_need_not_parse_the_log(store, db_path, clock, parses):
    ann = filled(store, clock)
    log_bytes = len(json.dumps(json.loads(db_path.read_text())["interactions"], indent=2))
    parses.clear()
    reopened = Store(db_path, clock=clock)
    assert reopened.thread(ann.id).nudges == 29 and reopened.contacts()[0].name == "Ann"
    log(reopened, ann, "follow_up")
    assert parses and max(parses) < log_bytes  # the rest of the file only
    assert canonical(db_path)
    assert len(Store(db_path, clock=clock).interactions(ann.id)) == 31


def test_a_change_elsewhere_writes_the_unparsed_log_back_as_it_was(store, db_path, clock, parses):
    ann = filled(store, clock, 4)
    log_before = json.loads(db_path.read_text())["interactions"]
    reopened = Store(db_path, clock=clock)
    add_contact(reopened, "Bob", handles={"x": "@bob"})  # the log is neither read nor added to
    assert not reopened._storage.read()["interactions"].loaded
    assert json.loads(db_path.read_text())["interactions"] == log_before
    assert canonical(db_path)
    assert len(Store(db_path, clock=clock).interactions(ann.id)) == 4


def test_a_file_the_record_does_not_know_is_parsed_whole(store, db_path, clock, parses):
    filled(store, clock, 5)
    compact = orjson.dumps(json.loads(db_path.read_text()))  # another layout, as another program writes
    db_path.write_bytes(compact)
    parses.clear()
    reopened = Store(db_path, clock=clock)
    assert len(reopened.interactions()) == 5
    assert max(parses) == len(compact)
    # Edited outside dailyreach, its summaries were made anew from the log and written in its layout.
    assert canonical(db_path)


@pytest.mark.parametrize("shift", [-1, 1, 7])
def test_a_record_with_a_wrong_layout_costs_a_full_parse_never_a_record(store, db_path, clock, shift):
    filled(store, clock, 5)
    record = json.loads(checked_path(db_path).read_text())
    record["log"] = [record["log"][0] + shift, record["log"][1] + shift, record["log"][2]]
    checked_path(db_path).write_text(json.dumps(record))
    reopened = Store(db_path, clock=clock)
    add_contact(reopened, "Bob")
    assert len(Store(db_path, clock=clock).interactions()) == 5
    assert canonical(db_path)


def test_an_undo_of_a_log_added_unparsed_takes_it_out(store, db_path, clock):
    ann = filled(store, clock, 3)
    reopened = Store(db_path, clock=clock)
    log(reopened, ann, "follow_up")
    reopened.undo()
    assert [interaction.kind for interaction in Store(db_path, clock=clock).interactions()] == ["dm_sent"] * 3
    assert canonical(db_path)


@pytest.mark.parametrize("field", ["version", "language"])
def test_a_record_written_by_another_version_or_language_has_the_file_checked_not_rewritten(
    store, db_path, clock, field
):
    """The file is the one dailyreach wrote (its content is the record's): only the record's words are
    another version's or language's, so the records are checked again, and the summaries kept as they are."""
    filled(store, clock, 3)
    record = db_path.with_name(db_path.name + ".checked")
    data = json.loads(record.read_text())
    data[field] = "other"
    record.write_text(json.dumps(data))
    before = db_path.stat()
    reopened = Store(db_path, clock=clock)
    assert len(reopened.interactions()) == 3
    assert len(reopened.threads()) == 1
    after = db_path.stat()  # a rewrite replaces the file: another inode, though the same bytes
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_one_contacts_history_is_read_without_parsing_the_log(store, db_path, clock, parses):
    ann = filled(store, clock, 40)
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    log(store, bob, "dm_sent", at=clock.now().subtract(hours=50))  # the oldest, written last
    log_bytes = len(json.dumps(json.loads(db_path.read_text())["interactions"], indent=2))
    everyone = Store(db_path, clock=clock).interactions()
    parses.clear()
    reopened = Store(db_path, clock=clock)
    log(reopened, ann, "follow_up")  # added since the file was read: found too
    history = reopened.interactions(ann.id)
    assert not reopened._storage.read()["interactions"].loaded and max(parses) < log_bytes
    assert [entry.kind for entry in history] == ["dm_sent"] * 40 + ["follow_up"]
    assert history[:-1] == [entry for entry in everyone if entry.contact_id == ann.id]
    assert [entry.contact_id for entry in reopened.interactions(bob.id)] == [bob.id]


def test_a_record_that_cannot_be_read_is_left_out_of_a_contacts_history(store, db_path, clock):
    ann = filled(store, clock, 3)
    data = json.loads(db_path.read_text())
    broken = next(iter(data["interactions"]))
    data["interactions"][broken]["kind"] = "carrier pigeon"
    db_path.write_text(json.dumps(data, indent=2))
    reopened = Store(db_path, clock=clock)
    assert [entry.id for entry in reopened.interactions(ann.id)] == [
        entry_id for entry_id in data["interactions"] if entry_id != broken
    ]


def test_a_log_older_than_the_threads_last_reads_that_contact_alone(store, db_path, clock, parses):
    """Not folded into the thread, it has the contact's thread and day read again: from their own
    records, found in the log without parsing it."""
    ann = filled(store, clock, 40)
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    log(store, bob, "dm_sent", at=clock.now().subtract(hours=3))
    log_bytes = len(json.dumps(json.loads(db_path.read_text())["interactions"], indent=2))
    parses.clear()
    reopened = Store(db_path, clock=clock)
    log(reopened, ann, "dm_sent", at=clock.now().subtract(hours=3))  # the day Bob was reached too
    assert not reopened._storage.read()["interactions"].loaded and max(parses) < log_bytes
    assert_derived_match_the_log(Store(db_path, clock=clock))
    assert canonical(db_path)


def test_an_undo_and_a_delete_need_not_parse_the_log(store, db_path, clock, parses):
    ann = filled(store, clock, 40)
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    first = log(store, bob, "dm_sent", at=clock.now().subtract(hours=45))
    log_bytes = len(json.dumps(json.loads(db_path.read_text())["interactions"], indent=2))
    parses.clear()
    reopened = Store(db_path, clock=clock)
    log(reopened, ann, "follow_up")
    reopened.undo()
    reopened.delete_interaction(first.id)
    assert not reopened._storage.read()["interactions"].loaded and max(parses) < log_bytes
    assert canonical(db_path)
    again = Store(db_path, clock=clock)
    assert len(again.interactions()) == 40 and again.interactions(bob.id) == []
    assert_derived_match_the_log(again)


def between_look_alikes(records: dict) -> LazyTable:
    """A log between two tables whose records look like its own: the same ids, the same field."""
    twin = {"i1": {"contact_id": "ann", "kind": "note"}, "i9": {"contact_id": "ann", "kind": "note"}}
    raw = orjson.dumps({"before": twin, "log": records, "after": twin}, option=orjson.OPT_INDENT_2)
    start = raw.index(b'"log": ') + len(b'"log": ')
    return LazyTable(raw, start, raw.index(b"\n  }", start) + 4, len(records), orjson.loads)


def test_a_search_of_the_log_never_reads_the_tables_beside_it():
    table = between_look_alikes({"i1": {"contact_id": "ann", "kind": "dm_sent"}, "i2": {"contact_id": "bob"}})
    assert table.records_with("contact_id", {"ann"}) == {"i1": {"contact_id": "ann", "kind": "dm_sent"}}
    assert "i9" not in table and table.get("i9", "none") == "none" and table.pop("i9", "none") == "none"
    assert not table.loaded


def test_taking_out_a_record_the_log_does_not_hold_names_it():
    table = lazy(RECORDS)
    with pytest.raises(KeyError, match="r9"):
        table.pop("r9")


def test_a_parsed_log_answers_get_and_pop_as_a_dict_does():
    table = lazy(RECORDS)
    table.load()
    assert table.get("r1") == RECORDS["r1"] and table.get("r9", "none") == "none" and table.get("r9") is None
    assert table.pop("r9", "none") == "none" and table.pop("r2") == RECORDS["r2"]
    assert dict(table) == {"r1": RECORDS["r1"]}


def test_each_write_starts_the_count_of_searches_before_parsing_again():
    parsed: list = []
    table = lazy(LOG, parsed)
    for _ in range(SEARCHES_BEFORE_PARSING):
        table.records_with("contact_id", {"ann"})
    table.pieces()
    table.records_with("contact_id", {"ann"})
    assert not table.loaded
