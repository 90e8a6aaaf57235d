"""A command that finds no database at its path makes an empty one, and says so on stderr: a mistyped
--db otherwise shows an empty store, and leaves a new file behind, without a word."""

import pytest

from tests.conftest import run_cli

NOTE = "note: there was no database at {db}, so a new, empty one was made\n"


@pytest.mark.parametrize(
    "args",
    [("today",), ("pending", "--json"), ("stats",), ("export",), ("add", "Ann", "--x", "@ann")],
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
