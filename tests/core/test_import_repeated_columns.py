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


def test_every_part_of_a_name_and_every_field_repeated_is_kept_but_notes_are_all_notes(store, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text(
        "first name,first name,middle name,middle name,last name,last name,priority,priority,notes,notes\n"
        "Ann,Anna,B,Bea,Smith,Smyth,1,3,met at a talk,likes tea\n",
        encoding="utf-8",
    )
    preview = preview_import(store, path)
    [(_line, ann)] = preview.added
    assert (ann.name, ann.priority) == ("Ann B Smith", 1)
    assert ann.notes.splitlines() == [
        "met at a talk",
        "likes tea",
        "first name: Anna",
        "middle name: Bea",
        "last name: Smyth",
        "priority: 3",
    ]


def test_a_repeated_handle_column_of_the_own_layout_keeps_the_first_and_the_second_in_the_notes(
    store, tmp_path
):
    path = tmp_path / "people.csv"
    path.write_text("name,email,email\nA,a@example.com,b@example.com\n", encoding="utf-8")
    preview = preview_import(store, path)
    [(_line, person)] = preview.added
    assert (person.handles, person.notes) == ({"email": "a@example.com"}, "email: b@example.com")


def test_a_handle_repeated_in_another_form_is_one_handle_not_a_second_in_the_notes(store, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("name,x,x\nAnn,@ann,https://x.com/ANN\n", encoding="utf-8")
    [(_line, ann)] = preview_import(store, path).added
    assert (ann.handles, ann.notes) == ({"x": "@ann"}, "")
