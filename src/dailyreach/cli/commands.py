"""The command line: quick entry and scripting on the same core as the TUI.

This module is the ``dailyreach`` group (which opens the app) and what its commands share: the store
opened once, errors said in one line. The commands are in modules by what they do (records, views,
files, outside the app, drafts), each loaded when one of its commands runs (click's lazy subcommands),
and each command imports what it uses when it runs, so scripts start fast: only ``dailyreach`` with no
subcommand imports textual, ``--help`` loads neither the store nor pendulum, and the other commands load
pendulum only for a date the standard library does not read.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from dailyreach import __version__
from dailyreach.cli import USUAL_COLLECTION_THRESHOLDS, VERSION_MESSAGE, met, names_a_folder
from dailyreach.core.errors import (
    DatabaseFileNamed,
    DateParseError,
    ImportRejected,
    NotAFile,
    StoreError,
    ValidationError,
    os_reason,
)
from dailyreach.core.records.text import terminal_safe
from dailyreach.i18n import SOURCE_LANGUAGE, _, current_language, ngettext
from dailyreach.paths import default_db_path

if TYPE_CHECKING:
    from dailyreach.core.store.store import Store


class FilePath(click.Path):
    """A file's path, never empty: "" is the current folder to the file system (--db "" said ".: Is a
    directory", and status read the default database)."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path, readable=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail(_("an empty path names no file"), param, ctx)
        if isinstance(param, click.Option) and ctx is not None and param.name and names_a_folder(value):
            # Said as export's -o says it, naming the variable when one set it: the command line is not
            # at fault there, so neither its usage nor --db is shown.
            from_environment = ctx.get_parameter_source(param.name) is ParameterSource.ENVIRONMENT
            raise click.ClickException(
                terminal_safe(
                    folder_named(str(param.envvar) if from_environment else param.opts[0], str(value))
                )
            )
        return super().convert(value, param, ctx)


def folder_named(source: str, name: str) -> str:
    return _("{source}: {name} names a folder: name a file in it").format(source=source, name=name)


def echo(text: object, *, err: bool = False) -> None:
    """``click.echo`` with anything that could drive the terminal shown escaped (belt and braces: the
    records are cleaned on the way in, but a file edited by hand or another program may hold it)."""
    click.echo(terminal_safe(str(text)), err=err)


# Where each command is: its module is imported when the command runs or its help is shown.
COMMANDS = {
    **{name: "dailyreach.cli.record_commands" for name in ("add", "log", "invite", "decline", "delete")},
    **{name: "dailyreach.cli.view_commands" for name in ("today", "pending", "invitations", "stats")},
    **{name: "dailyreach.cli.file_commands" for name in ("export", "import", "doctor")},
    **{name: "dailyreach.cli.outside_commands" for name in ("status", "notify", "remind", "serve")},
    **{name: "dailyreach.cli.draft_commands" for name in ("draft", "template")},
    "settings": "dailyreach.cli.settings_commands",
}


# The option each command takes its date or time from, and the record's field it fills: on the command
# line an error in it names the option (--at), not the app's field (When).
DATE_OPTIONS = {"log": ("--at", "at"), "invite": ("--on", "event_date")}


def _changes_saved() -> list[str]:
    """The changes this process saved so far, by their undo labels; none while the store is not loaded
    (a command that does not use it does not load it for this)."""
    store = sys.modules.get("dailyreach.core.store.journal")
    return list(store.saved_changes) if store is not None else []


def _said_for_option(command: str | None, error: ValidationError | DateParseError) -> str:
    """``error`` as the command line says it: a date or time the command could not take names its
    option. Such a command parses no other date, so text that reads as none was the option's."""
    if command not in DATE_OPTIONS:
        return str(error)
    option, field_name = DATE_OPTIONS[command]
    if isinstance(error, DateParseError):
        return f"{option}: {error}"
    return f"{option}: {error.problem}" if error.field == field_name else str(error)


class FriendlyGroup(click.Group):
    """Turns the core's errors into one clear line on stderr and exit status 1, and any other error
    into one line naming a crash report: a user never sees a traceback. Its commands are loaded from
    ``COMMANDS`` as they are asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """As click's, with the commands not loaded yet among the close matches of a typo."""
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as missing:
            raise click.exceptions.NoSuchCommand(
                missing.command_name, possibilities=self.list_commands(ctx), ctx=ctx
            ) from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module = importlib.import_module(COMMANDS[cmd_name])
            command = getattr(module, cmd_name if cmd_name != "import" else "import_")
            if current_language() != SOURCE_LANGUAGE:  # help in cells, for double-width text
                from dailyreach.help_format import use_cell_help

                use_cell_help([command])
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        saved_before = len(_changes_saved())
        try:
            return super().invoke(ctx)
        except (ValidationError, DateParseError) as error:
            # Raised by the command, or by ``log`` run without click and raised again by ``cli``.
            raise click.ClickException(
                terminal_safe(_said_for_option(ctx.invoked_subcommand, error))
            ) from None
        except (StoreError, ImportRejected, NotAFile, DatabaseFileNamed, FileExistsError) as error:
            raise click.ClickException(terminal_safe(str(error))) from None
        except BrokenPipeError:
            # The reader stopped reading (`| head`): nothing is wrong, and nothing more can be said to it.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise click.exceptions.Exit(0) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(terminal_safe(f"{where}{os_reason(error)}")) from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            from dailyreach.core.crash import crash_told

            saved = _changes_saved()[saved_before:]
            # Beside the user's database; a demo's is gone with the command, so in the temporary folder.
            db = ctx.obj.db if isinstance(ctx.obj, Session) and not ctx.obj.demo else None
            if saved:
                with_report = _(
                    "unexpected error ({kind}) after this was saved: {change}; details in {report} "
                    "(attach it to a bug report)"
                )
                without_report = _(
                    "unexpected error ({kind}) after this was saved: {change} (attach it to a bug report)"
                )
            else:
                with_report = _(
                    "unexpected error ({kind}), nothing was changed; details in {report} "
                    "(attach it to a bug report)"
                )
                without_report = _(
                    "unexpected error ({kind}), nothing was changed (attach it to a bug report)"
                )
            told = crash_told(
                error,
                db,
                with_report=with_report,
                without_report=without_report,
                change=saved[-1] if saved else "",
            )
            raise click.ClickException(told) from None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands and their first sentence; in a language of double-width characters, cut to the
        line in terminal cells (click measures characters, and finds sentences by their spaces)."""
        if current_language() == SOURCE_LANGUAGE:
            super().format_commands(ctx, formatter)
            return
        from dailyreach.help_format import short_help

        commands = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _command in commands)
            with formatter.section(_("Commands")):
                formatter.write_dl([(name, short_help(command, limit)) for name, command in commands])


class Session:
    """The store, opened once per process on first use; with ``demo``, a throwaway one."""

    def __init__(self, db: Path, *, demo: bool = False) -> None:
        self._db = db
        self.demo = demo
        self._store: Store | None = None
        self.warn_of_problems = True

    @property
    def db(self) -> Path:
        """The database's path; with ``demo``, the throwaway store's, made when first asked for, so that
        a command reading the file itself (``status``, ``notify``) reads the demo's too."""
        if self.demo and self._store is None:
            self._open()
        return self._db

    @property
    def store(self) -> Store:
        if self._store is None:
            self._open()
        assert self._store is not None
        return self._store

    def _open(self) -> None:
        from dailyreach.cli.opening import open_store

        if self.demo:
            self._store = self._demo_store()
        else:
            self._store = open_store(self._db)
        context = click.get_current_context(silent=True)
        if context is not None:
            # A command is one view of the store: its reads look at the file once. Otherwise each read
            # just after another process's write (a script logging one DM after another) reads the whole
            # file again to be sure of it. A write still looks again, under the lock.
            context.with_resource(self._store.reading())
        # Read from <db>.checked, or found by the check the store made as it opened: no second pass.
        problems = self._store.problems() if self.warn_of_problems else []
        if problems:
            echo(
                ngettext(
                    "warning: {count} record in {db} cannot be read and is skipped "
                    "(left as it is in the file); `dailyreach doctor` lists it",
                    "warning: {count} records in {db} cannot be read and are skipped "
                    "(left as they are in the file); `dailyreach doctor` lists them",
                    len(problems),
                ).format(count=len(problems), db=self._db),
                err=True,
            )

    def _demo_store(self) -> Store:
        """Two weeks of example use in a store of its own, removed when the command ends: ``--demo``
        shows what a command says without reading or writing the user's database."""
        import shutil
        from functools import partial

        from dailyreach.core.planning.demo import fill_demo
        from dailyreach.core.store.store import Store
        from dailyreach.demo_folder import new_demo_folder

        folder = new_demo_folder()
        click.get_current_context().call_on_close(partial(shutil.rmtree, folder, ignore_errors=True))
        self._db = folder / "demo.json"
        store = Store(self._db)
        fill_demo(store)
        return store


@click.group(
    "dailyreach",
    cls=FriendlyGroup,
    invoke_without_command=True,
    # -h too, as most commands take it; every command's context inherits it.
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_(
        "dailyreach: reach out directly to the people you want to learn from, every day.\n\n"
        "With no command, opens the full-screen app."
    ),
)
@click.option(
    "--db",
    type=FilePath(),
    envvar="DAILYREACH_DB",
    help=_("The database file (default: in your data folder; also DAILYREACH_DB)."),
)
@click.option(
    "--config",
    type=FilePath(),
    envvar="DAILYREACH_CONFIG",
    help=_(
        "The config file: theme, language, keys, reminders and the status line (default: in your config "
        "folder; also DAILYREACH_CONFIG)."
    ),
)
@click.option(
    "--demo",
    is_flag=True,
    help=_("Open the app, or run the command, on a throwaway store with two weeks of example use."),
)
@click.version_option(__version__, message=VERSION_MESSAGE)
@click.pass_context
def cli(ctx: click.Context, db: Path | None, config: Path | None, demo: bool) -> None:
    # Only a --db typed for this command: DAILYREACH_DB, set once in a shell, names the usual database
    # and is no choice made against the demo. The app keeps taking both: serve starts each tab with both.
    if (
        demo
        and ctx.invoked_subcommand is not None
        and ctx.get_parameter_source("db") is ParameterSource.COMMANDLINE
    ):
        raise click.ClickException(
            _("--demo works on a throwaway store and never touches --db's file: give one or the other")
        )
    ctx.obj = Session(db or Path(default_db_path()), demo=demo and ctx.invoked_subcommand is not None)
    if met:  # on the way without click: said here, as any command's error is, and nothing run again
        raise met.pop()
    if ctx.invoked_subcommand is None:
        from dailyreach.paths import default_config_path
        from dailyreach.tui.launch import run_app

        gc.set_threshold(*USUAL_COLLECTION_THRESHOLDS)
        run_app(ctx.obj.db, config or Path(default_config_path()), demo=demo)


if current_language() != SOURCE_LANGUAGE:  # help in cells, for double-width text (English: click's own)
    from dailyreach.help_format import use_cell_help

    use_cell_help([cli])
