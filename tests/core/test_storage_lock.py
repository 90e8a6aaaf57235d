"""The database's lock file: exclusive between processes (and with filelock's lock on the same file),
between threads, owner-only, and still a lock where the file system has no flock."""

import errno
import fcntl
import os
import stat
import subprocess
import sys
import threading

import filelock
import pytest

from dailyreach.core.store.lockfile import FileLock, LockTimeout

HOLD = """
import sys, time
from dailyreach.core.store.lockfile import FileLock
lock = FileLock(sys.argv[1], timeout=5, mode=0o600)
lock.acquire()
print("locked", flush=True)
sys.stdin.readline()
lock.release()
print("released", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def holder(tmp_path):
    """Another process holding the lock on ``tmp_path / 'db.json.lock'`` until told to let go."""
    path = tmp_path / "db.json.lock"
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "locked"
    yield path, process
    process.kill()
    process.wait()


def let_go(process):
    process.stdin.write("\n")
    process.stdin.flush()
    assert process.stdout.readline().strip() == "released"


def test_a_lock_held_by_another_process_makes_a_writer_wait_then_time_out(holder):
    path, _ = holder
    with pytest.raises(LockTimeout):
        FileLock(str(path), timeout=0.2, mode=0o600).acquire()


def test_filelocks_lock_and_ours_exclude_each_other(holder):
    path, process = holder
    with pytest.raises(filelock.Timeout):
        filelock.FileLock(str(path)).acquire(timeout=0.2)
    let_go(process)
    theirs = filelock.FileLock(str(path))
    theirs.acquire(timeout=1)
    try:
        with pytest.raises(LockTimeout):
            FileLock(str(path), timeout=0.2, mode=0o600).acquire()
    finally:
        theirs.release()


def test_once_released_the_lock_can_be_taken_and_its_file_stays(holder):
    path, process = holder
    let_go(process)
    lock = FileLock(str(path), timeout=1, mode=0o600)
    lock.acquire()
    lock.release()
    assert path.exists()  # removing it could let two processes lock two different files


def test_one_thread_may_take_the_lock_again_and_others_wait_for_it(tmp_path):
    lock = FileLock(str(tmp_path / "db.json.lock"), timeout=5, mode=0o600)
    lock.acquire()
    lock.acquire()
    taken = threading.Event()

    def other_thread():
        lock.acquire()
        taken.set()
        lock.release()

    thread = threading.Thread(target=other_thread)
    thread.start()
    assert not taken.wait(0.2)
    lock.release()
    assert not taken.wait(0.2)  # still held once
    lock.release()
    assert taken.wait(5)
    thread.join()


def test_the_lock_file_is_owner_only_whatever_the_umask(tmp_path):
    path = tmp_path / "db.json.lock"
    previous = os.umask(0)
    try:
        lock = FileLock(str(path), timeout=1, mode=0o600)
        lock.acquire()
        lock.release()
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.filterwarnings("ignore:flock not supported")  # filelock says it uses its own lock
def test_where_the_file_system_has_no_flock_filelock_takes_over(tmp_path, monkeypatch):
    def no_flock(descriptor, operation):
        raise OSError(errno.ENOSYS, "flock is not supported here")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    path = str(tmp_path / "db.json.lock")
    first, second = (FileLock(path, timeout=0.2, mode=0o600) for _ in range(2))
    first.acquire()
    with pytest.raises(LockTimeout):
        second.acquire()
    first.release()
    second.acquire()
    second.release()


def test_two_links_to_one_database_take_the_same_lock(tmp_path):
    """A database reached through a link (a synced folder, dotfiles) is locked beside the file itself: two
    commands through two links never write it at once."""
    from dailyreach.core.store.journal import StoreLocked
    from dailyreach.core.store.store import Store

    (tmp_path / "sync").mkdir()
    (tmp_path / "links").mkdir()
    real = tmp_path / "sync" / "db.json"
    Store(real)
    for name in ("a.json", "b.json"):
        (tmp_path / "links" / name).symlink_to(real)
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, f"{real}.lock"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline().strip() == "locked"
        for link in ("a.json", "b.json"):
            with pytest.raises(StoreLocked):
                Store(tmp_path / "links" / link, lock_wait=0.2)
        let_go(process)
        Store(tmp_path / "links" / "a.json", lock_wait=0.2)
    finally:
        process.kill()
        process.wait()
    assert not (tmp_path / "links" / "a.json.lock").exists()


def test_a_wait_for_another_process_is_told_once_after_a_moment_and_a_free_lock_tells_nothing(holder):
    path, process = holder
    waits = []
    lock = FileLock(str(path), timeout=0.8, mode=0o600)
    with pytest.raises(LockTimeout):
        lock.acquire(on_wait=lambda: waits.append(1))
    assert waits == [1]
    let_go(process)
    lock.acquire(on_wait=lambda: waits.append(2))
    lock.release()
    assert waits == [1]


def test_a_database_or_lock_this_user_may_not_open_is_said_in_one_line_naming_it(store, db_path, monkeypatch):
    # As root every file opens: the permission error is played. A chmod 000 database read as click's
    # usage error ("Invalid value for '--db'"), an unreadable lock as a bare "Permission denied".
    from pathlib import Path

    from dailyreach.core.errors import StoreError
    from dailyreach.core.store.lockfile import FileLock
    from dailyreach.core.store.store import Store

    read_bytes = Path.read_bytes

    def refused(path):
        if path == db_path:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refused)
    with pytest.raises(StoreError) as said:
        Store(db_path)
    assert str(said.value) == (
        f"cannot open {db_path}: permission denied; make it yours to read and write (chmod u+rw, or chown)"
    )
    monkeypatch.setattr(Path, "read_bytes", read_bytes)

    def not_ours(lock):
        raise PermissionError(13, "Permission denied", lock.path)

    monkeypatch.setattr(FileLock, "_open", not_ours)
    with pytest.raises(StoreError, match=rf"^cannot open {db_path}\.lock: permission denied"):
        Store(db_path)
