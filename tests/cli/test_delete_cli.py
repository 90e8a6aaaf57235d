"""`dailyreach delete`: a contact and all of theirs, named exactly, asked first unless --yes."""

import json
import os
import pty
import subprocess

import pytest

from tests.cli.conftest import read_terminal
from tests.conftest import DAILYREACH, run_cli


def people(db) -> dict[str, str]:
    ids = {name: run_cli("add", name, "--x", handle, db=db).stdout.strip() for name, handle in PEOPLE}
    run_cli("log", "Ann Smith", "dm_sent", db=db)
    run_cli("log", "Ann Smith", "reply_received", db=db)
    return ids


PEOPLE = [("Ann Smith", "@ann"), ("Anna Lee", "@anna")]


def test_delete_with_yes_takes_the_contact_and_their_interactions(tmp_path):
    db = tmp_path / "db.json"
    ids = people(db)
    done = run_cli("delete", "Ann Smith", "--yes", db=db)
    assert done.stdout == f"Deleted Ann Smith ({ids['Ann Smith']}, @ann) and 2 interactions.\n"
    exported = json.loads(run_cli("export", db=db).stdout)
    assert [contact["name"] for contact in exported["contacts"]] == ["Anna Lee"]
    assert exported["interactions"] == []


def test_delete_of_someone_never_written_to_names_no_interactions(tmp_path):
    db = tmp_path / "db.json"
    ids = people(db)
    done = run_cli("delete", "Anna Lee", "--yes", db=db)
    assert done.stdout == f"Deleted Anna Lee ({ids['Anna Lee']}, @anna).\n"


def test_delete_asks_first_and_a_script_without_yes_deletes_nothing(tmp_path):
    db = tmp_path / "db.json"
    people(db)
    before = db.read_bytes()
    refused = run_cli("delete", "@ann", db=db, check=False, stdin=open("/dev/null"))  # noqa: SIM115
    assert refused.returncode == 1
    assert "nothing deleted: say --yes to delete Ann Smith" in refused.stderr
    assert db.read_bytes() == before


def test_the_start_of_a_name_deletes_no_one(tmp_path):
    # The lookup log takes ("ann s" is Ann Smith) could name someone else to a deletion.
    db = tmp_path / "db.json"
    people(db)
    before = db.read_bytes()
    refused = run_cli("delete", "Ann S", "--yes", db=db, check=False)
    assert (refused.returncode, refused.stderr) == (
        1,
        "Error: no contact is 'Ann S' (by id, handle or whole name)\n",
    )
    assert db.read_bytes() == before


def delete_on_a_terminal(db, who: str) -> tuple[subprocess.Popen, int]:
    """``dailyreach delete WHO`` in a pseudo-terminal, and the terminal's leader side to answer it on."""
    leader, follower = pty.openpty()
    environment = {**os.environ, "DAILYREACH_DB": str(db), "TZ": "UTC"}
    process = subprocess.Popen(
        [DAILYREACH, "delete", who], stdin=follower, stdout=follower, stderr=follower, env=environment
    )
    os.close(follower)
    return process, leader


def asked(leader: int) -> bytes:
    """What the command wrote up to its question, read before anything is answered."""
    shown = b""
    while b"[y/N]" not in shown:
        chunk = os.read(leader, 1024)
        assert chunk, shown
        shown += chunk
    return shown


@pytest.mark.parametrize(("answer", "left"), [("y", ["Anna Lee"]), ("n", ["Ann Smith", "Anna Lee"])])
def test_delete_on_a_terminal_asks_and_does_what_is_answered(tmp_path, answer, left):
    db = tmp_path / "db.json"
    ids = people(db)
    process, leader = delete_on_a_terminal(db, "Ann Smith")
    os.write(leader, f"{answer}\n".encode())
    shown = read_terminal(leader)
    process.wait(timeout=60)
    assert f"Delete Ann Smith ({ids['Ann Smith']}, @ann) and 2 interactions? [y/N]" in shown
    assert [contact["name"] for contact in json.loads(run_cli("export", db=db).stdout)["contacts"]] == left


def test_a_log_made_while_delete_asks_is_not_deleted_unseen(tmp_path):
    # The question named no interactions; two logged meanwhile from another shell went with the "y".
    db = tmp_path / "db.json"
    ids = people(db)
    process, leader = delete_on_a_terminal(db, "Anna Lee")
    shown = asked(leader)
    assert f"Delete Anna Lee ({ids['Anna Lee']}, @anna)? [y/N]".encode() in shown
    run_cli("log", "Anna Lee", "dm_sent", db=db)
    os.write(leader, b"y\n")
    shown = read_terminal(leader)
    process.wait(timeout=60)
    assert process.returncode == 1
    assert (
        "Anna Lee has 1 interaction now, logged or deleted in another window or command meanwhile: "
        "nothing was deleted" in " ".join(shown.split())
    )
    exported = json.loads(run_cli("export", db=db).stdout)
    assert [contact["name"] for contact in exported["contacts"]] == ["Ann Smith", "Anna Lee"]
    assert len(exported["interactions"]) == 3


def test_a_contact_deleted_elsewhere_while_delete_asks_is_said_gone(tmp_path):
    # It was said to have "0 interactions now", as though it were still there.
    db = tmp_path / "db.json"
    people(db)
    process, leader = delete_on_a_terminal(db, "Anna Lee")
    asked(leader)
    run_cli("delete", "Anna Lee", "--yes", db=db)
    os.write(leader, b"y\n")
    said = " ".join(read_terminal(leader).split())
    process.wait(timeout=60)
    assert process.returncode == 1
    assert "Error: Anna Lee was deleted in another window or command meanwhile" in said
