"""The export and import forms."""

from __future__ import annotations

from pathlib import Path

from textual.validation import Function

from dailyreach.core.formats import EXPORT_FORMATS, EXPORT_SUFFIXES, IMPORT_FORMATS
from dailyreach.core.store import Store
from dailyreach.tui.screens.fields_form import Field, FieldsForm


def default_export_name(day: str, fmt: str) -> str:
    kind = {"json": "export", "interactions-csv": "interactions", "ics": "follow-ups"}.get(fmt, "contacts")
    return f"dailyreach-{kind}-{day}.{EXPORT_SUFFIXES[fmt]}"


def export_form(store: Store, typed: dict[str, str] | None = None) -> FieldsForm:
    return FieldsForm(
        "Export",
        [
            Field(
                "path",
                "File",
                default_export_name(store.today().isoformat(), "json"),
                validators=[Function(lambda v: bool(v.strip()), "a file name is needed")],
            ),
            Field(
                "format",
                "Format",
                "json",
                ", ".join(EXPORT_FORMATS),
                validators=[Function(lambda v: v in EXPORT_FORMATS, ", ".join(EXPORT_FORMATS))],
            ),
            Field(
                "replace", "Replace", "no", validators=[Function(lambda v: v in ("yes", "no"), "yes or no")]
            ),
        ],
        typed,
    )


def export_target(answers: dict[str, str], day: str) -> tuple[Path, str, bool]:
    """The file, format and whether to replace; the untouched JSON name follows the chosen format."""
    fmt, path = answers["format"], answers["path"].strip()
    if path == default_export_name(day, "json"):
        path = default_export_name(day, fmt)
    return Path(path).expanduser(), fmt, answers["replace"] == "yes"


def import_form(typed: dict[str, str] | None = None) -> FieldsForm:
    formats = ("auto", *IMPORT_FORMATS)
    return FieldsForm(
        "Import contacts",
        [
            Field(
                "path",
                "File",
                "",
                "Connections.csv, following_accounts.csv, contacts.vcf, ...",
                validators=[Function(lambda v: bool(v.strip()), "a file name is needed")],
            ),
            Field(
                "format",
                "Format",
                "auto",
                validators=[Function(lambda v: v in formats, ", ".join(formats))],
            ),
            Field("tags", "Tags", "", "added to everyone imported, comma separated"),
            Field("encoding", "Encoding", "", "empty: UTF-8 or Shift_JIS"),
        ],
        typed,
    )


def import_options(answers: dict[str, str]) -> dict:
    """The form's answers as preview_import's arguments."""
    return {
        "path": Path(answers["path"].strip()).expanduser(),
        "fmt": None if answers["format"] == "auto" else answers["format"],
        "tags": tuple(tag.strip() for tag in answers["tags"].split(",") if tag.strip()),
        "encoding": answers["encoding"].strip() or None,
    }
