"""``export``, ``import`` and ``doctor``: the database's records in and out of files, and the records it
cannot read."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from dailyreach.cli import names_a_folder
from dailyreach.cli.commands import FilePath, Session, echo, folder_named
from dailyreach.core.files.formats import EXPORT_FORMATS, IMPORT_FORMATS, suffix_clash, suffix_format
from dailyreach.core.records.text import terminal_safe
from dailyreach.i18n import _, ngettext


@click.command(
    help=_("Export (to stdout unless -o is given); files are readable by you only."),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    help=_(
        "json: everything; vcard, csv: contacts; interactions-csv; ics: upcoming follow-ups for a calendar. "
        "Default: the one -o's suffix names (.vcf, .csv, .ics), else json."
    ),
)
# A str, not a Path: Path("./-") is "-", and "" is ".", so a Path no longer tells them apart. A folder
# is refused by the command, in the words it says "out/" in, not as click's usage error.
@click.option(
    "-o",
    "--output",
    "output_name",
    type=click.Path(allow_dash=True),
    metavar="FILE",
    help=_("Write to FILE (- for standard output)."),
)
@click.option("--force", is_flag=True, help=_("Replace FILE if it exists."))
@click.pass_obj
def export(session: Session, fmt: str | None, output_name: str | None, force: bool) -> None:
    from dailyreach.cli.export_entry import deliver, warn_if_it_would_not_import
    from dailyreach.cli.opening import refuse_missing
    from dailyreach.core.files.exchange import export_json

    if output_name == "":
        raise click.ClickException(_("-o: the file name is empty"))
    if output_name is not None and names_a_folder(output_name):
        raise click.ClickException(terminal_safe(folder_named("-o", output_name)))
    output = None if output_name in (None, "-") else Path(output_name)
    if output is not None and fmt is not None and (clash := suffix_clash(output, fmt)):
        raise click.ClickException(terminal_safe(clash))
    fmt = fmt or (suffix_format(output) if output is not None else None) or "json"
    if not session.demo:
        refuse_missing(session.db)

    if fmt == "json":  # the module of the other formats loads their CSV, vCard and calendar code
        payload = export_json(session.store)
    else:
        from dailyreach.core.files.contact_export import EXPORTERS

        payload = EXPORTERS[fmt](session.store)
    deliver(payload, output_name, db=session.store.path, force=force)
    if fmt == "json":  # the only export with the interactions, and the one imported back
        warn_if_it_would_not_import(session.store)
    elif fmt == "ics":
        from dailyreach.core.files.contact_export import nothing_upcoming

        if said := nothing_upcoming(session.store):
            click.echo(_("note: {said}").format(said=said), err=True)


@click.command(
    name="import",
    help=_(
        "Import contacts (LinkedIn, Mastodon, vCard, CSV) or a dailyreach JSON export.\n\n"
        "Contacts already in the store (same handle, profile URL or e-mail) are skipped; broken "
        "rows are listed with their line number; everything else is added as one change."
    )
    + "\n\n"
    + _(
        "Exits with status 1 when rows are refused and nothing is added (in a dry run, when nothing "
        "would be); the report is printed all the same."
    )
    + "\n\n"
    + _("A FILE of - is read from standard input."),
)
@click.argument("file", type=FilePath())
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

    if str(file) == "-":  # as export -o - writes to standard output
        file = Path("/dev/stdin")
    fresh = not session.demo and not session.db.exists()
    if fresh:
        # Read against an empty store first: a dry run, or a file with nothing to add, makes no database
        # at a path maybe mistyped.
        from dailyreach.core.store.store import Store
        from dailyreach.demo_folder import demo_folder

        with demo_folder() as folder:
            preview = preview_import(
                Store(folder / "empty.json"), file, fmt=fmt, tags=tags, encoding=encoding
            )
    if fresh and (dry_run or not preview.adds_anything):
        echo(report.import_text(preview, added=None if dry_run else 0))
        no_database = (
            _("note: there is no database at {path} yet; the import would make it")
            if dry_run
            else _("note: there is no database at {path} yet, and nothing was added to make it")
        )
        echo(no_database.format(path=session.db), err=True)
    else:
        store = session.store
        if not fresh:  # a new database is the empty store the file was just read against
            preview = preview_import(store, file, fmt=fmt, tags=tags, encoding=encoding)
        added = None if dry_run else apply_import_preview(store, preview)
        echo(report.import_text(preview, added=added))
    if preview.bad and not preview.adds_anything:  # a script sees the file's refusal, not only a reader
        sys.exit(1)


@click.command(
    help=_(
        "List the records of the database this version cannot read; --repair fixes what is safe.\n\n"
        "Safe: dropping a field no record has, when the record is whole without it, putting "
        "settings that fail their check back to their defaults, and making the summaries that differ "
        "from the interaction log again from it. Anything else is left for you to fix by hand."
    ),
)
@click.option("--repair", is_flag=True, help=_("Make the safe repairs, after a backup of the file."))
@click.pass_obj
def doctor(session: Session, repair: bool) -> None:
    from dailyreach.core.store.doctor import found, repairable

    # A mistyped path is said, not made into an empty database; one that is no file, the store says so.
    if not session.db.exists():
        echo(_("no database at {db} yet: nothing to check").format(db=session.db), err=True)
        return
    session.warn_of_problems = False
    store = session.store
    problems = found(store)
    if not problems:
        echo(_("{db}: every record reads well").format(db=session.db))
        return
    if not repair:
        count = len(problems)
        echo(
            ngettext(
                "{db}: {count} record is not as dailyreach writes it; it is kept as it is",
                "{db}: {count} records are not as dailyreach writes them; they are kept as they are",
                count,
            ).format(db=session.db, count=count)
        )
        for problem in problems:
            echo(f"  {problem}")
        if repairable(store):
            echo(_("dailyreach doctor --repair fixes what is safe, after a backup"))
        else:
            echo(_("none of these is safe to repair: each is yours to fix by hand"))
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
