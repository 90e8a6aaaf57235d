"""The floor under the app's first frame on an empty store: the main screen's Textual widgets, with none of
dailyreach's code, stylesheet or store. It draws the text the app's empty store draws.

python benchmarks/widgets_app.py TEXT

Its first frame against the bare app's (one line of text) is what Textual's own widgets cost: the header,
the log bar (hidden and empty, as the app's is until its first frame is drawn), the three tables with
their columns, the lines under them and the footer.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.containers import Container, Horizontal
from textual.widgets import DataTable, Footer, Header, Static

COLUMNS = {
    "today": ("", "Name", "Reason", "Handle", "Why"),
    "pending": ("Name", "Waiting", "Nudges", "Follow-up", "Channel"),
    "invitations": ("", "Title", "Date", "Saved", "Kind", "From"),
}


class WidgetsApp(App):
    CSS = """
    #log_bar { display: none; height: 1; }
    #panes { height: 1fr; }
    DataTable { height: 1fr; border: round $panel; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="status")
        yield Horizontal(id="log_bar")
        yield Static("", id="tabs")
        with Container(id="panes"):
            for pane in COLUMNS:
                yield DataTable(id=pane, cursor_type="row", zebra_stripes=True)
        yield Static("", id="week")
        yield Static("", id="detail")
        yield Footer()

    def on_mount(self) -> None:
        for pane, columns in COLUMNS.items():
            table = self.query_one(f"#{pane}", DataTable)
            table.add_columns(*columns)
            if pane == "today":
                table.border_subtitle = sys.argv[1]


if __name__ == "__main__":
    WidgetsApp().run()
