"""The app: handed its store, so tests run the real app on a temporary file."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from dailyreach.core.store import Store
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.screens.main import MainScreen
from dailyreach.tui.styles import stylesheet_path


class DailyReachApp(App):
    CSS_PATH = stylesheet_path()
    TITLE = "dailyreach"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("u,ctrl+z", "undo", "Undo", id="undo"),
        Binding("question_mark", "show_help_panel", "Help", id="help"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(MainScreen())

    def action_undo(self) -> None:
        change = self.store.undo()
        if change is None:
            self.notify("Nothing to undo.")
            return
        self.notify(f"Undone: {change.label}", markup=False)
        if isinstance(self.screen, StoreScreen):
            self.screen.reload()
