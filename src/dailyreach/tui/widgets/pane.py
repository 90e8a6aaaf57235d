"""A pane of the main screen: a table that owns its rows, its filter and its titles, so that the screen
only hands it rows and says which one changed."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widgets import DataTable

from dailyreach.core.planning.lookup import folded
from dailyreach.i18n import N_, _
from dailyreach.tui.columns import Column, fit_widths, longest_cells, set_columns
from dailyreach.tui.rows import TABLE_KEYS, Row, show_border_titles, sync_rows, update_row
from dailyreach.tui.translated import TextInput, TranslatedBindings

# A long pane fills a frame at a time: the table measures each row it is given, and the screen need not
# wait for rows below the fold.
ROWS_AT_ONCE = 100
# A pane's border and its vertical scrollbar, beside the columns.
PANE_FRAME = 3


def row_index(rows: list[Row], key: str) -> int | None:
    return next((index for index, (row_key, _) in enumerate(rows) if row_key == key), None)


class Pane(TranslatedBindings, DataTable, inherit_bindings=False):
    """A pane of the main screen; Tab and Shift+Tab go round the panes, shown or not.

    ``listed`` are all of the pane's rows, ``needle`` the filter that narrows what it shows, ``title`` its
    border's title and ``empty`` what its border says when it has no rows to show. Its ``pane_columns`` are
    fitted to the width it is given and to what its rows hold.
    """

    BINDINGS = [
        *TABLE_KEYS,
        Binding("tab", "screen.next_pane(1)", N_("Next pane"), show=False),
        Binding("shift+tab", "screen.next_pane(-1)", N_("Previous pane"), show=False),
    ]

    def __init__(self, columns: tuple[Column, ...], *, id: str, classes: str) -> None:
        super().__init__(id=id, classes=classes, cursor_type="row", zebra_stripes=True)
        self.pane_columns = columns
        self.available = 0
        self.listed: list[Row] = []
        self.needle = ""
        # What the filter finds in each row beside its cells, by the row's key: a contact's handles,
        # which not every pane shows.
        self.found_beside: Callable[[], dict[str, str]] = dict
        self.title = ""
        self.empty = ""
        self._filling = False

    def selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def move_to_next(self, wanted: Callable[[int], bool]) -> None:
        """The cursor to the first row whose index ``wanted`` takes, down from the cursor's row (a row
        passed over on purpose stays passed), then from the top; it stays when none is."""
        here = max(self.cursor_row, 0)
        for index in [*range(here, self.row_count), *range(here)]:
            if wanted(index):
                self.move_cursor(row=index)
                return

    def on_mount(self) -> None:
        # Textual at times sends no Resize (four runs in ten here) when the keys panel (?) docks beside the
        # pane and narrows it: its width is looked at after each layout of the screen as well.
        self.screen.screen_layout_refresh_signal.subscribe(self, self._fit_own_width)

    def on_resize(self) -> None:
        self._fit_own_width()

    def _fit_own_width(self, _screen: object = None) -> None:
        """Its own width too: the keys panel docked beside the panes narrows them, not the screen. A pane
        hidden (the panes taking turns) keeps the screen's width, which the screen gives it."""
        width = self.outer_size.width - PANE_FRAME
        if self.display and width > 0 and width != self.available:
            self.fit(width)

    def fit(self, available: int) -> None:
        """Fit the columns to ``available`` cells."""
        self.available = available
        selected = self.selected_key()
        if self._fit_columns() and self.listed:
            self.show_rows(selected=selected)

    def _fit_columns(self) -> bool:
        """Fit the columns to the pane's width and rows; True when their widths changed, which clears the
        rows (the caller shows them again)."""
        if not self.available:
            return False
        # An empty pane keeps the columns' own widths: its titles read as a table waiting for rows.
        longest = (
            longest_cells((cells for _key, cells in self.listed), len(self.pane_columns))
            if self.listed
            else None
        )
        return set_columns(self, self.pane_columns, fit_widths(self.pane_columns, self.available, longest))

    def _cut(self, cells: list[Text]) -> bool:
        """Whether a cell is cut short in a column that could grow to show it."""
        widths = [shown.width for shown in self.ordered_columns]
        if len(widths) != len(self.pane_columns):  # not fitted yet: the first show fits them
            return False
        return any(
            width < (column.most or column.fixed_width) and cell.cell_len > width
            for column, width, cell in zip(self.pane_columns, widths, cells, strict=True)
        )

    def narrow(self, needle: str) -> None:
        self.needle = needle.strip()
        self.show_rows()

    @staticmethod
    def _matches(cells: list[Text], beside: str, words: list[str]) -> bool:
        """Whether the row (and what is found ``beside`` it) holds every word of the filter, each anywhere
        in it ("pers d": Person D), compared as the contacts list compares them (jose finds José)."""
        held = folded(" ".join([*(cell.plain for cell in cells), beside]))
        return all(word in held for word in words)

    def show_rows(self, more: bool = False, selected: str | None = None) -> None:
        """The rows, narrowed by the filter, ``ROWS_AT_ONCE`` more a frame (``more``) until all show; the
        cursor stays on its row, or on ``selected`` when the columns were fitted anew (which empties the
        table) before this was called."""
        selected = selected or self.selected_key()
        if not more:
            self._fit_columns()
        words = folded(self.needle).split()
        beside = self.found_beside() if words else {}
        rows = [
            (key, cells)
            for key, cells in self.listed
            if not words or self._matches(cells, beside.get(key, ""), words)
        ]
        shown = rows[: self.row_count + ROWS_AT_ONCE if more else max(self.row_count, ROWS_AT_ONCE)]
        sync_rows(self, shown, selected)
        self.show_titles(len(rows))
        if len(shown) < len(rows) and not self._filling:
            self._filling = True
            self.call_after_refresh(self._show_more)

    def _show_more(self) -> None:
        self._filling = False
        self.show_rows(more=True)

    def show_row(self, key: str, rows: list[Row]) -> None:
        """Bring the pane to ``rows``, which differ from its own in ``key``'s row alone: only that row is
        touched, unless it moved between others or a filter narrows the pane."""
        before, self.listed = self.listed, rows
        old, new = row_index(before, key), row_index(rows, key)
        moved = new is not None and new != (len(rows) - 1 if old is None else old)
        # Columns are fitted again for a row that needs more room than it has, not for one that leaves
        # room: that would have the table filled again, and a full show fits them anyway.
        selected = self.selected_key()
        cut = new is not None and self._cut(rows[new][1]) and self._fit_columns()
        if cut or self.needle or moved or self.row_count != len(before):
            self.show_rows(selected=selected)
            return
        if new is not None and old is not None:
            update_row(self, key, rows[new][1])
        elif old is not None:
            # The table keeps the cursor's place, which a row above it leaving hands to the row below.
            self.remove_row(key)
            if selected is not None and selected != key:
                self.move_cursor(row=self.get_row_index(selected))
        elif new is not None:
            self.add_row(*rows[new][1], key=key)
        self.show_titles(len(rows))

    def show_titles(self, shown: int) -> None:
        """The title, with the filter if any; below it, when ``shown`` is none, why the pane is empty."""
        needle = self.needle.casefold()
        title = (
            _("{title}  filter: {filter} ({shown} of {listed})").format(
                title=self.title, filter=needle, shown=shown, listed=len(self.listed)
            )
            if needle
            else self.title
        )
        if shown:
            subtitle = None
        elif needle:
            subtitle = _("No rows match the filter: / then Escape clears it")
        else:
            subtitle = self.empty
        show_border_titles(self, title, subtitle)


class ContactPane(Pane):
    """A pane of contacts, where Enter opens the contact screen."""

    BINDINGS = [Binding("enter", "select_cursor", N_("Contact"), show=False, id="open_contact")]


class FilterBox(TextInput):
    """The box that narrows a pane (/). Enter keeps the filter and Escape clears it; either gives the pane
    the focus as the box takes the key, in the order the keys were typed. / is never typed in it: it
    selects the filter, as opening the box does, so that "/ then Escape" clears it from anywhere."""

    BINDINGS = [
        Binding("enter", "screen.keep_filter", N_("Keep the filter")),
        Binding("escape", "screen.clear_filter", N_("Clear the filter")),
        # A terminal reads Escape with a / typed right after it as "/" alone (alt+/): typed in, it
        # narrowed the pane to nothing.
        Binding("slash", "select_all", N_("Select the filter"), show=False),
    ]

    async def on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:
            # A key that came with the Enter or Escape that closed the box reached it before the focus
            # left: it is the pane's.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
