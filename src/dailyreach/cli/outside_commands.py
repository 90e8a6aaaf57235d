"""The habit outside the terminal app: ``status`` for the prompt, ``notify`` and ``remind`` for the
morning's notification, and ``serve`` for the app in a browser."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from dailyreach.cli.commands import FilePath, Session
from dailyreach.i18n import _

if TYPE_CHECKING:
    from dailyreach.core.store.store import Store


@click.command(
    help=_(
        "One short line for shell prompts and status bars: done today/goal and follow-ups due.\n\n"
        "It reads a small record kept beside the database, so it stays fast whatever the history; "
        "with no database, or a broken one, it prints nothing and exits 0."
    ),
)
@click.option(
    "--format",
    "fmt",
    help=_("The line, with {done} {goal} {left} {due} {overdue} {pending} {streak} {next}."),
)
@click.option("--json", "as_json", is_flag=True, help=_("Print the same fields as JSON."))
@click.option(
    "--quiet-when-done", is_flag=True, help=_("Print nothing once the goal is met and nothing is overdue.")
)
@click.option("--verbose", is_flag=True, help=_("Say on stderr why nothing was printed."))
@click.pass_obj
def status(session: Session, fmt: str | None, as_json: bool, quiet_when_done: bool, verbose: bool) -> None:
    # Usually answered before click is loaded (``dailyreach.cli.status_line``); here after other options.
    from dailyreach.cli.status_line import run

    flags = {"--json": as_json, "--quiet-when-done": quiet_when_done, "--verbose": verbose}
    args = ["--db", str(session.db), "status", *(flag for flag, given in flags.items() if given)]
    sys.exit(run([*args, "--format", fmt] if fmt is not None else args) or 0)


@click.command(
    help=_("Show today's plan as a desktop notification (what 'remind --install' schedules)."),
)
@click.option("--evening", is_flag=True, help=_("The evening check: only while today's goal is not met."))
@click.option("--strict", is_flag=True, help=_("Exit 1 when no notification service is reachable."))
@click.pass_obj
def notify(session: Session, evening: bool, strict: bool) -> None:
    from dailyreach.core.planning.agenda import build_agenda
    from dailyreach.core.planning.status import evening_text, morning_text
    from dailyreach.notify import EVENING_TITLE, TITLE, send_notification

    # Not there: said, and nothing made. There but no file (a folder, /dev/null): the store says so.
    if not session.db.exists():
        click.echo(_("no database at {db} yet: nothing to notify").format(db=session.db), err=True)
        return
    agenda = build_agenda(session.store)
    message = evening_text(agenda) if evening else morning_text(agenda)
    if message is None:
        return
    click.echo(message)
    problem = send_notification(_(EVENING_TITLE) if evening else TITLE, message)
    if problem is not None:
        click.echo(
            _("no desktop notification shown, the plan is printed above instead: {problem}").format(
                problem=problem
            ),
            err=True,
        )
        if strict:
            sys.exit(1)


@click.command(
    help=_(
        "Schedule 'dailyreach notify': a systemd user timer on Linux, a launchd agent on macOS, "
        "and elsewhere the crontab lines to add."
    ),
)
@click.option("--install", is_flag=True, help=_("Schedule notify every day."))
@click.option("--status", is_flag=True, help=_("Show what is installed and when it runs next."))
@click.option("--uninstall", is_flag=True, help=_("Remove exactly what --install wrote."))
@click.option(
    "--at",
    "at",
    help=_(
        "The morning plan, local time HH:MM (default: config.toml's, else the time installed, else 09:00)."
    ),
)
@click.option("--evening", metavar="HH:MM", help=_("Also an evening check at this local time, e.g. 18:00."))
@click.pass_context
def remind(
    ctx: click.Context, install: bool, status: bool, uninstall: bool, at: str | None, evening: str | None
) -> None:
    from dailyreach import remind as reminders

    actions = [
        name for name, given in (("install", install), ("status", status), ("uninstall", uninstall)) if given
    ]
    # Two of them together are a slip, not a choice: --install --uninstall removed the reminder unsaid.
    if len(actions) != 1:
        raise click.UsageError(_("give one of --install, --status or --uninstall"))
    [action] = actions
    if action != "install" and (at is not None or evening is not None):
        raise click.UsageError(_("--at and --evening go with --install"))
    if action == "install" and ctx.obj.demo:
        raise click.UsageError(_(reminders.DEMO_REFUSED))
    if action == "uninstall" and ctx.obj.demo:  # they are the user's, for their own database
        raise click.UsageError(_(reminders.DEMO_KEEPS))
    try:
        if action == "install":
            _folder_is_there(ctx.obj.db)
            from dailyreach.config import load_config
            from dailyreach.paths import default_config_path

            config = ctx.find_root().params.get("config")
            settings = load_config(config or Path(default_config_path()))
            # A time the config file gets wrong is passed over for the default: said, not unsaid.
            for problem in settings.problems:
                click.echo(_("warning: {problem}").format(problem=problem), err=True)
            # An empty --at "" is said to be no time, not taken as none given.
            chosen, _kept = reminders.to_install(
                settings.remind_at if at is None else at,
                settings.remind_evening if evening is None else evening,
            )
            lines = reminders.install(chosen, reminders.program(ctx.obj.db, config))
        elif action == "status":
            # Not the demo's store, to move them to: it is gone as the demo ends.
            lines = reminders.status(db=None if ctx.obj.demo else ctx.obj.db)
        else:
            lines = reminders.uninstall()
    except reminders.ReminderError as error:
        raise click.ClickException(str(error)) from None
    for line in lines:
        click.echo(line)
    if action == "install" and not ctx.obj.db.exists():
        # Each morning's notify would only say so on a stderr nobody reads: a mistyped --db went unseen.
        click.echo(
            _("note: there is no database at {db} yet: the reminders say nothing until there is one").format(
                db=ctx.obj.db
            ),
            err=True,
        )
    if action != "uninstall" and reminders.installed_files() and ctx.obj.db.exists():
        other_clock = _settings_clock_if_other(ctx.obj.store)
        if other_clock is not None:
            click.echo(other_clock, err=True)


def _settings_clock_if_other(store: Store) -> str | None:
    """A note when the settings' timezone is not the machine's, whose clock the reminders run on: set
    for Tokyo on a machine on UTC, "09:00" comes at 18:00 of the user's day."""
    from datetime import datetime

    from dailyreach.core.store.threads import zone_name

    machine = datetime.now().astimezone()
    there = machine.astimezone(store.zone)
    if there.utcoffset() == machine.utcoffset():
        return None
    return _(
        "note: reminders run on this machine's clock ({machine} now, {machine_zone}); your settings' day is "
        "in {zone}, where it is {there}: give the times on the machine's clock, or set its timezone"
    ).format(
        machine=f"{machine:%H:%M}",
        machine_zone=machine.tzname(),
        zone=zone_name(store.zone),
        there=f"{there:%H:%M}",
    )


@click.command(
    help=_("The full app in a browser tab (loopback only unless --public-i-understand); Ctrl+C stops it."),
)
@click.option("--host", default="127.0.0.1", show_default=True, help=_("The address to listen on."))
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--db", type=FilePath(), help=_("As dailyreach --db."))
@click.option("--config", type=FilePath(), help=_("As dailyreach --config."))
@click.option(
    "--public-i-understand",
    "public",
    is_flag=True,
    help=_("Allow a non-loopback host: anyone who can reach it can read and change your contacts."),
)
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, db: Path | None, config: Path | None, public: bool
) -> None:
    from dailyreach.paths import default_config_path
    from dailyreach.tui.serve import ServeError, run_server

    root = ctx.find_root().params
    config = config or root.get("config") or Path(default_config_path())
    if not root.get("demo"):  # each tab's demo has a store of its own
        _readable(db or ctx.obj.db)
    try:
        run_server(db or ctx.obj.db, config, host, port, public=public, demo=bool(root.get("demo")))
    except ServeError as error:
        raise click.ClickException(str(error)) from None


def _readable(db: Path) -> None:
    """A database that is there read now, as any command reads it: one that cannot be read is said here,
    where each tab showed only its splash screen, the reason on this terminal. One not there yet is made by
    the first tab, once the server has started: a command refused makes none."""
    if not db.expanduser().exists():
        _folder_is_there(db)
        return
    from dailyreach.cli.opening import waiting_notice
    from dailyreach.core.store.store import Store

    Store(db.expanduser(), on_wait=waiting_notice(db))


def _folder_is_there(db: Path) -> None:
    """Said now, as any command says it (the group's StoreError), rather than in each browser tab or
    each morning's reminder."""
    from dailyreach.core.store.store import require_folder
    from dailyreach.paths import is_default_db

    require_folder(db.expanduser(), make_folder=is_default_db(db))
