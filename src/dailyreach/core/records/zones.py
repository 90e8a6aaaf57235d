"""Timezones: the one a name gives, and the system's, found and named as pendulum finds and names them,
with the standard library's ``zoneinfo`` (importing pendulum takes longer than a whole ``log``)."""

from __future__ import annotations

import os
import sys
from datetime import timedelta, timezone, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from dailyreach.core.records.clock import Zone


class UnknownZone(ValueError):
    pass


def zone_named(name: str) -> tzinfo:
    """The timezone ``name`` names, as ``pendulum.timezone`` reads it; UnknownZone when none."""
    try:
        return ZoneInfo("UTC" if name.lower() == "utc" else name)
    # A region alone (Asia) names a folder of the zone database, which ZoneInfo tries to open as a file.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise UnknownZone(f"{name!r} is not a known timezone") from None


_local: tzinfo | None = None


def local_zone() -> tzinfo:
    """The system's timezone, found and named as ``pendulum.local_timezone()`` finds and names it."""
    global _local
    if _local is None:
        _local = _system_zone()
        if _local is None:
            import pendulum  # noqa: F401  # the package first, as in dates._relative_past
            from pendulum.tz import get_local_timezone

            _local = get_local_timezone()
    return _local


def _posix_zone(rule: str) -> tzinfo | None:
    """The zone a TZ that names no zone of the database but a POSIX ``rule`` (JST-9, EST5) gives: the
    offset the C library read from it as the process started, now, as a fixed zone named as the rule
    names it; None when it reads none, or another TZ (one changed since). pendulum goes on to the
    system's files, and a machine set to JST-9 was on the day before until 09:00."""
    import time

    now = time.localtime()
    if not now.tm_gmtoff or not rule.lstrip("<").startswith(time.tzname[0]):
        return None
    return timezone(timedelta(seconds=now.tm_gmtoff), now.tm_zone)


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
        except (ZoneInfoNotFoundError, ValueError, OSError):
            posix = _posix_zone(name)
            if posix is not None:
                return posix
    named = root / "etc/timezone"
    if named.is_file():
        content = named.read_bytes()
        if not content.startswith(b"TZif2"):
            name = content.strip().decode().partition(" ")[0].partition("#")[0]
            return _zone_or_none(name)
    if any((root / clock).is_file() for clock in ("etc/sysconfig/clock", "etc/conf.d/clock")):
        return None
    localtime = root / "etc/localtime"
    if localtime.is_file() and localtime.is_symlink():
        return _first_zone(localtime.resolve().parts)
    return None


def _zone_or_none(name: str) -> tzinfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
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
