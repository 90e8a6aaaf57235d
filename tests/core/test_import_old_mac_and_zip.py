"""Files as spreadsheets and old Macs leave them: rows ended by a carriage return alone are read as rows,
and a spreadsheet's own file (a zip archive) is named as such, with what to do, not as an encoding."""

import zipfile

import pytest

from dailyreach.core.errors import ImportRejected
from dailyreach.core.files.contact_import import preview_import


def test_rows_ended_by_a_carriage_return_alone_are_rows(store, tmp_path):
    path = tmp_path / "old-mac.csv"
    path.write_bytes(
        b'name,email\rCr Ann,ann@example.com\r"Two\rLines",two@example.com\rDee,dee@example.com\r'
    )
    preview = preview_import(store, path)
    assert preview.bad == []
    assert [(line, contact.name) for line, contact in preview.added] == [
        (2, "Cr Ann"),
        (3, "Two Lines"),
        (5, "Dee"),
    ]


@pytest.mark.parametrize("encoding", [None, "cp1252"])
def test_a_spreadsheets_zip_file_is_named_with_what_to_do(store, tmp_path, encoding):
    path = tmp_path / "Connections.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ImportRejected) as refused:
        preview_import(store, path, encoding=encoding)
    assert "is a zip archive, such as a spreadsheet (.xlsx, .ods, .numbers), not text" in str(refused.value)
    assert "save it from the spreadsheet as CSV" in str(refused.value)
