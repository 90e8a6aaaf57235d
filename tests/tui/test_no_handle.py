"""A contact with no handle has no channel to name: "—" where the others say "X @ann", in the app and on
the command line, not the "other" of an interaction logged nowhere in particular."""

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.report import today_text
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact
from tests.tui.conftest import SIZE, cells, settle


async def test_a_contact_with_no_handle_is_reached_at_a_dash(store):
    add_contact(store, "Tanaka (VC)")
    add_contact(store, "Ann", handles={"x": "@ann"})
    rows = {line.split()[2]: line for line in today_text(build_agenda(store)).splitlines()[1:]}
    assert rows["Tanaka"].split()[4] == "—" and "other" not in rows["Tanaka"]
    assert "X @ann" in rows["Ann"]
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        handles = {row[1]: row[3] for row in cells(app, "today")}
    assert handles == {"Tanaka (VC)": "—", "Ann": "X @ann"}
