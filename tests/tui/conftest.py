"""The TUI tests' shared people and helpers."""

import pytest
from textual.widgets import DataTable

from tests.conftest import add_contact

SIZE = (120, 36)


async def settle(pilot) -> None:
    """Wait for what runs off the UI thread (reads and saves of the store), then for the screen to show
    it, including what it draws a frame later (the panes after Today, the footer's keys)."""
    while True:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not pilot.app.workers and not pilot.app.screen._callbacks:
            return


def cells(app, pane: str) -> list[list[str]]:
    table = app.screen.query_one(f"#{pane}", DataTable)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


@pytest.fixture
def people(store):
    ann = add_contact(store, "Ann [/] Smith", handles={"x": "@ann"}, why="Sold her startup", priority=1)
    yamada = add_contact(store, "山田 太郎", handles={"mastodon": "@yamada@mstdn.jp"}, priority=2)
    vip = add_contact(store, "[bold]VIP", handles={"x": "@vip"}, priority=3)
    store.history.clear()
    return ann, yamada, vip
