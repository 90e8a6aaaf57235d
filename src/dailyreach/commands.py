"""The command line's commands: quick entry and scripting on the same core as the TUI.

Each command imports what it uses when it runs, so scripts start fast: only ``dailyreach`` with no
subcommand imports textual, ``--help`` loads neither the store nor pendulum, and the other commands load
pendulum only for a date the standard library does not read.
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from dailyreach import __version__
from dailyreach.agenda_views import print_json, print_view
from dailyreach.cli import USUAL_COLLECTION_THRESHOLDS, VERSION_MESSAGE
from dailyreach.core.errors import (
    DateParseError,
    ImportRejected,
    NothingToExport,
    StoreError,
    ValidationError,
)
from dailyreach.core.files.formats import EXPORT_FORMATS, IMPORT_FORMATS
from dailyreach.core.records.handles import PLATFORMS
from dailyreach.core.records.text import terminal_safe
from dailyreach.i18n import N_, SOURCE_LANGUAGE, _, current_language

if TYPE_CHECKING:
    from dailyreach.core.store.store import Store

DEFAULT_DB_NAME = "dailyreach.json"


def default_db_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("dailyreach", appauthor=False) / DEFAULT_DB_NAME


def echo(text: object, *, err: bool = False) -> None:
    """``click.echo`` with anything that could drive the terminal shown escaped (belt and braces: the
    records are cleaned on the way in, but a file edited by hand or another program may hold it)."""
    click.echo(terminal_safe(str(text)), err=err)


# The system's reasons a file could not be used, in the words the C library says them in English (its
# own translations are seldom installed and follow the locale, not our language setting).
OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
}


def os_reason(error: OSError) -> str:
    """Why ``error`` happened, in the interface's language where we know its words."""
    if error.errno in OS_REASONS and current_language() != SOURCE_LANGUAGE:
        return _(OS_REASONS[error.errno])
    return str(error.strerror or error)


class FriendlyGroup(click.Group):
    """Turns the core's errors into one clear line on stderr and exit status 1, and any other error
    into one line naming a crash report: a user never sees a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (
            StoreError,
            ValidationError,
            DateParseError,
            ImportRejected,
            NothingToExport,
            FileExistsError,
        ) as error:
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
            from dailyreach.core.crash import write_crash_report

            db = ctx.obj.db if isinstance(ctx.obj, Session) else None
            report = write_crash_report(error, db)
            kind = type(error).__name__
            message = (
                _(
                    "unexpected error ({kind}), nothing was changed; details in {report} "
                    "(attach it to a bug report)"
                ).format(kind=kind, report=report)
                if report
                else _("unexpected error ({kind}), nothing was changed (attach it to a bug report)").format(
                    kind=kind
                )
            )
            raise click.ClickException(terminal_safe(message)) from None

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
    """The store, opened once per process on first use."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self._store: Store | None = None
        self.warn_of_problems = True

    @property
    def store(self) -> Store:
        if self._store is None:
            from dailyreach.core.store.store import Store

            self._store = Store(self.db)
            context = click.get_current_context(silent=True)
            if context is not None:
                # A command is one view of the store: its reads look at the file once. Otherwise each
                # read just after another process's write (a script logging one DM after another)
                # reads the whole file again to be sure of it. A write still looks again, under the lock.
                context.with_resource(self._store.reading())
            # Read from <db>.checked, or found by the check the store made as it opened: no second pass.
            problems = self._store.problems() if self.warn_of_problems else []
            if problems:
                echo(
                    _(
                        "warning: {count} record(s) in {db} cannot be read and are skipped "
                        "(left as they are in the file); `dailyreach doctor` lists them"
                    ).format(count=len(problems), db=self.db),
                    err=True,
                )
        return self._store


@click.group(
    "dailyreach",
    cls=FriendlyGroup,
    invoke_without_command=True,
    help=_(
        "dailyreach: reach out directly to the people you want to learn from, every day.\n\n"
        "With no command, opens the full-screen app."
    ),
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="DAILYREACH_DB",
    help=_("The database file (default: in your data folder; also DAILYREACH_DB)."),
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="DAILYREACH_CONFIG",
    help=_("The app's config file: theme and keys (default: in your config folder; also DAILYREACH_CONFIG)."),
)
@click.option(
    "--demo", is_flag=True, help=_("Open the app on a throwaway store with two weeks of example use.")
)
@click.version_option(__version__, message=VERSION_MESSAGE)
@click.pass_context
def cli(ctx: click.Context, db: Path | None, config: Path | None, demo: bool) -> None:
    ctx.obj = Session(db or default_db_path())
    if ctx.invoked_subcommand is None:
        from dailyreach.config import default_config_path
        from dailyreach.tui.launch import run_app

        gc.set_threshold(*USUAL_COLLECTION_THRESHOLDS)
        run_app(ctx.obj.db, config or default_config_path(), demo=demo)


@cli.command(
    help=_("Add an outreach target; prints its id."),
)
@click.argument("name")
@click.option("--x", "x", metavar="H", help=_("X handle, @name."))
@click.option("--linkedin", metavar="H", help=_("LinkedIn profile URL or its name."))
@click.option("--bluesky", metavar="H", help=_("Bluesky handle, e.g. alice.bsky.social."))
@click.option("--mastodon", metavar="H", help=_("Mastodon handle, @user@instance."))
@click.option("--instagram", metavar="H")
@click.option("--threads", metavar="H")
@click.option("--github", metavar="H")
@click.option("--email", metavar="E")
@click.option("--web", metavar="URL")
@click.option("--why", default="", help=_("What they achieved and what you want to learn."))
@click.option(
    "--call-name", default="", help=_("How you address them (default: 山田さん, or the given name).")
)
@click.option("--tag", "tags", multiple=True, help=_("A tag (repeat for more)."))
# Numbers are checked by the contact itself, so a mistake reads as it does in the app.
@click.option("--priority", metavar="N", default="2", show_default=True, help=_("1 high, 3 low."))
@click.option("--followers", metavar="N")
@click.option("--cadence", metavar="DAYS", help=_("Keep in touch every DAYS days."))
@click.pass_obj
def add(
    session: Session,
    /,
    name: str,
    why: str,
    call_name: str,
    tags: tuple[str, ...],
    priority: str,
    followers: str | None,
    cadence: str | None,
    **handles: str | None,
) -> None:
    from dailyreach.core.records.model import Contact

    contact = Contact.from_dict(
        {
            "name": name,
            "handles": {platform: handles[platform] for platform in PLATFORMS if handles.get(platform)},
            "why": why,
            "call_name": call_name,
            "tags": list(tags),
            "priority": priority,
            "followers": followers,
            "cadence_days": cadence,
        }
    )
    echo(session.store.save_contact(contact, _("add {name}").format(name=contact.name)).id)


@cli.command(
    help=_(
        "Log an interaction with CONTACT (id, handle or name); prints its id.\n\n"
        "KIND is public_reply, dm_sent, follow_up, reply_received, meeting_booked, met, "
        "no_response or note."
    ),
)
@click.argument("contact")
@click.argument("kind")
@click.option("--channel", help=_("Where it happened (default: the contact's main channel)."))
@click.option("--at", "when", default="now", help=_("When: ISO time, now, yesterday, -2h, friday..."))
@click.option("--text", default="", help=_("A short note of what was said."))
@click.pass_obj
def log(session: Session, contact: str, kind: str, channel: str | None, when: str, text: str) -> None:
    from dailyreach.core.planning.lookup import find_contact
    from dailyreach.core.records.dates import parse_when
    from dailyreach.core.records.model import Interaction

    store = session.store
    # An id is looked up directly: making every contact to search handles and names takes ~14 ms at 5,000.
    person = store.contact(contact.strip()) or find_contact(store.contacts(include_archived=True), contact)
    interaction = Interaction.from_dict(
        {
            "contact_id": person.id,
            "kind": kind,
            "channel": channel or person.main_channel,
            "at": parse_when(when, store.local_now()).isoformat(),
            "text": text,
        }
    )
    echo(store.add_interaction(interaction).id)


@cli.command(
    help=_("Record an invitation; prints its id."),
)
@click.argument("title")
@click.option("--kind", default="other", help=_("mixer, seminar, party, community, sales_pitch or other."))
@click.option("--from", "host", default="", help=_("Who invited you."))
@click.option("--on", "event_date", help=_("The event's date: YYYY-MM-DD, tomorrow, friday, +10d..."))
@click.option("--hours", help=_("Hours it would have taken, travel included."))
@click.option("--cost", help=_("What it would have cost: 5000, 5,000, ¥5000, 40 USD..."))
@click.option("--currency", help=_("Three-letter currency code (default: your settings')."))
@click.option("--decline", is_flag=True, help=_("Decline it now."))
@click.pass_obj
def invite(
    session: Session,
    title: str,
    kind: str,
    host: str,
    event_date: str | None,
    hours: str | None,
    cost: str | None,
    currency: str | None,
    decline: bool,
) -> None:
    from dailyreach.core.records.dates import parse_date
    from dailyreach.core.records.model import Invitation
    from dailyreach.core.records.validation import amount_currency

    store = session.store
    now = store.local_now()
    invitation = Invitation.from_dict(
        {
            "title": title,
            "kind": kind,
            "from": host,
            "event_date": parse_date(event_date, now).isoformat() if event_date else None,
            "hours": hours,
            "cost": cost,
            # A cost such as "¥5000" names its own currency; otherwise the settings' one.
            "currency": currency or amount_currency(cost) or store.settings().currency,
            "status": "declined" if decline else "undecided",
            "decided_at": now.isoformat() if decline else None,
        }
    )
    echo(store.save_invitation(invitation, _("invitation {title}").format(title=invitation.title)).id)


@cli.command(
    help=_("Decline INVITATION (id, title or the start of one)."),
)
@click.argument("invitation")
@click.option("--note", default="", help=_("Why, for your own record."))
@click.pass_obj
def decline(session: Session, invitation: str, note: str) -> None:
    from dailyreach.core.planning.lookup import find_invitation

    store = session.store
    chosen = find_invitation(store.invitations(), invitation)
    store.decline_invitation(chosen.id, note)
    echo(_("declined: {title}").format(title=chosen.title))


json_option = click.option(
    "--json", "as_json", is_flag=True, help=_("Print JSON (a stable shape, see the README).")
)


@cli.command(
    help=_("Print today's plan, progress and streak."),
)
@json_option
@click.pass_obj
def today(session: Session, as_json: bool) -> None:
    print_view(session.store, "today", as_json)


@cli.command(
    help=_("Print the messages still waiting for a reply, oldest first."),
)
@json_option
@click.pass_obj
def pending(session: Session, as_json: bool) -> None:
    print_view(session.store, "pending", as_json)


@cli.command(
    help=_("Print declined invitations with the time and money saved, and the undecided ones."),
)
@json_option
@click.pass_obj
def invitations(session: Session, as_json: bool) -> None:
    print_view(session.store, "invitations", as_json)


@cli.command(
    help=_(
        "Print the habit in figures: outreach per day and week, streaks, reply rates, the funnel, "
        "what declining saved, and last week with the threads most worth a follow-up."
    ),
)
@click.option(
    "--weeks",
    type=click.IntRange(1, 520),
    help=_("Weeks of outreach to show, this one included (default 26, as in the app)."),
)
@json_option
@click.pass_obj
def stats(session: Session, weeks: int | None, as_json: bool) -> None:
    from dailyreach import stats_report
    from dailyreach.core.planning.stats import DEFAULT_WEEKS, build_stats

    figures = build_stats(session.store, weeks or DEFAULT_WEEKS)
    if as_json:
        print_json(stats_report.stats_json(figures))
    else:
        echo(stats_report.stats_text(figures))


@cli.command(
    help=_("Export (to stdout unless -o is given); files are readable by you only."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="json",
    show_default=True,
    help=_(
        "json: everything; vcard, csv: contacts; interactions-csv; ics: upcoming follow-ups for a calendar."
    ),
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help=_("Write to FILE."))
@click.option("--force", is_flag=True, help=_("Replace FILE if it exists."))
@click.pass_obj
def export(session: Session, fmt: str, output: Path | None, force: bool) -> None:
    from dailyreach.core.files.exchange import export_json, write_export

    if fmt == "json":  # the module of the other formats loads their CSV, vCard and calendar code
        payload = export_json(session.store)
    else:
        from dailyreach.core.files.contact_export import EXPORTERS

        payload = EXPORTERS[fmt](session.store)
    if output is None:
        # Written as it is into a pipe or a file; escaped on a terminal, which the bytes could drive.
        sys.stdout.buffer.write(
            terminal_safe(payload.decode("utf-8", "surrogateescape")).encode("utf-8", "backslashreplace")
            if sys.stdout.isatty()
            else payload
        )
    else:
        write_export(output, payload, force=force)
        echo(_("exported to {file}").format(file=output), err=True)


@cli.command(
    name="import",
    help=_(
        "Import contacts (LinkedIn, Mastodon, vCard, CSV) or a dailyreach JSON export.\n\n"
        "Contacts already in the store (same handle, profile URL or e-mail) are skipped; broken "
        "rows are listed with their line number; everything else is added as one change."
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(IMPORT_FORMATS), help=_("Skip detecting the format."))
@click.option("--dry-run", is_flag=True, help=_("Only show what would be added, skipped and rejected."))
@click.option("--tag", "tags", multiple=True, help=_("Tag every imported contact (repeat for more)."))
@click.option(
    "--encoding", help=_("The file's encoding when it is neither UTF-8 nor Shift_JIS (cp1252, ...).")
)
@click.pass_obj
def import_(
    session: Session, file: Path, fmt: str | None, dry_run: bool, tags: tuple[str, ...], encoding: str | None
) -> None:
    from dailyreach import report
    from dailyreach.core.files.contact_import import apply_import_preview, preview_import

    store = session.store
    preview = preview_import(store, file, fmt=fmt, tags=tags, encoding=encoding)
    added = None if dry_run else apply_import_preview(store, preview)
    echo(report.import_text(preview, added=added))


@cli.command(
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
    # Usually answered before click is loaded (``dailyreach.status_line``); here after other options.
    from dailyreach.status_line import run

    flags = {"--json": as_json, "--quiet-when-done": quiet_when_done, "--verbose": verbose}
    args = ["--db", str(session.db), "status", *(flag for flag, given in flags.items() if given)]
    sys.exit(run([*args, "--format", fmt] if fmt is not None else args) or 0)


@cli.command(
    help=_("Show today's plan as a desktop notification (what ``remind --install`` schedules)."),
)
@click.option("--evening", is_flag=True, help=_("The evening check: only while today's goal is not met."))
@click.option("--strict", is_flag=True, help=_("Exit 1 when no notification service is reachable."))
@click.pass_obj
def notify(session: Session, evening: bool, strict: bool) -> None:
    from dailyreach.core.planning.agenda import build_agenda
    from dailyreach.core.planning.status import evening_text, morning_text
    from dailyreach.notify import EVENING_TITLE, TITLE, send_notification

    if not session.db.is_file():
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
            _("no notification shown (no notification service reachable?): {problem}").format(
                problem=problem
            ),
            err=True,
        )
        if strict:
            sys.exit(1)


@cli.command(
    help=_(
        "Schedule ``dailyreach notify``: a systemd user timer on Linux, a launchd agent on macOS, "
        "and elsewhere the crontab lines to add."
    ),
)
@click.option("--install", "action", flag_value="install", help=_("Schedule notify every day."))
@click.option(
    "--status", "action", flag_value="status", help=_("Show what is installed and when it runs next.")
)
@click.option("--uninstall", "action", flag_value="uninstall", help=_("Remove exactly what --install wrote."))
@click.option(
    "--at", "at", help=_("The morning plan, local time HH:MM (default: config.toml's, else 09:00).")
)
@click.option("--evening", metavar="HH:MM", help=_("Also an evening check at this local time, e.g. 18:00."))
@click.pass_context
def remind(ctx: click.Context, action: str | None, at: str | None, evening: str | None) -> None:
    from dailyreach import remind as reminders

    if action is None:
        raise click.UsageError(_("give one of --install, --status or --uninstall"))
    try:
        if action == "install":
            from dailyreach.config import default_config_path, load_config

            config = ctx.find_root().params.get("config")
            settings = load_config(config or default_config_path())
            chosen = reminders.reminders(
                at or settings.remind_at or "09:00", evening or settings.remind_evening
            )
            lines = reminders.install(chosen, reminders.program(ctx.obj.db, config))
        elif action == "status":
            lines = reminders.status()
        else:
            lines = reminders.uninstall()
    except reminders.ReminderError as error:
        raise click.ClickException(str(error)) from None
    for line in lines:
        click.echo(line)


@cli.command(
    help=_(
        "List the records of the database this version cannot read; --repair fixes what is safe.\n\n"
        "Safe: dropping a field no record has, when the record is whole without it, and putting "
        "settings that fail their check back to their defaults. Anything else is left for you to "
        "fix by hand."
    ),
)
@click.option("--repair", is_flag=True, help=_("Make the safe repairs, after a backup of the file."))
@click.pass_obj
def doctor(session: Session, repair: bool) -> None:
    session.warn_of_problems = False
    store = session.store
    problems = store.problems()
    if not problems:
        echo(_("{db}: every record reads well").format(db=session.db))
        return
    if not repair:
        echo(
            _("{db}: {count} record(s) cannot be read; they are skipped and kept as they are").format(
                db=session.db, count=len(problems)
            )
        )
        for problem in problems:
            echo(f"  {problem}")
        echo(_("dailyreach doctor --repair fixes what is safe, after a backup"))
        sys.exit(1)
    from dailyreach.core.store.doctor import repair as make_repairs

    done = make_repairs(store)
    if done.backup is not None:
        echo(_("backup: {file}").format(file=done.backup))
    for problem in done.repaired:
        echo("  " + _("repaired: {problem}").format(problem=problem))
    for problem in done.left:
        echo("  " + _("left for you to fix by hand: {problem}").format(problem=problem))
    if done.left:
        sys.exit(1)


@cli.command(
    help=_("The full app in a browser tab (loopback only unless --public-i-understand); Ctrl+C stops it."),
)
@click.option("--host", default="127.0.0.1", show_default=True, help=_("The address to listen on."))
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), help=_("As dailyreach --db."))
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), help=_("As dailyreach --config."))
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
    from dailyreach.config import default_config_path
    from dailyreach.serve import ServeError, run_server

    root = ctx.find_root().params
    config = config or root.get("config") or default_config_path()
    try:
        run_server(db or ctx.obj.db, config, host, port, public=public, demo=bool(root.get("demo")))
    except ServeError as error:
        raise click.ClickException(str(error)) from None


# Drafts and templates (issue 13): their module imports only click until one of them runs.
from dailyreach.draft_commands import draft, template  # noqa: E402

cli.add_command(draft)
cli.add_command(template)

if current_language() != SOURCE_LANGUAGE:  # help in cells, for double-width text (English: click's own)
    from dailyreach.help_format import use_cell_help

    use_cell_help([cli])
