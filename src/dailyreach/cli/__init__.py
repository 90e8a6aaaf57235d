"""The ``dailyreach`` executable: ``--version`` and ``status`` at interpreter speed, the app, the
agenda's views, ``log`` and the JSON ``export`` without click, the rest through click.

Importing click alone takes longer than starting Python, and shells, prompts and scripts call
``--version`` and ``status`` often, so this module imports nothing else; the commands are in
``dailyreach.cli.commands``. The app (no command, only ``--db``, ``--config`` and ``--demo``) starts without
them too: click and the commands are a tenth of its first frame; and so do ``today``, ``pending`` and
``invitations`` (with at most ``--json``) and ``log`` (with its own options), of which they are a fifth,
and ``export`` of JSON (with at most ``-o``, ``--force`` and ``--format json``), of which they are a tenth.
"""

import gc
import io
import os
import sys

from dailyreach import __version__

# click's ``version_option`` format, so that ``--version`` after other options prints the same line.
VERSION_MESSAGE = "dailyreach, version %(version)s"
# A command makes tens of thousands of objects as it imports its modules, all kept until it exits, and
# with the usual thresholds the collector walks them some thirty times: 10-15 ms of a 120 ms ``today``.
# A command collects once in this many new objects instead; the app, which runs for hours, goes back to
# the usual thresholds once its screen first shows its figures (``StoreScreen._release_footer``).
COMMAND_COLLECTION_THRESHOLD = 50_000
USUAL_COLLECTION_THRESHOLDS = gc.get_threshold()
# The commands that print a view of the day's agenda (``dailyreach.cli.agenda_views``).
AGENDA_VIEWS = ("today", "pending", "invitations")
# The options the app takes besides ``--db`` and ``--config``.
APP_FLAGS = ("--demo",)
# An error met where the command line is answered without click (the app, the agenda's views, log, the
# JSON export): click then reads the command line and raises it again where it says any command's error
# (``commands.cli``).
met: list[BaseException] = []


def main(args: list[str] | None = None) -> None:
    """Run the command line on ``args`` (default: the process's own arguments)."""
    usable_output()
    given = sys.argv[1:] if args is None else args
    try:
        answer(given, args)
        sys.stdout.flush()  # here, where a failure is said, not at exit
    except BrokenPipeError:
        # The reader stopped reading (`| head`): nothing is wrong, and nothing more can be said to it.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as error:
        # Met where no command's own handler is: --version, --help or status written to a full disk.
        say_and_exit(error, given)


def say_and_exit(error: OSError, given: list[str]) -> None:
    """``error`` said as a command's error is (click's "Error: ..."), without a traceback; exit 1."""
    import contextlib

    import click

    from dailyreach import i18n

    i18n.start(given)  # --version and status answer before the language is chosen
    from dailyreach.core.errors import os_reason
    from dailyreach.core.records.text import terminal_safe

    where = f"{error.filename}: " if error.filename else ""
    with contextlib.suppress(OSError):  # stderr may be as full as stdout
        click.ClickException(terminal_safe(f"{where}{os_reason(error)}")).show()
    sys.exit(1)


def answer(given: list[str], args: list[str] | None) -> None:
    """Answer the command line ``given`` (``args`` as ``main`` had them, for click)."""
    if given[-1:] == ["--version"] and version_alone(given[:-1]):
        print(VERSION_MESSAGE % {"version": __version__})
        return
    if "status" in given:  # read from a small record, for prompts: ``dailyreach.cli.status_line``
        from dailyreach.cli.status_line import run

        answered = run(given)
        if answered is not None:
            sys.exit(answered)
    gc.set_threshold(COMMAND_COLLECTION_THRESHOLD)
    from dailyreach import i18n

    i18n.start(given)  # before the commands, whose help is made as they load
    if i18n.config_problems and app_paths(given) is None:
        for message, values in i18n.config_problems:
            print(i18n._(message).format(**values), file=sys.stderr)
    if answered_without_click(given):
        return
    from dailyreach.cli.commands import cli

    cli.main(args)


def answered_without_click(given: list[str]) -> bool:
    """Whether ``given`` was answered without click: the agenda's views, ``log``, the JSON ``export`` and
    the app. False when click must answer; an error met on the way is kept in ``met`` for click to say."""
    try:
        view = agenda_view(given)
        if view is not None:
            from dailyreach.cli import agenda_views

            return agenda_views.print_without_click(*view)
        logged = log_arguments(given)
        if logged is not None:
            from dailyreach.cli import log_entry

            return log_entry.log_without_click(*logged)
        exported = export_arguments(given)
        if exported is not None:
            from dailyreach.cli import export_entry

            return export_entry.export_without_click(*exported)
        app = app_paths(given)
        if app is not None:
            from pathlib import Path

            from dailyreach.tui import launch

            no_terminal()

            launch.run_app(Path(app[0]), Path(app[1]), demo=app[2])
            return True
    except (Exception, KeyboardInterrupt) as error:
        met.append(error)
    return False


def no_terminal() -> None:
    """Refuse to start the app with no terminal to type in (a script, cron, < /dev/null): it drew into a
    file and waited for keys that never came. A browser tab (``dailyreach serve``) has its own driver."""
    if (sys.stdin is None or not sys.stdin.isatty()) and "TEXTUAL_DRIVER" not in os.environ:
        from click import ClickException

        from dailyreach.i18n import _

        raise ClickException(
            _(
                "the app needs a terminal to type in; from a script use dailyreach today, pending, log or --help"
            )
        )


def usable_output() -> None:
    """What a command prints after saving a change must not fail it: a closed stdout (``>&-``) takes
    nothing, and a character its encoding lacks (``PYTHONIOENCODING=ascii``) is shown as ``?``."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w"))  # noqa: SIM115 - for the whole process
        elif isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="replace")


def version_alone(before: list[str]) -> bool:
    """Whether ``--version`` comes after global options alone (``--db FILE --version``, as a wrapper
    script adds them): click's eager option prints the version whatever they say, before reading them."""
    if not before:
        return True
    from dailyreach.cli.status_line import global_options

    parsed = global_options(before, flags=APP_FLAGS)
    return parsed is not None and not parsed[1]


def app_paths(given: list[str]) -> tuple[str, str, bool] | None:
    """(database, config file, demo) when ``given`` opens the app, as click would read them; None when
    click must answer (a command, ``--help``, a typo, a path click refuses)."""
    from dailyreach.cli.status_line import global_options

    parsed = global_options(given, flags=APP_FLAGS)
    if parsed is None or parsed[1]:
        return None
    paths = _global_paths(parsed[0])
    if paths is None:
        return None
    return paths[0], paths[1], "--demo" in parsed[0]


def agenda_view(given: list[str]) -> tuple[str, str, bool] | None:
    """(database, view, as JSON) when ``given`` is ``today``, ``pending`` or ``invitations`` with at
    most ``--json`` and the global options, read as click would; None when click must answer."""
    line = _command_line(given, AGENDA_VIEWS)
    if line is None or line[2] not in ([], ["--json"]):
        return None
    db, view, rest = line
    return db, view, rest == ["--json"]


def log_arguments(given: list[str]) -> tuple[str, dict[str, str]] | None:
    """(database, ``log_entry.log_interaction``'s arguments) when ``given`` is ``log`` with its arguments,
    at most its own options and the global ones, read as click would; None when click must answer."""
    line = _command_line(given, ("log",))
    if line is None:
        return None
    from dailyreach.cli.log_entry import read_arguments

    arguments = read_arguments(line[2])
    return None if arguments is None else (line[0], arguments)


def export_arguments(given: list[str]) -> tuple[str, str | None, bool] | None:
    """(database, output's name, forced) when ``given`` is ``export`` of JSON with at most its options
    ``-o``, ``--force`` and ``--format json`` and the global ones, read as click would; None when click
    must answer."""
    line = _command_line(given, ("export",))
    if line is None:
        return None
    from dailyreach.cli.export_entry import read_arguments

    arguments = read_arguments(line[2])
    return None if arguments is None else (line[0], *arguments)


def _command_line(given: list[str], commands: tuple[str, ...]) -> tuple[str, str, list[str]] | None:
    """(database, command, what follows the command) when ``given`` is one of ``commands`` after the
    global options, read as click would, with a database click takes; None when click must answer."""
    from dailyreach.cli.status_line import global_options

    parsed = global_options(given)
    if parsed is None or not parsed[1] or parsed[1][0] not in commands:
        return None
    paths = _global_paths(parsed[0])
    return None if paths is None else (paths[0], parsed[1][0], parsed[1][1:])


def command_options(
    args: list[str], options: dict[str, str], flags: tuple[str, ...] = ()
) -> tuple[dict[str, str], list[str]] | None:
    """What follows a command, read as click reads it: the values of ``options`` (each name to the key it
    is found under; ``--at X`` or ``--at=X``, the last one counting), each of ``flags`` found as "true",
    and the arguments; None when click must answer (another option, a missing value, ``--``, or ``-o=F``,
    which click reads as the value "=F")."""
    found: dict[str, str] = {}
    arguments: list[str] = []
    rest = list(args)
    while rest:
        word = rest.pop(0)
        if not word.startswith("-"):
            arguments.append(word)
            continue
        name, equals, value = word.partition("=")
        if name in flags and not equals:
            found[name] = "true"
            continue
        if name not in options or (equals and not name.startswith("--")):
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        found[options[name]] = value
    return found, arguments


def _global_paths(found: dict[str, str]) -> tuple[str, str] | None:
    """The database and config file that the global options ``found`` and the environment name, or
    their defaults; None when click would refuse one."""
    from dailyreach.paths import default_config_path, default_db_path

    paths = []
    for option, variable, default in (
        ("--db", "DAILYREACH_DB", default_db_path),
        ("--config", "DAILYREACH_CONFIG", default_config_path),
    ):
        given_path = found.get(option, os.environ.get(variable) or None)
        if given_path is not None and not path_click_takes(given_path):
            return None
        paths.append(given_path or default())
    return paths[0], paths[1]


def names_a_folder(path: str) -> bool:
    """A folder there is (~ read as the home folder, as the path will be), or one a name ending in /
    means: Path("data/") would be a file called data."""
    return path.endswith(("/", os.sep)) or os.path.isdir(os.path.expanduser(path))


def path_click_takes(path: str) -> bool:
    """Whether click takes ``path`` as the commands' ``FilePath`` does: a readable file or none at all,
    not a folder (``names_a_folder``)."""
    if not path or names_a_folder(path):
        return False
    expanded = os.path.expanduser(path)
    return not os.path.exists(expanded) or os.access(expanded, os.R_OK)
