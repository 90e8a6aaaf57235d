"""Importing a JSON export whose records are already in the store keeps the stored ones, and says so when
the file holds them otherwise: an edit made on another machine is never dropped without a word."""

import json

from tests.conftest import run_cli


def test_records_the_file_holds_otherwise_are_counted_and_the_stored_ones_kept(tmp_path):
    db = tmp_path / "db.json"
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    run_cli("log", ann, "dm_sent", "--at", "2 days ago", db=db)
    run_cli("invite", "Mixer", "--decline", db=db)
    exported = tmp_path / "all.json"
    run_cli("export", "-o", str(exported), db=db)
    assert run_cli("import", str(exported), db=db).stdout.strip() == "added nothing; 3 already present"

    data = json.loads(exported.read_text())
    data["contacts"][0]["why"] = "edited on the laptop"
    data["interactions"][0]["text"] = "edited too"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    said = run_cli("import", str(edited), "--dry-run", db=db).stdout.strip()
    assert said == (
        "would add nothing; 3 already present "
        "(of those, 1 contact, 1 interaction differ in the file: the stored ones are kept)"
    )
    run_cli("import", str(edited), db=db)
    assert json.loads(run_cli("export", db=db).stdout)["contacts"][0]["why"] == ""
    data["interactions"][0]["text"] = ""
    edited.write_text(json.dumps(data))
    assert run_cli("import", str(edited), "--dry-run", db=db).stdout.strip() == (
        "would add nothing; 3 already present (of those, 1 contact differs in the file: the stored one is kept)"
    )


def test_the_files_settings_taken_by_a_store_with_none_of_its_own_are_said(tmp_path):
    there = tmp_path / "there.json"
    run_cli("settings", "--goal", "9", db=there)
    exported = tmp_path / "all.json"
    run_cli("export", "-o", str(exported), db=there)
    here = tmp_path / "here.json"
    assert run_cli("import", str(exported), db=here).stdout.strip() == "added the settings; 0 already present"
    assert run_cli("settings", db=here).stdout.splitlines()[0].split() == ["Daily", "goal", "9"]
    assert run_cli("import", str(exported), db=here).stdout.strip() == "added nothing; 0 already present"


def test_the_files_settings_unlike_this_stores_own_are_said_kept(tmp_path):
    there, here = tmp_path / "there.json", tmp_path / "here.json"
    run_cli("settings", "--goal", "3", db=there)
    run_cli("settings", "--goal", "7", db=here)
    exported = tmp_path / "all.json"
    run_cli("export", "-o", str(exported), db=there)
    said = run_cli("import", str(exported), db=here).stdout.strip()
    assert said == "added nothing; 0 already present; the file's settings differ from yours, which are kept"
    assert run_cli("settings", db=here).stdout.splitlines()[0].split() == ["Daily", "goal", "7"]
