"""Moving to a new machine: importing the database file itself, a likely mistake, is refused in one line
that says what the file is and what to do with it; a schema problem never quotes a value whole; an
export of another machine's store merges its people into those already here, by handle."""

import json

from tests.conftest import run_cli


def test_a_database_given_to_import_is_refused_with_what_to_do_instead(tmp_path):
    old = tmp_path / "old.json"
    run_cli("add", "Ann Red", "--x", "@annred", db=old)
    run_cli("log", "ann", "dm_sent", "--text", "a private message", db=old)
    new = tmp_path / "new.json"
    run_cli("add", "Bob", db=new)
    before = new.read_bytes()
    for dry_run in ((), ("--dry-run",)):
        refused = run_cli("import", str(old), *dry_run, db=new, check=False)
        assert refused.returncode == 1
        assert refused.stderr.splitlines()[-1].strip() == (
            f"this is a dailyreach database, not an export: open it with dailyreach --db {old}, "
            f"or write an export of it with dailyreach --db {old} export -o FILE"
        )
        assert "a private message" not in refused.stderr
    assert new.read_bytes() == before


def test_a_huge_value_of_the_wrong_type_is_quoted_cut_short(tmp_path):
    export = tmp_path / "export.json"
    export.write_text('{"format": "dailyreach", "version": 1, "contacts": {"x": "' + "y" * 5000 + '"}}')
    refused = run_cli("import", str(export), db=tmp_path / "db.json", check=False)
    line = next(line for line in refused.stderr.splitlines() if line.strip().startswith("contacts:"))
    assert line.endswith("is not of type 'array'")
    assert len(line) < 200


def test_an_export_of_another_machine_merges_into_the_people_already_here_by_handle(tmp_path):
    other = tmp_path / "laptop.json"
    run_cli("add", "Ann Red", "--x", "@annred", db=other)
    run_cli("add", "Zed", "--mastodon", "@red@mastodon.social", db=other)
    run_cli("log", "@annred", "dm_sent", "--at", "-2d", "--text", "hello", db=other)
    export = tmp_path / "laptop-export.json"
    run_cli("export", "-o", str(export), db=other)
    here = tmp_path / "here.json"
    run_cli("add", "Ann Red", "--x", "@AnnRed", db=here)  # the same person, typed in another case
    said = run_cli("import", str(export), db=here).stdout
    assert "added 1 contact, 1 interaction; 1 already present" in said
    exported = json.loads(run_cli("export", db=here).stdout)
    ann = next(contact for contact in exported["contacts"] if contact["name"] == "Ann Red")
    assert [contact["name"] for contact in exported["contacts"]].count("Ann Red") == 1
    assert [(i["contact_id"], i["text"]) for i in exported["interactions"]] == [(ann["id"], "hello")]
    assert "added nothing" in run_cli("import", str(export), db=here).stdout


def test_a_json_file_that_is_not_an_object_is_refused_in_one_plain_line(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Bob", db=db)
    before = db.read_bytes()
    for content, fmt, kind in (("[]", (), "a list"), ('"hi"', ("--format", "json"), "text")):
        listed = tmp_path / "people.json"
        listed.write_text(content)
        refused = run_cli("import", str(listed), *fmt, db=db, check=False)
        assert refused.returncode == 1
        assert refused.stderr.splitlines()[-1].strip() == (
            f'this JSON file holds {kind}, not a dailyreach export (an object with "format": "dailyreach", '
            "as dailyreach export writes it); contacts come in as CSV or vCard"
        )
        assert "of type" not in refused.stderr
    assert db.read_bytes() == before


def test_a_json_object_that_is_no_export_is_refused_in_one_line(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Bob", db=db)
    before = db.read_bytes()
    for content in ("{}", '{"contacts": [{"name": "Ann"}]}'):
        other = tmp_path / "other.json"
        other.write_text(content)
        refused = run_cli("import", str(other), db=db, check=False)
        assert refused.returncode == 1
        assert refused.stderr.splitlines()[1:] == [
            '  this JSON file is not a dailyreach export: it has no "format": "dailyreach", as dailyreach '
            "export writes it; contacts come in as CSV or vCard"
        ]
    assert db.read_bytes() == before


def test_a_hand_edit_that_leaves_an_interaction_of_no_contact_is_listed_and_its_export_imports(tmp_path):
    db = tmp_path / "db.json"
    ann = run_cli("add", "Ann Red", "--x", "@annred", db=db).stdout.strip()
    run_cli("log", ann, "dm_sent", "--at", "yesterday", db=db)
    run_cli("log", ann, "follow_up", db=db)
    data = json.loads(db.read_text())
    orphan = next(iter(data["interactions"]))
    data["interactions"][orphan]["contact_id"] = "nosuchid00"
    db.write_text(json.dumps(data))
    doctor = run_cli("doctor", db=db, check=False)
    assert doctor.returncode == 1
    assert f"interactions {orphan}: contact_id: no contact with id 'nosuchid00'" in doctor.stdout
    backup = tmp_path / "backup.json"
    run_cli("export", "-o", str(backup), db=db)
    fresh = tmp_path / "fresh.json"
    said = run_cli("import", str(backup), db=fresh)
    assert "no contact with id 'nosuchid00': left out" in said.stdout
    exported = json.loads(run_cli("export", db=fresh).stdout)
    assert [c["name"] for c in exported["contacts"]] == ["Ann Red"]
    assert len(exported["interactions"]) == 1


def test_a_hand_edit_of_the_log_is_followed_by_every_view_not_only_by_doctor(tmp_path):
    """The summaries kept beside the log are rebuilt once the file was changed by something else: an
    interaction a hand edit broke is skipped by pending and stats as doctor says, not still counted."""
    db = tmp_path / "db.json"
    mia = run_cli("add", "Mia Park", "--x", "@mia", db=db).stdout.strip()
    run_cli("add", "Bo Kim", "--x", "@bokim", db=db)
    run_cli("log", mia, "dm_sent", "--at", "yesterday", db=db)
    assert [
        row["contact"]["name"] for row in json.loads(run_cli("pending", "--json", db=db).stdout)["pending"]
    ] == ["Mia Park"]
    data = json.loads(db.read_text())
    (entry,) = data["interactions"]
    data["interactions"][entry]["kind"] = "dm"  # no kind dailyreach has: the record is skipped
    db.write_text(json.dumps(data, indent=2))
    assert "interactions" in run_cli("doctor", db=db, check=False).stdout
    assert json.loads(run_cli("pending", "--json", db=db).stdout)["pending"] == []
    assert json.loads(run_cli("stats", "--json", db=db).stdout)["totals"]["sent"] == 0
