"""A web address or e-mail typed with its scheme in capitals (HTTPS://, MAILTO:), through the installed
command: the contact was saved, then skipped by every read as a record that cannot be read."""

import json

from tests.conftest import cli_json, run_cli


def test_a_web_address_in_capitals_is_kept_readable_and_exported(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Web Upper", "--web", "HTTPS://EXAMPLE.COM/Page", db=db)
    shown = run_cli("today", db=db)
    assert "Web Upper" in shown.stdout and shown.stderr == ""
    assert cli_json("today", db=db)["items"][0]["contact"]["url"] == "https://EXAMPLE.COM/Page"
    exported = json.loads(run_cli("export", db=db).stdout)
    assert [c["handles"] for c in exported["contacts"]] == [{"web": "https://EXAMPLE.COM/Page"}]
    assert run_cli("doctor", db=db).returncode == 0


def test_a_store_holding_a_scheme_in_capitals_reads_it(tmp_path):
    """Stores the earlier normaliser wrote keep their contact."""
    db = tmp_path / "db.json"
    run_cli("add", "Web Upper", "--web", "example.com", db=db)
    data = json.loads(db.read_text())
    [contact] = data["contacts"].values()
    contact["handles"]["web"] = "HTTPS://EXAMPLE.COM/Page"
    db.write_text(json.dumps(data))
    shown = run_cli("today", db=db)
    assert "Web Upper" in shown.stdout and "cannot be read" not in shown.stderr


def test_an_e_mail_typed_with_mailto_in_capitals_is_the_address_and_its_duplicate_is_caught(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Mail Upper", "--email", "MAILTO:baz@example.com", db=db)
    again = run_cli("add", "Baz Dup", "--email", "baz@example.com", db=db, check=False)
    assert again.returncode == 1 and "already" in again.stderr
    [item] = cli_json("today", db=db)["items"]
    assert item["contact"]["handle"] == "baz@example.com"
