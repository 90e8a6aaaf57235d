"""A log key pressed right after undo, before the screen shows the undone row gone, opens the bar for a
contact no longer there: Enter said "no contact with id 'v4tdka2psb'" and opened the bar again for them."""

import pytest

from dailyreach.core.store.store import Store
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.widgets.log_bar import LogBar
from tests.conftest import add_contact
from tests.tui.conftest import SIZE, settle


@pytest.mark.parametrize("opened_from", [(), ("enter",)], ids=["main screen", "contact screen"])
async def test_a_log_for_a_contact_deleted_meanwhile_names_them_and_leaves_the_bar_closed(
    store, clock, opened_from
):
    """Deleted by another window while the bar was open, as a key pressed right after undo finds the
    contact whose adding it undid (too fast for a test to press)."""
    zed = add_contact(store, "Zed Test", handles={"x": "@zedtest"})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*opened_from, "p")
        await settle(pilot)
        assert app.screen.query_one(LogBar).display
        Store(store.path, clock=clock).delete_contact(zed.id)
        await pilot.press("enter")
        await settle(pilot)
        said = [str(notice.message) for notice in app._notifications]
        assert (
            "Zed Test is no longer in the database (deleted, or their adding undone): nothing was logged"
            in said
        ), said
        assert not any("no contact with id" in message for message in said)
        assert not any(bar.display for bar in app.screen.query(LogBar))
    assert store.contacts() == [] and store.interactions() == []
