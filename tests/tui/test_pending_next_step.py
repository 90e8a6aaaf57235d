"""Pending's Follow-up column says what comes next, as `dailyreach pending` does: with every follow-up the
settings allow sent, the day is when closing the thread is offered ("then give up?"), not another nudge."""

from datetime import timedelta

import pytest

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.widgets.pane import Pane
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, settle


def pending_cells(app: DailyReachApp) -> dict[str, str]:
    table = app.screen.query_one("#pending", Pane)
    return {
        str(table.get_row_at(index)[0]): str(table.get_row_at(index)[3]) for index in range(table.row_count)
    }


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
async def test_a_thread_with_no_follow_up_left_says_closing_comes_next(store, size):
    alice = add_contact(store, "Alice Adams", handles={"x": "@alice"})
    bob = add_contact(store, "Bob Brown", handles={"x": "@bob"})
    for days_ago, kind in ((6, "dm_sent"), (3, "follow_up"), (1, "follow_up")):
        log(store, alice, kind, at=store.now().subtract(days=days_ago))
    log(store, bob, "dm_sent", at=store.now().subtract(days=1))
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        cells = pending_cells(app)
    # Three days after the last message, as the settings have it by default.
    due = (store.local_today() + timedelta(days=2)).isoformat()
    assert cells["Alice Adams"] == f"{due} then give up?"
    assert cells["Bob Brown"] == due
