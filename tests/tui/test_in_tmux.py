"""The installed command in a real terminal: add a target with n, log a DM with d Enter, quit with q."""

import json
import os
import shutil
import stat
import subprocess
import sys
import time

import pytest

from tests.conftest import DAILYREACH, run_cli

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


# Textual's test harness sets COLUMNS and LINES in this process: an app started in tmux must not inherit
# them, or it takes 80×24 whatever the terminal's size.
TERMINAL_ENV = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", *args], capture_output=True, text=True, check=True, env=TERMINAL_ENV
    ).stdout


def session_alive(session: str) -> bool:
    return subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode == 0


def wait_for(session: str, text: str, seconds: float = 15, socket: str = "default") -> str:
    """The screen once ``text`` is on it; ``socket`` names a tmux server of the test's own."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        screen = tmux("-L", socket, "capture-pane", "-p", "-t", session)
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
        # Not "new" alone: the notice that the database was made says it too, before the form is saved.
        wait_for(session, "Added 山田 太郎")
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


@pytest.mark.parametrize(("width", "height"), [(80, 24), (120, 40)])
def test_the_main_screen_in_a_real_terminal_at_both_sizes(tmp_path, width, height):
    db = tmp_path / "day.json"
    for name, handle in [("Ann Smith", "@ann"), ("Wolfgang Amadeus Mozart-Salieri", "@wolfgang")]:
        run_cli(
            "add",
            name,
            "--x",
            handle,
            "--why",
            "Sold two companies; ask how she found her first users",
            db=db,
        )
    run_cli("log", "Ann Smith", "dm_sent", "--at", "-2d", db=db)
    session = f"dailyreach-main-{width}-{tmp_path.name}"
    tmux(
        "-L",
        session,
        "new-session",
        "-d",
        "-s",
        session,
        "-x",
        str(width),
        "-y",
        str(height),
        f"{DAILYREACH} --db {db}",
    )
    try:
        wait_for(session, socket=session, text="Wolfgang")
        screen = wait_for(session, socket=session, text="q Quit")
        lines = screen.splitlines()
        assert len(lines) == height and all(len(line) <= width for line in lines)
        assert "q Quit" in lines[-1] and "? Keys" in lines[-1] and "n New" in lines[-1], screen
        if width < 120:
            assert "Wolfgang Amadeus Mo…" in screen  # long names end in an ellipsis, not mid-letter
        else:  # whole, in the room the why does not need
            assert "Wolfgang Amadeus Mozart-Salieri  " in screen
        assert "next  a first message" in wait_for(session, socket=session, text="next")
        if height < 34:
            assert "2 Pending replies (1)" in screen and "Ann Smith" not in screen.split("Pending")[1]
            tmux("-L", session, "send-keys", "-t", session, "2")
            screen = wait_for(session, socket=session, text="2 days ago")
            assert "Wolfgang" not in screen  # one pane at a time
        else:
            assert all(title in screen for title in ("1 Today", "2 Pending replies (1)", "3 Declined (0)"))
            assert "2 days ago" in screen
        tmux("-L", session, "send-keys", "-t", session, "q")
    finally:
        subprocess.run(["tmux", "-L", session, "kill-server"], capture_output=True)


# The app as the installed command runs it, with one action made to fail as a bug would.
FAILING_APP = """
import sys
from dailyreach.tui.screens.main import MainScreen
def fail(self):
    raise KeyError("boom-7f3a")
MainScreen.action_stats = fail
from dailyreach.cli import main
sys.argv = ["dailyreach", *sys.argv[1:]]
main()
"""


def test_an_unexpected_error_closes_the_app_with_one_line_and_a_crash_report(tmp_path):
    """No traceback (with the user's data in its locals) on the terminal: one line naming the error and
    the crash report beside the database, exit status 1, and what was saved before it kept."""
    db = tmp_path / "try.json"
    run_cli("add", "Ann Smith", "--x", "@ann", db=db)
    script = tmp_path / "failing.py"
    script.write_text(FAILING_APP)
    session = f"dailyreach-crash-{tmp_path.name}"
    # The shell stays on after the app, so that what it said is left on the screen to read.
    command = (
        f"{sys.executable} {script} --db {db} --config {tmp_path / 'config.toml'}; echo exit=$?; sleep 60"
    )
    tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "30", command)
    try:
        wait_for(session, "Ann Smith")
        tmux("send-keys", "-t", session, "S")
        said = wait_for(session, "exit=")
        assert "Traceback" not in said and "boom-7f3a" not in said
        assert "the app stopped on an unexpected error (KeyError)" in said
        assert "exit=1" in said
        (report,) = (tmp_path / "crash-reports").iterdir()
        assert str(report) in said.replace("\n", "")
        assert "KeyError: 'boom-7f3a'" in report.read_text()
        exported = json.loads(run_cli("export", db=db).stdout)
        assert [contact["name"] for contact in exported["contacts"]] == ["Ann Smith"]
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
