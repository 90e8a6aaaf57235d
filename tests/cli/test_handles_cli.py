"""Handles through the installed command: what `add` stores or refuses, and what an import reports."""

import json

import pytest

from tests.conftest import run_cli

LINKEDIN_PROBLEM = (
    "a LinkedIn handle is https://www.linkedin.com/in/NAME or NAME alone: 3-100 letters, digits or hyphens"
)


def handles(db) -> dict[str, dict[str, str]]:
    return {c["name"]: c["handles"] for c in json.loads(run_cli("export", db=db).stdout)["contacts"]}


@pytest.mark.parametrize("typed", ["@bob]", "[bob"])
def test_an_x_handle_with_a_stray_bracket_is_refused_with_what_an_x_handle_is(db, typed):
    # It was "is not a valid address: its brackets or port cannot be read", for no address at all.
    result = run_cli("add", "Bob", "--x", typed, db=db, check=False)
    assert result.returncode == 1
    assert result.stderr == f"Error: X: '{typed}': an X handle is @ and 1-15 letters, digits or underscores\n"


@pytest.mark.parametrize(("option", "name"), [("--instagram", "Instagram"), ("--threads", "Threads")])
def test_a_handle_refused_on_instagram_or_threads_reads_right_for_either_name(db, option, name):
    # It was "a Instagram handle is ...": no article before the name fits every name.
    result = run_cli("add", "Ann", option, "ann!", db=db, check=False)
    assert result.returncode == 1
    said = f"Error: {name}: 'ann!': {name} handles are 1-30 letters, digits, periods or underscores\n"
    assert result.stderr == said


def test_handles_typed_in_full_width_are_stored_in_ascii(db):
    run_cli("add", "Ann", "--instagram", "＠ａｎｎ", db=db)
    run_cli("add", "Bob", "--threads", "＠bob", db=db)
    assert handles(db) == {"Ann": {"instagram": "@ann"}, "Bob": {"threads": "@bob"}}


@pytest.mark.parametrize("typed", ["javascript:alert(1)", "<script>", '"onmouseover=x'])
def test_a_linkedin_name_of_markup_or_a_scheme_is_refused_and_no_link_is_made_of_it(db, typed):
    result = run_cli("add", "Mal", "--linkedin", typed, db=db, check=False)
    assert result.returncode == 1
    assert result.stderr == f"Error: LinkedIn: {typed!r}: {LINKEDIN_PROBLEM}\n"
    assert not db.exists() or handles(db) == {}


def test_a_linkedin_profile_url_as_an_export_writes_it_is_still_taken(db):
    run_cli(
        "add", "Jane", "--linkedin", "https://www.linkedin.com/in/Jane-Doe-123/?trk=public_profile", db=db
    )
    run_cli("add", "Hanako", "--linkedin", "https://jp.linkedin.com/in/%E8%8A%B1%E5%AD%90-sato", db=db)
    assert handles(db) == {"Jane": {"linkedin": "jane-doe-123"}, "Hanako": {"linkedin": "花子-sato"}}


def test_an_import_reports_a_linkedin_name_of_markup_as_a_bad_row_and_adds_the_rest(db, tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        'name,linkedin\nMal,"<script>"\nCarol,https://www.linkedin.com/in/carol-lee/\n', encoding="utf-8"
    )
    done = run_cli("import", str(sheet), db=db)
    assert f"  line 2     Mal: LinkedIn: '<script>': {LINKEDIN_PROBLEM}" in done.stdout.splitlines()
    assert handles(db) == {"Carol": {"linkedin": "carol-lee"}}


def test_a_linkedin_export_keeps_a_profile_url_of_markup_in_the_notes_and_says_so(db, tmp_path):
    connections = tmp_path / "Connections.csv"
    connections.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Mal,Lee,https://www.linkedin.com/in/%3Cscript%3E,,Acme,CTO,05 Mar 2024\n",
        encoding="utf-8",
    )
    done = run_cli("import", str(connections), db=db)
    assert (
        f"  line 2: 'https://www.linkedin.com/in/%3Cscript%3E' kept in notes: {LINKEDIN_PROBLEM}"
        in done.stdout.splitlines()
    )
    (mal,) = json.loads(run_cli("export", db=db).stdout)["contacts"]
    assert mal["handles"] == {}
    assert "LinkedIn: https://www.linkedin.com/in/%3Cscript%3E" in mal["notes"].splitlines()
