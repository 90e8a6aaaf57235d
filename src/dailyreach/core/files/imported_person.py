"""One person read out of a contacts file, whatever the file: the fields dailyreach has, and the rest.

Every reader (vCard, the CSV layouts, LinkedIn, Mastodon) fills a ``PersonBuilder``; what dailyreach has
no field for (a second e-mail, phones, addresses, a birthday, the company) is kept in the contact's notes
as one readable line each, ``Label: value``, so nothing in a file is lost on the way in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dailyreach.core.errors import BRAND_NAMES
from dailyreach.core.planning.drafts import default_call_name
from dailyreach.core.records.handles import (
    PLATFORMS,
    HandleError,
    handle_from_url,
    normalise_handle,
    profile_url,
)
from dailyreach.core.records.text import family_name_first, shown
from dailyreach.i18n import N_, _, ngettext

# How a handle is named in a notes line; contact_import reads these lines back to find duplicates.
PLATFORM_LABELS = {
    **BRAND_NAMES,
    "email": "E-mail",
    "web": "Website",
}
_LABEL_PLATFORMS = {label.casefold(): platform for platform, label in PLATFORM_LABELS.items()}
_NOTE_HANDLE_LINE = re.compile(r"^([A-Za-z-]+)(?: \([^)\n]*\))?: (\S+)$", re.MULTILINE)
# What the preview counts most often among what is kept in notes, said in the language in use; a kind
# named after a file's own column is shown as the file names it.
KEPT_KINDS = (
    N_("phone"),
    N_("address"),
    N_("birthday"),
    N_("anniversary"),
    N_("date"),
    N_("organisation"),
    N_("title"),
    N_("department"),
    N_("nickname"),
    N_("other name"),
    N_("instant messaging"),
    N_("social profile"),
    N_("related name"),
    N_("reading"),
    N_("name prefix"),
    N_("name suffix"),
)
# Google's groups every contact is in: a tag on everyone says nothing.
_EVERYONE_GROUPS = {"* mycontacts", "* my contacts"}


class UnknownFormat(ValueError):
    pass


@dataclass
class SourceRow:
    line: int
    label: str
    fields: dict[str, Any] | None = None
    skip: str | None = None
    problem: str | None = None
    warnings: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


@dataclass
class ParsedFile:
    format: str
    rows: list[SourceRow]
    notices: list[str] = field(default_factory=list)


def kept_in_notes(rows: list[SourceRow]) -> str | None:
    """What the contacts of ``rows`` keep in their notes, counted by kind (a contact once for each kind);
    None when they keep nothing there."""
    kept = Counter(kind for row in rows for kind in dict.fromkeys(row.kept))
    if not kept:
        return None
    counts = _(", ").join(
        _("{kind} ({contacts})").format(
            kind=_(kind), contacts=ngettext("{count} contact", "{count} contacts", count).format(count=count)
        )
        for kind, count in kept.items()
    )
    return _("kept in the contacts' notes, as dailyreach has no field for them: {counts}").format(
        counts=counts
    )


def person_name(given: str, family: str, middle: str = "") -> str:
    """A name from its parts: family name first in Japanese, Chinese or Korean script, so that a draft
    addresses a Japanese name by its family name (高橋 健 → 高橋さん)."""
    if family_name_first(family + given):
        return " ".join(part for part in (family, given) if part)
    return " ".join(part for part in (given, middle, family) if part)


def name_from_handle(platform: str, handle: str) -> str:
    """The name a contact known only by a handle gets, without its leading @: on Mastodon the account's
    own part, as a draft greets it (@ann@mastodon.social is named ann); an e-mail address whole."""
    account = handle.lstrip("@")
    return (account.partition("@")[0] or account) if platform == "mastodon" else account


def split_tags(text: str) -> list[str]:
    """Tags from one cell: Google's ``A ::: * myContacts``, ``a; b`` or ``a, b``.

    A cell with a semicolon is split on semicolons only, so a tag with a comma in it survives when
    dailyreach's own CSV writes it (``captain, starfleet;``); ``\\;`` is a semicolon inside a tag.
    """
    if ":::" in text:
        groups = [group.strip() for group in text.split(":::")]
        return [g.removeprefix("* ") for g in groups if g and g.casefold() not in _EVERYONE_GROUPS]
    if ";" in text:
        tags, current, escaped = [], "", False
        for character in text:
            if escaped:
                current += character
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == ";":
                tags.append(current)
                current = ""
            else:
                current += character
        tags.append(current)
    else:
        tags = text.split(",")
    return [tag.strip() for tag in tags if tag.strip() and tag.strip().casefold() not in _EVERYONE_GROUPS]


def join_tags(tags: list[str]) -> str:
    """Tags in one cell, read back whole by ``split_tags``."""
    escaped = [tag.replace("\\", "\\\\").replace(";", "\\;") for tag in tags]
    text = "; ".join(escaped)
    if len(tags) == 1 and "," in tags[0]:
        text += ";"
    return text


def handles_in_notes(notes: str) -> dict[str, set[str]]:
    """The handles that an import kept in a contact's notes (``E-mail (Home): ann@example.com``)."""
    found: dict[str, set[str]] = {}
    for label, value in _NOTE_HANDLE_LINE.findall(notes):
        platform = _LABEL_PLATFORMS.get(label.casefold())
        if platform is None:
            continue
        try:
            found.setdefault(platform, set()).add(normalise_handle(platform, value))
        except HandleError:
            continue
    return found


def _kind(platform: str) -> str:
    """How the preview counts a handle kept in notes: "e-mail", "website", "X handle"."""
    if platform == "email":
        return _("e-mail")
    if platform == "web":
        return _("website")
    return _("{platform} handle").format(platform=PLATFORM_LABELS.get(platform, platform))


class PersonBuilder:
    """Collects what a reader finds about one person and turns it into a contact's fields."""

    def __init__(self) -> None:
        self.name = ""
        self.given = ""
        self.middle = ""
        self.family = ""
        self.handles: dict[str, str] = {}
        self.notes: list[str] = []
        self.tags: list[str] = []
        self.fields: dict[str, Any] = {}
        self.warnings: list[str] = []
        self.kept: list[str] = []
        self.lines: list[str] = []
        self.other_names: list[str] = []

    def keep(self, kind: str, label: str, value: str, detail: str = "") -> None:
        """A notes line ``Label (detail): value``; ``kind`` is how the preview counts it."""
        value = " / ".join(part.strip() for part in value.splitlines() if part.strip())
        if not value:
            return
        self.lines.append(f"{label} ({detail}): {value}" if detail else f"{label}: {value}")
        self.kept.append(kind)

    def add_handle(self, platform: str | None, raw: str, detail: str = "") -> None:
        """A handle or profile URL (``platform`` None: whatever the URL is); a second one on the same
        platform, or one that is not valid there, goes into the notes."""
        raw = raw.strip()
        if not raw:
            return
        try:
            platform, handle = (
                handle_from_url(raw) if platform is None else (platform, normalise_handle(platform, raw))
            )
        except HandleError as error:
            label = PLATFORM_LABELS.get(platform or "web", "Website")
            self.keep(_("{kind} that is not valid").format(kind=_kind(platform or "web")), label, raw, detail)
            self.warnings.append(
                _("{value} kept in notes: {problem}").format(value=shown(raw), problem=error)
            )
            return
        if platform not in self.handles:
            self.handles[platform] = handle
        elif self.handles[platform] != handle:
            kept = handle if platform in ("email", "web") else profile_url(platform, handle)
            self.keep(
                _("a second {kind}").format(kind=_kind(platform)), PLATFORM_LABELS[platform], kept, detail
            )

    def add_tags(self, text: str) -> None:
        for tag in split_tags(text):
            if tag not in self.tags:
                self.tags.append(tag)

    def contact_fields(self) -> tuple[dict[str, Any], str | None]:
        """The contact's fields, and a warning when the file gave no name and one was made up."""
        name, warning = self.name.strip() or person_name(self.given, self.family, self.middle), None
        if not name:
            platform = next((p for p in PLATFORMS if p in self.handles), "")
            name = (platform and name_from_handle(platform, self.handles[platform])) or next(
                (other for other in self.other_names if other.strip()), ""
            )
            if name:
                warning = _("no name in the file: named {name}").format(name=name)
        notes = "\n".join(part for part in [*self.notes, *self.lines] if part.strip())
        call_name = {} if "call_name" in self.fields else self._call_name_from_parts(name)
        return {
            **self.fields,
            **call_name,
            "name": name,
            "handles": dict(self.handles),
            "notes": notes,
            "tags": list(self.tags),
        }, warning

    def _call_name_from_parts(self, name: str) -> dict[str, str]:
        """The call name the file's given and family names give, when the name alone gives another: 山田花子
        written without a space is called 山田さん only because the file says 山田 is the family name."""
        if not (self.given and self.family):
            return {}
        from_parts = person_name(self.given, self.family, self.middle)
        if "".join(from_parts.split()) != "".join(name.split()):
            return {}  # the name is another (a nickname, a title): the parts say nothing of it
        call_name = default_call_name(from_parts)
        if "".join(call_name.split()) == "".join(default_call_name(name).split()):
            return {}
        return {"call_name": call_name}

    def row(self, line: int) -> SourceRow:
        fields, warning = self.contact_fields()
        if not fields["name"]:
            return SourceRow(line, _("(no name)"), skip=_("nothing in it: no name, e-mail, handle or phone"))
        warnings = [*([warning] if warning else []), *self.warnings]
        return SourceRow(line, fields["name"], fields, warnings=warnings, kept=self.kept)
