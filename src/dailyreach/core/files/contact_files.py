"""Reading contacts out of the files people have: LinkedIn's and Mastodon's exports, vCards, and CSV
as Google Contacts, Outlook, Thunderbird or a spreadsheet writes it.

Each reader turns a file's text into rows of contact fields, each row remembering its line number, so
the preview can say which rows would be added, which are skipped on purpose and which are broken.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from dailyreach.core.files.formats import IMPORT_FORMATS
from dailyreach.core.files.imported_person import (
    ParsedFile,
    PersonBuilder,
    SourceRow,
    UnknownFormat,
    name_from_handle,
)
from dailyreach.core.files.textfile import FIELD_LIMIT
from dailyreach.core.files.vcard_reader import PICTURE_NOTICE, read_vcard
from dailyreach.core.records.handles import PLATFORMS, HandleError, normalise_handle
from dailyreach.core.records.text import shown
from dailyreach.i18n import N_, _

__all__ = ["EMPTY_FILE", "READERS", "ParsedFile", "SourceRow", "UnknownFormat", "detect_format", "is_empty"]

LINKEDIN_HEADER = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On")
LINKEDIN_NOTES_LINES = 10
MASTODON_HEADER = "Account address"
# The headers of dailyreach's own CSV exports (contact_export writes them from these). The contacts'
# columns added later come last, so a spreadsheet made from an older export still lines up.
CONTACTS_HEADER = (
    "name", *PLATFORMS, "why", "notes", "tags", "priority", "cadence_days", "call_name", "followers", "archived",
    "id",
)  # fmt: skip
INTERACTIONS_HEADER = ("at", "contact", "kind", "channel", "text", "contact_id", "id")
# What a spreadsheet takes a cell starting with for a formula (OWASP's "CSV injection"): the exports
# put a quote before such a cell, which the spreadsheet shows as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
INTERACTIONS_REFUSAL = N_(
    "this is dailyreach's interactions export: it lists what you did with each contact, not the "
    "contacts, and importing it would add one contact per interaction. To move contacts with their "
    "history, export and import JSON: dailyreach export -o backup.json, then dailyreach import backup.json"
)
FIELD_COUNT = N_("{count} fields where the header has {header}")
UNCLOSED_QUOTE = N_(
    'line {line}: a quote (") opened in this row is not closed, so the rows after it would be read into '
    'one field; close it, or write a quote inside a field as two quotes ("")'
)
_SOMETHING = re.compile(r"[^\s\ufeff]")
EMPTY_FILE = N_("the file is empty: there is nothing in it to import")
_MASTODON_ADDRESS = re.compile(r"@?[A-Za-z0-9_]{1,30}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def spreadsheet_text(cell: str) -> str:
    """``cell`` as a spreadsheet shows it rather than runs it: a quote before a formula's first character.
    A cell already starting with quotes before one gets one more, so ``written_text`` undoes exactly this."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def written_text(cell: str) -> str:
    """The text ``spreadsheet_text`` made ``cell`` from."""
    quoted = cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS)
    return cell[1:] if quoted else cell


def csv_delimiter(header: str) -> str:
    """What parts the fields of a CSV file whose first line is ``header``: a comma, or a tab (Excel's
    "Unicode Text") or a semicolon (Excel where a comma is the decimal mark) in a header with no comma."""
    for delimiter in ("\t", ";"):
        if delimiter in header and "," not in header:
            return delimiter
    return ","


def _quotes_go_wrong(record: str, delimiter: str = ",", *, last: bool = False) -> bool:
    """Whether a record read over several lines only did so because a quote was left open: read
    strictly, its quoted field runs to the end of the file or is followed by more text. The ``last``
    record, read on one line, only when its quote is open to the end: loose quotes (a 27" screen) are
    read as ever."""
    try:
        list(csv.reader(io.StringIO(record, newline=""), strict=True, delimiter=delimiter))
    except csv.Error as error:
        return not last or str(error) == "unexpected end of data"
    return False


def _records(
    text: str, first_line: int, *, empty: bool = False, delimiter: str = ","
) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the file line each starts on; blank lines and rows of empty cells are left out
    (with ``empty``, given as no cells instead). A field longer than
    ``FIELD_LIMIT`` (an unclosed quote swallowing the rest of the file, say) is refused with its line,
    and so is a record over several lines, or the last, that an unclosed quote made: the csv module
    reads on to the next quote or the end of the file, taking the rows in between into one field."""
    source = io.StringIO(text, newline="")  # rows end as a spreadsheet ends them: \r\n, \n or an old Mac's \r
    reader = csv.reader(source, delimiter=delimiter)
    while True:
        start = first_line + reader.line_num
        offset = source.tell()
        # The limit is the csv module's, for the whole process: set for each record and put back.
        usual = csv.field_size_limit(FIELD_LIMIT)
        try:
            cells = next(reader)
            several_lines = first_line + reader.line_num - start > 1
            # The last record too: a quote left open in it reads on to the end of the file, on one line.
            last = source.tell() >= len(text)
            record = text[offset : source.tell()]
            if (several_lines or last) and _quotes_go_wrong(record, delimiter, last=not several_lines):
                raise UnknownFormat(_(UNCLOSED_QUOTE).format(line=start))
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger than field limit" in str(error):
                raise UnknownFormat(
                    _("line {line}: a field is longer than {size} KB").format(
                        line=start, size=FIELD_LIMIT // 1024
                    )
                ) from None
            raise UnknownFormat(_("line {line}: {problem}").format(line=start, problem=error)) from None
        finally:
            csv.field_size_limit(usual)
        if any(cell.strip() for cell in cells):
            yield start, [cell.strip() for cell in cells]
        elif empty:
            yield start, []


def _first_cells(line: str, delimiter: str = ",") -> list[str]:
    try:
        return [cell.strip().lstrip("\ufeff") for cell in next(csv.reader([line], delimiter=delimiter), [])]
    except csv.Error:
        return []


def _is_linkedin_header(cells: list[str]) -> bool:
    """Today's header, or 2018's (no URL column): First Name, Last Name, ..., Connected On."""
    return tuple(cells[:3]) == LINKEDIN_HEADER[:3] or (
        tuple(cells[:2]) == LINKEDIN_HEADER[:2] and "Connected On" in cells
    )


def _linkedin_header_at(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:LINKEDIN_NOTES_LINES]):
        if _is_linkedin_header(_first_cells(line)):
            return index
    return None


def _is_interactions_header(cells: list[str]) -> bool:
    return tuple(cell.casefold() for cell in cells) == INTERACTIONS_HEADER


def is_empty(text: str) -> bool:
    """Nothing in the file but blank space (and a byte order mark); read up to the first character
    that is something else, without a copy of a large file's text."""
    return _SOMETHING.search(text) is None


def detect_format(text: str) -> str:
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[")):
        return "json"
    if stripped[:11].upper() == "BEGIN:VCARD":
        return "vcard"
    lines = stripped.splitlines()
    first = _first_cells(lines[0], csv_delimiter(lines[0])) if lines else []
    if _is_interactions_header(first):
        raise UnknownFormat(_(INTERACTIONS_REFUSAL))
    if _linkedin_header_at(lines) is not None:
        return "linkedin"
    if first[:1] == [MASTODON_HEADER]:
        return "mastodon"
    if any(_classify(cell, third_party=False).role != "line" for cell in first):
        return "csv"
    if first and len(first) == 1 and _MASTODON_ADDRESS.fullmatch(first[0]):
        # An old Mastodon export is one address a line, which reads the same as a list of e-mails.
        raise UnknownFormat(
            _(
                "not a contacts file dailyreach can read (tried {formats}): name the format with --format if "
                "it is one of these; a list of accounts without a header is read as Mastodon's with --format "
                "mastodon"
            ).format(formats=", ".join(IMPORT_FORMATS))
        )
    raise UnknownFormat(
        _(
            "not a contacts file dailyreach can read (tried {formats}): name the format with --format if it "
            "is one of these"
        ).format(formats=", ".join(IMPORT_FORMATS))
    )


def _fitted(header: list[str], cells: list[str], *, pad: bool = True) -> tuple[list[str] | None, str | None]:
    """The row's cells, one per column: empty cells past the header are dropped (Thunderbird ends
    every row with a comma) and, with ``pad``, a row cut short is filled with empty cells (Outlook
    writes them so)."""
    if len(cells) > len(header):
        if any(cells[len(header) :]):
            return None, _(FIELD_COUNT).format(count=len(cells), header=len(header))
        return cells[: len(header)], None
    if len(cells) < len(header) and not pad:
        return None, _(FIELD_COUNT).format(count=len(cells), header=len(header))
    if len(cells) < len(header):
        missing = _(
            "{count} fields where the header has {header}: the missing ones are taken as empty"
        ).format(count=len(cells), header=len(header))
        return cells + [""] * (len(header) - len(cells)), missing
    return cells, None


# -- LinkedIn ---------------------------------------------------------------------------------


def _connected_on(text: str) -> str | None:
    """LinkedIn's day (``05 Mar 2024``; an ISO day, and 2024/03/05 as a spreadsheet saves it again, are
    taken too) as YYYY-MM-DD, or None when it names no day."""
    for form in ("%d %b %Y", "%Y-%m-%d", "%Y/%m/%d"):
        try:
            return datetime.strptime(text.strip(), form).date().isoformat()
        except ValueError:
            continue
    return None


def read_linkedin(text: str) -> ParsedFile:
    lines = text.splitlines(keepends=True)
    header_at = _linkedin_header_at(lines)
    if header_at is None:
        raise UnknownFormat(
            _("no LinkedIn header ({header}) in the first lines").format(header=",".join(LINKEDIN_HEADER))
        )
    header = _first_cells(lines[header_at])
    rows = []
    for line, cells in _records("".join(lines[header_at + 1 :]), header_at + 2):
        # LinkedIn writes every field of every row: a row cut short is a broken line.
        fitted, problem = _fitted(header, cells, pad=False)
        if fitted is None:
            rows.append(SourceRow(line, cells[0], problem=problem))
            continue
        values = dict(zip(header, fitted, strict=True))
        given, family = values.get("First Name", ""), values.get("Last Name", "")
        url = values.get("URL", "")
        if not given and not family and not url:
            rows.append(
                SourceRow(line, values.get("Connected On", ""), skip=_("the person has left LinkedIn"))
            )
            continue
        person = PersonBuilder()
        # Joined by person_name, as the other readers do: family name first for a Japanese name.
        person.given, person.family = given, family
        person.add_handle("linkedin", url)
        person.add_handle("email", values.get("Email Address", ""))
        job = " at ".join(part for part in (values.get("Position"), values.get("Company")) if part)
        connected = values.get("Connected On", "")
        since = _connected_on(connected) if connected else None
        if connected and since is None:
            # Left out of the notes, and said in the preview, as any other value that is not read.
            person.warnings.append(
                _("Connected On {value} is not a date (such as 05 Mar 2024): left out").format(
                    value=shown(connected)
                )
            )
        person.notes = [job, f"LinkedIn connection since {since}" if since else ""]
        person.tags = ["linkedin"]
        rows.append(person.row(line))
    return ParsedFile("linkedin", rows)


# -- Mastodon ---------------------------------------------------------------------------------


def read_mastodon(text: str) -> ParsedFile:
    records = list(_records(text, 1))
    first = records[0][1] if records else []
    if first[:1] == [MASTODON_HEADER]:
        records = records[1:]
    elif not (first and _MASTODON_ADDRESS.fullmatch(first[0])):
        raise UnknownFormat(
            _("the first line is not Mastodon's header ({header},Show boosts,...)").format(
                header=MASTODON_HEADER
            )
        )
    rows = []
    for line, cells in records:
        address = cells[0]
        # The file writes an address with or without its leading @: the name is the same either way.
        name = name_from_handle("mastodon", address)
        rows.append(
            SourceRow(line, name, {"name": name, "handles": {"mastodon": address}, "tags": ["mastodon"]})
        )
    return ParsedFile("mastodon", rows)


# -- CSV: a spreadsheet's, or an address book's (Google, Outlook, Thunderbird) ----------------


@dataclass(frozen=True)
class Column:
    """What a CSV column holds. ``role``: name, given, middle, family, handle (``key`` is the
    platform), strict (a handle typed into a spreadsheet: a bad one rejects the row), url, label,
    address, birth, tags, field (``key``: why, notes, priority, cadence_days, and in dailyreach's own
    export also those of ``OWN_FIELDS``), picture, ignore, line (anything else: a line in the notes
    titled ``title``)."""

    role: str
    key: str = ""
    group: str = ""
    title: str = ""


_NAME_COLUMNS = {
    "name": ("name", "fullname", "displayname", "contact", "名前", "氏名"),
    "given": ("firstname", "givenname", "名"),
    "middle": ("middlename", "additionalname"),
    "family": ("lastname", "surname", "familyname", "姓"),
}
_SPREADSHEET_COLUMNS = {
    "x": ("x", "twitter", "xhandle", "twitterhandle"),
    "linkedin": ("linkedin", "linkedinurl"),
    "bluesky": ("bluesky", "bsky"),
    "mastodon": ("mastodon", "fediverse"),
    "instagram": ("instagram",),
    "threads": ("threads",),
    "github": ("github",),
    "email": ("email", "emailaddress", "mail", "メール", "メールアドレス"),
    "web": ("web", "website", "url", "homepage", "site"),
}
_FIELD_COLUMNS = {
    "why": ("why", "reason", "goal", "理由"),
    "priority": ("priority", "優先度"),
    "cadence_days": ("cadence", "cadencedays", "keepintouch", "keepintouchdays"),
}
# Read from dailyreach's own export alone: in another file an "id" or "archived" column means
# something else, and it stays a line in the notes, as it always was.
OWN_FIELDS = ("id", "call_name", "followers", "archived")
_ARCHIVED = {"true": True, "false": False}
_NAMES = {alias: role for role, aliases in _NAME_COLUMNS.items() for alias in aliases}
_PLATFORM_ALIASES = {alias: key for key, aliases in _SPREADSHEET_COLUMNS.items() for alias in aliases}
_FIELD_ALIASES = {alias: key for key, aliases in _FIELD_COLUMNS.items() for alias in aliases}
_NOTES = {"notes", "note", "memo", "メモ", "備考"}
_TAGS = {"tags", "tag", "labels", "タグ", "groupmembership", "categories", "category"}
# Address books' e-mail and web page columns (Outlook's, Thunderbird's).
_EMAILS = {"email2address", "email3address", "primaryemail", "secondaryemail"}
_WEB_PAGES = {"webpage", "webpage1", "webpage2", "personalwebpage", "businesswebpage"}
_IGNORED = {
    "emailtype", "email2type", "email3type", "emaildisplayname", "email2displayname",
    "email3displayname", "fileas", "initials", "private", "sensitivity",
}  # fmt: skip
_PICTURE_COLUMNS = {"photo"}
# Google's numbered columns: "E-mail 2 - Value", "Phone 1 - Label", "Address 1 - City".
_NUMBERED = re.compile(
    r"^(e-?mail|phone|address|website|organization|relation|event|custom field|im) (\d+) - (.+)$"
)
_ADDRESS_PART = re.compile(
    r"^(business|home|other|work) (street(?: \d)?|address(?: \d)?|city|state|postal code|zip ?code|"
    r"country(?:/region)?|address po box)$"
)
_NUMBERED_TITLES = {"relation": "Relation", "event": "Event", "custom field": "Custom field", "im": "IM"}
_ORGANISATION = {
    "organization name": ("organisation", "", "Organisation"),
    "organization title": ("title", "", "Title"),
    "organization department": ("department", "", "Department"),
    "company": ("organisation", "", "Company"),
    "organization": ("organisation", "", "Organisation"),
    "job title": ("title", "", "Job title"),
}
# What Outlook writes into every row that says nothing: no birthday is "0/0/00".
_NO_DATE = {"0/0/00", "0/0/0000"}
_EMPTY_VALUES = {
    "birthday": _NO_DATE,
    "anniversary": _NO_DATE,
    "gender": {"unspecified"},
    "priority": {"normal"},
}


def _column_key(cell: str) -> str:
    """A header cell as columns are known by: no spaces, _ or -, any case. (Header cells come without
    the file's BOM: the readers of the first line and of the header take it off.)"""
    return re.sub(r"[\s_\-]", "", cell.strip()).casefold()


def _classify(cell: str, *, third_party: bool) -> Column:
    words = re.sub(r"\s+", " ", cell.strip()).casefold()
    key = _column_key(cell)
    numbered = _NUMBERED.match(words)
    if numbered:
        kind, number, part = numbered.groups()
        kind = kind.replace("e-mail", "email")
        group = f"{kind}{number}"
        if part in ("type", "label", "service", "protocol"):
            return Column("label", group=group)
        if kind == "email" and part == "value":
            return Column("handle", "email", group)
        if kind == "website" and part == "value":
            return Column("url", group=group)
        if kind == "address":
            return Column("address", part, group)
        if kind == "organization":
            return Column("line", *_ORGANISATION.get(f"organization {part}", (part, "", part.capitalize())))
        return Column("line", kind, group, _NUMBERED_TITLES.get(kind, kind.capitalize()))
    address = _ADDRESS_PART.match(words)
    if address:
        place, part = address.groups()
        return Column("address", part, place)
    if words in _ORGANISATION:
        return Column("line", *_ORGANISATION[words])
    if words in ("birth year", "birth month", "birth day"):
        return Column("birth", words.removeprefix("birth "))
    if key in _NAMES:
        return Column(_NAMES[key])
    if key in _EMAILS:
        return Column("handle", "email", key)
    if key in _WEB_PAGES:
        return Column("url", group=key)
    if key in _NOTES:
        return Column("field", "notes")
    if key in _TAGS:
        return Column("tags")
    if key in _IGNORED and third_party:
        return Column("ignore")
    if key in _PICTURE_COLUMNS:
        return Column("picture")
    if key in _PLATFORM_ALIASES:
        platform = _PLATFORM_ALIASES[key]
        return Column("handle" if third_party else "strict", platform, key)
    if key in _FIELD_ALIASES and not third_party:
        return Column("field", _FIELD_ALIASES[key])
    return Column("line", words, "", cell.strip())


def _layout(header: list[str]) -> str:
    """Whose CSV this is, by the columns only that program writes."""
    keys = {_column_key(cell) for cell in header}
    if any(_NUMBERED.match(re.sub(r"\s+", " ", cell.strip()).casefold()) for cell in header):
        return "Google Contacts"
    if "emaildisplayname" in keys or ("emailaddress" in keys and "businessstreet" in keys):
        return "Outlook"
    if "primaryemail" in keys and "displayname" in keys:
        return "Thunderbird"
    if "email2address" in keys:
        return "Outlook"
    return ""


def _values(cell: str) -> list[str]:
    """Google writes two values of one kind in one cell: ``a@example.com ::: b@example.com``."""
    return [value.strip() for value in cell.split(" ::: ") if value.strip()]


def _taken(person: PersonBuilder, column: Column, cell: str) -> bool:
    """Whether an earlier column of the row already gave what ``column`` gives (the name, a part of it, a
    field), as another value than ``cell``."""
    if column.role in ("name", "given", "middle", "family"):
        held = getattr(person, column.role)
    elif column.role == "field":  # notes are not among the fields: each is kept
        held = person.fields.get(column.key)
    elif column.role == "strict":  # a handle column of dailyreach's own layout: two "email" columns
        handle = person.handles.get(column.key)
        return handle is not None and not _same_handle(column.key, handle, cell)
    else:
        return False
    return bool(held) and held != cell


def _same_handle(platform: str, first: str, second: str) -> bool:
    """Whether two handles on ``platform`` are one, as written either way (@ann, https://x.com/ann) and
    in any case; as typed when either is not one the platform takes (the contact's check says so)."""
    try:
        return normalise_handle(platform, first).casefold() == normalise_handle(platform, second).casefold()
    except HandleError:
        return first == second


def _row_person(columns: list[Column], header: list[str], cells: list[str]) -> PersonBuilder:
    person = PersonBuilder()
    labels = {
        column.group: cell.removeprefix("* ")
        for column, cell in zip(columns, cells, strict=True)
        if column.role == "label" and cell
    }
    addresses: dict[str, dict[str, str]] = {}
    birth: dict[str, str] = {}
    for column, title, cell in zip(columns, header, cells, strict=True):
        if not cell:
            continue
        role, label = column.role, labels.get(column.group, "")
        if _taken(person, column, cell):
            # A column repeated (two "name" columns) keeps what it holds, in the notes.
            person.keep(_("another {column} column").format(column=title), title, cell, label)
        elif role == "name":
            person.name = cell
        elif role in ("given", "middle", "family"):
            setattr(person, role, cell)
        elif role == "handle":
            for value in _values(cell):
                person.add_handle(column.key, value, label)
        elif role == "strict":  # the first of columns holding one handle in two forms
            person.handles.setdefault(column.key, cell)
        elif role == "url":
            for value in _values(cell):
                person.add_handle(None, value, label)
        elif role == "address":
            addresses.setdefault(column.group, {})[column.key] = cell
        elif role == "birth":
            birth[column.key] = cell
        elif role == "tags":
            person.add_tags(cell)
        elif role == "field" and column.key == "notes":
            person.notes.append(cell)
        elif role == "field" and column.key == "archived":
            # Anything but true or false is left for the contact's own check to refuse.
            person.fields["archived"] = _ARCHIVED.get(cell.casefold(), cell)
        elif role == "field":
            person.fields[column.key] = cell
        elif role == "line" and cell.casefold() not in _EMPTY_VALUES.get(column.key, set()):
            for value in _values(cell):
                person.keep(column.key, column.title or title, value, label)
                if column.key in ("phone", "organisation", "nickname"):
                    person.other_names.append(value)
    for group, parts in addresses.items():
        text = parts.get("formatted") or ", ".join(
            value for part, value in parts.items() if part != "formatted"
        )
        person.keep("address", "Address", text, labels.get(group, "") or group.capitalize())
    if birth:
        person.keep(
            "birthday", "Birthday", "-".join(birth.get(part, "?") for part in ("year", "month", "day"))
        )
    return person


def read_csv(text: str) -> ParsedFile:
    header_line = next((line for line in text.splitlines() if line.strip()), "")
    records = _records(text, 1, empty=True, delimiter=csv_delimiter(header_line))
    header = [cell.lstrip("\ufeff") for cell in next((cells for _line, cells in records if cells), [])]
    if _is_interactions_header(header):
        raise UnknownFormat(_(INTERACTIONS_REFUSAL))
    layout = _layout(header)
    own = tuple(cell.casefold() for cell in header) == CONTACTS_HEADER
    columns = [
        Column("field", cell.casefold())
        if own and cell.casefold() in OWN_FIELDS
        else _classify(cell, third_party=bool(layout))
        for cell in header
    ]
    if all(column.role == "line" for column in columns):
        raise UnknownFormat(
            _("the first line names no column dailyreach knows (name, x, linkedin, email, ...)")
        )
    notices = [_("columns read as {program} exports them").format(program=layout)] if layout else []
    pictures = [index for index, column in enumerate(columns) if column.role == "picture"]
    rows = []
    # Empty rows are said once a row with something in it follows: a spreadsheet saves the blank rows
    # below its data that were ever formatted (",,,,"), and those say nothing worth hearing.
    empty: list[int] = []
    for line, cells in records:
        if not cells:
            empty.append(line)
            continue
        rows += [SourceRow(at, _("(empty row)"), skip=_("every cell is empty")) for at in empty]
        empty.clear()
        if own:
            cells = [written_text(cell) for cell in cells]
        fitted, problem = _fitted(header, cells)
        if fitted is None:
            rows.append(SourceRow(line, cells[0], problem=problem))
            continue
        if any(fitted[index] for index in pictures) and _(PICTURE_NOTICE) not in notices:
            notices.append(_(PICTURE_NOTICE))
        row = _row_person(columns, header, fitted).row(line)
        row.label = row.label if row.fields else next(cell for cell in cells if cell)
        row.warnings[:0] = [problem] if problem else []
        rows.append(row)
    return ParsedFile("csv", rows, notices)


READERS: dict[str, Callable[[str], ParsedFile]] = {
    "linkedin": read_linkedin,
    "mastodon": read_mastodon,
    "vcard": read_vcard,
    "csv": read_csv,
}
