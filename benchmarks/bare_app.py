"""The floor for the app's figures: a bare Textual app that draws a name, and on each key says which.

python benchmarks/bare_app.py NAME
"""

from __future__ import annotations

import sys

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App):
    def compose(self) -> ComposeResult:
        yield Static(sys.argv[1], markup=False)

    def on_key(self, event: events.Key) -> None:
        self.query_one(Static).update(f"pressed {event.key}")


if __name__ == "__main__":
    BareApp().run()
