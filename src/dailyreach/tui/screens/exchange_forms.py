"""The export and import forms, and what the main screen does with their answers."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import App
from textual.widgets import Input, Select

from dailyreach.core.files.formats import (
    EXPORT_FORMATS,
    EXPORT_SUFFIXES,
    IMPORT_FORMATS,
    IMPORT_TITLES,
    suffix_clash,
    suffix_format,
)
from dailyreach.core.store.store import Store
from dailyreach.i18n import N_, _, ngettext
from dailyreach.tui.bound_keys import bound_key
from dailyreach.tui.checks import Check
from dailyreach.tui.screens.fields_form import NO, YES, Field, FieldsForm

if TYPE_CHECKING:
    from dailyreach.core.files.contact_import import ImportPreview
    from dailyreach.tui.screens.base import StoreScreen

# A file read longer than this says so, until its preview shows (or the notice's time is up).
READING_NOTICE_AFTER = 0.5
READING_NOTICE_SECONDS = 60
EXPORT_TITLES = {
    "json": N_("JSON: everything (dailyreach can import it)"),
    "vcard": N_("vCard: contacts"),
    "csv": N_("CSV: contacts"),
    "interactions-csv": N_("CSV: interactions"),
    "ics": N_("iCalendar: follow-ups"),
}
# What the browser is told each export holds (``dailyreach serve``).
EXPORT_MEDIA_TYPES = {
    "json": "application/json",
    "vcard": "text/vcard",
    "csv": "text/csv",
    "interactions-csv": "text/csv",
    "ics": "text/calendar",
}
ENCODINGS = (
    (N_("UTF-8 or Shift_JIS, as the file says"), ""),
    ("UTF-8", "utf-8"),
    ("Shift_JIS", "shift_jis"),
    (N_("CP932 (Windows Japanese)"), "cp932"),
    ("EUC-JP", "euc-jp"),
    ("Windows-1252", "cp1252"),
    ("Latin-1", "latin-1"),
    ("UTF-16", "utf-16"),
    # What a file of UTF-16 saved without its byte order mark is named as (textfile.py).
    ("UTF-16 LE", "utf-16-le"),
    ("UTF-16 BE", "utf-16-be"),
)


def default_export_name(day: str, fmt: str) -> str:
    kind = {"json": "export", "interactions-csv": "interactions", "ics": "follow-ups"}.get(fmt, "contacts")
    return f"dailyreach-{kind}-{day}.{EXPORT_SUFFIXES[fmt]}"


def export_folder() -> Path:
    """The user's documents folder (their home when there is none), never the current directory: an
    export started from a checkout does not land inside it."""
    import platformdirs  # here, not at start-up: only the export needs it

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def shown_path(path: Path) -> str:
    """A path as short as the user reads it: ~ for their home."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) and path != home else str(path)


def _file_to_write(value: str) -> Path:
    if not value.strip():
        raise ValueError(_("a file name is needed"))
    path = Path(value.strip()).expanduser()
    if path.is_dir():
        raise ValueError(_("{path} is a folder: add a file name").format(path=value.strip()))
    if not path.parent.is_dir():
        raise ValueError(_("there is no folder {folder}").format(folder=shown_path(path.parent)))
    return path


def _file_named(value: str) -> str:
    if not value.strip():
        raise ValueError(_("a file name is needed"))
    return value


def _download_name(value: str) -> str:
    if not value.strip():
        raise ValueError(_("a file name is needed"))
    if "/" in value or "\\" in value:
        raise ValueError(_("a file name only: the browser asks where to save it"))
    return value


def export_form(store: Store, typed: dict[str, str] | None = None, *, download: bool = False) -> FieldsForm:
    """The export form; with ``download`` (the app served to a browser) it asks only for a file name,
    as the file goes to the browser's downloads, not to a folder on the server."""
    day = store.today().isoformat()
    formats = Field(
        "format", _("Format"), "json", choices=tuple((_(EXPORT_TITLES[f]), f) for f in EXPORT_FORMATS)
    )
    name = default_export_name(day, "json")
    fields = (
        [Field("path", _("File name"), name, validators=[Check(_download_name, optional=False)]), formats]
        if download
        else [
            Field(
                "path",
                _("File"),
                shown_path(export_folder() / name),
                validators=[Check(_file_to_write, optional=False)],
            ),
            formats,
            Field("replace", _("Replace"), NO, switch=True),
        ]
    )
    return ExportForm(day, _("Export"), fields, typed, save_label=_("Download") if download else _("Export"))


def named_for(text: str, day: str, fmt: str) -> str:
    """The file ``text`` names, renamed for ``fmt`` when its name is one the form suggests."""
    path = Path(text.strip())
    if path.name in {default_export_name(day, other) for other in EXPORT_FORMATS}:
        return str(path.with_name(default_export_name(day, fmt)))
    return text


class ExportForm(FieldsForm):
    """A file name the form suggested follows the format chosen (.json, .vcf, .ics...)."""

    def __init__(
        self, day: str, title: str, fields: list[Field], typed: dict[str, str] | None, *, save_label: str
    ) -> None:
        super().__init__(title, fields, typed, save_label=save_label)
        self.day = day
        self.followed: str | None = None  # the file name the format last followed

    @on(Select.Changed, "#format")
    def follow_format(self, event: Select.Changed) -> None:
        box = self.query_one("#path", Input)
        box.value = named_for(box.value, self.day, str(event.value))

    @on(Input.Changed, "#path")
    def follow_name(self, event: Input.Changed) -> None:
        self._follow(event.value)

    def _follow(self, typed: str) -> None:
        """A file name typed with the suffix of another format (contacts.vcf) chooses that format."""
        self.followed = typed
        choice = self.query_one("#format", Select)
        named = suffix_format(Path(typed.strip()))
        if named is not None and suffix_clash(Path(typed.strip()), str(choice.value)):
            choice.value = named

    def save(self) -> bool:
        # Enter typed with the name's last letters is taken before their Changed reaches the form: the
        # format follows the name as it is now, as it would have a moment later. A name followed already
        # keeps the format chosen after it.
        typed = self.query_one("#path", Input).value
        if typed != self.followed:
            self._follow(typed)
        return super().save()


def export_target(answers: dict[str, str], day: str) -> tuple[Path, str, bool]:
    """The file, format and whether to replace it; a suggested name follows the format even when Enter
    came before the form showed it."""
    path = named_for(answers["path"], day, answers["format"])
    return Path(path.strip()).expanduser(), answers["format"], answers.get("replace") == YES


def import_form(typed: dict[str, str] | None = None) -> FieldsForm:
    formats = ((_("Recognised from the file"), "auto"), *((_(IMPORT_TITLES[f]), f) for f in IMPORT_FORMATS))
    return FieldsForm(
        _("Import contacts"),
        [
            Field(
                "path",
                _("File"),
                placeholder=_("~/Downloads/Connections.csv, a .vcf or .csv"),
                validators=[Check(_file_named, optional=False)],
            ),
            Field("format", _("Format"), "auto", choices=formats),
            Field("tags", _("Tags"), placeholder=_("added to everyone imported, comma separated")),
            Field(
                "encoding", _("Encoding"), "", choices=tuple((_(shown), code) for shown, code in ENCODINGS)
            ),
        ],
        typed,
        save_label=_("Preview"),
    )


def import_options(answers: dict[str, str]) -> dict:
    """The form's answers as preview_import's arguments."""
    return {
        "path": Path(answers["path"].strip()).expanduser(),
        "fmt": None if answers["format"] == "auto" else answers["format"],
        "tags": tuple(tag.strip() for tag in answers["tags"].split(",") if tag.strip()),
        "encoding": answers["encoding"].strip() or None,
    }


def deliver_download(app: App, name: str, fmt: str, payload: bytes) -> None:
    """Offer an export to the browser as a download (the app served by ``dailyreach serve``)."""
    app.deliver_binary(io.BytesIO(payload), save_filename=name, mime_type=EXPORT_MEDIA_TYPES[fmt])
    app.notify(_("Downloading {name}").format(name=name), markup=False)


def export_from(screen: StoreScreen, typed: dict[str, str] | None = None) -> None:
    """The export form over ``screen``; the file written (served: downloaded) when it is answered, the
    form opened again as typed when it cannot be."""
    from dailyreach.core.errors import DatabaseFileNamed, NotAFile, StoreError
    from dailyreach.core.files.contact_export import EXPORTERS, nothing_upcoming
    from dailyreach.core.files.exchange import write_export
    from dailyreach.core.store.doctor import export_would_not_import

    app, store = screen.app, screen.store

    def write(answers: dict[str, str] | None) -> None:
        if answers is None:
            return
        path, fmt, replace = export_target(answers, store.today().isoformat())
        problem = suffix_clash(path, fmt) or written(path, fmt, replace)
        if problem is None:
            if not app.is_web:  # served, the browser is told of its download
                screen.notify(_("Exported to {path}").format(path=path), markup=False)
            if fmt == "json" and (said := export_would_not_import(store)):
                screen.notify(said, severity="warning", markup=False, timeout=15)
            elif fmt == "ics" and (said := nothing_upcoming(store)):
                screen.notify(said, markup=False)
            return
        screen.notify(problem, title=_("Not exported"), severity="error", markup=False)
        export_from(screen, answers)

    def written(path: Path, fmt: str, replace: bool) -> str | None:
        """Write the export (served: hand it to the browser); what went wrong, or None."""
        try:
            payload = EXPORTERS[fmt](store)
            if app.is_web:  # served: the file goes to the browser, not to the server's disk
                deliver_download(app, path.name, fmt, payload)
            else:
                write_export(path, payload, db=store.path, force=replace)
        except FileExistsError:
            return _("{path} already exists: switch Replace on to overwrite it").format(path=path)
        except (OSError, StoreError, NotAFile, DatabaseFileNamed) as error:
            return str(error)
        return None

    app.push_screen(export_form(store, typed, download=app.is_web), write)


def import_into(screen: StoreScreen, typed: dict[str, str] | None = None) -> None:
    """The import form over ``screen``, then the preview of what the file adds; saved once confirmed,
    the form opened again as typed when the file cannot be read."""
    from dailyreach.core.errors import ImportRejected, StoreError
    from dailyreach.core.files.contact_import import preview_import
    from dailyreach.tui.screens.import_preview import ImportPreviewScreen

    def preview(answers: dict[str, str] | None) -> None:
        """Read in a thread: a file of a few hundred thousand rows takes a while, and the app stays
        usable, saying so, until its preview shows."""
        if answers is None:
            return
        options = import_options(answers)
        said = False

        def say_reading() -> None:
            nonlocal said
            said = True
            screen.notify(
                _("Reading {file}: its preview shows once it is read").format(file=options["path"]),
                markup=False,
                timeout=READING_NOTICE_SECONDS,
            )

        def done_reading() -> None:
            reading.stop()
            if said:  # the notice is done with: the preview or the refusal says what came of it
                screen.app.clear_notifications()

        reading = screen.set_timer(READING_NOTICE_AFTER, say_reading)

        def read() -> None:
            try:
                found = preview_import(screen.store, **options)
            except (ImportRejected, StoreError) as error:
                screen.from_thread(refused, str(error))
                return
            screen.from_thread(show, found)

        def refused(problem: str) -> None:
            done_reading()
            screen.notify(problem, title=_("Not imported"), severity="error", markup=False, timeout=15)
            import_into(screen, answers)

        def show(found: ImportPreview) -> None:
            done_reading()

            def import_when_confirmed(confirmed: bool | None) -> None:
                if confirmed:
                    _save_import(screen, found)

            screen.app.push_screen(ImportPreviewScreen(found), import_when_confirmed)

        screen.run_worker(read, thread=True, group="import")

    screen.app.push_screen(import_form(typed), preview)


def _save_import(screen: StoreScreen, preview: ImportPreview) -> None:
    from dailyreach.core.files.contact_import import apply_import_preview

    def imported(added: int) -> None:
        said = (
            ngettext(
                "Imported {count} record from {source}: {undo} undoes it",
                "Imported {count} records from {source}: {undo} undoes it",
                added,
            )
            if preview.export_plan is not None
            else ngettext(
                "Imported {count} contact from {source}: {undo} undoes it",
                "Imported {count} contacts from {source}: {undo} undoes it",
                added,
            )
        )
        undo = bound_key(screen.app, "undo")
        screen.notify(said.format(count=added, source=preview.source, undo=undo), markup=False)

    screen.run_saving(lambda: apply_import_preview(screen.store, preview), imported)
