"""The app starts collecting garbage as a command does (dailyreach.cli), and goes back to the usual
thresholds once its screen first shows what it read: it runs for hours."""

import gc

import pytest

from dailyreach.cli import COMMAND_COLLECTION_THRESHOLD, USUAL_COLLECTION_THRESHOLDS
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact
from tests.tui.conftest import settle


@pytest.fixture
def started_as_a_command():
    before = gc.get_threshold()
    gc.set_threshold(COMMAND_COLLECTION_THRESHOLD)
    yield
    gc.set_threshold(*before)


@pytest.mark.parametrize("anyone", [False, True], ids=["empty store", "a contact"])
async def test_the_app_collects_garbage_as_usual_once_it_shows_its_figures(
    anyone, store, started_as_a_command
):
    if anyone:
        add_contact(store, "Ann", handles={"x": "@ann"})
    app = DailyReachApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.footer_released
        assert gc.get_threshold() == USUAL_COLLECTION_THRESHOLDS
