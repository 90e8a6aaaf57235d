"""Another program rewrites the database in place, keeping its size and putting its mtime back (as sync
tools do): the store notices, shows the change, and its next write keeps it (issue 11, point 9)."""

import json
import os
import time

import pytest

from dailyreach.core.store import storage
from tests.conftest import add_contact


def rewrite_in_place_keeping_size_and_mtime(path, old: bytes, new: bytes) -> None:
    before = os.stat(path)
    raw = path.read_bytes()
    assert len(old) == len(new) and raw.count(old) == 1
    with open(path, "r+b") as handle:  # the same inode, as rsync --inplace or an editor's save
        handle.write(raw.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = os.stat(path)
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (
        before.st_ino,
        before.st_size,
        before.st_mtime_ns,
    )


# Right after the store's own read (within one tick of the kernel's clock, the ctime may not move), and
# a moment later (the ctime does).
@pytest.mark.parametrize("pause", [0, 0.2])
def test_an_outside_rewrite_keeping_size_and_mtime_is_read_and_kept_by_the_next_write(store, db_path, pause):
    zoe = add_contact(store, "Zoe Original")
    assert store.contact(zoe.id).name == "Zoe Original"  # what the store holds in memory
    time.sleep(pause)
    rewrite_in_place_keeping_size_and_mtime(db_path, b'"Zoe Original"', b'"Zoe Outsider"')

    assert store.contact(zoe.id).name == "Zoe Outsider"
    add_contact(store, "Bob")
    stored = json.loads(db_path.read_text(encoding="utf-8"))["contacts"].values()
    assert sorted(contact["name"] for contact in stored) == ["Bob", "Zoe Outsider"]


def test_the_app_sees_a_new_revision_after_such_a_rewrite(store, db_path):
    add_contact(store, "Zoe Original")
    shown = store.revision()
    time.sleep(0.2)
    rewrite_in_place_keeping_size_and_mtime(db_path, b'"Zoe Original"', b'"Zoe Outsider"')
    assert store.revision() != shown


def test_on_a_file_system_keeping_whole_seconds_the_content_tells_a_rewrite_within_the_second(
    store, db_path, monkeypatch
):
    """ext3, FAT and some network file systems keep whole seconds: a rewrite in the same second as the
    store's own write leaves inode, ctime and size as they were."""
    exact = storage.file_signature

    def coarse(path):
        signature = exact(path)
        return None if signature is None else (signature[0], signature[1] // 10**9 * 10**9, signature[2])

    monkeypatch.setattr(storage, "file_signature", coarse)
    zoe = add_contact(store, "Zoe Original")
    signature = coarse(db_path)
    rewrite_in_place_keeping_size_and_mtime(db_path, b'"Zoe Original"', b'"Zoe Outsider"')
    if coarse(db_path) != signature:  # the second turned in between: the signature tells, as above
        assert store.contact(zoe.id).name == "Zoe Outsider"
        return
    assert store.contact(zoe.id).name == "Zoe Outsider"
    add_contact(store, "Bob")
    stored = json.loads(db_path.read_text(encoding="utf-8"))["contacts"].values()
    assert sorted(contact["name"] for contact in stored) == ["Bob", "Zoe Outsider"]


def test_under_its_lock_the_store_looks_at_the_file_once_not_at_every_read(store, db_path, monkeypatch):
    """No other dailyreach writes while the lock is held: a change and the status and check records
    written after it read the file once, however often they read the store (issue 8)."""
    zoe = add_contact(store, "Zoe")
    reads: list[str] = []
    read_bytes = type(db_path).read_bytes

    def counting(path):
        if path == db_path:
            reads.append("read")
        return read_bytes(path)

    monkeypatch.setattr(type(db_path), "read_bytes", counting)
    add_contact(store, "Bob")  # within a tick of the write before: the content must be looked at once
    assert len(reads) <= 1
    reads.clear()
    # Once the lock is let go, another program may write again: the next read looks again.
    rewrite_in_place_keeping_size_and_mtime(db_path, b'"Zoe"', b'"Zed"')
    assert store.contact(zoe.id).name == "Zed"
    assert reads


def test_a_view_of_the_store_looks_at_the_file_once_however_often_it_reads(store, db_path, monkeypatch):
    """What a screen shows is read in one ``reading()`` block: right after a write, each look at the file
    reads it whole, and one view reads the store tens of times (issue 8)."""
    from dailyreach.core.planning.agenda import build_agenda

    add_contact(store, "Zoe")
    add_contact(store, "Bob")
    build_agenda(store)  # today's plan is saved: the agenda below only reads
    reads: list[str] = []
    read_bytes = type(db_path).read_bytes

    def counting(path):
        if path == db_path:
            reads.append("read")
        return read_bytes(path)

    monkeypatch.setattr(type(db_path), "read_bytes", counting)
    store.save_settings(store.settings())  # a write: the file's ctime is now too recent to vouch for it
    reads.clear()
    with store.reading():
        for _ in range(20):
            assert len(store.contacts()) == 2
    assert len(reads) <= 1
    reads.clear()
    assert [item.contact.name for item in build_agenda(store).items] == ["Zoe", "Bob"]
    assert len(reads) <= 1


GONE = "is gone or empty since dailyreach opened it (deleted, emptied or replaced by another program)"


@pytest.mark.parametrize(
    ("gone", "said"),
    [
        (lambda path: path.write_bytes(b""), GONE),
        (lambda path: path.unlink(), GONE),
        (
            lambda path: path.write_text('{"notes": {"1": {"text": "theirs"}}}'),
            "is JSON but not a dailyreach database",
        ),
    ],
    ids=["emptied", "deleted", "replaced by another program's JSON"],
)
def test_a_database_gone_since_it_was_opened_is_refused_and_never_written(store, db_path, gone, said):
    # The app keeps its store open for hours: its next write made the emptied file one that neither it
    # nor the command line would open again, and showed an empty store without a word.
    from dailyreach.core.store.storage import StoreCorrupt
    from dailyreach.core.store.store import Store

    add_contact(store, "Ann", handles={"x": "@ann"})
    copy = db_path.read_bytes()
    gone(db_path)
    left = db_path.read_bytes() if db_path.exists() else None
    # A read goes on with what the file last held (a key in the app that reads it must still act), and
    # says what is wrong; a change is refused.
    assert [contact.name for contact in store.contacts()] == ["Ann"]
    assert store.file_problem is not None and store.file_problem.startswith(f"{db_path} {said}")
    with pytest.raises(StoreCorrupt) as refused:
        add_contact(store, "Bo", handles={"x": "@bo"})
    assert str(refused.value).startswith(f"{db_path} {said}")
    assert (db_path.read_bytes() if db_path.exists() else None) == left
    # The refusal, made under the lock, did not cost the reads what the file last held: the app's next
    # key that reads the store (e, i, s) stopped it.
    assert [contact.name for contact in store.contacts()] == ["Ann"] and store.today() is not None
    assert store.file_problem is not None and store.file_problem.startswith(f"{db_path} {said}")
    db_path.write_bytes(copy)  # copied back from a backup: read again
    assert [contact.name for contact in store.contacts()] == ["Ann"] and store.file_problem is None
    assert [contact.name for contact in Store(db_path, clock=store.clock).contacts()] == ["Ann"]


def test_a_database_broken_since_it_was_opened_reads_as_it_was_and_refuses_a_change(store, db_path):
    from dailyreach.core.store.storage import StoreCorrupt

    add_contact(store, "Ann", handles={"x": "@ann"})
    db_path.write_text('{"contacts": ')  # cut short by another program
    assert [contact.name for contact in store.contacts()] == ["Ann"]
    assert store.file_problem is not None and store.file_problem.startswith(f"{db_path} is not valid JSON")
    with pytest.raises(StoreCorrupt):
        add_contact(store, "Bo", handles={"x": "@bo"})
    assert db_path.read_text() == '{"contacts": '
