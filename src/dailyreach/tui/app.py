"""The app: handed its store and config, so tests run the real app on temporary files."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import Provider
from textual.screen import Screen
from textual.theme import Theme

from dailyreach.config import Config, remember_theme
from dailyreach.core.store.store import Change, Store
from dailyreach.tui.keymap import binding_ids
from dailyreach.tui.saves import SaveQueue
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.screens.main import MainScreen
from dailyreach.tui.styles import stylesheet_path


def contact_commands() -> type[Provider]:
    """The palette's contacts, loaded when the palette first opens rather than at start-up."""
    from dailyreach.tui.commands import ContactCommands

    return ContactCommands


def reminder_commands() -> type[Provider]:
    from dailyreach.tui.commands import ReminderCommands

    return ReminderCommands


def template_commands() -> type[Provider]:
    from dailyreach.tui.commands import TemplateCommands

    return TemplateCommands


class DailyReachApp(App):
    CSS_PATH = [stylesheet_path(), stylesheet_path("forms.tcss")]
    TITLE = "dailyreach"
    COMMANDS = App.COMMANDS | {contact_commands, reminder_commands, template_commands}
    BINDINGS = [
        Binding("u,ctrl+z", "undo", "Undo", show=False, id="undo"),
        Binding("question_mark", "toggle_help", "Keys", id="help"),
        Binding("q", "quit", "Quit", id="quit"),
        # Ahead of the screens' own Escape, but only while the keys panel is open (see check_action).
        Binding("escape", "hide_help_panel", "Hide keys", show=False, priority=True, id="hide_help"),
    ]

    def __init__(self, store: Store, config: Config | None = None) -> None:
        super().__init__()
        self.store = store
        self.config = config or Config()
        self.saves = SaveQueue(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "hide_help_panel":
            return bool(self.screen.query("HelpPanel"))
        return True

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def on_mount(self) -> None:
        self._apply_config()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(MainScreen())
        # After the first frame: the review is an offer, never in the way of the day's plan.
        self.call_after_refresh(self._offer_weekly_review)

    def _offer_weekly_review(self) -> None:
        from dailyreach.tui.screens.weekly_review import offer_weekly_review

        offer_weekly_review(self)

    def _apply_config(self) -> None:
        problems = list(self.config.problems)
        unknown = sorted(set(self.config.keys) - binding_ids()) if self.config.keys else []
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

    async def action_quit(self) -> None:
        """Quit once every change made is saved: they are saved off the UI thread."""
        await self.saves.drained()
        self.exit()

    def action_undo(self) -> None:
        screen = self.screen
        if not isinstance(screen, StoreScreen):
            return

        def undone(change: Change | None) -> None:
            self.notify(f"Undone: {change.label}" if change else "Nothing to undo.", markup=False)

        screen.run_saving(self.store.undo, undone, not_done="Not undone")
