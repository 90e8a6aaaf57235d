"""Reading the dates and times people type: ISO 8601, ``today``, ``+3d``, ``friday``..."""

from __future__ import annotations

import re
from datetime import datetime

import pendulum
from pendulum import Date, DateTime

from dailyreach.core.errors import DateParseError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OFFSET = re.compile(r"^([+-])\s*(\d{1,5})\s*(m|min|h|d|w)$")
_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}
HINT = "use YYYY-MM-DD, YYYY-MM-DDTHH:MM, now, today, yesterday, tomorrow, +3d, -2h or a weekday"


def _weekday(word: str) -> int | None:
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def parse_when(text: str, now: DateTime, *, future: bool = False) -> DateTime:
    """A moment from what the user typed, relative to ``now`` and in its timezone.

    A bare weekday means the most recent one (the next one when ``future``), today included.
    """
    word = text.strip().lower()
    if not word:
        raise DateParseError(f"empty date: {HINT}")
    if word in ("now", "today"):
        return now
    if word == "yesterday":
        return now.subtract(days=1)
    if word == "tomorrow":
        return now.add(days=1)
    if match := _OFFSET.match(word):
        sign, amount, unit = match.groups()
        delta = {_UNITS[unit]: int(amount)}
        return now.add(**delta) if sign == "+" else now.subtract(**delta)
    weekday = _weekday(word)
    if weekday is not None:
        shift = (weekday - now.weekday()) % 7 if future else -((now.weekday() - weekday) % 7)
        return now.add(days=shift)
    try:
        parsed = pendulum.parse(text.strip(), tz=now.timezone)
    except (ValueError, TypeError, OverflowError) as error:
        raise DateParseError(f"{text.strip()!r} is not a date or time: {HINT}") from error
    if isinstance(parsed, DateTime):
        return parsed
    if isinstance(parsed, Date):
        return pendulum.datetime(parsed.year, parsed.month, parsed.day, tz=now.timezone)
    raise DateParseError(f"{text.strip()!r} is not a date or time: {HINT}")


def parse_date(text: str, now: DateTime, *, future: bool = True) -> Date:
    """A calendar day from what the user typed; weekdays look ahead unless ``future`` is false."""
    return parse_when(text, now, future=future).date()


def ago(then: datetime, now: datetime) -> str:
    """ "just now", "5 minutes ago", "3 days ago": how long ago, for a person."""
    seconds = (now - then).total_seconds()
    if seconds < 60:
        return "just now"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = int(seconds // size)
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "just now"
