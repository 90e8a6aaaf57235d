"""The installed command in a real terminal: add a target with n, log a DM with d Enter, quit with q."""

import json
import shutil
import stat
import subprocess
import time

import pytest

from tests.conftest import DAILYREACH, run_cli

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def session_alive(session: str) -> bool:
    return subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0


def wait_for(session: str, text: str, seconds: float = 15) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared:\n{screen}")


def test_add_a_target_log_a_dm_quit_and_find_both_in_the_export(tmp_path):
    db = tmp_path / "try.json"
    session = f"dailyreach-test-{tmp_path.name}"
    tmux(
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        "120",
        "-y",
        "40",
        f"{DAILYREACH} --db {db} --config {tmp_path / 'config.toml'}",
    )
    try:
        wait_for(session, "Press n to add your first target")
        tmux("send-keys", "-t", session, "n")
        wait_for(session, "New target")
        tmux("send-keys", "-t", session, "-l", "山田 太郎")
        wait_for(session, "山田 太郎")
        tmux("send-keys", "-t", session, "Tab")
        time.sleep(0.3)
        tmux("send-keys", "-t", session, "-l", "@yamada")
        wait_for(session, "@yamada")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "new")
        tmux("send-keys", "-t", session, "d")
        wait_for(session, "DM sent: 山田 太郎")
        tmux("send-keys", "-t", session, "Enter")
        wait_for(session, "1/5 today")
        tmux("send-keys", "-t", session, "q")
        deadline = time.monotonic() + 10
        while session_alive(session) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not session_alive(session), "q should have quit the app"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    exported = json.loads(run_cli("export", db=db).stdout)
    assert [(c["name"], c["handles"]) for c in exported["contacts"]] == [("山田 太郎", {"x": "@yamada"})]
    assert [(i["kind"], i["channel"]) for i in exported["interactions"]] == [("dm_sent", "x")]
    config = tmp_path / "config.toml"
    assert "# log_dm_sent = " in config.read_text() and stat.S_IMODE(config.stat().st_mode) == 0o600
