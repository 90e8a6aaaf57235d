"""The log bar's fields are no part of a screen's first frame: they are made once it has shown its data,
or by a log key that comes before that, which then works as on a bar made earlier."""

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.widgets.log_bar import LogBar
from tests.tui.conftest import SIZE, settle


async def test_the_bar_has_its_fields_once_the_screen_has_shown_its_data(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(LogBar)
        assert not bar.display
        assert [child.id for child in bar.children] == [
            "log_title",
            None,
            "when",
            None,
            "channel",
            None,
            "text",
            "problem",
        ]


async def test_a_log_key_before_the_bar_is_made_makes_it_and_logs(store, people, monkeypatch):
    monkeypatch.setattr(StoreScreen, "_prepare_log_bars", lambda screen: None)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not app.screen.query_one(LogBar).children  # not made with the screen
        await pilot.press("d", "tab", "ctrl+u", *"fax", "enter")
        await settle(pilot)
        assert str(app.screen.query_one("#problem").render()).startswith("Channel: 'fax' is not one of X")
        assert store.interactions() == []
        await pilot.press("ctrl+u", *"LinkedIn", "tab", *"hello", "enter")
        await settle(pilot)
        [sent] = store.interactions()
        assert (sent.kind, sent.channel, sent.text) == ("dm_sent", "linkedin", "hello")
