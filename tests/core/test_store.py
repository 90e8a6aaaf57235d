import errno
import json
import os
import re
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dailyreach.core.errors import ContactChanged, StoreError, ValidationError
from dailyreach.core.records.model import Contact, DayPlan, Invitation, PlanItem, Settings, Snooze
from dailyreach.core.store import store as store_module
from dailyreach.core.store.journal import StoreLocked
from dailyreach.core.store.storage import StoreCorrupt, StoreWriteError
from dailyreach.core.store.store import Store
from dailyreach.core.store.threads import zone_name
from tests.conftest import add_contact, log


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_is_created_owner_only_and_reopens_with_its_records(store, db_path, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent")
    assert mode(db_path) == 0o600
    assert mode(db_path.parent) == 0o700
    reopened = Store(db_path, clock=clock)
    assert [c.name for c in reopened.contacts()] == ["Ann"]
    assert [i.kind for i in reopened.interactions(ann.id)] == ["dm_sent"]
    assert json.loads(db_path.read_text())["_meta"]["schema"] == {"format": "dailyreach", "version": 2}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"contacts": {"1": {"name": "Ann"', "is not valid JSON (line 1, column"),
        (b"[1, 2, 3]", "not a dailyreach database"),
        (b'{"todos": {"1": {"title": "milk"}}}', "not a dailyreach database"),
        (b'{"_meta": {"schema": {"format": "other", "version": 1}}}', "not a dailyreach database"),
        (b'{"_meta": {"schema": {"format": "dailyreach", "version": 99}}}', "newer dailyreach"),
        (b'{"_meta": "dailyreach"}', "not a dailyreach database"),
        (b'{"_meta": {"schema": ["dailyreach", 2]}}', "not a dailyreach database"),
        # A version no dailyreach wrote has no migration to run: it was a KeyError (a traceback from status).
        (b'{"_meta": {"schema": {"format": "dailyreach", "version": 0}}}', "its schema is 0, which no"),
        (b'{"_meta": {"schema": {"format": "dailyreach", "version": -1}}}', "its schema is -1, which no"),
        (b'{"_meta": {"schema": {"format": "dailyreach", "version": true}}}', "its schema is true, which"),
        (b'{"_meta": {"schema": {"format": "dailyreach", "version": "2"}}}', 'its schema is "2", which'),
        (b'{"_meta": {"schema": {"format": "dailyreach"}}}', "its schema is null, which no dailyreach"),
    ],
)
def test_a_file_that_is_not_ours_is_reported_and_left_byte_for_byte(db_path, clock, content, message):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_bytes(content)
    with pytest.raises(StoreCorrupt, match=re.escape(message)) as caught:
        Store(db_path, clock=clock)
    assert str(db_path) in str(caught.value)
    assert db_path.read_bytes() == content


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            b'{"todos": {"1": {"title": "milk"}}}',
            "is JSON but not a dailyreach database; it was left as it is",
        ),
        (b'{"_meta": {"schema": ["dailyreach", 2]}}', "is not a dailyreach database; it was left as it is"),
        (
            b'{"_meta": {"schema": {"format": "dailyreach", "version": 0}}}',
            "says its schema is 0, which no dailyreach wrote; it was left as it is",
        ),
        (
            b'{"_meta": {"schema": {"format": "dailyreach", "version": 99}}}',
            "was written by a newer dailyreach (schema 99); this one reads up to schema 2. Update dailyreach.",
        ),
    ],
)
def test_a_file_that_is_not_ours_is_said_so_in_full(db_path, clock, content, said):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_bytes(content)
    with pytest.raises(StoreCorrupt) as caught:
        Store(db_path, clock=clock)
    assert str(caught.value) == f"{db_path} {said}"


def test_a_hand_edited_derived_marker_that_is_not_an_object_is_rebuilt(store, db_path, clock):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent")
    data = json.loads(db_path.read_text())
    data["_meta"]["derived"] = "edited"
    db_path.write_text(json.dumps(data))
    reopened = Store(db_path, clock=clock)  # it was a ValueError in every command, doctor's too
    assert reopened.thread(ann.id).last_sent is not None
    assert reopened.problems() == []


def test_an_empty_file_becomes_a_new_database(db_path, clock):
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_bytes(b"")
    add_contact(Store(db_path, clock=clock), "Ann")
    assert [c.name for c in Store(db_path, clock=clock).contacts()] == ["Ann"]


def test_older_files_are_backed_up_then_migrated(store, db_path, clock, monkeypatch):
    add_contact(store, "Ann", why="old")
    before = db_path.read_bytes()

    def shout_why(tables):
        for body in tables.get("contacts", {}).values():
            body["why"] = body["why"].upper()

    current = store_module.SCHEMA_VERSION
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(store_module.MIGRATIONS, current, shout_why)
    migrated = Store(db_path, clock=clock)
    assert [c.why for c in migrated.contacts()] == ["OLD"]
    backup = db_path.parent / "backups" / f"dailyreach-before-schema-{current + 1}.json"
    assert backup.read_bytes() == before
    assert mode(backup) == 0o600
    assert json.loads(db_path.read_text())["_meta"]["schema"]["version"] == current + 1


def test_a_backup_is_written_once_a_day_and_the_last_seven_are_kept(store, db_path, clock):
    for _ in range(10):
        add_contact(store, "Ann")
        add_contact(store, "Bob")
        clock.advance(days=1)
    backups = sorted(p.name for p in (db_path.parent / "backups").iterdir())
    assert len(backups) == 7
    assert backups[0] == "dailyreach-2026-11-26.json" and backups[-1] == "dailyreach-2026-12-02.json"
    newest = json.loads((db_path.parent / "backups" / backups[-1]).read_text())
    assert len(newest["contacts"]) == 18  # as the file was before that day's first change


def test_leftovers_of_a_crash_before_the_replace_are_cleaned_on_open(store, db_path, clock):
    leftover = db_path.parent / f".{db_path.name}.abcd1234.tmp"
    leftover.write_text('{"half": ')
    Store(db_path, clock=clock)
    assert not leftover.exists()


def test_a_failed_save_reports_it_and_leaves_file_and_records_as_they_were(store, db_path, monkeypatch):
    add_contact(store, "Ann")
    before = db_path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("dailyreach.core.store.storage.os.replace", disk_full)
    with pytest.raises(StoreWriteError, match="No space left on device"):
        add_contact(store, "Bob")
    assert db_path.read_bytes() == before
    assert [c.name for c in store.contacts()] == ["Ann"]
    assert not list(db_path.parent.glob("*.tmp"))


def test_undo_reverses_changes_one_at_a_time(store):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent")
    ann.name = "Ann Smith"
    store.save_contact(ann)
    store.undo()
    assert store.contact(ann.id).name == "Ann"
    store.undo()
    assert store.interactions() == []
    store.undo()
    assert store.contacts() == []
    assert store.undo() is None


def test_two_stores_on_one_file_see_and_keep_each_others_writes(store, db_path, clock):
    other = Store(db_path, clock=clock)
    add_contact(store, "Ann")
    add_contact(other, "Bob")
    add_contact(store, "Cy")
    assert sorted(c.name for c in other.contacts()) == ["Ann", "Bob", "Cy"]
    assert sorted(c.name for c in Store(db_path, clock=clock).contacts()) == ["Ann", "Bob", "Cy"]


HOLD_LOCK = """
import sys, time, filelock
lock = filelock.FileLock(sys.argv[1])
lock.acquire()
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_writer_waits_for_the_lock_then_fails_clearly(store, db_path, monkeypatch):
    store.journal.lock.timeout = 0.3
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, f"{db_path}.lock", "30"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        before = db_path.read_bytes()
        with pytest.raises(StoreLocked, match="busy"):
            store.save_contact(Contact(name="Ann"))
        assert db_path.read_bytes() == before
    finally:
        holder.kill()
        holder.wait()


def test_an_undo_refused_by_a_held_lock_can_be_tried_again(store, db_path, monkeypatch):
    add_contact(store, "Ann")
    store.journal.lock.timeout = 0.3
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, f"{db_path}.lock", "30"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreLocked):
            store.undo()
    finally:
        holder.kill()
        holder.wait()
    assert store.undo().label == "save contact"
    assert store.contacts() == []


def test_a_writer_that_finds_the_lock_taken_succeeds_once_it_is_released(store, db_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, f"{db_path}.lock", "1"], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        add_contact(store, "Ann")
    finally:
        holder.wait()
    assert [c.name for c in store.contacts()] == ["Ann"]


def test_a_decline_reason_is_cleaned_like_any_other_text(store):
    invitation = store.save_invitation(Invitation(title="Mixer", host="Bob", kind="mixer"))
    store.decline_invitation(invitation.id, "pitch\x1b[2J only\x07")
    declined = store.invitation(invitation.id)
    assert (declined.status, declined.note, declined.host) == ("declined", "pitch only", "Bob")


def test_an_interaction_dated_in_the_future_is_refused_and_nothing_is_written(store, db_path):
    ann = add_contact(store, "Ann")
    before = db_path.read_bytes()
    with pytest.raises(ValidationError) as refused:
        log(store, ann, "dm_sent", at=store.now().add(minutes=1))
    assert str(refused.value) == "When: 2026-11-23 09:01 is in the future; log what has already happened"
    assert db_path.read_bytes() == before
    log(store, ann, "dm_sent", at=store.now())
    assert len(store.interactions()) == 1


# Zero-width characters alone draw nothing: a note of them was a timeline entry with nothing to read.
@pytest.mark.parametrize("text", ["", "  \n ", "\u200b\u200d", "\ufeff\u2060 \u200c"])
def test_a_note_without_its_text_is_refused_by_the_store_itself_and_nothing_is_written(store, db_path, text):
    """Whatever logs it (the app, the command line, a script of the core's): a note is its text."""
    ann = add_contact(store, "Ann")
    before = db_path.read_bytes()
    with pytest.raises(ValidationError) as refused:
        log(store, ann, "note", text=text)
    assert str(refused.value) == "Text: a note needs its text"
    assert db_path.read_bytes() == before
    assert log(store, ann, "dm_sent", text="").text == ""  # only a note needs one


def test_a_handle_another_contact_has_is_refused_naming_that_contact(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann", "email": "ann@example.com"})
    with pytest.raises(ValidationError) as refused:
        add_contact(store, "Annie", handles={"email": "ANN@example.com"})
    assert refused.value.field == "email"
    assert f"is already the handle of Ann ({ann.id}, @ann)" in str(refused.value)
    ann.why = "Sold her startup"
    store.save_contact(ann)  # saving the contact that has them is fine
    assert [contact.name for contact in store.contacts()] == ["Ann"]


def test_undo_says_what_it_undid_in_words(store):
    yamada = add_contact(store, "山田 太郎", handles={"x": "@yamada"})
    dm = log(store, yamada, "dm_sent")
    log(store, yamada, "reply_received")
    store.delete_interaction(dm.id)
    store.snooze(Snooze(contact_id=yamada.id, until="2026-11-30"))
    store.save_invitation(Invitation(title="異業種交流会", kind="mixer"))
    store.decline_invitation(store.invitations()[0].id)
    undone = [store.undo().label for _ in range(5)]
    assert undone == [
        "decline of 異業種交流会",
        "save invitation",
        "snooze of 山田 太郎 until 2026-11-30",
        "deleted entry: DM sent to 山田 太郎",
        "reply received from 山田 太郎",
    ]
    assert store.undo().label == "DM sent to 山田 太郎"


def test_the_core_and_the_app_read_the_same_time_in_the_same_zone(store):
    core, app = store.local_now(), store.now()
    assert (core, core.isoformat(), core.date()) == (app, app.isoformat(), store.today())
    assert zone_name(store.zone) == zone_name(store.timezone) == "Asia/Tokyo"


def test_a_store_given_no_clock_reads_the_system_time_in_the_settings_zone(db_path):
    store = Store(db_path)
    store.save_settings(Settings(timezone="America/New_York"))
    before = datetime.now(UTC)
    now = store.local_now()
    assert before <= now <= datetime.now(UTC)
    assert zone_name(now.tzinfo) == "America/New_York"
    assert store.now().timezone_name == "America/New_York"


def test_a_folder_is_made_only_when_asked_owner_only_and_found_again_the_next_time(tmp_path):
    database = tmp_path / "no" / "such" / "db.json"
    with pytest.raises(StoreError, match="^no folder .*such for the database .*db.json: check the path"):
        Store(database)
    assert list(tmp_path.iterdir()) == []
    Store(database, make_folder=True)
    assert stat.S_IMODE(database.parent.stat().st_mode) == 0o700
    assert Store(database, make_folder=True).contacts() == []  # the folder made the first time is kept


def test_a_link_to_a_database_in_a_missing_folder_names_that_folder(tmp_path):
    link = tmp_path / "db.json"
    link.symlink_to(tmp_path / "gone" / "db.json")
    with pytest.raises(StoreError) as refused:
        Store(link)
    assert str(refused.value) == (
        f"no folder {tmp_path / 'gone'} for the database {link}: check the path, or make the folder first"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["db.json"]


def test_a_missing_folder_typed_as_a_relative_path_is_named_as_typed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError) as refused:
        Store(Path("no/such/db.json"))
    assert str(refused.value).startswith("no folder no/such for the database no/such/db.json:")


def test_a_database_in_a_folder_that_is_a_file_is_said_so(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError) as refused:
        Store(tmp_path / "notes.txt" / "db.json")
    assert str(refused.value) == (
        f"{tmp_path / 'notes.txt'} is a file, not a folder: the database {tmp_path / 'notes.txt' / 'db.json'} "
        "cannot be made in it"
    )
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_settings_are_changed_over_what_the_file_holds_as_one_change_undo_takes_back(store, db_path):
    """What another process saved meanwhile is kept; a refused value writes nothing."""
    Store(db_path).save_settings(Settings(timezone="Asia/Tokyo", currency="JPY"))  # another process
    seen = []
    changed = store.change_settings(lambda current: seen.append(current.currency) or {"daily_goal": 3})
    assert seen == ["JPY"]
    assert (changed.daily_goal, changed.currency) == (3, "JPY")
    assert (Store(db_path).settings().daily_goal, Store(db_path).settings().currency) == (3, "JPY")
    before = db_path.read_bytes()
    with pytest.raises(ValidationError, match="Daily goal: must be between 1 and 200, not 0"):
        store.change_settings(lambda _current: {"daily_goal": 0})
    assert db_path.read_bytes() == before
    assert store.undo().label == "change settings"
    assert store.settings().daily_goal == 5


def test_a_currency_changed_to_nothing_is_refused_not_taken_for_the_default(store, db_path):
    # settings --currency '' turned EUR into USD without a word.
    store.change_settings(lambda _current: {"currency": "EUR"})
    before = db_path.read_bytes()
    for empty in ("", " ", "\u200b"):
        with pytest.raises(ValidationError, match="is not a three-letter code such as USD or JPY"):
            store.change_settings(lambda _current, empty=empty: {"currency": empty})
    assert db_path.read_bytes() == before
    assert Settings.from_dict({}).currency == "USD"  # none given: the default still


def test_deleting_a_contact_takes_all_of_theirs_and_undo_gives_it_all_back(store, clock):
    from dailyreach.core.planning.agenda import build_agenda
    from dailyreach.core.store.doctor import found

    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=3))
    log(store, ann, "reply_received", at=clock.now().subtract(days=2))
    log(store, bob, "dm_sent", at=clock.now().subtract(days=3))
    store.snooze(Snooze(contact_id=ann.id, until="2026-12-30"))
    build_agenda(store)  # today's plan stored, with both in it
    store.save_plan(DayPlan(date="2026-11-01", items=[PlanItem(contact_id=ann.id, reason="new")]))
    before = json.loads(store.path.read_text())

    assert store.delete_contact(ann.id) == 2

    assert [contact.name for contact in store.contacts(include_archived=True)] == ["Bob"]
    assert {i.contact_id for i in store.interactions()} == {bob.id}
    assert store.snoozes() == {} and ann.id not in store.threads()
    assert all(item.contact_id != ann.id for plan in store.plans() for item in plan.items)
    assert store.plan("2026-11-01") == DayPlan(date="2026-11-01", items=[])  # the day kept, without Ann
    assert [item.contact_id for item in store.plan(store.local_today().isoformat()).items] == [bob.id]
    assert found(store) == []  # the summaries are those of the log without Ann
    assert [item.contact.name for item in build_agenda(store).items] == ["Bob"]
    assert store.history[-1].label == "delete Ann"
    store.undo()
    after = json.loads(store.path.read_text())
    assert {table: after[table] for table in before} == before


def test_deleting_a_contact_no_one_has_names_the_id_and_changes_nothing(store):
    before = store.path.read_bytes()
    with pytest.raises(StoreError, match=r"^no contact with id 'nobody'$"):
        store.delete_contact("nobody")
    assert store.path.read_bytes() == before


def test_a_change_names_the_record_its_undo_gives_back(store):
    ann = add_contact(store, "Ann")
    added = store.history[-1]
    assert added.restored_by_undo("contacts") is None  # undoing an addition gives nothing back
    sent = log(store, ann, "dm_sent")
    store.delete_contact(ann.id)
    deleted = store.history[-1]
    assert deleted.restored_by_undo("contacts") == ann.id
    assert deleted.restored_by_undo("interactions") == sent.id
    assert deleted.restored_by_undo("templates") is None


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (
            {"format": "dailyreach", "version": 1, "contacts": []},
            "{path} is a dailyreach export, not a database: dailyreach --db NEW.json import '{path}' makes a "
            "database of it",
        ),
        ({"format": "another", "contacts": []}, "{path} is JSON but not a dailyreach database"),
    ],
    ids=["an export", "another program's"],
)
def test_json_that_is_no_database_is_refused_saying_what_it_is(tmp_path, content, said):
    path = tmp_path / "my data.json"
    path.write_text(json.dumps(content))
    with pytest.raises(StoreCorrupt) as refused:
        Store(path)
    assert str(refused.value) == said.format(path=path)
    assert json.loads(path.read_text()) == content


def test_records_change_only_inside_a_transaction(store, db_path):
    # A write outside one would reach no undo history and no atomic save: a mistake in our code, said.
    before = db_path.read_bytes()
    with pytest.raises(RuntimeError, match="^records change only inside a transaction$"):
        store.journal.put("contacts", "ann", {"name": "Ann"})
    with pytest.raises(RuntimeError, match="^records change only inside a transaction$"):
        store.journal.put_many("contacts", {"ann": {"name": "Ann"}})
    assert db_path.read_bytes() == before and store.contacts() == []


@pytest.mark.parametrize("seen", [0, 2])
def test_a_delete_agreed_to_for_another_count_of_interactions_deletes_nothing(store, seen):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent")
    before = store.path.read_bytes()
    with pytest.raises(ContactChanged, match="Ann has 1 interaction now, .* nothing was deleted"):
        store.delete_contact(ann.id, interactions_seen=seen)
    assert store.path.read_bytes() == before
    assert store.delete_contact(ann.id, interactions_seen=1) == 1 and store.contacts() == []
