"""Reading vCards as address books write them: 2.1 (Android, Outlook, BlackBerry), 3.0 and 4.0.

The content lines are read here rather than by vobject, because the files people have break its rules:
vCard 2.1's quoted-printable values continue on lines that do not start with a space, Gmail and Apple
escape the colon in URLs (``http\\://``), a comma in ``FN`` is part of the name, Apple writes
``X-SOCIALPROFILE;type=twitter;x-user=NAME`` and groups labels (``item1.X-ABLabel``) with values.
"""

from __future__ import annotations

import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from dailyreach.core.files.imported_person import ParsedFile, PersonBuilder, SourceRow, UnknownFormat
from dailyreach.core.files.textfile import FIELD_LIMIT
from dailyreach.core.records.handles import PLATFORMS, HandleError, handle_from_url
from dailyreach.i18n import N_, _

_SOCIAL_TYPES = {"twitter": "x", "x": "x", "bsky": "bluesky", **{p: p for p in PLATFORMS}}
_SOCIAL_PROPERTIES = {"X-SOCIALPROFILE", "X-SOCIAL-PROFILE", "SOCIALPROFILE"}
_IM_PROPERTIES = {
    "X-AIM": "AIM",
    "X-ICQ": "ICQ",
    "X-JABBER": "Jabber",
    "X-MSN": "MSN",
    "X-YAHOO": "Yahoo",
    "X-SKYPE": "Skype",
    "X-SKYPE-USERNAME": "Skype",
    "X-GTALK": "Google Talk",
    "X-GOOGLE-TALK": "Google Talk",
    "X-QQ": "QQ",
    "X-MS-IMADDRESS": "",
}
# Bookkeeping of the programs that wrote the card, not anything about the person.
_NOT_DATA = {
    "BEGIN", "END", "VERSION", "PRODID", "REV", "LABEL", "CLASS", "MAILER",
    "KIND", "X-ADDRESSBOOKSERVER-KIND", "X-ABUID", "X-ABSHOWAS", "X-ABADR", "X-ABLABEL", "X-IMAGETYPE", "X-IMAGEHASH",
    "X-ADDRESSING-GRAMMAR", "X-EVOLUTION-FILE-AS", "X-MS-OL-DESIGN", "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
    "X-MOZILLA-HTML", "X-APPLE-SUBLOCALITY", "X-COUCHDB-APPLICATION-ANNOTATIONS", "X-DAILYREACH-ID",
}  # fmt: skip
# dailyreach's own properties holding a whole number, and the contact's field each fills.
_NUMBERS = {
    "X-DAILYREACH-PRIORITY": "priority",
    "X-DAILYREACH-CADENCE": "cadence_days",
    "X-DAILYREACH-FOLLOWERS": "followers",
}
_ARCHIVED = {"TRUE": True, "FALSE": False}
KIND_PROPERTIES = ("KIND", "X-ADDRESSBOOKSERVER-KIND")
# vCard 4's kinds (RFC 6350, and RFC 6869's device and application) that are no one to write to.
NOT_PEOPLE = {
    "group": N_("a group of contacts, not a person"),
    "location": N_("a place, not a person"),
    "device": N_("a device, not a person"),
    "application": N_("an application, not a person"),
}
_VALUE_TYPES = {"internet", "pref", "voice", "x400", "x-internet", "text", "uri"}
_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
PICTURE_NOTICE = N_("pictures left out: dailyreach keeps none")
# The files a card may carry (pictures, a public key, a name's pronunciation), and what the preview says
# of them: dailyreach leaves their data out, however long, not even keeping it in memory.
FILE_NOTICES = {
    "PHOTO": PICTURE_NOTICE,
    "LOGO": PICTURE_NOTICE,
    "KEY": N_("public keys left out: dailyreach keeps none"),
    "SOUND": N_("sounds left out: dailyreach keeps none"),
}

# Groups an address book puts every card in (Google Contacts' "myContacts", its "starred"): no tag of
# the user's, and one on every imported contact would say nothing.
SYSTEM_GROUPS = frozenset({"myContacts", "starred"})


@dataclass
class Property:
    line: int
    group: str
    name: str
    params: dict[str, list[str]] = field(default_factory=dict)
    value: str = ""

    def param(self, *names: str) -> str:
        return next((values[0] for name in names for values in [self.params.get(name, [])] if values), "")

    @property
    def types(self) -> list[str]:
        return [kind.lower() for kind in self.params.get("TYPE", []) if kind.lower() not in _VALUE_TYPES]

    @property
    def text(self) -> str:
        return unescape(self.value)

    def parts(self, separator: str = ";") -> list[str]:
        return [unescape(part) for part in split_escaped(self.value, separator)]


def unescape(text: str) -> str:
    """A vCard text value as written: ``\\n`` is a line break, ``\\,`` ``\\;`` ``\\:`` ``\\\\`` themselves."""
    return _ESCAPE.sub(lambda match: "\n" if match[1] in "nN" else match[1], text)


def split_escaped(text: str, separator: str) -> list[str]:
    parts, current, escaped = [], "", False
    for character in text:
        if escaped:
            current += "\\" + character
            escaped = False
        elif character == "\\":
            escaped = True
        elif character == separator:
            parts.append(current)
            current = ""
        else:
            current += character
    parts.append(current + ("\\" if escaped else ""))
    return parts


def _split_outside_quotes(text: str, separators: str) -> tuple[list[str], str]:
    """``text`` cut at each separator outside double quotes, and the separator that ended the scan."""
    parts, current, quoted = [], "", False
    for index, character in enumerate(text):
        if character == '"':
            quoted = not quoted
        elif not quoted and character in separators:
            parts.append(current)
            current = ""
            if character == ":":
                return [*parts, text[index + 1 :]], ":"
            continue
        current += character
    return [*parts, current], ""


def parse_line(number: int, text: str) -> Property | None:
    """One unfolded content line, ``group.NAME;param=a,b;BARE:value``; None when it has no colon."""
    pieces, end = _split_outside_quotes(text, ";:")
    if end != ":":
        return None
    *head, value = pieces
    group, _dot, name = head[0].strip().rpartition(".")
    prop = Property(number, group.lower(), name.upper(), {}, value)
    for param in head[1:]:
        key, equals, values = param.partition("=")
        if not equals:  # vCard 2.1 writes bare values: TEL;CELL;PREF, or ENCODING's value alone
            key, values = ("ENCODING" if param.upper() in _ENCODINGS else "TYPE"), param
        names = [v.strip().strip('"') for v in _split_outside_quotes(values, ",")[0]]
        prop.params.setdefault(key.strip().upper(), []).extend(v for v in names if v)
    encoding = prop.param("ENCODING").upper()
    if encoding == "QUOTED-PRINTABLE":
        charset = prop.param("CHARSET") or "utf-8"
        raw = quopri.decodestring(value.encode("utf-8"))
        try:
            prop.value = raw.decode(charset, errors="replace")
        except LookupError:
            prop.value = raw.decode("utf-8", errors="replace")
    elif encoding in ("BASE64", "B"):
        prop.value = ""
    return prop


class _ContentLine:
    """One content line as it is unfolded. A value past ``FIELD_LIMIT`` stops growing (the card is
    refused for it), and a picture's, key's or sound's data is not kept at all (dailyreach keeps none),
    so a huge value costs neither time nor memory."""

    def __init__(self, number: int, text: str) -> None:
        self.number = number
        head = text.partition(":")[0]
        self.name = head.partition(";")[0].strip().rpartition(".")[2].upper()
        self.quoted_printable = "QUOTED-PRINTABLE" in head.upper()
        self.pieces = [text]
        self.length = len(text)
        self.kept = self.name not in FILE_NOTICES
        self.too_long = False
        self.last = text

    def add(self, piece: str, *, soft_break: bool) -> None:
        """Append a continuation; ``soft_break`` drops the quoted-printable ``=`` ending the line before."""
        if soft_break and self.kept and not self.too_long:
            self.pieces[-1] = self.pieces[-1][:-1]
        self.last = piece
        self.length += len(piece)
        if not self.kept or self.too_long:
            return
        if self.length > FIELD_LIMIT:
            self.too_long, self.pieces = True, []
            return
        self.pieces.append(piece)

    @property
    def open_quoted_printable(self) -> bool:
        return self.quoted_printable and self.last.endswith("=")

    @property
    def text(self) -> str:
        return "".join(self.pieces)


def _physical_lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line with its number, made one at a time rather than as a list of them all."""
    number, start = 1, 0
    for match in _LINE_BREAK.finditer(text):
        yield number, text[start : match.start()]
        number, start = number + 1, match.end()
    yield number, text[start:]


def cards(text: str) -> Iterator[tuple[int, list[_ContentLine] | None]]:
    """Each card's first line and its content lines, unfolded; None when a card is never closed.

    A line starting with a space continues the one before; in vCard 2.1 a quoted-printable value
    ending in ``=`` continues on the next line whatever it starts with, and a blank line ends it."""
    start: int | None = None
    lines: list[_ContentLine] = []
    current: _ContentLine | None = None
    for number, line in _physical_lines(text):
        keyword = line.strip().upper()
        if keyword == "BEGIN:VCARD":
            if start is not None:
                yield start, None
            start, lines, current = number, [], None
            continue
        if keyword == "END:VCARD" and start is not None:
            yield start, lines
            start, current = None, None
            continue
        if start is None:
            continue
        if not line.strip():
            # A blank line ends a value (Android ends quoted-printable ones so); nothing else.
            if current is not None and current.open_quoted_printable:
                current = None
            continue
        if current is not None and line[0] in " \t":
            current.add(line[1:], soft_break=False)
        elif current is not None and current.open_quoted_printable:
            current.add(line, soft_break=True)
        else:
            current = _ContentLine(number, line)
            lines.append(current)
    if start is not None:
        yield start, None


def _label(prop: Property, labels: dict[str, str]) -> str:
    """What a value is for: Apple's ``itemN.X-ABLabel``, else its TYPE (``cell``, ``home``)."""
    if prop.group in labels:
        label = labels[prop.group]
        apple = _APPLE_LABEL.match(label)
        return apple[1] if apple else label
    return ", ".join(prop.types)


def _birthday(value: str) -> str:
    """Apple writes 1604 for a birthday without a year; Outlook writes 19800322."""
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    if value.startswith("1604-"):
        return f"{value[5:]} (no year)"
    return value


def _humanised(name: str) -> str:
    """X-EVOLUTION-SPOUSE: "Spouse"; X-PHONETIC-FIRST-NAME: "Phonetic first name"."""
    words = name.removeprefix("X-")
    for vendor in ("EVOLUTION-", "MS-", "AB", "APPLE-", "MOZILLA-", "ANDROID-"):
        words = words.removeprefix(vendor)
    return words.replace("-", " ").capitalize()


def _social(person: PersonBuilder, prop: Property) -> None:
    service = prop.param("TYPE", "SERVICE-TYPE", "X-SERVICE-TYPE")
    user = prop.param("X-USER", "USERNAME")
    value = prop.text.strip()
    if value.lower().startswith("x-apple:"):
        value = user or value[len("x-apple:") :]
    platform = _SOCIAL_TYPES.get(service.lower()) if service else _platform_of_profile(value)
    if platform is not None:
        person.add_handle(platform, value or user)
    elif value:
        person.keep(service or "social profile", service.capitalize() or "Social profile", value)


def _platform_of_profile(url: str) -> str | None:
    """The platform a profile's URL is on when it names none (https://bsky.app/profile/ann.bsky.social);
    None for a site dailyreach does not know, which is no web page of the person's own."""
    try:
        platform, _handle = handle_from_url(url)
    except HandleError:
        return None
    return None if platform == "web" else platform


def _impp(person: PersonBuilder, prop: Property) -> None:
    service = prop.param("X-SERVICE-TYPE", "SERVICE-TYPE")
    platform = _SOCIAL_TYPES.get(service.lower())
    if platform is not None:
        person.add_handle(platform, prop.text)
    else:
        person.keep("instant messaging", "IM", prop.text, service)


def _card(line: int, lines: list[_ContentLine], notices: set[str]) -> SourceRow:
    person = PersonBuilder()
    props = []
    too_long = []
    for content in lines:
        if content.too_long:
            too_long.append(content)
            continue
        prop = parse_line(content.number, content.text)
        if prop is None:
            text = content.text
            person.warnings.append(
                _("line {line} is not a vCard property, left out: {text}").format(
                    line=content.number, text=repr(text[:60])
                )
            )
        else:
            props.append(prop)
    labels = {p.group: p.text for p in props if p.name == "X-ABLABEL" and p.group}
    # A card dailyreach wrote (it always writes its priority) means by NICKNAME the call name, and
    # its tags are all the user's; another program's nickname is kept in the notes.
    ours = any(p.name.startswith("X-DAILYREACH-") for p in props)
    titles: dict[str, str] = {}
    n_read = False
    for prop in props:
        name, label = prop.name, _label(prop, labels)
        # A card may give its name in several languages (vCard 4's ALTID): the first is the name, as its
        # author wrote it first; another is kept in the notes, and its N (the same name's parts) left.
        if name == "FN" and person.name:
            if prop.text.strip() != person.name:
                person.keep("other name", "Other name", prop.text, prop.param("LANGUAGE"))
        elif name == "FN":
            person.name = prop.text.strip()
        elif name == "N" and n_read:
            continue
        elif name == "N":
            n_read = True
            family, given, middle, prefix, suffix = [
                part.strip() for part in [*prop.parts(), "", "", "", ""][:5]
            ]
            person.family, person.given, person.middle = family, given, middle
            titles = {"Name prefix": prefix, "Name suffix": suffix}
        elif name == "EMAIL":
            person.add_handle("email", prop.text, label)
        elif name == "URL":
            person.add_handle(None, prop.text, label)
        elif name in _SOCIAL_PROPERTIES:
            _social(person, prop)
        elif name == "IMPP":
            _impp(person, prop)
        elif name == "X-TWITTER":
            person.add_handle("x", prop.text)
        elif name in _IM_PROPERTIES:
            person.keep("instant messaging", "IM", prop.text, _IM_PROPERTIES[name])
        elif name == "TEL":
            person.keep("phone", "Phone", prop.text, label)
            person.other_names.append(prop.text)
        elif name == "ADR":
            parts = [part.strip() for part in prop.parts() if part.strip()]
            person.keep("address", "Address", ", ".join(parts), label)
        elif name in ("BDAY", "ANNIVERSARY", "X-ANNIVERSARY", "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY"):
            kind = "birthday" if name == "BDAY" else "anniversary"
            person.keep(kind, kind.capitalize(), _birthday(prop.text.strip()))
        elif name == "X-ABDATE":
            person.keep("date", label or "Date", _birthday(prop.text.strip()))
        elif name == "ORG":
            organisation = ", ".join(part.strip() for part in prop.parts() if part.strip())
            person.keep("organisation", "Organisation", organisation)
            person.other_names.append(organisation)
        elif name == "NICKNAME" and ours:
            person.fields["call_name"] = prop.text
        elif name in ("TITLE", "ROLE", "NICKNAME"):
            person.keep(name.lower(), name.capitalize(), prop.text)
            if name == "NICKNAME":
                person.other_names.append(prop.text)
        elif name == "NOTE":
            person.notes.append(prop.text.strip())
        elif name == "CATEGORIES":
            for tag in prop.parts(","):
                system = tag.strip() in SYSTEM_GROUPS and not ours
                if tag.strip() and tag.strip() not in person.tags and not system:
                    person.tags.append(tag.strip())
        elif name == "UID":
            uid = prop.text.strip()
            if 1 <= len(uid) <= 64 and uid.isprintable() and " " not in uid:
                person.fields["id"] = uid
        elif name == "X-DAILYREACH-WHY":
            person.fields["why"] = prop.text
        elif name in _NUMBERS:
            person.fields[_NUMBERS[name]] = prop.text.strip()
        elif name == "X-DAILYREACH-ARCHIVED":
            # Anything but TRUE or FALSE is left for the contact's own check to refuse.
            person.fields["archived"] = _ARCHIVED.get(prop.text.strip().upper(), prop.text)
        elif name == "X-ABRELATEDNAMES":
            person.keep("related name", label or "Related", prop.text)
        elif name == "SORT-STRING":  # how the name is read (a Japanese name's kana)
            person.keep("reading", "Reading", prop.text)
        elif name in FILE_NOTICES:
            notices.add(_(FILE_NOTICES[name]))
        elif name not in _NOT_DATA and not name.startswith("X-COUCHDB"):
            person.keep(_humanised(name).lower(), _humanised(name), prop.text, label)
    for title, value in titles.items():
        # Dr. and Jr. of N, unless the card's full name (FN) says them already.
        if value and value not in person.name.split():
            person.keep(title.lower(), title, value)
    row = person.row(line)
    # vCard 4's KIND (Apple's own in vCard 3).
    kind = next((prop.text.strip().lower() for prop in props if prop.name in KIND_PROPERTIES), "individual")
    if kind in NOT_PEOPLE:
        return SourceRow(line, row.label, skip=_(NOT_PEOPLE[kind]))
    if too_long:
        first = too_long[0]
        return SourceRow(
            line,
            row.label,
            problem=_("line {line}: its {name} is longer than {size} KB").format(
                line=first.number, name=first.name or _("value"), size=FIELD_LIMIT // 1024
            ),
        )
    return row


# A line folded inside a character, as exporters that fold by octets do: the bytes of the character
# after the fold (UTF-8 continuation bytes) follow a lead byte before it.
_SPLIT_CHARACTER = re.compile(rb"([\xc2-\xf4][\x80-\xbf]{0,2})(\r?\n[ \t])([\x80-\xbf]{1,3})")


def is_vcard(raw: bytes) -> bool:
    return raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:11].upper() == b"BEGIN:VCARD"


def rejoin_split_characters(raw: bytes) -> bytes:
    """A vCard's bytes with each character a fold cut in two put back whole before the fold, which
    unfolding removes all the same: the unfolded text is unchanged, and can now be decoded. The fold
    stays where it was, so every line keeps its number."""
    return _SPLIT_CHARACTER.sub(rb"\1\3\2", raw)


def read_vcard(text: str) -> ParsedFile:
    rows = []
    notices: set[str] = set()
    for line, lines in cards(text):
        if lines is None:
            rows.append(SourceRow(line, "BEGIN:VCARD", problem=_("the card is never closed with END:VCARD")))
            continue
        rows.append(_card(line, lines, notices))
    if not rows:
        raise UnknownFormat(_("no BEGIN:VCARD ... END:VCARD card in the file"))
    return ParsedFile("vcard", rows, sorted(notices))
