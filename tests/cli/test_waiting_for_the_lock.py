"""A command or the app that waits for another dailyreach to let go of the database says so at once,
rather than showing nothing until it gives up ten seconds later."""

import json
import os
import subprocess

from dailyreach.core.store.lockfile import FileLock
from tests.conftest import DAILYREACH, run_cli
from tests.tui.test_in_tmux import session_alive, tmux, wait_for

WAITING = "is busy: waiting up to 10 s for another dailyreach to let go of it"


def held(db) -> FileLock:
    """The database's lock, taken here as another dailyreach would hold it."""
    lock = FileLock(f"{os.path.realpath(db)}.lock", timeout=0, mode=0o600)
    lock.acquire()
    return lock


def test_a_log_kept_waiting_says_so_then_logs_once_the_lock_is_let_go(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    lock = held(db)
    command = subprocess.Popen(
        [DAILYREACH, "--db", str(db), "log", "Ann", "dm_sent"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert command.stderr.readline() == f"{db} {WAITING}…\n"
        lock.release()
        assert command.wait(timeout=30) == 0
    finally:
        command.kill()
    exported = json.loads(run_cli("export", db=db).stdout)
    assert [interaction["kind"] for interaction in exported["interactions"]] == ["dm_sent"]


def test_the_app_kept_waiting_says_so_then_opens(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    session = f"dailyreach-wait-{tmp_path.name}"
    lock = held(db)
    try:
        command = f"{DAILYREACH} --db {db} --config {tmp_path / 'config.toml'}"
        # Wide: the notice names the long temporary path, and a wrapped line would not match.
        tmux("new-session", "-d", "-s", session, "-x", "250", "-y", "30", command)
        wait_for(session, WAITING)
    finally:
        lock.release()
    try:
        wait_for(session, "Ann")
    finally:
        if session_alive(session):
            tmux("kill-session", "-t", session)
