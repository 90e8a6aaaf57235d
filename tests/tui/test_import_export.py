"""Importing a contacts file from the app (preview, confirm, undo) and exporting other formats."""

import icalendar
import pytest

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.import_preview import ImportPreviewScreen
from tests.conftest import FIXTURES, log
from tests.tui.conftest import SIZE, cells, settle


async def open_import(pilot, path, **answers):
    await pilot.press("I")
    await settle(pilot)
    pilot.app.screen.query_one("#path").value = str(path)
    for field, value in answers.items():
        pilot.app.screen.query_one(f"#{field}").value = value
    await pilot.press("enter")
    await settle(pilot)


async def test_I_previews_every_row_then_enter_imports_and_u_undoes(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_import(pilot, FIXTURES / "Connections.csv", tags="2026")
        assert isinstance(app.screen, ImportPreviewScreen)
        assert "would add 3, skip 2, 1 bad row" in str(app.screen.query_one("#summary").render())
        assert [(row[0], row[1], row[2]) for row in cells(app, "rows")] == [
            ("add", "5", "Ann Smith"),
            ("add", "6", "山田 太郎"),
            ("skip", "7", "15 Mar 2024"),
            ("skip", "9", "Bob Lee"),
            ("bad", "10", "Broken"),
            ("add", "11", "Carla Díaz"),
        ]
        assert store.contacts() == []
        await pilot.press("enter")
        await settle(pilot)
        assert sorted(c.name for c in store.contacts()) == ["Ann Smith", "Carla Díaz", "山田 太郎"]
        assert all(c.tags == ["linkedin", "2026"] for c in store.contacts())
        assert len(cells(app, "today")) == 3
        await pilot.press("u")
        await settle(pilot)
        assert store.contacts() == [] and cells(app, "today") == []


async def test_escape_on_the_preview_imports_nothing(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_import(pilot, FIXTURES / "contacts.vcf")
        await pilot.press("escape")
        await settle(pilot)
        assert store.contacts() == []


async def test_an_unreadable_file_is_explained_and_the_form_keeps_what_was_typed(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_import(pilot, FIXTURES / "latin1.csv")
        assert any("neither UTF-8 nor Japanese" in str(n.message) for n in app._notifications)
        assert app.screen.query_one("#path").value.endswith("latin1.csv")
        app.screen.query_one("#encoding").value = "cp1252"
        await pilot.press("enter")
        await settle(pilot)
        assert "read as cp1252" in str(app.screen.query_one("#summary").render())


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
async def test_utf16_without_its_byte_order_mark_is_read_with_the_encoding_the_app_names(
    store, tmp_path, encoding
):
    path = tmp_path / "people.csv"
    path.write_bytes("name,email\n山田 太郎,taro@example.jp\n".encode(encoding))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_import(pilot, path)
        said = " ".join(str(n.message) for n in app._notifications)
        assert f"import it as {encoding}" in said and "Encoding in the app's import form" in said
        app.screen.query_one("#encoding").value = encoding
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    assert [contact.name for contact in store.contacts()] == ["山田 太郎"]


async def test_e_with_format_ics_names_the_file_for_it_and_writes_a_calendar(
    store, people, tmp_path, monkeypatch
):
    # The form suggests a file in the documents folder: the test's own.
    (tmp_path / "Documents").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    log(store, people[0], "dm_sent", at=store.now().subtract(days=1))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#format").value = "ics"
        await pilot.press("enter")
        await settle(pilot)
    written = tmp_path / "Documents" / "dailyreach-follow-ups-2026-11-23.ics"
    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Follow up #1: Ann [/] Smith (X)"]


async def test_e_with_format_ics_and_nothing_upcoming_writes_an_empty_calendar_and_says_so(
    store, people, tmp_path
):
    written = tmp_path / "follow-ups.ics"
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        app.screen.query_one("#format").value = "ics"
        app.screen.query_one("#path").value = str(written)
        await pilot.press("enter")
        await settle(pilot)
        said = [str(notice.message) for notice in app._notifications]
    assert icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT") == []
    assert said == [
        f"Exported to {written}",
        "the calendar has no events: no follow-ups or keep-in-touch dates in the next 90 days",
    ]


async def test_the_preview_says_an_empty_row_amid_the_data_and_every_problem_of_a_bad_row(store, tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text("name,x,priority\nAnn,@ann,\n,,\nBo,@@,9\n,,\n", encoding="utf-8")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_import(pilot, sheet)
        assert "would add 1, skip 1, 1 bad row" in str(app.screen.query_one("#summary").render())
        rows = app.screen.query_one("#rows")
        assert rows.row_count == 3  # the last, empty row is a spreadsheet's trailing one: not said
        assert [[str(rows.get_cell_at((row, column))) for column in range(4)] for row in range(3)] == [
            ["add", "2", "Ann", "X @ann"],
            ["skip", "3", "(empty row)", "every cell is empty"],
            [
                "bad",
                "4",
                "Bo",
                "X: '@@': an X handle is @ and 1-15 letters, digits or underscores; "
                "Priority: must be between 1 and 3, not 9",
            ],
        ]
