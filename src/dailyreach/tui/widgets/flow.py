"""A line of figures that breaks between them, never inside one: "89 messages on 13 days" stays whole
on a narrow screen rather than leaving "89" at the end of one line and "messages" on the next."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widget import Widget


def flowed(items: Sequence[Text], width: int, separator: str = "   ") -> Text:
    """``items`` side by side, ``separator`` between two on a line, a new line before one that would go
    past ``width``. An item wider than ``width`` alone is left for the widget to wrap."""
    shown = Text(end="")
    used = 0
    for item in items:
        size = cell_len(item.plain)
        if used and used + cell_len(separator) + size > width:
            shown.append("\n")
            used = 0
        elif used:
            shown.append(separator)
            used += cell_len(separator)
        shown.append_text(item)
        used += size
    return shown


class FlowLine(Widget):
    """Figures (``Text``s) on one line when they fit, else on as many as they need, each whole."""

    DEFAULT_CSS = "FlowLine { height: auto; }"

    def __init__(
        self,
        items: Sequence[Text] = (),
        *,
        separator: str = "   ",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.items = list(items)
        self.separator = separator

    def show(self, items: Sequence[Text]) -> None:
        self.items = list(items)
        self.refresh(layout=True)

    @property
    def plain(self) -> str:
        """The figures on one line, as a test or a screen reader would read them."""
        return self.separator.join(item.plain for item in self.items)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return cell_len(self.plain)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = flowed(self.items, width, self.separator).plain.split("\n")
        return sum(max(1, -(-cell_len(line) // max(1, width))) for line in lines)

    def render(self) -> RenderResult:
        return flowed(self.items, self.size.width, self.separator)
