"""The app: handed its store and config, so tests run the real app on temporary files."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, Provider
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets.option_list import Option
from textual.worker import WorkerFailed

from dailyreach.config import Config, remember_language, remember_theme
from dailyreach.core.store.journal import Change
from dailyreach.core.store.store import Store
from dailyreach.i18n import LANGUAGES, N_, _, current_language, language_code, ngettext
from dailyreach.tui.keymap import binding_ids, key_clashes, unknown_keys
from dailyreach.tui.saves import SaveQueue
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.screens.main import MainScreen
from dailyreach.tui.styles import stylesheet_path
from dailyreach.tui.translated import TranslatedBindings
from dailyreach.wording import made_text

# What the app exits with to be started again (tui/launch.py), in the language just chosen.
RESTART = "restart"
# Textual's own palette commands, in the interface's language.
TEXTUAL_COMMANDS = (
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
    N_("palette"),
    N_("Open the command palette"),
    N_("Quit the app and return to the command prompt."),
    N_("Go to bottom"),
    N_("Go to top"),
    N_("Next command"),
    N_("Exit the command palette"),
    N_("Next page"),
    N_("Previous page"),
    N_("Previous command"),
)
SEARCH_COMMANDS = N_("Search for commands…")
SEARCH_THEMES = N_("Search for themes…")
NO_MATCHES = N_("No matches found")
# In words of both languages whatever the language shown, so that someone who cannot read it finds the
# switch by "Language", "Japanese", "日本語" or "English"; "Language" translated goes before it.
LANGUAGE_COMMAND = "Language: 日本語 (Japanese) / English"


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


def settings_commands() -> type[Provider]:
    from dailyreach.tui.commands import SettingsCommands

    return SettingsCommands


class Palette(TranslatedBindings, CommandPalette):
    """The command palette, its keys and its "No matches found" in the interface's language."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, but for the words.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_(NO_MATCHES), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class DailyReachApp(TranslatedBindings, App):
    CSS_PATH = stylesheet_path()
    TITLE = "dailyreach"
    COMMANDS = App.COMMANDS | {contact_commands, reminder_commands, template_commands, settings_commands}
    BINDINGS = [
        Binding("u,ctrl+z", "undo", N_("Undo"), show=False, id="undo"),
        Binding("question_mark", "toggle_help", N_("Keys"), id="help"),
        Binding("q", "quit", N_("Quit"), id="quit"),
        # Textual's, in turn with the keys typed before it rather than ahead of them (priority): d Enter
        # ctrl+q typed together quit before the Enter had logged the DM.
        Binding("ctrl+q", "quit", N_("Quit"), show=False),
        # Ahead of the screens' own Escape, but only while the keys panel is open (see check_action).
        Binding("escape", "hide_help_panel", N_("Hide keys"), show=False, priority=True, id="hide_help"),
        # The keys panel cannot take the focus, and at 80×24 most of its keys are below its fold.
        Binding(
            "pagedown", "scroll_keys(1)", N_("Keys further down"), show=False, priority=True, id="keys_down"
        ),
        Binding("pageup", "scroll_keys(-1)", N_("Keys further up"), show=False, priority=True, id="keys_up"),
    ]

    def __init__(self, store: Store, config: Config | None = None, *, say_made: bool = False) -> None:
        """``say_made``: say that opening the store made its file (a mistyped --db otherwise opens an
        empty store without a word; a first run learns where its data lives)."""
        super().__init__()
        self.store = store
        self.config = config or Config()
        self.say_made = say_made
        self.saves = SaveQueue(self)
        # An unexpected error that closed the app: told in one line as it exits (``launch.stopped``).
        self.crash: BaseException | None = None
        self.set_class(current_language() == "ja", "-wide-words")

    def _handle_exception(self, error: Exception) -> None:
        """Close as Textual does on an unexpected error, without its traceback on the terminal: a screen of
        code, with the user's names and notes among its locals, is not what to leave a user with. The
        traceback goes to a crash report instead (``launch.stopped``)."""
        if not self.is_running and isinstance(error, NoMatches):
            # A widget's callback run as the app closes, its children gone (Textual's Header updating a
            # title set on a screen made ahead): nothing is left to show, and nothing to lose.
            return
        # A worker's error comes wrapped, with neither the traceback nor the kind of the error itself.
        self.crash = self.crash or (error.error if isinstance(error, WorkerFailed) else error)
        super()._handle_exception(error)
        self._exit_renderables.clear()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("hide_help_panel", "scroll_keys"):
            return bool(self.screen.query("HelpPanel"))
        return True

    def action_scroll_keys(self, pages: int) -> None:
        for panel in self.screen.query("KeyPanel"):
            if pages > 0:
                panel.scroll_page_down()
            else:
                panel.scroll_page_up()

    def action_toggle_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def get_default_screen(self) -> MainScreen:
        # The main screen is the first on the stack, not pushed over Textual's blank default one: the
        # blank screen would be drawn first (some 40 ms before the day's plan on an empty store). The
        # theme and keys are set before it is built, so that it is styled once.
        self._apply_config()
        return MainScreen()

    def on_mount(self) -> None:
        self._say_what_is_skipped()
        self._say_if_read_only()
        if self.say_made:
            self.notify(
                made_text(self.store, sentence=True),
                title=_("Database"),
                markup=False,
                # Short: on a first run it sits over the hints of what to do first.
                timeout=8,
            )
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        # After the first frame: the review is an offer, never in the way of the day's plan.
        self.call_after_refresh(self._offer_weekly_review)

    def _say_what_is_skipped(self) -> None:
        """Records a hand edit broke are skipped and left in the file: say so, as every command does (the
        store found them as it opened)."""
        problems = self.store.problems()
        if problems:
            self.notify(
                ngettext(
                    "{count} record in {db} cannot be read and is skipped (left as it is in the file); "
                    "dailyreach doctor lists it",
                    "{count} records in {db} cannot be read and are skipped (left as they are in the "
                    "file); dailyreach doctor lists them",
                    len(problems),
                ).format(count=len(problems), db=self.store.path),
                title=_("Database"),
                severity="warning",
                markup=False,
                timeout=20,
            )

    def _say_if_read_only(self) -> None:
        """A database that can be read but not saved says so as the app opens, not at the first save."""
        from dailyreach.core.store.storage import read_only_reason

        why = read_only_reason(self.store.path)
        if why is not None:
            self.notify(
                _("{db} can be read but not saved: {why}. Nothing logged here will be kept.").format(
                    db=self.store.path, why=why
                ),
                title=_("Database"),
                severity="warning",
                markup=False,
                timeout=20,
            )

    def _offer_weekly_review(self) -> None:
        from dailyreach.tui.screens.weekly_review import offer_weekly_review

        offer_weekly_review(self)

    def _apply_config(self) -> None:
        problems = list(self.config.problems)
        unknown = sorted(set(self.config.keys) - binding_ids()) if self.config.keys else []
        if unknown:
            problems.append(
                _("{path}: no key with the id {ids}").format(path=self.config.path, ids=", ".join(unknown))
            )
        keymap = {k: v for k, v in self.config.keys.items() if k not in unknown}
        for binding_id, keys in list(keymap.items()):
            if no_keys := unknown_keys(keys):
                del keymap[binding_id]
                problems.append(
                    _(
                        "{path}: keys.{id}: {keys} is not a key (such as D, ctrl+d, f5 or question_mark); "
                        "{id} keeps its own key"
                    ).format(path=self.config.path, id=binding_id, keys=", ".join(map(repr, no_keys)))
                )
        # A key two actions have works for one of them only: the one the config gives it keeps its own,
        # until none clashes (an action back on its own key can clash with another's remap in turn).
        while clashes := key_clashes(keymap) if keymap else []:
            for key, given, other in clashes:
                keymap.pop(given, None)
                problems.append(
                    _(
                        "{key} is given to {id} in [keys] of the config file, but {other} has it too: "
                        "{id} keeps its own key"
                    ).format(key=self.get_key_display(Binding(key, "")), id=given, other=other)
                )
        self.set_keymap(keymap)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        elif self.config.theme:
            problems.append(
                _("{path}: no theme called {theme}").format(
                    path=self.config.path, theme=repr(self.config.theme)
                )
            )
        if self.config.language and language_code(self.config.language) is None:
            problems.append(
                _("{path}: no language called {language}: en or ja").format(
                    path=self.config.path, language=repr(self.config.language)
                )
            )
        for problem in problems:
            self.notify(problem, title=_("Config"), severity="warning", markup=False, timeout=15)

    def _remember_theme(self, theme: Theme) -> None:
        path = self.config.path
        if path is not None and theme.name != self.config.theme and remember_theme(path, theme.name):
            self.config.theme = theme.name

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the screen, with its key, besides Textual's own commands. An action Textual
        offers too (Keys, Quit) is listed once, as Textual's, with our key."""
        own = {}
        for command in super().get_system_commands(screen):
            own[_(command.title)] = command._replace(title=_(command.title), help=_(command.help))
        actions: dict[str, tuple[Binding, Screen | App, list[str]]] = {}
        # The keys the footer shows first: q, then Textual's ctrl+q.
        for active in sorted(screen.active_bindings.values(), key=lambda active: not active.binding.show):
            binding = active.binding
            if active.node in (screen, self) and binding.description:
                runs: Screen | App = screen if active.node is screen else self
                keys = actions.setdefault(binding.action, (binding, runs, []))[2]
                keys.append(self.get_key_display(binding))
        bindings = []
        for action, (binding, runner, keys) in actions.items():
            key = _("key {key}").format(key=", ".join(keys))
            same = own.get(binding.description)
            if same is None:
                bindings.append(SystemCommand(binding.description, key, partial(runner.run_action, action)))
            else:
                own[binding.description] = same._replace(help=f"{same.help} · {key}")
        yield from own.values()
        other = "en" if current_language() == "ja" else "ja"
        word = _("Language")
        yield SystemCommand(
            LANGUAGE_COMMAND if word == "Language" else f"{word} {LANGUAGE_COMMAND}",
            _("Show the app in {language}: it starts again").format(language=LANGUAGES[other]),
            partial(self.run_action, f"switch_language('{other}')"),
        )
        yield from bindings

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(id="--command-palette", placeholder=_(SEARCH_COMMANDS)))

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(Palette(providers=[ThemeProvider], placeholder=_(SEARCH_THEMES)))

    async def action_quit(self) -> None:
        """Quit once every change made is saved: they are saved off the UI thread."""
        self._exit_once_saved()

    def _exit_once_saved(self, result: object = None) -> None:
        """Waited for in a worker, apart from the app's messages: a save typed just before (d Enter q in
        one burst) starts from them, and waited for among them, it never started and the app froze."""

        async def once_saved() -> None:
            await self.saves.drained()
            self.exit(result)

        self.run_worker(once_saved(), group="exit", exclusive=True)

    def action_switch_language(self, language: str) -> None:
        """Remember ``language`` in the config file and start again in it (strings are chosen as the
        app starts), once every change made is saved."""
        path = self.config.path
        if path is None or not remember_language(path, language):
            self.notify(
                _("The language could not be saved in {path}.").format(path=path),
                severity="error",
                markup=False,
            )
            return
        self.config.language = language
        self._exit_once_saved(RESTART)

    def action_undo(self) -> None:
        screen = self.screen
        if not isinstance(screen, StoreScreen):
            return

        def undone(change: Change | None) -> None:
            if change is not None:
                # What was said of the change ("Deleted template Coffee: u undoes it") holds no more.
                self.clear_notifications()
                screen.undone(change)
            self.notify(
                _("Undone: {change}").format(change=change.label) if change else _("Nothing to undo."),
                markup=False,
            )

        screen.run_saving(self.store.undo, undone, not_done=_("Not undone"))
