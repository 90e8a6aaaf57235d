"""Reading contacts out of the files people have: LinkedIn's and Mastodon's CSV exports, vCards, any CSV.

Each reader turns a file's text into rows of contact fields, each row remembering its line number, so
the preview can say which rows would be added, which are skipped on purpose and which are broken.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from dailyreach.core.formats import IMPORT_FORMATS
from dailyreach.core.handles import PLATFORMS, HandleError, handle_from_url, normalise_handle

LINKEDIN_HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
LINKEDIN_NOTES_LINES = 10
MASTODON_HEADER = "Account address"


@dataclass
class SourceRow:
    line: int
    label: str
    fields: dict[str, Any] | None = None
    skip: str | None = None
    problem: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class ParsedFile:
    format: str
    rows: list[SourceRow]
    notices: list[str] = field(default_factory=list)


class UnknownFormat(ValueError):
    pass


def _records(text: str, first_line: int) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the file line each starts on; blank lines are left out."""
    reader = csv.reader(io.StringIO(text))
    while True:
        start = first_line + reader.line_num
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise UnknownFormat(f"line {start}: {error}") from None
        if any(cell.strip() for cell in cells):
            yield start, [cell.strip() for cell in cells]


def _first_cells(line: str) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error:
        return []


def _linkedin_header_at(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:LINKEDIN_NOTES_LINES]):
        if tuple(cell.strip() for cell in _first_cells(line))[:3] == LINKEDIN_HEADER[:3]:
            return index
    return None


def detect_format(text: str) -> str:
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        return "json"
    if stripped[:11].upper() == "BEGIN:VCARD":
        return "vcard"
    lines = stripped.splitlines()
    if _linkedin_header_at(lines) is not None:
        return "linkedin"
    if lines and _first_cells(lines[0])[:1] == [MASTODON_HEADER]:
        return "mastodon"
    if lines and any(_column_field(cell) for cell in _first_cells(lines[0])):
        return "csv"
    raise UnknownFormat(
        f"not a contacts file dailyreach can read (tried {', '.join(IMPORT_FORMATS)}): "
        "name the format with --format if it is one of these"
    )


def _by_header(header: list[str], cells: list[str]) -> tuple[dict[str, str] | None, str | None]:
    if len(cells) != len(header):
        return None, f"{len(cells)} fields where the header has {len(header)}"
    return dict(zip(header, cells, strict=True)), None


# -- LinkedIn ---------------------------------------------------------------------------------


def _connected_on(text: str) -> str:
    try:
        return datetime.strptime(text, "%d %b %Y").date().isoformat()
    except ValueError:
        return text


def read_linkedin(text: str) -> ParsedFile:
    lines = text.splitlines(keepends=True)
    header_at = _linkedin_header_at(lines)
    if header_at is None:
        raise UnknownFormat(f"no LinkedIn header ({','.join(LINKEDIN_HEADER)}) in the first lines")
    header = [cell.strip() for cell in _first_cells(lines[header_at])]
    rows = []
    for line, cells in _records("".join(lines[header_at + 1 :]), header_at + 2):
        values, problem = _by_header(header, cells)
        if values is None:
            rows.append(SourceRow(line, cells[0], problem=problem))
            continue
        name = f"{values.get('First Name', '')} {values.get('Last Name', '')}".strip()
        url = values.get("URL", "")
        if not name and not url:
            rows.append(SourceRow(line, values.get("Connected On", ""), skip="the person has left LinkedIn"))
            continue
        job = " at ".join(part for part in (values.get("Position"), values.get("Company")) if part)
        connected = values.get("Connected On")
        notes = [job, f"LinkedIn connection since {_connected_on(connected)}" if connected else ""]
        fields = {
            "name": name or url,
            "handles": {"linkedin": url, "email": values.get("Email Address", "")},
            "notes": "\n".join(note for note in notes if note),
            "tags": ["linkedin"],
        }
        rows.append(SourceRow(line, name or url, fields))
    return ParsedFile("linkedin", rows)


# -- Mastodon ---------------------------------------------------------------------------------


def read_mastodon(text: str) -> ParsedFile:
    records = _records(text, 1)
    header = next(records, (1, []))[1]
    if header[:1] != [MASTODON_HEADER]:
        raise UnknownFormat(f"the first line is not Mastodon's header ({MASTODON_HEADER},Show boosts,...)")
    rows = []
    for line, cells in records:
        address = cells[0]
        rows.append(
            SourceRow(
                line, address, {"name": address, "handles": {"mastodon": address}, "tags": ["mastodon"]}
            )
        )
    return ParsedFile("mastodon", rows)


# -- any CSV with a header --------------------------------------------------------------------

_COLUMN_NAMES = {
    "name": ("name", "fullname", "displayname", "contact", "名前", "氏名"),
    "first_name": ("firstname", "givenname", "名"),
    "last_name": ("lastname", "surname", "familyname", "姓"),
    "x": ("x", "twitter", "xhandle", "twitterhandle"),
    "linkedin": ("linkedin", "linkedinurl"),
    "bluesky": ("bluesky", "bsky"),
    "mastodon": ("mastodon", "fediverse"),
    "instagram": ("instagram",),
    "threads": ("threads",),
    "github": ("github",),
    "email": ("email", "emailaddress", "mail", "メール", "メールアドレス"),
    "web": ("web", "website", "url", "homepage", "site"),
    "why": ("why", "reason", "goal"),
    "notes": ("notes", "note", "memo", "メモ", "備考"),
    "tags": ("tags", "tag", "labels", "タグ"),
    "priority": ("priority",),
    "cadence_days": ("cadence", "cadencedays", "keepintouch", "keepintouchdays"),
}
_COLUMNS = {alias: target for target, aliases in _COLUMN_NAMES.items() for alias in aliases}


def _column_field(header_cell: str) -> str | None:
    return _COLUMNS.get(re.sub(r"[\s_\-]", "", header_cell.strip().lstrip("\ufeff")).casefold())


def read_csv(text: str) -> ParsedFile:
    records = _records(text, 1)
    header = next(records, (1, []))[1]
    targets = [_column_field(cell) for cell in header]
    if not any(targets):
        raise UnknownFormat("the first line names no column dailyreach knows (name, x, linkedin, email, ...)")
    notices = [
        f"column {cell!r} is not imported: dailyreach has no field for it"
        for cell, target in zip(header, targets, strict=True)
        if target is None
    ]
    rows = []
    for line, cells in records:
        values, problem = _by_header(header, cells)
        if values is None:
            rows.append(SourceRow(line, cells[0], problem=problem))
            continue
        found = {target: value for target, value in zip(targets, cells, strict=True) if target and value}
        first, last = found.pop("first_name", ""), found.pop("last_name", "")
        name = found.pop("name", "") or " ".join(part for part in (first, last) if part)
        fields: dict[str, Any] = {key: value for key, value in found.items() if key not in PLATFORMS}
        fields["name"] = name
        fields["handles"] = {key: value for key, value in found.items() if key in PLATFORMS}
        fields["tags"] = [tag for tag in re.split(r"[,;]", found.get("tags", "")) if tag.strip()]
        rows.append(SourceRow(line, name or next(cell for cell in cells if cell), fields))
    return ParsedFile("csv", rows, notices)


# -- vCard ------------------------------------------------------------------------------------

_SOCIAL_TYPES = {"twitter": "x", "x": "x", **{platform: platform for platform in PLATFORMS}}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _cards(text: str) -> Iterator[tuple[int, str | None]]:
    """Each card's first line and text; None when a card is never closed."""
    start: int | None = None
    chunk: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        keyword = line.strip().upper()
        if keyword == "BEGIN:VCARD":
            if start is not None:
                yield start, None
            start, chunk = number, []
        if start is not None:
            chunk.append(line)
        if keyword == "END:VCARD" and start is not None:
            yield start, "\r\n".join(chunk) + "\r\n"
            start = None
    if start is not None:
        yield start, None


def _card_name(card: Any) -> str:
    if "fn" in card.contents and str(card.fn.value).strip():
        return str(card.fn.value).strip()
    if "n" in card.contents:
        name = card.n.value
        family, given = str(name.family or "").strip(), str(name.given or "").strip()
        parts = (family, given) if _CJK.search(family + given) else (given, family)
        return " ".join(part for part in parts if part)
    return ""


def _card_handles(card: Any, warnings: list[str]) -> dict[str, str]:
    found: list[tuple[str, str]] = []
    for line in card.contents.get("email", []):
        found.append(("email", str(line.value)))
    for name in ("x-social-profile", "impp"):
        for line in card.contents.get(name, []):
            kinds = [
                str(kind).lower() for kind in line.params.get("TYPE", line.params.get("X-SERVICE-TYPE", []))
            ]
            platform = next((_SOCIAL_TYPES[kind] for kind in kinds if kind in _SOCIAL_TYPES), None)
            value = str(line.value)
            if platform is None and "://" in value:
                platform = "url"
            if platform is None:
                warnings.append(f"{name.upper()} {value!r} left out: not a platform dailyreach knows")
            else:
                found.append((platform, value))
    for line in card.contents.get("url", []):
        found.append(("url", str(line.value)))
    handles: dict[str, str] = {}
    for platform, value in found:
        try:
            platform, handle = (
                handle_from_url(value) if platform == "url" else (platform, normalise_handle(platform, value))
            )
        except HandleError as error:
            warnings.append(f"{value!r} left out: {error}")
            continue
        if platform not in handles:
            handles[platform] = handle
        elif handles[platform] != handle:
            warnings.append(f"a second {platform} ({handle}) left out: a contact keeps one per platform")
    return handles


def _card_fields(card: Any, warnings: list[str]) -> dict[str, Any]:
    def text_of(name: str) -> str:
        return "\n".join(str(line.value) for line in card.contents.get(name, []))

    tags = [str(tag) for line in card.contents.get("categories", []) for tag in line.value]
    fields: dict[str, Any] = {
        "name": _card_name(card),
        "handles": _card_handles(card, warnings),
        "notes": text_of("note"),
        "why": text_of("x-dailyreach-why"),
        "tags": tags,
    }
    for name, key in (("x-dailyreach-priority", "priority"), ("x-dailyreach-cadence", "cadence_days")):
        if text_of(name):
            fields[key] = text_of(name)
    return fields


def read_vcard(text: str) -> ParsedFile:
    import vobject  # imported here: only vCards need it, and it is slow to load

    rows = []
    for line, chunk in _cards(text):
        if chunk is None:
            rows.append(SourceRow(line, "BEGIN:VCARD", problem="the card is never closed with END:VCARD"))
            continue
        try:
            card = vobject.readOne(chunk)
        except Exception as error:  # vobject raises several kinds; any of them means a broken card
            rows.append(SourceRow(line, "BEGIN:VCARD", problem=f"not a valid vCard: {error}"))
            continue
        warnings: list[str] = []
        fields = _card_fields(card, warnings)
        rows.append(SourceRow(line, fields["name"] or "(no name)", fields, warnings=warnings))
    if not rows:
        raise UnknownFormat("no BEGIN:VCARD ... END:VCARD card in the file")
    return ParsedFile("vcard", rows)


READERS = {"linkedin": read_linkedin, "mastodon": read_mastodon, "vcard": read_vcard, "csv": read_csv}
