"""Importing the database file itself, a likely mistake when moving to a new machine, is refused in one
line that says what the file is and what to do with it; a schema problem never quotes a value whole."""

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
