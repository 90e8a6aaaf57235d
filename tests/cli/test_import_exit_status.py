"""`dailyreach import` exits 1 when the file's rows were refused and nothing was added, so a script can
tell; the report is printed all the same, and a dry run exits as the import would."""

import pytest

from tests.conftest import run_cli

ALL_BAD = "name,x\nA,@bad handle\nB,@also bad\n"


@pytest.fixture
def db_with_ann(db):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    return db


@pytest.mark.parametrize(("dry_run", "verb"), [((), "added"), (("--dry-run",), "would add")])
def test_a_file_whose_every_row_is_refused_exits_1_with_its_report(db_with_ann, tmp_path, dry_run, verb):
    file = tmp_path / "allbad.csv"
    file.write_text(ALL_BAD)
    done = run_cli("import", str(file), *dry_run, db=db_with_ann, check=False)
    assert done.returncode == 1
    assert done.stdout.splitlines()[1:3] == [f"{verb} 0 contacts", "not imported, 2 bad rows:"]


def test_a_dry_run_with_no_database_yet_exits_1_for_a_file_whose_every_row_is_refused(tmp_path):
    file = tmp_path / "allbad.csv"
    file.write_text(ALL_BAD)
    db = tmp_path / "not yet.json"
    done = run_cli("import", str(file), "--dry-run", db=db, check=False)
    assert done.returncode == 1 and "not imported, 2 bad rows:" in done.stdout
    assert not db.exists()


def test_refused_rows_beside_rows_already_in_the_store_and_nothing_added_exit_1(db_with_ann, tmp_path):
    file = tmp_path / "mixed.csv"
    file.write_text("name,x\nAnn,@ann\nB,@also bad\n")
    done = run_cli("import", str(file), db=db_with_ann, check=False)
    assert done.returncode == 1 and "skipped 1:" in done.stdout and "1 bad row:" in done.stdout


@pytest.mark.parametrize("dry_run", [(), ("--dry-run",)])
@pytest.mark.parametrize(
    "content",
    ["name,x\nCy,@cy\nB,@also bad\n", "name,x\nAnn,@ann\n"],
    ids=["some added, some refused", "all already there"],
)
def test_an_import_that_adds_something_or_finds_nothing_new_exits_0(db_with_ann, tmp_path, content, dry_run):
    file = tmp_path / "contacts.csv"
    file.write_text(content)
    assert run_cli("import", str(file), *dry_run, db=db_with_ann, check=False).returncode == 0
