"""Checking records read back from the database file, which a person or another program may have edited.

A record that fails is left as it is in the file and skipped by every reader, so the rest of the store
keeps working; ``Store.problems()`` names each one (table, id, field, what is wrong) for ``doctor``: what
is wrong is said in the language in use, the table and field as the file names them.
The checks are plain type and range tests, cheap enough to run over 100,000 interactions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dailyreach.core.errors import ValidationError
from dailyreach.core.records.dates import EARLIEST_YEAR, latest_year, record_year
from dailyreach.core.records.handles import PLATFORMS
from dailyreach.core.records.model import (
    CHANNELS,
    INTERACTION_KINDS,
    INVITATION_KINDS,
    INVITATION_STATUSES,
    DayPlan,
    Settings,
)
from dailyreach.core.records.validation import NOT_A_DATE
from dailyreach.i18n import N_, _


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one stored record."""

    table: str
    record_id: str
    field: str
    problem: str

    def __str__(self) -> str:
        return _("{table} {id}: {field}: {problem}").format(
            table=self.table, id=self.record_id, field=self.field, problem=self.problem
        )


Check = Callable[[Any], str | None]


# What cleaning removes (text.py), found by one search: another program's edit may have put it back. The
# first two as text, compiled on first use (see dates.py): they are seldom needed.
_RAW_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"
_MASTODON_SHAPE = r"@[^@/\\?#]+@[^@/\\?#:]+"
_RAW_LINE_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
CONTROL_PROBLEM = N_("holds control characters or escape sequences")
OUT_OF_RANGE = N_("{value} is out of range ({earliest} to {latest})")
# Fixed when a process starts: the app runs for hours, not for years.
_LATEST_YEAR = latest_year()


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return _("must be text")
    # isprintable() first: it answers for nearly every text at C speed.
    if not value.isprintable() and re.search(_RAW_CONTROL, value):
        return _(CONTROL_PROBLEM)
    return None


def _name(value: Any) -> str | None:
    if not (isinstance(value, str) and value.strip()):
        return _("must be non-empty text")
    return _(CONTROL_PROBLEM) if _RAW_LINE_CONTROL.search(value) else None


def _name_or_empty(value: Any) -> str | None:
    return None if value == "" else _name(value)


def _whole(minimum: int, maximum: int, *, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= maximum:
            return _("must be a whole number from {minimum} to {maximum}").format(
                minimum=minimum, maximum=maximum
            )
        return None

    return check


def _amount(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        return _("must be a non-negative number")
    return None


def _one_of(allowed: tuple[str, ...]) -> Check:
    return lambda value: (
        None
        if value in allowed
        else _("{value} is not one of {allowed}").format(value=repr(value), allowed=", ".join(allowed))
    )


def _moment(value: Any, *, optional: bool = False) -> str | None:
    if optional and value in (None, ""):
        return None
    if not isinstance(value, str):
        return _("must be an ISO 8601 time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return _("{value} is not an ISO 8601 time").format(value=repr(value[:40]))
    if moment.tzinfo is None:
        return _("{value} has no offset").format(value=repr(value[:40]))
    # The local year is enough: within these years no offset takes a time out of what datetime holds.
    if not EARLIEST_YEAR <= moment.year <= _LATEST_YEAR:
        return _(OUT_OF_RANGE).format(value=repr(value[:40]), earliest=EARLIEST_YEAR, latest=latest_year())
    return None


def _day(value: Any, *, optional: bool = False) -> str | None:
    if optional and value is None:
        return None
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        day = None
    if day is None:
        return _(NOT_A_DATE).format(value=repr(str(value)[:40]))
    if not record_year(day.year):
        return _(OUT_OF_RANGE).format(value=repr(value), earliest=EARLIEST_YEAR, latest=latest_year())
    return None


def _handles(value: Any) -> str | None:
    if not isinstance(value, dict) or not all(
        platform in PLATFORMS and isinstance(handle, str) for platform, handle in value.items()
    ):
        return _("must map a known platform to its handle")
    for platform, handle in value.items():
        # Not normalised again (too slow over thousands of contacts): what a link opener is handed, and
        # what reaches the screen, is checked.
        if not handle or _RAW_LINE_CONTROL.search(handle) or " " in handle:
            return _("{platform} {handle} is no handle").format(platform=platform, handle=repr(handle[:40]))
        # In any case: a store an earlier version wrote may hold HTTPS://, which opens as https://.
        if platform == "web" and not handle.lower().startswith(("https://", "http://")):
            return _("web {handle} is not an http: or https: address").format(handle=repr(handle[:40]))
        # The one handle whose second half becomes a link's host: @ann@good.social@evil.example would
        # open evil.example.
        if platform == "mastodon" and not re.fullmatch(_MASTODON_SHAPE, handle):
            return _("mastodon {handle} is not @user@server").format(handle=repr(handle[:40]))
    return None


def _tags(value: Any) -> str | None:
    if not (isinstance(value, list) and all(isinstance(tag, str) for tag in value)):
        return _("must be a list of words")
    return _(CONTROL_PROBLEM) if any(_RAW_LINE_CONTROL.search(tag) for tag in value) else None


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else _("must be true or false")


# Per table: each field's check, and which fields a record must have.
_FIELDS: dict[str, dict[str, Check]] = {
    "contacts": {
        "id": _name,
        "name": _name,
        "call_name": _name_or_empty,
        "handles": _handles,
        "why": _text,
        "notes": _text,
        "tags": _tags,
        "priority": _whole(1, 3),
        "followers": _whole(0, 10**10, optional=True),
        "cadence_days": _whole(1, 3650, optional=True),
        "archived": _bool,
        "created_at": lambda value: _moment(value, optional=True),
        "updated_at": lambda value: _moment(value, optional=True),
    },
    "interactions": {
        "id": _name,
        "contact_id": _name,
        "kind": _one_of(INTERACTION_KINDS),
        "channel": _one_of(CHANNELS),
        "at": _moment,
        "text": _text,
    },
    "invitations": {
        "id": _name,
        "title": _name,
        "kind": _one_of(INVITATION_KINDS),
        "from": _name_or_empty,
        "event_date": lambda value: _day(value, optional=True),
        "status": _one_of(INVITATION_STATUSES),
        "hours": _amount,
        "cost": _amount,
        "currency": lambda value: (
            None
            if isinstance(value, str) and len(value) == 3 and value.isascii() and value.isalpha()
            else _("must be a three-letter code")
        ),
        "note": _text,
        "decided_at": lambda value: _moment(value, optional=True),
    },
    "snoozes": {"contact_id": _name, "until": _day},
}
# The thread kept beside the log is worked out from an interaction's channel: a record without one is
# left out of everything, as one with an unknown channel is.
_REQUIRED = {
    "contacts": ("id", "name"),
    "interactions": ("id", "contact_id", "kind", "channel", "at"),
    "invitations": ("id", "title"),
    "snoozes": ("contact_id", "until"),
}


def known_fields(table: str) -> set[str]:
    """The fields a stored record of ``table`` may have."""
    if table == "plans":
        return {"date", "items"}
    if table == "templates":
        return {"id", "name", "purpose", "body", "channel", "language", "subject"}
    return set(_FIELDS.get(table, {}))


def record_problem(table: str, body: Any) -> tuple[str, str] | None:
    """What is wrong with a stored record of ``table``, as (field, problem); None when nothing is."""
    if not isinstance(body, dict):
        return "record", _("must be a JSON object, not {type}").format(type=type(body).__name__)
    if table in ("plans", "templates"):  # records their own model checks whole
        from dailyreach.core.records.template import Template

        try:
            (DayPlan if table == "plans" else Template).from_dict(body)
        except ValidationError as error:
            return error.field, error.problem
        return None
    checks = _FIELDS.get(table)
    if checks is None:
        return None
    for name in _REQUIRED[table]:
        if name not in body:
            return name, _("is missing")
    for name, value in body.items():
        check = checks.get(name)
        if check is None:
            return name, _("is not a field of this record")
        problem = check(value)
        if problem is not None:
            return name, problem
    return None


_INTERACTION_FIELDS = frozenset(_FIELDS["interactions"])
_KINDS, _CHANNELS = frozenset(INTERACTION_KINDS), frozenset(CHANNELS)
_fromisoformat = datetime.fromisoformat


def _plain_interaction(body: Any) -> bool:
    """Whether an interaction is as the store writes it, tested in one go: the usual case among up to
    100,000 of them, so a command does not pay a call per field (the full check names the field)."""
    try:
        text = body["text"]
        return (
            type(body) is dict
            and body.keys() == _INTERACTION_FIELDS
            and body["kind"] in _KINDS
            and body["channel"] in _CHANNELS
            and type(body["id"]) is str
            and type(body["contact_id"]) is str
            and bool(body["id"].strip())
            and bool(body["contact_id"].strip())
            and type(text) is str
            and (text.isprintable() or not re.search(_RAW_CONTROL, text))
            and type(body["at"]) is str
            and _fromisoformat(body["at"]).tzinfo is not None
            and EARLIEST_YEAR <= int(body["at"][:4]) <= _LATEST_YEAR
        )
    except (KeyError, TypeError, ValueError):
        return False


def table_problems(table: str, records: Any) -> dict[str, Problem]:
    """Each bad record of a stored table, by id."""
    if not isinstance(records, dict):
        return {"*": Problem(table, "*", "table", _("must be a JSON object of records"))}
    found = {}
    interactions = table == "interactions"
    for record_id, body in records.items():
        if interactions and _plain_interaction(body):
            continue
        problem = record_problem(table, body)
        if problem is not None:
            found[record_id] = Problem(table, record_id, *problem)
    return found


def readable_settings(stored: Any) -> tuple[Settings, list[Problem]]:
    """The stored settings, each field that fails its check left at its default, and what failed."""
    if not isinstance(stored, dict):
        return Settings(), [Problem("settings", "settings", "settings", _("must be a JSON object"))]
    fields = dict(stored)
    problems: list[Problem] = []
    while True:
        try:
            return Settings.from_dict(fields), problems
        except ValidationError as error:
            name = error.field.partition(".")[0] if error.field in fields or "." in error.field else None
            if name is None or name not in fields:
                name = next((key for key in fields if key in error.problem), None)
            if name is None:
                return Settings(), [*problems, Problem("settings", "settings", error.field, error.problem)]
            problems.append(Problem("settings", "settings", name, error.problem))
            del fields[name]
