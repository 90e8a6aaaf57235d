"""Table columns sized to the pane: short columns keep their width, the others share what is left, and
text too long for its cell ends in an ellipsis, so that no pane ever scrolls sideways."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable

from dailyreach.i18n import _

CELL_PADDING = 1  # DataTable's default: one cell of padding each side of a column
USEFUL_WIDTH = 6


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # marked with N_, shown in the interface's language
    width: int = 0  # a fixed width; 0 for a column that takes a share of what is left
    least: int = 0  # the narrowest a shared column gets before the last shared column gives way
    most: int = 0  # the widest a shared column gets; 0 for the one that takes whatever is left
    weight: int = 1
    # For a fixed column: the longest things it shows, in the interface's language (a fixed width is set
    # for English words; the same words in Japanese can take more cells).
    fits: Callable[[], Iterable[str]] | None = None

    @property
    def shown_label(self) -> str:
        return _(self.label) if self.label else ""

    @property
    def fixed_width(self) -> int:
        """A fixed column's width: never narrower than its title or what it ``fits`` (in cells: Japanese
        words are wider)."""
        if not self.width:
            return 0
        shown = [self.shown_label, *(self.fits() if self.fits else ())]
        return max(self.width, *(cell_len(text) for text in shown))


def fit_widths(
    columns: tuple[Column, ...], available: int, longest: Sequence[int] | None = None
) -> list[int]:
    """Each column's width in ``available`` cells (padding included in ``available``, not in the widths).

    Fixed columns keep their width; shared ones start at their least and grow, by weight, up to their
    most; a column without a most takes what remains. When even the leasts do not fit, the columns at the
    end of the row give way first, a shared one shrinking (to nothing) and a fixed one going whole: what
    comes first in a row is what matters most. With ``longest`` (the widest text each column holds, in
    cells), a fixed column, or a shared one with a most, is no wider than its text and title need, so
    that its room goes to the text cut in the column that takes the rest."""
    room = available - 2 * CELL_PADDING * len(columns)
    mosts = [column.most for column in columns]
    leasts = [column.least for column in columns]
    fixed = [column.fixed_width for column in columns]
    if longest is not None:
        for index, column in enumerate(columns):
            needed = max(longest[index], cell_len(column.shown_label))
            if column.most:
                mosts[index] = min(column.most, needed)
                leasts[index] = min(column.least, needed)
            elif column.width:
                fixed[index] = min(fixed[index], needed)
    widths = [width or least for width, least in zip(fixed, leasts, strict=True)]
    shared = [index for index, column in enumerate(columns) if not column.width]
    spare = room - sum(widths)
    # Too narrow even for the leasts: the row gives way from its end. A shared column shrinks (to nothing);
    # a fixed one goes whole, so that a name before it keeps its least.
    for index in reversed(range(len(columns))):
        if spare >= 0:
            break
        cut = widths[index] if columns[index].width else min(widths[index], -spare)
        widths[index] -= cut
        spare += cut
    growing = [index for index in shared if mosts[index] > widths[index]]
    while spare > 0 and growing:
        total_weight = sum(columns[index].weight for index in growing)
        given = 0
        for index in growing:
            share = max(1, spare * columns[index].weight // total_weight)
            grant = min(share, mosts[index] - widths[index], spare - given)
            widths[index] += grant
            given += grant
        spare -= given
        growing = [index for index in growing if widths[index] < mosts[index]]
        if not given:
            break
    rest = [index for index in shared if not columns[index].most]
    if rest and spare > 0:
        widths[rest[-1]] += spare
    if longest is not None:
        for index in rest:
            _give_slack(columns, widths, longest, index)
    for index in rest:
        # A sliver of a column shows only "…": its room does more for a column before it, the one whose
        # text is cut the most (the widest one when none is, or the text is not known).
        if widths[index] < USEFUL_WIDTH and index:
            # Not a fixed column that gave way whole: cut short, it would say nothing.
            wanting = {
                before: longest[before] - widths[before]
                for before in range(index)
                if longest is not None
                and longest[before] > widths[before]
                and not (columns[before].width and not widths[before])
            }
            widest = (
                max(wanting, key=wanting.__getitem__)
                if wanting
                else max(range(index), key=lambda before: (not columns[before].width, widths[before]))
            )
            widths[widest] += widths[index]
            widths[index] = 0
    return widths


def _give_slack(columns: tuple[Column, ...], widths: list[int], longest: Sequence[int], index: int) -> None:
    """The room column ``index`` (one that takes what is left) has beyond its text and title goes to the
    text cut short in the columns with a most before it, first come first, past their most: a most keeps a
    column from crowding the others, not from showing a whole name beside an empty column."""
    slack = widths[index] - max(longest[index], cell_len(columns[index].shown_label))
    for before in range(index):
        if slack <= 0:
            return
        wanted = longest[before] - widths[before]
        if columns[before].most and wanted > 0:
            grant = min(wanted, slack)
            widths[before] += grant
            widths[index] -= grant
            slack -= grant


def longest_cells(rows: Iterable[Sequence[object]], count: int) -> list[int]:
    """The widest cell of each of ``count`` columns in ``rows`` (Rich texts or strings), in cells."""
    widest = [0] * count
    for cells in rows:
        for index, cell in enumerate(cells):
            width = cell.cell_len if isinstance(cell, Text) else cell_len(str(cell))
            if width > widest[index]:
                widest[index] = width
    return widest


def set_columns(table: DataTable, columns: tuple[Column, ...], widths: list[int]) -> bool:
    """Give ``table`` these columns at these widths; False when it has them already. Changing widths
    clears the rows: the caller adds them again."""
    wanted = [(column.key, column.shown_label, width) for column, width in zip(columns, widths, strict=True)]
    shown = [(str(column.key.value), column.label.plain, column.width) for column in table.ordered_columns]
    if shown == wanted:
        return False
    table.clear(columns=True)
    for key, label, width in wanted:
        table.add_column(label, width=width, key=key)
    return True
