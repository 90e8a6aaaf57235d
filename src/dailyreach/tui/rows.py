"""Bringing a DataTable to a new list of rows by touching only the rows that changed."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.widget import Widget
from textual.widgets import DataTable

Row = tuple[str, list[Text]]


def _same(shown: object, wanted: Text) -> bool:
    return (
        isinstance(shown, Text)
        and shown.plain == wanted.plain
        and shown.style == wanted.style
        and shown.spans == wanted.spans
    )


def sync_rows(table: DataTable, rows: list[Row], selected_key: str | None = None) -> None:
    """Remove rows that went, update changed cells, append new rows at the end.

    A logged interaction changes a cell or two, drops a row, or adds one at the end; only when rows
    must move in between is the table filled again from scratch. The row the cursor is on keeps it
    wherever that row now is (a filter drops the rows above it): the next key acts on the same person.
    ``selected_key`` names that row when the table was emptied since (columns fitted anew clear it).
    """
    wanted = dict(rows)
    selected = table.cursor_row
    if selected_key is None and 0 <= selected < table.row_count:
        selected_key = table.ordered_rows[selected].key.value
    for row in list(table.ordered_rows):
        if row.key.value not in wanted:
            table.remove_row(row.key)
    # Every row left has one of our keys: rows not in ``wanted`` (keyless ones too) were removed.
    kept = [row.key.value for row in table.ordered_rows if row.key.value is not None]
    order = [key for key, _ in rows]
    refilled = kept != order[: len(kept)]
    if refilled:
        table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
    else:
        for key in kept:
            update_row(table, key, wanted[key])
        for key, cells in rows[len(kept) :]:
            table.add_row(*cells, key=key)
    if selected_key in wanted:
        table.move_cursor(row=order.index(selected_key))
    elif refilled:
        table.move_cursor(row=min(selected, max(len(rows) - 1, 0)))


def update_row(table: DataTable, key: str, cells: list[Text]) -> None:
    """Update the cells of one row that differ; each update makes the table draw its rows again."""
    columns = [column.key for column in table.ordered_columns]
    for column, shown, cell in zip(columns, table.get_row(key), cells, strict=True):
        if not _same(shown, cell):
            table.update_cell(key, column, cell)


def _system_keys() -> list[Binding]:
    # Enter is left to each table: it opens what its rows are.
    own = [b for b in DataTable.BINDINGS if isinstance(b, Binding) and b.key != "enter"]
    taken = {binding.key for binding in own} | {"enter"}
    scrolling = [
        binding
        for binding in ScrollableContainer.BINDINGS
        if isinstance(binding, Binding) and binding.key not in taken
    ]
    # The columns always fit, so nothing scrolls sideways: Home and End go to the first and last row, as
    # ctrl+home and ctrl+end do, not to a left or right edge the table is already at.
    to_rows = {"scroll_home": ("scroll_top", "Top"), "scroll_end": ("scroll_bottom", "Bottom")}
    return [
        Binding(
            binding.key,
            *to_rows.get(binding.action, (binding.action, binding.description)),
            show=False,
            system=True,
        )
        for binding in (*own, *scrolling)
    ]


# A table's own keys (arrows, Page Up, Home...), marked as system keys: the keys panel (?) then starts
# with the app's keys, not with a page of cursor movements everyone knows. Tables that use these declare
# ``inherit_bindings=False`` and list them first.
TABLE_KEYS = _system_keys()


def show_border_titles(widget: Widget, title: str, subtitle: str | None) -> None:
    """The border's title and subtitle as text, never markup (a filter typed "[/]" stopped the app), set
    only when they change: a new title has the whole widget drawn again."""
    for name, text in (("border_title", title), ("border_subtitle", subtitle)):
        content = None if text is None else Content(text)
        if getattr(widget, name) != (None if content is None else content.markup):
            setattr(widget, name, content)
