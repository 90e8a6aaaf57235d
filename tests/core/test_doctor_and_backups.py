"""What doctor finds beyond unreadable records, and the backups it and a broken file's message point to."""

import json
import os
import stat
import zlib
from dataclasses import replace
from datetime import datetime

import pytest

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.store.backups import (
    backup_folder,
    held_in,
    with_way_back,
    write_backup,
    write_kept_backup,
    written_at,
)
from dailyreach.core.store.checked import write_checked
from dailyreach.core.store.doctor import (
    export_would_not_import,
    found,
    misshapen_handles,
    repair,
    repairable,
)
from dailyreach.core.store.storage import StoreCorrupt
from dailyreach.core.store.store import Store
from dailyreach.core.store.templates import ensure_default_templates, templates
from tests.conftest import add_contact, log


def hand_edit(path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def test_doctor_lists_an_interaction_later_than_now_which_an_import_would_refuse(
    store, db_path, clock, tmp_path
):
    from dailyreach.core.errors import ImportRejected
    from dailyreach.core.files.exchange import export_json, plan_import

    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    sent = log(store, ann, "dm_sent")
    earlier = log(store, ann, "follow_up")
    ahead = store.now().add(days=180).isoformat()
    hand_edit(db_path, lambda data: data["interactions"][sent.id].update(at=ahead))
    reopened = Store(db_path, clock=clock)
    [problem] = found(reopened)
    assert (problem.table, problem.record_id, problem.field) == ("interactions", sent.id, "at")
    assert problem.problem == (
        "2027-05-22 09:00 is later than this machine's clock: an export holding it would not import "
        "(Delete on the contact's timeline removes it, to be logged again)"
    )
    assert earlier.id not in {p.record_id for p in found(reopened)}
    assert [p.record_id for p in repair(reopened).left] == [sent.id]  # when it happened is the user's to say
    with pytest.raises(ImportRejected):  # what the finding saves a restore from
        plan_import(Store(tmp_path / "other.json", clock=clock), json.loads(export_json(reopened)), "x.json")


def test_an_interaction_without_its_channel_is_named_and_left_out_while_the_rest_reads(store, db_path, clock):
    # The thread beside the log is worked out from each interaction's channel: without one, every
    # command once stopped on it, doctor too.
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    sent = log(store, ann, "dm_sent")
    followed = log(store, ann, "follow_up")
    hand_edit(db_path, lambda data: data["interactions"][sent.id].pop("channel"))
    reopened = Store(db_path, clock=clock)
    [problem] = reopened.problems()
    assert (problem.table, problem.record_id, problem.field, problem.problem) == (
        "interactions",
        sent.id,
        "channel",
        "is missing",
    )
    assert [interaction.id for interaction in reopened.interactions()] == [followed.id]
    assert build_agenda(reopened).pending[0].contact.id == ann.id


def test_an_export_says_how_many_interactions_later_than_now_it_holds_and_nothing_when_none(
    store, db_path, clock
):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bo = add_contact(store, "Bo", handles={"x": "@bo"})
    sent = [log(store, person, "dm_sent") for person in (ann, bo)]
    log(store, ann, "follow_up", at=store.now().subtract(seconds=1))
    assert export_would_not_import(Store(db_path, clock=clock)) is None  # the latest is now, not later
    later = store.now().add(seconds=1).isoformat()
    hand_edit(db_path, lambda data: data["interactions"][sent[0].id].update(at=later))
    assert export_would_not_import(Store(db_path, clock=clock)) == (
        "1 interaction is later than this machine's clock: an import of this export refuses it until it "
        "is fixed (`dailyreach doctor` lists it)"
    )
    for record in sent:
        hand_edit(db_path, lambda data, record=record: data["interactions"][record.id].update(at=later))
    assert export_would_not_import(Store(db_path, clock=clock)) == (
        "2 interactions are later than this machine's clock: an import of this export refuses them until "
        "they are fixed (`dailyreach doctor` lists them)"
    )


def test_repair_is_offered_only_for_what_it_would_fix(store, db_path, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bo = add_contact(store, "Bo", handles={"x": "@bo"})
    assert not repairable(Store(db_path, clock=clock))

    hand_edit(db_path, lambda data: data["contacts"][ann.id].update(priority="high"))
    assert not repairable(Store(db_path, clock=clock))  # which priority it was is the user's to say

    hand_edit(db_path, lambda data: data["contacts"].update({bo.id: "not a record"}))
    assert not repairable(Store(db_path, clock=clock))

    hand_edit(db_path, lambda data: data["contacts"][ann.id].update(priority=2, colour="blue"))
    assert repairable(Store(db_path, clock=clock))  # a field no record has, dropped

    hand_edit(db_path, lambda data: data["contacts"][ann.id].pop("colour"))
    hand_edit(db_path, lambda data: data["settings"]["settings"].update(daily_goal=0))
    assert repairable(Store(db_path, clock=clock))  # back to the default


def test_repair_with_nothing_it_can_fix_leaves_the_file_and_keeps_no_copy(store, db_path, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    hand_edit(db_path, lambda data: data["contacts"][ann.id].update(priority="high"))
    opened = Store(db_path, clock=clock)
    before = db_path.read_bytes()
    result = repair(opened)
    assert (result.backup, result.repaired, [p.record_id for p in result.left]) == (None, [], [ann.id])
    assert db_path.read_bytes() == before
    assert not list(backup_folder(db_path).glob("*before-doctor*"))


def test_doctor_finds_handles_no_form_would_take_after_the_records_of_no_contact(store, db_path, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann", "bluesky": "ann.bsky.social"})
    sent = log(store, ann, "dm_sent")

    def edit(data):
        data["contacts"][ann.id]["handles"] = {"x": "@@ann", "bluesky": "@Ann.bsky.social"}
        data["interactions"][sent.id]["contact_id"] = "nobody"

    hand_edit(db_path, edit)
    reopened = Store(db_path, clock=clock)
    assert [(p.table, p.field) for p in misshapen_handles(reopened)] == [
        ("contacts", "x"),
        ("contacts", "bluesky"),
    ]
    assert (
        misshapen_handles(reopened)[1].problem == "is stored as '@Ann.bsky.social', not as 'ann.bsky.social'"
    )
    assert [(p.table, p.field) for p in found(reopened)] == [
        ("interactions", "contact_id"),
        ("contacts", "x"),
        ("contacts", "bluesky"),
    ]
    orphan, misspelled = found(reopened)[:2]
    assert (orphan.record_id, orphan.problem) == (sent.id, "no contact with id 'nobody'")
    assert (misspelled.record_id, misspelled.problem) == (
        ann.id,
        "an X handle is @ and 1-15 letters, digits or underscores",
    )


def test_the_records_of_a_contact_that_cannot_be_read_are_not_said_to_be_of_no_contact(store, db_path, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent")

    def edit(data):
        data["contacts"][ann.id]["x"] = 1  # a field no contact has: Ann cannot be read, but she is there

    hand_edit(db_path, edit)
    reopened = Store(db_path, clock=clock)
    assert [(p.table, p.record_id, p.field) for p in found(reopened)] == [("contacts", ann.id, "x")]
    done = repair(reopened)
    assert [(p.table, p.field) for p in done.repaired] == [("contacts", "x")]
    assert done.left == []
    assert found(Store(db_path, clock=clock)) == []


def test_repair_puts_bad_settings_back_to_their_defaults_and_trims_a_record_after_a_dated_backup(
    store, db_path, clock
):
    store.save_settings(replace(store.settings(), daily_goal=7, followup_days=4))
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bo = add_contact(store, "Bo", handles={"x": "@bo"})

    def edit(data):
        data["settings"]["settings"]["daily_goal"] = "lots"  # back to 5; followup_days keeps its 4
        data["contacts"][ann.id]["mood"] = "happy"  # a field no contact has: dropped, Ann whole again
        data["contacts"][ann.id]["why"] = "builds\x1b[31m tools\nand teams"  # cleaned as a form would have
        data["contacts"][bo.id]["name"] = ""  # no field to drop makes Bo whole: left for the user
        data["contacts"][ann.id]["tags"] = ["in\x1b[31mvestor"]  # each tag cleaned too

    hand_edit(db_path, edit)
    reopened = Store(db_path, clock=clock)
    before = db_path.read_bytes()
    done = repair(reopened)
    assert done.backup is not None and done.backup.read_bytes() == before
    assert done.backup.name == f"{db_path.stem}-before-doctor-{clock.now().strftime('%Y-%m-%d-%H%M%S')}.json"
    assert [(p.table, p.record_id, p.field) for p in done.repaired] == [
        ("contacts", ann.id, "why"),  # the first of her problems; the field no contact has goes too
        ("settings", "settings", "daily_goal"),
    ]
    assert [(p.table, p.record_id, p.field) for p in done.left] == [("contacts", bo.id, "name")]
    assert reopened.history == []  # not undoable: the backup is the way back
    again = Store(db_path, clock=clock)
    assert (again.settings().daily_goal, again.settings().followup_days) == (5, 4)
    assert again.contact(ann.id).why == "builds tools\nand teams"  # a why keeps its lines
    assert again.contact(ann.id).tags == ["investor"]
    assert [(p.table, p.record_id) for p in found(again)] == [("contacts", bo.id)]


def test_a_plan_and_a_template_with_a_field_of_no_such_record_are_trimmed_and_keep_the_rest(
    store, db_path, clock
):
    add_contact(store, "Ann", handles={"x": "@ann"})
    build_agenda(store)  # today's plan, stored
    ensure_default_templates(store)
    template = next(each for each in templates(store) if each.subject)  # every field a template has
    day = store.local_today().isoformat()

    def edit(data):
        data["plans"][day]["mood"] = "calm"
        data["templates"][template.id]["colour"] = "red"

    hand_edit(db_path, edit)
    plan_before = json.loads(db_path.read_text())["plans"][day]
    reopened = Store(db_path, clock=clock)
    assert sorted((p.table, p.problem) for p in found(reopened)) == [
        ("plans", "unknown field 'mood'"),
        ("templates", "unknown field 'colour'"),
    ]
    assert {p.table for p in repair(reopened).repaired} == {"plans", "templates"}
    again = Store(db_path, clock=clock)
    assert found(again) == []
    stored = json.loads(db_path.read_text())
    assert stored["plans"][day] == {key: value for key, value in plan_before.items() if key != "mood"}
    assert next(each for each in templates(again) if each.id == template.id) == template


def test_a_backup_says_what_it_holds_and_none_when_it_cannot_be_read(tmp_path):
    backup = tmp_path / "copy.json"
    backup.write_text(
        json.dumps({"contacts": {"a": {}, "b": {}}, "interactions": {"1": {}, "2": {}, "3": {}}})
    )
    assert held_in(backup) == "2 contacts and 3 interactions"
    backup.write_text(json.dumps({"contacts": {"a": {}}}))
    assert held_in(backup) == "1 contact and 0 interactions"
    backup.write_text(json.dumps({"interactions": {"1": {}}}))
    assert held_in(backup) == "0 contacts and 1 interaction"
    backup.write_text("{broken")
    assert held_in(backup) is None
    assert held_in(tmp_path / "missing.json") is None


def test_the_way_back_names_the_newest_backup_and_what_it_holds(store, db_path, tmp_path):
    assert with_way_back("broken", tmp_path / "lone.json") == "broken"  # no backup to name
    add_contact(store, "Ann", handles={"x": "@ann"})
    copy = write_kept_backup(db_path, "before-doctor", "2026-11-23-090000")
    said = with_way_back("broken", db_path)
    assert said.startswith(f"broken. Its newest backup is {copy}, written ")
    assert (
        ", with 1 contact and 0 interactions (what changed after that is not in it): copy that over" in said
    )
    copy.write_text("{broken")
    assert "with 1 contact" not in with_way_back("broken", db_path) and str(copy) in with_way_back(
        "broken", db_path
    )


def test_the_way_back_says_when_the_newest_backup_was_written_by_the_clock_not_its_name(store, db_path):
    add_contact(store, "Ann", handles={"x": "@ann"})
    later_named = write_kept_backup(db_path, "before-doctor", "2026-11-23-090000")
    earlier_named = write_backup(db_path, "2026-11-20")  # written after it, though its name sorts first
    os.utime(later_named, (1_700_000_000, 1_700_000_000))
    os.utime(earlier_named, (1_800_000_000, 1_800_000_000))
    assert stat.S_IMODE(backup_folder(db_path).stat().st_mode) == 0o700
    when = datetime.fromtimestamp(1_800_000_000).strftime("%Y-%m-%d %H:%M")
    assert with_way_back("broken", db_path) == (
        f"broken. Its newest backup is {earlier_named}, written {when}, with 1 contact and 0 interactions "
        f"(what changed after that is not in it): copy that over {db_path} to go back to it"
    )
    earlier_named.write_text("{broken")
    os.utime(earlier_named, (1_800_000_000, 1_800_000_000))
    assert with_way_back("broken", db_path) == (
        f"broken. Its newest backup is {earlier_named}, written {when}: copy that over {db_path} to go back to it"
    )


def test_the_way_back_is_never_the_copy_of_another_database_whose_name_starts_the_same(store, db_path, clock):
    # dailyreach.json and dailyreach-old.json share backups/: the old one's copy was offered as this one's.
    add_contact(store, "Ann", handles={"x": "@ann"})
    other = Store(db_path.with_name(f"{db_path.stem}-old.json"), clock=clock)
    add_contact(other, "Bob", handles={"x": "@bob"})
    theirs = [write_backup(other.path, "2026-11-21"), write_kept_backup(other.path, "before-doctor", "2026")]
    for copy in theirs:
        os.utime(copy, (2_000_000_000, 2_000_000_000))  # newer than any copy of this one
    said = with_way_back("broken", db_path)
    assert said.startswith(f"broken. Its newest backup is {backup_folder(db_path)}/{db_path.stem}-2026-")
    for mine in backup_folder(db_path).glob(f"{db_path.stem}-2*.json"):
        mine.unlink()
    assert with_way_back("broken", db_path) == "broken"  # theirs is no way back for this one
    db_path.write_bytes(b"")
    assert Store(db_path, clock=clock).contacts() == []  # emptied, with no copy of its own: made anew


def test_the_first_backup_of_a_file_makes_a_folder_for_its_owner_only(tmp_path):
    db = tmp_path / "hand-made.json"
    db.write_text("{}")
    copy = write_kept_backup(db, "before-doctor", "2026-11-23-090000")
    assert copy is not None and copy.read_text() == "{}"
    assert stat.S_IMODE(backup_folder(db).stat().st_mode) == 0o700


def test_an_emptied_database_with_a_backup_is_refused_naming_the_way_back(store, db_path, clock):
    add_contact(store, "Ann", handles={"x": "@ann"})
    copy = write_backup(db_path, "2026-11-23")
    db_path.write_text("")  # a full disk or a sync tool emptied it
    with pytest.raises(StoreCorrupt) as refused:
        Store(db_path, clock=clock)
    assert str(refused.value) == (
        f"{db_path} is empty, though {copy}, written {written_at(copy)}, holds an earlier copy of it: "
        f"copy that over it to go back to it, or move {copy.parent} elsewhere to start anew; it was left as it is"
    )
    assert db_path.read_text() == ""


def test_a_deleted_database_with_a_backup_is_not_made_anew_and_the_way_back_is_named(store, db_path, clock):
    # Made anew, a week of its daily copies would have taken the place of the one holding the old file.
    add_contact(store, "Ann", handles={"x": "@ann"})
    copy = write_backup(db_path, "2026-11-23")
    db_path.unlink()
    with pytest.raises(StoreCorrupt) as refused:
        Store(db_path, clock=clock)
    assert str(refused.value) == (
        f"there is no {db_path}, though {copy}, written {written_at(copy)}, holds a copy of it: copy that to "
        f"{db_path} to go back to it, or move {copy.parent} elsewhere to start anew; nothing was made"
    )
    assert not db_path.exists()
    copy.parent.rename(copy.parent.with_name("old backups"))
    assert Store(db_path, clock=clock).made == "new"


def test_each_doctor_backup_is_kept_and_one_holding_the_same_file_is_not_written_again(store, db_path):
    assert write_kept_backup(db_path.parent / "none.json", "before-doctor", "t") is None
    add_contact(store, "Ann", handles={"x": "@ann"})
    first = write_kept_backup(db_path, "before-doctor", "2026-11-23-090000")
    assert write_kept_backup(db_path, "before-doctor", "2026-11-23-090001") == first
    add_contact(store, "Bo", handles={"x": "@bo"})
    second = write_kept_backup(db_path, "before-doctor", "2026-11-23-090000")  # the same second
    assert second != first and second.name.endswith("-2026-11-23-090000-2.json")
    assert (
        first.exists()
        and json.loads(second.read_text())["contacts"] != json.loads(first.read_text())["contacts"]
    )


def test_a_file_of_the_same_size_but_other_bytes_gets_a_copy_of_its_own(store, db_path):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    first = write_kept_backup(db_path, "before-doctor", "2026-11-23-090000")
    store.save_contact(replace(ann, name="Bea"))  # as many bytes, other ones
    assert db_path.stat().st_size == first.stat().st_size
    assert write_kept_backup(db_path, "before-doctor", "2026-11-23-090001") != first


def with_summaries_gone_wrong(db_path, change) -> None:
    """The file with its summaries changed as only a fault would leave them: recorded as this dailyreach's
    own writing (``<db>.checked``), so no hand edit is seen and nothing makes them again on opening."""
    hand_edit(db_path, change)
    raw = db_path.read_bytes()
    write_checked(db_path, (len(raw), zlib.crc32(raw)), {}, None)


def test_doctor_finds_summaries_that_differ_from_the_log_and_repair_makes_them_again(store, db_path, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bo = add_contact(store, "Bo", handles={"x": "@bo"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=3))
    log(store, bo, "dm_sent", at=clock.now().subtract(days=1))
    day = clock.now().subtract(days=3).date().isoformat()

    def fault(data):
        data["threads"][ann.id]["nudges"] = 7
        del data["threads"][bo.id]
        data["outreach_days"][day]["sent"] = 9

    with_summaries_gone_wrong(db_path, fault)
    reopened = Store(db_path, clock=clock)
    assert reopened.thread(ann.id).nudges == 7  # trusted as written
    threads = sorted([("threads", ann.id, "nudges"), ("threads", bo.id, "record")])  # in the order of ids
    assert [(p.table, p.record_id, p.field) for p in found(reopened)] == [
        *threads,
        ("outreach_days", day, "sent"),
    ]
    said = {str(problem) for problem in found(reopened)}
    assert f"threads {ann.id}: nudges: differs from the contact's interactions" in said
    assert f"outreach_days {day}: sent: differs from the interactions of that day" in said
    assert repairable(reopened)  # made again from the log
    done = repair(reopened)
    assert done.backup is not None and len(done.repaired) == 3 and done.left == []
    assert found(reopened) == []
    assert (reopened.thread(ann.id).nudges, reopened.thread(bo.id).open) == (0, True)
    assert found(Store(db_path, clock=clock)) == []


def test_summaries_as_the_log_has_them_are_no_problem(store, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=3))
    log(store, ann, "reply_received")
    assert found(store) == []
    assert repair(store).backup is None
