"""The TUI tests' shared people and helpers."""

import pytest
from textual.widgets import DataTable

from tests.conftest import add_contact

SIZE = (120, 36)


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
