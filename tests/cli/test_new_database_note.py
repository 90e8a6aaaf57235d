"""A command that finds no database at its path makes an empty one, and says so on stderr: a mistyped
--db otherwise shows an empty store, and leaves a new file behind, without a word."""

import json
from datetime import datetime

import pytest

from tests.conftest import run_cli

NOTE = "note: there was no database at {db}, so a new, empty one was made\n"


@pytest.mark.parametrize(
    "args",
    [("today",), ("pending", "--json"), ("stats",), ("add", "Ann", "--x", "@ann")],
    ids=" ".join,
)
def test_a_command_says_it_made_the_database_once(tmp_path, args):
    db = tmp_path / "typo.json"
    first = run_cli(*args, db=db)
    assert first.stderr == NOTE.format(db=db)
    assert db.exists()
    again = run_cli("today", db=db)
    assert again.stderr == ""


def test_a_log_on_no_database_says_so_before_its_own_error(tmp_path):
    db = tmp_path / "typo.json"
    refused = run_cli("log", "ann", "dm_sent", db=db, check=False)
    assert refused.returncode == 1
    assert refused.stderr.startswith(NOTE.format(db=db))
    assert "no contact matches 'ann'" in refused.stderr


def test_a_demo_says_nothing_of_the_store_it_makes(tmp_path):
    db = tmp_path / "mine.json"
    assert run_cli("--demo", "today", db=db).stderr == ""
    assert not db.exists()


def test_the_note_in_japanese(tmp_path):
    db = tmp_path / "typo.json"
    said = run_cli("today", db=db, env={"DAILYREACH_LANG": "ja"}).stderr
    assert said == f"注意: {db} にデータベースがなかったため、空のデータベースを新しく作りました\n"


def test_a_dry_run_import_makes_no_database_and_says_there_is_none(tmp_path):
    db = tmp_path / "typo.json"
    follows = tmp_path / "following_accounts.csv"
    follows.write_text("Account address,Show boosts\n@bob@hachyderm.io,true\n")
    said = run_cli("import", str(follows), "--dry-run", db=db)
    assert "would add 1 contact" in said.stdout
    assert said.stderr == f"note: there is no database at {db} yet; the import would make it\n"
    assert list(tmp_path.iterdir()) == [follows]


def test_an_import_of_a_file_missing_or_with_nothing_to_add_makes_no_database(tmp_path):
    db = tmp_path / "typo.json"
    missing = run_cli("import", str(tmp_path / "Connections.csv"), db=db, check=False)
    assert missing.returncode == 1 and "cannot be read: No such file or directory" in missing.stderr
    assert "a new, empty one was made" not in missing.stderr
    nobody = tmp_path / "people.csv"
    nobody.write_text("name,email\n,\n")
    said = run_cli("import", str(nobody), db=db)
    assert "added 0 contacts" in said.stdout
    assert said.stderr == f"note: there is no database at {db} yet, and nothing was added to make it\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["people.csv"]
    somebody = tmp_path / "more.csv"
    somebody.write_text("name,email\nAnn,ann@example.com\n")
    assert "added 1 contact" in run_cli("import", str(somebody), db=db).stdout
    assert [contact["name"] for contact in json.loads(run_cli("export", db=db).stdout)["contacts"]] == ["Ann"]


def test_an_empty_file_is_said_to_be_made_a_database_not_to_be_missing(tmp_path):
    db = tmp_path / "touched.json"
    db.write_bytes(b"")
    said = run_cli("today", db=db)
    assert said.stderr == f"note: {db} was empty, so it was made a new, empty database\n"
    assert run_cli("today", db=db).stderr == ""


def test_an_emptied_database_with_backups_is_refused_and_left_as_it_is(tmp_path):
    db = tmp_path / "mine.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    # The first change of a day backs up the file as it was before it.
    backup = tmp_path / "backups" / next(path.name for path in (tmp_path / "backups").iterdir())
    db.write_bytes(b"")  # a full disk or a sync tool cut it short
    refused = run_cli("today", db=db, check=False)
    assert refused.returncode == 1
    written = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    assert f"{db} is empty, though {backup}, written {written}, holds an earlier copy of it" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert db.read_bytes() == b""
    backup_bytes = backup.read_bytes()
    assert run_cli("add", "Bob", db=db, check=False).returncode == 1
    assert db.read_bytes() == b"" and backup.read_bytes() == backup_bytes


def test_a_broken_database_names_its_newest_backup_and_how_to_go_back(tmp_path):
    db = tmp_path / "mine.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    backup = next((tmp_path / "backups").iterdir())
    db.write_bytes(db.read_bytes()[:100])
    refused = run_cli("today", db=db, check=False)
    assert refused.returncode == 1
    assert "is not valid JSON" in refused.stderr
    written = datetime.fromtimestamp(backup.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
    assert (
        f"Its newest backup is {backup}, written {written}, with 0 contacts and 0 interactions (what changed "
        f"after that is not in it): copy that over {db} to go back to it" in refused.stderr
    )
