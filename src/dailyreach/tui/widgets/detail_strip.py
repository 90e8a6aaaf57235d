"""The main screen's detail strip: the highlighted row in full where the strip has the room."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static


class DetailStrip(Static):
    """Its lines wrap when the strip holds all of them wrapped; else each is cut with an ellipsis, so
    that a long first line (a title and its host) never pushes the lines under it out of sight."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, markup=False)
        self.detail = Text()

    def show(self, detail: Text) -> None:
        self.detail = detail
        self._fit()
        if self.content != detail:
            self.update(detail)

    def on_resize(self, _event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        width, height = self.content_size
        if width <= 0:
            return
        lines = self.detail.wrap(self.app.console, width, no_wrap=False)
        self.set_class(len(lines) <= height, "-wrapped")
