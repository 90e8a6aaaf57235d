"""The export and import forms."""

from __future__ import annotations

import io
from pathlib import Path

from textual import on
from textual.app import App
from textual.widgets import Input, Select

from dailyreach.core.files.formats import EXPORT_FORMATS, EXPORT_SUFFIXES, IMPORT_FORMATS, IMPORT_TITLES
from dailyreach.core.store.store import Store
from dailyreach.i18n import N_, _
from dailyreach.tui.checks import Check
from dailyreach.tui.screens.fields_form import NO, YES, Field, FieldsForm

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

    @on(Select.Changed, "#format")
    def follow_format(self, event: Select.Changed) -> None:
        box = self.query_one("#path", Input)
        box.value = named_for(box.value, self.day, str(event.value))


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
