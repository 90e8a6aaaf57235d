"""A spreadsheet with a column repeated (two "name" columns, two "why") keeps what the second holds, in
the contact's notes, where it was dropped without a word."""

from dailyreach.core.files.contact_import import preview_import


def test_a_repeated_column_is_kept_in_the_notes_and_said(store, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(
        "name,name,email,why,why\nAnn,Ann Smith,ann@example.com,learn,ask\nBob,Bob,bob@example.com,,\n",
        encoding="utf-8",
    )
    preview = preview_import(store, path)
    ann, bob = (contact for _line, contact in preview.added)
    assert (ann.name, ann.why, ann.notes) == ("Ann", "learn", "name: Ann Smith\nwhy: ask")
    assert (bob.name, bob.notes) == ("Bob", "")  # the same name twice is one name
