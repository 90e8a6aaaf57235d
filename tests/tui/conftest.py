"""The TUI tests' shared people and helpers."""

import threading

import pytest
from textual import events
from textual.widgets import DataTable

from tests.conftest import add_contact

SIZE = (120, 36)


async def settle(pilot) -> None:
    """Wait for what runs off the UI thread (reads and saves of the store), then for the screen to show
    it, including what it draws a frame later (the panes after Today, the footer's keys)."""
    quiet = 0
    while quiet < 2:  # twice in a row: showing what was read can itself schedule more
        await pilot.app.workers.wait_for_complete()
        # A moment, not just a turn of the loop: a message posted to a widget reaches the screen's
        # callbacks only once that widget has run, which a busy machine can delay.
        await pilot.pause(0.05)
        app, screen = pilot.app, pilot.app.screen
        # A table sizes its columns for new rows when idle: until then a snapshot shows them squeezed.
        sizing = any(table._require_update_dimensions for table in screen.query(DataTable))
        busy = app.workers or screen._callbacks or sizing
        quiet = 0 if busy else quiet + 1


async def settled_press(pilot, *keys: str) -> None:
    """``keys`` pressed once the screen shows what it read, then waited on as ``settle`` does."""
    await settle(pilot)
    await pilot.press(*keys)
    await settle(pilot)


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


class Keys:
    """Presses keys on the app and counts those that are not typed text, as a user would count them."""

    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.count = 0

    async def press(self, *keys: str) -> None:
        self.count += len(keys)
        await self.pilot.press(*keys)
        await settle(self.pilot)

    async def type(self, text: str) -> None:
        for character in text:
            # As a terminal sends it: Pilot.press drops some signs, ¥ among them.
            self.pilot.app.post_message(events.Key(character, character))
            await self.pilot.pause(0)
        await settle(self.pilot)


def hold_saves(store, monkeypatch) -> threading.Event:
    """Saves wait, holding the store as a slow disk would, until the returned event is set."""
    go_on = threading.Event()
    add_interaction = store.add_interaction

    def slow(interaction):
        with store._storage.lock:
            assert go_on.wait(10), "the save was never let through"
            return add_interaction(interaction)

    monkeypatch.setattr(store, "add_interaction", slow)
    return go_on
