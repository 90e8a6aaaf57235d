"""The log bar takes a channel by the name the app shows it under, and Tab goes round its fields: what
was typed in it is never dropped by moving between them."""

import pytest

from dailyreach.tui.app import DailyReachApp
from tests.conftest import log
from tests.tui.conftest import SIZE, settle


async def test_tab_goes_round_the_bar_keeping_the_note_typed(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "tab", "tab", *"coffee?", "tab")
        assert app.screen.query_one("LogBar").display and app.screen.query_one("#when").has_focus
        await pilot.press("shift+tab")
        assert app.screen.query_one("#text").has_focus
        await pilot.press("enter")
        await settle(pilot)
        [sent] = store.interactions()
        assert (sent.kind, sent.text) == ("dm_sent", "coffee?")


@pytest.mark.parametrize(("typed", "stored"), [("LinkedIn", "linkedin"), ("e-mail", "email"), ("X", "x")])
async def test_a_channel_typed_as_the_app_names_it_is_taken(store, people, typed, stored):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=4), channel="x")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "f")
        await settle(pilot)
        assert app.screen.query_one("#channel").value == "X"  # prefilled by its name
        app.screen.query_one("#channel").value = typed
        await pilot.press("enter")
        await settle(pilot)
        assert store.interactions(ann.id)[-1].channel == stored


async def test_a_channel_that_is_none_names_them_as_the_app_does(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "tab", "ctrl+u", *"fax", "enter")
        await settle(pilot)
        problem = str(app.screen.query_one("#problem").render())
        assert problem.startswith("Channel: 'fax' is not one of X, LinkedIn, Bluesky") and "e-mail" in problem
        assert store.interactions() == []


async def test_when_emptied_is_now_as_its_placeholder_says(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "ctrl+u")
        when = app.screen.query_one("#when")
        assert (when.value, when.placeholder) == ("", "now")
        assert str(app.screen.query_one("#problem").render()) == "Enter logs, Escape cancels"
        await pilot.press("enter")
        await settle(pilot)
    [sent] = store.interactions()
    assert (sent.kind, sent.moment) == ("dm_sent", store.now())
