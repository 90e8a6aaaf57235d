"""Reading the dates and times people type (ISO 8601, ``today``, ``+3d``, ``friday``...) and the
timezones they are read in.

Importing pendulum takes longer than the rest of a ``log`` or ``today``, so the usual cases are worked
out here with the standard library, the way pendulum works them out (the tests compare the two): the
words, the offsets, plain ISO 8601 dates and times, named timezones and the system's timezone as Linux
and macOS set it. pendulum is loaded for anything else, so what it accepts is still accepted.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dailyreach.core.errors import DateParseError

if TYPE_CHECKING:
    from dailyreach.core.records.clock import Zone

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OFFSET = re.compile(r"^([+-])\s*(\d{1,5})\s*(m|min|h|d|w)$")
_MINUTES = {"m": 1, "min": 1, "h": 60}
_DAYS = {"d": 1, "w": 7}
HINT = "use YYYY-MM-DD, YYYY-MM-DDTHH:MM, now, today, yesterday, tomorrow, +3d, -2h or a weekday"
# The ISO 8601 shapes read without pendulum: a day, or a day and a time, with or without an offset.
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6}))?)?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?)?"
)


class UnknownZone(ValueError):
    pass


def zone_named(name: str) -> tzinfo:
    """The timezone ``name`` names, as ``pendulum.timezone`` reads it; UnknownZone when none."""
    try:
        return ZoneInfo("UTC" if name.lower() == "utc" else name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownZone(f"{name!r} is not a known timezone") from None


_local: tzinfo | None = None


def local_zone() -> tzinfo:
    """The system's timezone, found and named as ``pendulum.local_timezone()`` finds and names it."""
    global _local
    if _local is None:
        _local = _system_zone()
        if _local is None:
            from pendulum.tz import get_local_timezone

            _local = get_local_timezone()
    return _local


def _first_zone(parts: tuple[str, ...]) -> tzinfo | None:
    """The zone named by the shortest tail of a path's ``parts`` (``Asia/Tokyo`` of ``.../zoneinfo/Asia/
    Tokyo``), as pendulum looks for it; None when the path names none."""
    for start in range(len(parts) - 1, -1, -1):
        try:
            return ZoneInfo("/".join(part.replace(" ", "_") for part in parts[start:]))
        except ZoneInfoNotFoundError:
            continue
        except ValueError:
            return None
    return None


def _system_zone(root: Path = Path("/")) -> tzinfo | None:
    """The system's timezone where it is named by TZ, /etc/timezone or the /etc/localtime link; None
    for a set-up this does not read (Windows, TZ naming a file, a zone file that is not a link...)."""
    if sys.platform == "win32":
        return None
    if sys.platform == "darwin":  # pendulum reads only the link there
        try:
            link = os.readlink(root / "etc/localtime")
        except OSError:
            return None
        return _zone_or_none(link[link.rfind("zoneinfo/") + 9 :])
    variable = os.environ.get("TZ")
    if variable:
        name = variable[1:] if variable.startswith(":") else variable
        if os.path.isfile(name):
            return None
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass  # pendulum goes on to the system's files too
    named = root / "etc/timezone"
    if named.is_file():
        content = named.read_bytes()
        if not content.startswith(b"TZif2"):
            name = content.strip().decode().partition(" ")[0].partition("#")[0]
            return _zone_or_none(name.replace(" ", "_"))
    if any((root / clock).is_file() for clock in ("etc/sysconfig/clock", "etc/conf.d/clock")):
        return None
    localtime = root / "etc/localtime"
    if localtime.is_file() and localtime.is_symlink():
        return _first_zone(localtime.resolve().parts)
    return None


def _zone_or_none(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def pendulum_zone(zone: tzinfo) -> Zone:
    """The same zone as pendulum's, for code that works with pendulum's times (the app)."""
    import pendulum

    if isinstance(zone, pendulum.Timezone | pendulum.FixedTimezone):
        return zone
    if isinstance(zone, ZoneInfo) and zone.key:
        return pendulum.timezone(zone.key)
    offset = zone.utcoffset(None) or timedelta()
    return pendulum.fixed_timezone(int(offset.total_seconds()))


def plain(moment: datetime) -> datetime:
    """The standard library's datetime for ``moment`` (pendulum's own adds and subtracts differently)."""
    return datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=moment.tzinfo,
        fold=moment.fold,
    )


def at_wall_time(wall: datetime, zone: tzinfo | None) -> datetime:
    """The naive ``wall`` time in ``zone``, as pendulum places it: a time the clocks skipped moves on
    by the gap, and a time they showed twice is the later one."""
    moment = wall.replace(tzinfo=zone, fold=1)
    before, after = moment.replace(fold=0).utcoffset(), moment.utcoffset()
    if before is not None and after is not None and after > before:
        moment += after - before
    return moment


def add_days(moment: datetime, days: int) -> datetime:
    """The same wall time ``days`` later (pendulum's ``add(days=...)``): a day is not always 24 hours."""
    if not days:
        return moment
    return at_wall_time(plain(moment).replace(tzinfo=None) + timedelta(days=days), moment.tzinfo)


def add_minutes(moment: datetime, minutes: int) -> datetime:
    """``minutes`` of real time later (pendulum's ``add(hours=...)``), in ``moment``'s zone."""
    return (plain(moment).astimezone(UTC) + timedelta(minutes=minutes)).astimezone(moment.tzinfo)


def _weekday(word: str) -> int | None:
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def parse_iso(text: str, zone: tzinfo | None) -> datetime | None:
    """A plain ISO 8601 day or time (read in ``zone`` when it has no offset); None for any other text
    or for a value out of range, which pendulum then reads or rejects with its own message."""
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    fields = match.groupdict()
    offset = fields["zone"]
    try:
        moment = datetime(
            int(fields["year"]),
            int(fields["month"]),
            int(fields["day"]),
            int(fields["hour"] or 0),
            int(fields["minute"] or 0),
            int(fields["second"] or 0),
            int((fields["fraction"] or "0").ljust(6, "0")),
        )
    except ValueError:
        return None
    if offset is None:
        return at_wall_time(moment, zone)
    if offset == "Z":
        return moment.replace(tzinfo=UTC)
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    if hours > 23 or minutes > 59:
        return None
    return moment.replace(tzinfo=_fixed(sign * (hours * 60 + minutes)))


def _fixed(minutes: int) -> tzinfo:
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))


def parse_when(text: str, now: datetime, *, future: bool = False) -> datetime:
    """A moment from what the user typed, relative to ``now`` and in its timezone.

    A bare weekday means the most recent one (the next one when ``future``), today included.
    """
    word = text.strip().lower()
    if not word:
        raise DateParseError(f"empty date: {HINT}")
    if word in ("now", "today"):
        return now
    if word == "yesterday":
        return add_days(now, -1)
    if word == "tomorrow":
        return add_days(now, 1)
    if match := _OFFSET.match(word):
        sign, amount, unit = match.groups()
        signed = int(amount) if sign == "+" else -int(amount)
        if unit in _DAYS:
            return add_days(now, signed * _DAYS[unit])
        return add_minutes(now, signed * _MINUTES[unit])
    weekday = _weekday(word)
    if weekday is not None:
        shift = (weekday - now.weekday()) % 7 if future else -((now.weekday() - weekday) % 7)
        return add_days(now, shift)
    parsed = parse_iso(text.strip(), now.tzinfo)
    return parsed if parsed is not None else _parse_with_pendulum(text.strip(), now)


def _parse_with_pendulum(text: str, now: datetime) -> datetime:
    import pendulum

    zone = pendulum_zone(now.tzinfo) if now.tzinfo is not None else pendulum.UTC
    try:
        parsed = pendulum.parse(text, tz=zone)
    except (ValueError, TypeError, OverflowError) as error:
        raise DateParseError(f"{text!r} is not a date or time: {HINT}") from error
    if isinstance(parsed, pendulum.DateTime):
        return parsed
    if isinstance(parsed, pendulum.Date):
        return pendulum.datetime(parsed.year, parsed.month, parsed.day, tz=zone)
    raise DateParseError(f"{text!r} is not a date or time: {HINT}")


def parse_date(text: str, now: datetime, *, future: bool = True) -> date:
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
