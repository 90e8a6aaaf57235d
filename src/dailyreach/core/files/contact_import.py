"""Importing a file: detect its format, preview what it adds, skips and rejects, then apply it as one change.

Nothing is written until ``apply_import_preview``; the whole import is one undoable change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dailyreach.core.errors import PROBLEMS_SHOWN, ImportRejected, ValidationError, os_reason
from dailyreach.core.files.contact_files import (
    EMPTY_FILE,
    READERS,
    ParsedFile,
    UnknownFormat,
    detect_format,
    is_empty,
)
from dailyreach.core.files.exchange import ImportPlan, apply_import, plan_import
from dailyreach.core.files.formats import IMPORT_FORMATS
from dailyreach.core.files.imported_person import SourceRow, handles_in_notes, kept_in_notes
from dailyreach.core.files.textfile import EncodingProblem, FileTooLarge, decode_text, read_limited
from dailyreach.core.files.vcard_reader import is_vcard, rejoin_split_characters
from dailyreach.core.records.handles import profile_url
from dailyreach.core.records.model import CHANNEL_LABELS, Contact
from dailyreach.core.records.text import strip_control
from dailyreach.core.store.storage import StoreCorrupt, parse_json_bytes
from dailyreach.core.store.store import Store
from dailyreach.i18n import N_, _

LABEL_LIMIT = 80


@dataclass
class ImportPreview:
    source: str
    format: str
    encoding: str
    added: list[tuple[int, Contact]] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)
    bad: list[tuple[int, str, str]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    export_plan: ImportPlan | None = None

    @property
    def adds_anything(self) -> bool:
        if self.export_plan is not None:
            return any(self.export_plan.added.values()) or self.export_plan.settings is not None
        return bool(self.added)


# What makes two contacts one: named in the preview as "same vCard UID …".
VCARD_UID = N_("vCard UID")


def identities(contact: Contact, id_source: str = VCARD_UID) -> dict[str, str]:
    """What makes two contacts the same person: any of their handles or profile URLs (an e-mail is a
    handle), those an import kept in the notes too, and the id a vCard's UID or dailyreach's CSV carries
    (``id_source`` names which, as the preview says it). A contact with no handle at all is the same
    person as one with the same name and notes."""
    found = {f"id:{contact.id}": f"{_(id_source)} {contact.id}"}
    kept = handles_in_notes(contact.notes)
    for platform, handle in contact.handles.items():
        kept.setdefault(platform, set()).add(handle)
    for platform, handles in kept.items():
        # Named as the app names it everywhere (X, e-mail, in Japanese メール), not by its key: the preview
        # says "same X @ann".
        label = _(CHANNEL_LABELS[platform])
        for handle in handles:
            found[f"{platform}:{handle.casefold()}"] = f"{label} {handle}"
            found[profile_url(platform, handle).casefold().rstrip("/")] = f"{label} {handle}"
    if not contact.handles:
        found[f"name:{contact.name.casefold()}\nnotes:{contact.notes}"] = _("name and notes, and no handle")
    return found


def _read(path: Path, encoding: str | None) -> tuple[bytes, str, str]:
    try:
        raw = read_limited(path)
    except OSError as error:
        raise ImportRejected(
            str(path), [_("cannot be read: {problem}").format(problem=os_reason(error))]
        ) from None
    except FileTooLarge as error:
        raise ImportRejected(str(path), [str(error)]) from None
    if is_vcard(raw):
        raw = rejoin_split_characters(raw)
    try:
        text, label = decode_text(raw, encoding)
        return raw, text, label
    except EncodingProblem as error:
        raise ImportRejected(str(path), [str(error)]) from None


def preview_import(
    store: Store,
    path: Path,
    *,
    fmt: str | None = None,
    tags: tuple[str, ...] = (),
    encoding: str | None = None,
) -> ImportPreview:
    """What importing ``path`` would do; ImportRejected when the file cannot be read at all."""
    source = str(path)
    if fmt is not None and fmt not in IMPORT_FORMATS:
        raise ImportRejected(
            source,
            [
                _("unknown format {format}: use one of {formats}").format(
                    format=repr(fmt), formats=", ".join(IMPORT_FORMATS)
                )
            ],
        )
    if tags:
        # Checked once: a tag too long was refused on every row, as many times as the file has rows.
        try:
            Contact.from_dict({"name": source, "tags": list(tags)})
        except ValidationError as error:
            raise ImportRejected(source, [str(error)]) from None
    raw, text, label = _read(path, encoding)
    if is_empty(text):  # in any format: it is no header, card or JSON that the file lacks
        raise ImportRejected(source, [_(EMPTY_FILE)])
    try:
        fmt = fmt or detect_format(text)
        if fmt == "json":
            try:
                data = parse_json_bytes(raw.removeprefix(b"\xef\xbb\xbf"), path)
            except StoreCorrupt as error:
                raise ImportRejected(source, [str(error)]) from None
            plan = plan_import(store, data, source)
            ignored = (
                [
                    _("tags not added ({tags}): a JSON export is imported as it is").format(
                        tags=", ".join(tags)
                    )
                ]
                if tags
                else []
            )
            return ImportPreview(source, fmt, label, notices=ignored + plan.left_out, export_plan=plan)
        parsed = READERS[fmt](text)
    except UnknownFormat as error:
        raise ImportRejected(source, [str(error)]) from None
    return _plan_contacts(store, source, label, parsed, tags)


def _row_problems(first: ValidationError, fields: dict[str, Any]) -> str:
    """Everything wrong with a row, not only the first thing the contact met, so that one pass over the
    file mends it: each field (each handle) is checked alone, as the contact checks it. At most
    ``PROBLEMS_SHOWN`` are said, as for a file refused whole."""
    problems = [str(first)]
    alone = [{"handles": {platform: handle}} for platform, handle in fields.get("handles", {}).items()]
    alone += [{key: value} for key, value in fields.items() if key != "handles"]
    for part in alone:
        try:
            Contact.from_dict({"name": "-", **part})
        except ValidationError as error:
            if str(error) not in problems:
                problems.append(str(error))
    more = len(problems) - PROBLEMS_SHOWN
    shown = problems[:PROBLEMS_SHOWN] + ([_("... and {count} more").format(count=more)] if more > 0 else [])
    return "; ".join(shown)


def _plan_contacts(
    store: Store, source: str, encoding: str, parsed: ParsedFile, tags: tuple[str, ...]
) -> ImportPreview:
    preview = ImportPreview(source, parsed.format, encoding, notices=list(parsed.notices))
    known: dict[str, str] = {}
    names: dict[str, str] = {}
    for contact in store.contacts(include_archived=True):
        known.update(
            dict.fromkeys(
                identities(contact), _("already in your contacts as {name}").format(name=contact.name)
            )
        )
        names[contact.name.casefold()] = _("{name} in your contacts").format(name=contact.name)
    stamp = store.now().isoformat()
    added_rows: list[SourceRow] = []
    for row in parsed.rows:
        # The label comes straight from the file and is printed: no escape sequences reach the terminal.
        label = strip_control(row.label)[:LABEL_LIMIT]
        if row.problem:
            preview.bad.append((row.line, label, row.problem))
            continue
        if row.skip:
            preview.skipped.append((row.line, label, row.skip))
            continue
        fields = dict(row.fields or {})
        fields["tags"] = [*fields.get("tags", []), *tags]
        try:
            contact = Contact.from_dict({**fields, "created_at": stamp, "updated_at": stamp})
        except ValidationError as error:
            preview.bad.append((row.line, label, _row_problems(error, fields)))
            continue
        # Only a vCard's UID and the id column of dailyreach's own CSV give a contact an id.
        same_as = identities(contact, VCARD_UID if parsed.format == "vcard" else N_("id"))
        clash = next((key for key in same_as if key in known), None)
        if clash is not None:
            # Its other handles are that person's too: a later row with one of them is them as well.
            for key in same_as:
                known.setdefault(key, known[clash])
            preview.skipped.append(
                (
                    row.line,
                    contact.name,
                    _("{reason} (same {what})").format(reason=known[clash], what=same_as[clash]),
                )
            )
            continue
        preview.notices.extend(
            _("line {line}: {problem}").format(line=row.line, problem=warning) for warning in row.warnings
        )
        same_name = names.get(contact.name.casefold())
        if same_name:
            preview.notices.append(
                _("line {line}: {name} has the same name as {other}; added anyway").format(
                    line=row.line, name=contact.name, other=same_name
                )
            )
        known.update(dict.fromkeys(same_as, _("same person as line {line}").format(line=row.line)))
        names.setdefault(contact.name.casefold(), _("line {line}").format(line=row.line))
        preview.added.append((row.line, contact))
        added_rows.append(row)
    # Counted over the contacts added alone: a skipped duplicate's phone is not in anyone's notes.
    kept = kept_in_notes(added_rows)
    if kept is not None:
        preview.notices.insert(len(parsed.notices), kept)
    return preview


def apply_import_preview(store: Store, preview: ImportPreview) -> int:
    """Write what the preview showed, as one change that undo takes back whole; returns how many records
    were added (a contact someone else added since the preview is left out)."""
    if preview.export_plan is not None:
        apply_import(store, preview.export_plan)
        return sum(preview.export_plan.added.values())
    label = _("import {name}").format(name=Path(preview.source).name)
    with store.transaction(label):
        known = {key for contact in store.contacts(include_archived=True) for key in identities(contact)}
        bodies = {}
        for _line, contact in preview.added:
            if known.isdisjoint(identities(contact)):
                bodies[contact.id] = contact.to_dict()
        store.add_records(label, {"contacts": bodies})
    return len(bodies)
