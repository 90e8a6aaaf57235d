"""A preview of a very large file lists a thousand rows (every bad and skipped one first, then the first
to add) and says how many it leaves out; Enter still imports them all."""

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.import_preview import LISTED_ROWS, ImportPreviewScreen
from tests.tui.conftest import SIZE, cells, settle


async def test_a_large_file_lists_its_bad_rows_and_the_first_to_add_and_imports_all(store, tmp_path):
    rows = [f"Person {number},p{number}@example.com" for number in range(1, 1_501)]
    rows[1_200] = "Broken,not-an-email"  # line 1,202: a bad e-mail
    path = tmp_path / "many.csv"
    path.write_text("name,email\n" + "\n".join(rows) + "\n", encoding="utf-8")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        app.screen.query_one("#path").value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportPreviewScreen)
        listed = cells(app, "rows")
        assert len(listed) == LISTED_ROWS
        assert listed[-1][:3] == ["bad", "1202", "Broken"]  # after the first 999 to add, in the file's order
        assert listed[-2][:3] == ["add", "1000", "Person 999"]
        notices = str(app.screen.query_one("#notices").render())
        assert "500 more rows are not listed: the summary counts them" in notices
        await pilot.press("enter")
        await settle(pilot)
        assert len(store.contacts()) == 1_499
