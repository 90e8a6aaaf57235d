"""The log bar's fields are built once the screen shows what it read, not with the screen: its three
inputs were a fifth of the first frame. A log key pressed before then still opens the bar, filled in; a
note opens with the cursor in its text."""

from textual.widgets import Input

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.widgets.log_bar import LogBar
from tests.tui.conftest import SIZE, Keys, cells, settle


async def test_the_bar_has_no_fields_until_the_screen_has_shown_its_figures(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one(LogBar)
        if not app.screen.footer_released:
            assert not bar.query(Input)
        await settle(pilot)
        assert app.screen.footer_released
        assert [box.id for box in bar.query(Input).results(Input)] == ["when", "channel", "text"]


async def test_a_log_key_before_the_bar_is_built_opens_it_filled_in_and_enter_logs(
    store, people, monkeypatch
):
    # As when d comes before the screen's first figures: nothing has built the bar yet.
    monkeypatch.setattr(StoreScreen, "_release_footer", lambda self: None)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        bar = app.screen.query_one(LogBar)
        assert not bar.built
        await keys.press("d")
        await settle(pilot)
        assert bar.is_open and app.screen.focused is bar.query_one("#when", Input)
        assert bar.query_one("#channel", Input).value == "x"
        await keys.press("enter")
        await settle(pilot)
        assert cells(app, "today")[0][0] == "✓"
    assert [interaction.kind for interaction in store.interactions()] == ["dm_sent"]


async def test_a_note_starts_in_its_text(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("N")
        await keys.type("Prefers mornings")
        await keys.press("enter")
        await settle(pilot)
    assert [(i.kind, i.text) for i in store.interactions()] == [("note", "Prefers mornings")]
