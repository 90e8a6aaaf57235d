"""What mutation testing of the contact import's preview found unpinned in the core's tests."""

from dailyreach.core.files.contact_import import preview_import
from tests.conftest import add_contact


def reasons(result) -> list[tuple[int, str]]:
    return [(line, reason) for line, _name, reason in result.skipped]


def test_a_row_of_an_archived_contact_is_skipped_as_already_a_contact(store, tmp_path):
    add_contact(store, "Bob Lee", handles={"x": "@bob"}, archived=True)
    rows = tmp_path / "people.csv"
    rows.write_text("Name,X\nBob L.,@bob\n")
    assert reasons(preview_import(store, rows)) == [(2, "already in your contacts as Bob Lee (same X @bob)")]


def test_a_name_met_twice_in_one_file_is_added_twice_and_said(store, tmp_path):
    rows = tmp_path / "people.csv"
    rows.write_text("Name,X\nAnn Smith,@ann1\nann smith,@ann2\n")
    result = preview_import(store, rows)
    assert [line for line, _contact in result.added] == [2, 3]
    assert "line 3: ann smith has the same name as line 2; added anyway" in result.notices


def test_tags_given_to_the_import_go_to_rows_of_a_file_with_no_tags(store, tmp_path):
    rows = tmp_path / "people.csv"
    rows.write_text("Name,X\nAnn Smith,@ann\n")
    [(_line, contact)] = preview_import(store, rows, tags=("friends",)).added
    assert contact.tags == ["friends"]


def test_a_row_of_dailyreachs_own_csv_is_known_by_its_id_and_said_so(store, tmp_path):
    from dailyreach.core.files.contact_export import contacts_csv

    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    rows = tmp_path / "contacts.csv"
    rows.write_bytes(contacts_csv(store).replace(b"'@ann", b"'@ann_new"))  # the handle changed since
    assert reasons(preview_import(store, rows)) == [
        (2, f"already in your contacts as Ann (same id {ann.id})")
    ]
