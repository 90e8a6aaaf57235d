"""``add``, ``log`` and ``invite`` on a terminal say what the new id is for ("Logged DM sent to Ann Red (entry …)");
piped, they print the id alone, which scripts read. ``log`` says it alike with and without click."""

import json
import os
import pty
import re
import subprocess
import sys

import pytest

from tests.cli.conftest import read_terminal
from tests.cli.test_views_without_click import THROUGH_CLICK
from tests.conftest import DAILYREACH, run_cli

ID = r"[0-9a-z]+"


def on_terminal(*args: str, db, click: bool = False, env: dict | None = None) -> tuple[str, str]:
    """(stdout, stderr) of the installed command (or click's commands) run with stdout a terminal."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-c", THROUGH_CLICK] if click else [DAILYREACH]
    environment = {**os.environ, "DAILYREACH_DB": str(db), "TZ": "UTC", **(env or {})}
    process = subprocess.Popen(
        [*command, *args], stdin=subprocess.DEVNULL, stdout=follower, stderr=subprocess.PIPE, env=environment
    )
    os.close(follower)
    shown = read_terminal(leader)
    stderr = process.communicate(timeout=60)[1].decode()
    assert process.returncode == 0, stderr
    return shown, stderr


def interactions(db) -> list[dict]:
    return json.loads(run_cli("export", db=db).stdout)["interactions"]


def test_add_on_a_terminal_names_the_contact_and_piped_prints_the_id_alone(db_path):
    shown, _ = on_terminal("add", "Ann Red", "--x", "@annred", db=db_path)
    match = re.fullmatch(rf"Added Ann Red \(id ({ID})\)\n", shown)
    assert match, shown
    piped = run_cli("add", "Zed", db=db_path).stdout
    assert re.fullmatch(rf"{ID}\n", piped)
    ids = {
        contact["name"]: contact["id"]
        for contact in json.loads(run_cli("export", db=db_path).stdout)["contacts"]
    }
    assert ids == {"Ann Red": match[1], "Zed": piped.strip()}


@pytest.mark.parametrize("click", [False, True], ids=["without-click", "click"])
def test_log_on_a_terminal_names_what_was_logged_with_whom(db_path, click):
    run_cli("add", "Ann Red", "--x", "@annred", db=db_path)
    shown, _ = on_terminal("log", "ann", "dm_sent", db=db_path, click=click)
    [logged] = interactions(db_path)
    assert shown == f"Logged DM sent to Ann Red (entry {logged['id']})\n"
    shown, _ = on_terminal("log", "@annred", "reply_received", db=db_path, click=click)
    assert shown.startswith("Logged reply received from Ann Red (entry ")


@pytest.mark.parametrize("click", [False, True], ids=["without-click", "click"])
def test_log_piped_prints_the_id_alone(db_path, click):
    run_cli("add", "Ann Red", db=db_path)
    command = [sys.executable, "-c", THROUGH_CLICK] if click else [DAILYREACH]
    piped = subprocess.run(
        [*command, "log", "ann", "note", "--text", "hi"],
        capture_output=True,
        text=True,
        env={**os.environ, "DAILYREACH_DB": str(db_path), "TZ": "UTC"},
        timeout=60,
        check=True,
    )
    [logged] = interactions(db_path)
    assert (piped.stdout, piped.stderr) == (logged["id"] + "\n", "")


def test_invite_on_a_terminal_says_what_was_recorded_and_piped_prints_the_id_alone(db_path):
    shown, _ = on_terminal("invite", "Founder mixer", "--kind", "mixer", db=db_path)
    match = re.fullmatch(
        rf"Recorded Founder mixer \(id ({ID})\): dailyreach decline ({ID}) declines it\n", shown
    )
    assert match and match[1] == match[2], shown
    shown, _ = on_terminal("invite", "Pitch night", "--decline", db=db_path)
    assert re.fullmatch(rf"Recorded Pitch night as declined \(id {ID}\)\n", shown), shown
    piped = run_cli("invite", "Seminar", db=db_path).stdout
    assert re.fullmatch(rf"{ID}\n", piped)
    listed = json.loads(run_cli("export", db=db_path).stdout)["invitations"]
    assert {(i["title"], i["status"]) for i in listed} == {
        ("Founder mixer", "undecided"),
        ("Pitch night", "declined"),
        ("Seminar", "undecided"),
    }
    assert match[1] in {i["id"] for i in listed}
