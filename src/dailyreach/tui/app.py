"""The app: handed its store and config, so tests run the real app on temporary files."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from dailyreach.config import Config, remember_theme
from dailyreach.core.errors import StoreError
from dailyreach.core.store import Store
from dailyreach.tui.commands import ContactCommands
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.screens.contact import ContactScreen
from dailyreach.tui.screens.fields_form import FieldsForm
from dailyreach.tui.screens.import_preview import ImportPreviewScreen
from dailyreach.tui.screens.main import ContactPane, MainScreen
from dailyreach.tui.styles import stylesheet_path


class DailyReachApp(App):
    CSS_PATH = stylesheet_path()
    TITLE = "dailyreach"
    COMMANDS = App.COMMANDS | {ContactCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("u,ctrl+z", "undo", "Undo", id="undo"),
        Binding("question_mark", "show_help_panel", "Help", id="help"),
    ]

    def __init__(self, store: Store, config: Config | None = None) -> None:
        super().__init__()
        self.store = store
        self.config = config or Config()

    def on_mount(self) -> None:
        self._apply_config()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(MainScreen())

    def _apply_config(self) -> None:
        problems = list(self.config.problems)
        unknown = sorted(set(self.config.keys) - binding_ids())
        if unknown:
            problems.append(f"{self.config.path}: no key with the id {', '.join(unknown)}")
        self.set_keymap({k: v for k, v in self.config.keys.items() if k not in unknown})
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        elif self.config.theme:
            problems.append(f"{self.config.path}: no theme called {self.config.theme!r}")
        for problem in problems:
            self.notify(problem, title="Config", severity="warning", markup=False, timeout=15)

    def _remember_theme(self, theme: Theme) -> None:
        path = self.config.path
        if path is not None and theme.name != self.config.theme and remember_theme(path, theme.name):
            self.config.theme = theme.name

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node) -> None:
        keys = ", ".join(sorted(binding.key for binding in clashed_bindings))
        self.notify(f"{keys} is used by two keys: check [keys] in the config file", severity="warning")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the screen, with its key, besides Textual's own commands."""
        yield from super().get_system_commands(screen)
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if active.node in (screen, self) and binding.description and binding.action not in seen:
                seen.add(binding.action)
                yield SystemCommand(
                    binding.description,
                    f"key {self.get_key_display(binding)}",
                    partial(active.node.run_action, binding.action),
                )

    def action_undo(self) -> None:
        try:
            change = self.store.undo()
        except StoreError as error:
            self.notify(str(error), title="Not undone", severity="error", markup=False, timeout=10)
            return
        if change is None:
            self.notify("Nothing to undo.")
            return
        self.notify(f"Undone: {change.label}", markup=False)
        if isinstance(self.screen, StoreScreen):
            self.screen.reload_if_changed()


def binding_ids() -> set[str]:
    """Every id a user can remap in the config file."""
    classes = (DailyReachApp, MainScreen, ContactPane, ContactScreen, FieldsForm, ImportPreviewScreen)
    return {binding.id for cls in classes for binding in Binding.make_bindings(cls.BINDINGS) if binding.id}
