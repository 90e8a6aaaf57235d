"""`dailyreach doctor` lists a handle a hand edit left that no form would take; `--repair` leaves it to
the user, as it leaves every change that is theirs to make. Through the installed command, on a real file."""

import json

from tests.conftest import run_cli


def test_a_hand_edited_handle_no_form_would_take_is_listed_and_left_to_fix_by_hand(tmp_path):
    db = tmp_path / "db.json"
    ann = run_cli("add", "Ann", "--x", "@ann", "--bluesky", "ann.bsky.social", db=db).stdout.strip()
    data = json.loads(db.read_text())
    data["contacts"][ann]["handles"] = {"x": "@@ann", "bluesky": "@Ann.bsky.social"}
    db.write_text(json.dumps(data))
    listed = run_cli("doctor", db=db, check=False)
    assert listed.returncode == 1
    assert listed.stdout.splitlines()[:3] == [
        f"{db}: 2 records are not as dailyreach writes them; they are kept as they are",
        f"  contacts {ann}: x: an X handle is @ and 1-15 letters, digits or underscores",
        f"  contacts {ann}: bluesky: is stored as '@Ann.bsky.social', not as 'ann.bsky.social'",
    ]
    repaired = run_cli("doctor", "--repair", db=db, check=False)
    assert repaired.returncode == 1
    assert f"left for you to fix by hand: contacts {ann}: x: an X handle is @" in repaired.stdout
    assert json.loads(db.read_text())["contacts"][ann]["handles"] == {
        "x": "@@ann",
        "bluesky": "@Ann.bsky.social",
    }


def test_an_export_holding_such_a_handle_is_refused_on_import_naming_the_contact(tmp_path):
    db = tmp_path / "db.json"
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    data = json.loads(db.read_text())
    data["contacts"][ann]["handles"] = {"x": "@@ann"}
    db.write_text(json.dumps(data))
    exported = tmp_path / "all.json"
    run_cli("export", "-o", str(exported), db=db)
    refused = run_cli("import", str(exported), db=tmp_path / "other.json", check=False)
    assert refused.returncode == 1
    assert f"contacts[0].x ({ann}): '@@ann': an X handle is @" in refused.stderr
