"""The main screen's detail strip: the highlighted row in full where the strip has the room."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static


class DetailStrip(Static):
    """Each line wraps, first to last, while the strip has lines to spare for it; a line that would take
    more than are left is cut with an ellipsis (the stylesheet's), so that no line pushes those under it
    out of sight: an invitation's long title and host showed cut above empty lines."""

    def __init__(self, *, id: str, indent: int) -> None:
        super().__init__(id=id, markup=False)
        self.detail = Text()
        self.indent = indent  # under the value, not the label, for all lines but the first (a name)

    def show(self, detail: Text) -> None:
        self.detail = detail
        self._fit()

    def on_resize(self, _event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        width, height = self.content_size
        lines: list[Text] = list(self.detail.split("\n", allow_blank=True))
        if width > 0:
            spare = height - len(lines)
            fitted: list[Text] = []
            for number, line in enumerate(lines):
                wrapped = self._wrapped(line, width, self.indent if number else 0)
                if 1 < len(wrapped) <= spare + 1:
                    spare -= len(wrapped) - 1
                    fitted.extend(wrapped)
                else:
                    fitted.append(line)
            lines = fitted
        shown = Text("\n", end="").join(lines)
        if self.content != shown:
            self.update(shown)

    def _wrapped(self, line: Text, width: int, indent: int) -> list[Text]:
        """``line`` wrapped to ``width``, the lines after its first ``indent`` cells in."""
        console = self.app.console
        [first, *more] = line.wrap(console, width, no_wrap=False) or [line]
        if not more or width <= indent:
            return [first, *more]
        rest = line[len(first.plain) :]
        rest = rest[len(rest.plain) - len(rest.plain.lstrip()) :]
        return [
            first,
            *(Text(" " * indent) + part for part in rest.wrap(console, width - indent, no_wrap=False)),
        ]
