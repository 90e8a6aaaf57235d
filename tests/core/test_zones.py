"""Timezones found and named as pendulum finds and names them (``dailyreach.core.records.zones``)."""

import os
import subprocess
import sys
import warnings
from datetime import timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pendulum
import pytest

from dailyreach.core.records import zones
from dailyreach.core.records.zones import (
    UnknownZone,
    _first_zone,
    _posix_zone,
    _system_zone,
    local_zone,
    pendulum_zone,
    zone_named,
)
from dailyreach.core.store.threads import zone_name


def test_a_timezone_name_is_read_as_pendulum_reads_it():
    for name in ("Asia/Tokyo", "UTC", "utc", "Etc/UTC", "America/Argentina/Buenos_Aires"):
        assert zone_name(zone_named(name)) == pendulum.timezone(name).name
    # Asia, America: a region alone names a folder of the zone database, not a zone.
    for name in ("Mars/Olympus", "", "../etc/passwd", "/usr/share/zoneinfo/UTC", "Asia", "America"):
        with pytest.raises(UnknownZone):
            zone_named(name)


def test_the_app_gets_the_same_zone_as_pendulums():
    assert pendulum_zone(ZoneInfo("Asia/Tokyo")) == pendulum.timezone("Asia/Tokyo")
    assert pendulum_zone(timezone(timedelta(hours=-3))) == pendulum.fixed_timezone(-3 * 3600)


# -- the system's timezone -----------------------------------------------------------------------


def _pendulums_system_zone(root: Path) -> str:
    from pendulum.tz.local_timezone import _get_unix_timezone

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return zone_name(_get_unix_timezone(_root=str(root)))


def _zone_file(root: Path, name: str) -> Path:
    """A zone file at the usual place under ``root`` (its content does not matter: zones are named)."""
    path = root / "usr/share/zoneinfo" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"TZif2 stand-in")
    return path


@pytest.mark.parametrize(
    ("tz_variable", "etc_timezone", "localtime_link"),
    [
        ("Asia/Tokyo", None, None),
        (":Europe/Paris", "Asia/Tokyo", None),
        ("Not/AZone", "America/New_York  # set by the installer", None),
        ("", "Europe/Paris", "Asia/Tokyo"),
        ("", None, "America/Argentina/Buenos_Aires"),
        ("", None, "Etc/UTC"),
        ("", None, "posixrules"),
        # Only the link: its shortest tail that names a zone, a space in it read as _.
        ("", None, "Asia/Tokyo"),
        ("", None, "America/Los Angeles"),
    ],
)
def test_the_system_timezone_is_found_and_named_as_pendulum_does(
    tmp_path, monkeypatch, tz_variable, etc_timezone, localtime_link
):
    monkeypatch.setenv("TZ", tz_variable)
    (tmp_path / "etc").mkdir()
    if etc_timezone is not None:
        (tmp_path / "etc/timezone").write_text(f"{etc_timezone}\n")
    if localtime_link is not None:
        (tmp_path / "etc/localtime").symlink_to(_zone_file(tmp_path, localtime_link))
    found = _system_zone(tmp_path)
    assert found is not None
    assert zone_name(found) == _pendulums_system_zone(tmp_path)


def test_a_tz_variable_naming_a_region_alone_is_passed_over_not_a_crash(tmp_path, monkeypatch):
    """TZ=Asia names a folder of the zone database: opened as a zone it raised IsADirectoryError, and
    every command and the app stopped with a traceback."""
    monkeypatch.setenv("TZ", "Asia")
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc/timezone").write_text("Asia/Tokyo\n")
    found = _system_zone(tmp_path)
    assert found is not None and zone_name(found) == "Asia/Tokyo"


def test_set_ups_the_standard_library_does_not_read_are_left_to_pendulum(tmp_path, monkeypatch):
    (tmp_path / "etc").mkdir()
    monkeypatch.setenv("TZ", "")
    assert _system_zone(tmp_path) is None  # nothing set: pendulum warns and takes UTC
    (tmp_path / "etc/localtime").write_bytes((Path(zoneinfo_file("Asia/Tokyo"))).read_bytes())
    assert _system_zone(tmp_path) is None  # a copied zone file: pendulum reads it
    monkeypatch.setenv("TZ", str(tmp_path / "etc/localtime"))
    assert _system_zone(tmp_path) is None  # TZ naming a file: pendulum reads it too
    monkeypatch.setenv("TZ", "")
    (tmp_path / "etc/conf.d").mkdir()
    (tmp_path / "etc/conf.d/clock").write_text('TIMEZONE="Asia/Tokyo"\n')
    assert _system_zone(tmp_path) is None


def zoneinfo_file(name: str) -> str:
    """Where the zone's file is: the system's, or the tzdata package's."""
    import importlib.resources

    for folder in ("/usr/share/zoneinfo", "/usr/lib/zoneinfo"):
        if (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    return str(importlib.resources.files("tzdata.zoneinfo").joinpath(name))


def local_zone_in_a_fresh_process(tz_variable: str, shown: str) -> list[str]:
    """What a fresh process started with ``TZ=tz_variable`` prints of its ``zone`` (``shown``, an
    expression): the local zone is found once per process, as it starts."""
    probe = (
        "import pendulum\n"
        "from dailyreach.core.records.zones import local_zone\n"
        "from dailyreach.core.store.threads import zone_name\n"
        "zone = local_zone()\n"
        f"print({shown})"
    )
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, "TZ": tz_variable},
        timeout=60,
        check=True,
    )
    return result.stdout.split()


@pytest.mark.parametrize("tz_variable", ["Asia/Kolkata", ":America/New_York", "UTC", "No/Such_Zone", ""])
def test_a_fresh_process_finds_the_same_local_timezone_as_pendulum(tz_variable):
    ours, theirs = local_zone_in_a_fresh_process(
        tz_variable, "zone_name(zone), pendulum.local_timezone().name"
    )
    assert ours == theirs


@pytest.mark.parametrize(
    ("rule", "tzname", "gmtoff", "zone", "expected"),
    [
        ("JST-9", ("JST", "JST"), 9 * 3600, "JST", (timedelta(hours=9), "JST")),
        ("<+0530>-5:30", ("+0530", "+0530"), 19800, "+0530", (timedelta(hours=5, minutes=30), "+0530")),
        # Read as the process started: a TZ changed since names another rule.
        ("EST5", ("JST", "JST"), 9 * 3600, "JST", None),
        # No offset read: the C library took the rule for UTC, and so does pendulum.
        ("JST-9", ("JST", "JST"), 0, "JST", None),
        # Summer time: the rule starts with the standard zone's name, whichever is in force now.
        ("CET-1CEST,M3.5.0,M10.5.0/3", ("CET", "CEST"), 2 * 3600, "CEST", (timedelta(hours=2), "CEST")),
        # Only a leading "<" goes, not the letters of the name.
        ("XST-3", ("XST", "XST"), 3 * 3600, "XST", (timedelta(hours=3), "XST")),
    ],
)
def test_a_posix_rule_is_the_offset_the_c_library_read(monkeypatch, rule, tzname, gmtoff, zone, expected):
    """In this process, with the C library's reading given: ``test_a_posix_tz_rule_gives…`` starts one."""
    import time

    now = time.struct_time((2026, 12, 6, 9, 0, 0, 6, 340, 0), {"tm_zone": zone, "tm_gmtoff": gmtoff})
    monkeypatch.setattr(time, "localtime", lambda: now)
    monkeypatch.setattr(time, "tzname", tzname)
    found = _posix_zone(rule)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        assert (found.utcoffset(None), found.tzname(None)) == expected


@pytest.mark.parametrize(
    ("tz_variable", "shown"),
    [
        ("JST-9", {("JST", 9.0)}),
        ("EST5", {("EST", -5.0)}),
        # With summer time: the standard zone or the summer one, as the day of the run has it.
        ("CET-1CEST,M3.5.0,M10.5.0/3", {("CET", 1.0), ("CEST", 2.0)}),
    ],
)
def test_a_posix_tz_rule_gives_the_offset_the_c_library_reads_from_it(tz_variable, shown):
    """pendulum takes JST-9 as UTC: a machine set so was on the day before until 09:00."""
    name, hours = local_zone_in_a_fresh_process(
        tz_variable, "zone_name(zone), zone.utcoffset(None).total_seconds() / 3600"
    )
    assert (name, float(hours)) in shown


def test_an_unknown_zone_says_which_name():
    with pytest.raises(UnknownZone, match="'Mars/Olympus' is not a known timezone"):
        zone_named("Mars/Olympus")


def test_the_local_zone_is_found_once_and_kept(monkeypatch):
    monkeypatch.setattr(zones, "_local", None)
    monkeypatch.setattr(zones, "_system_zone", lambda: ZoneInfo("Asia/Tokyo"))
    assert local_zone() == ZoneInfo("Asia/Tokyo")
    monkeypatch.setattr(zones, "_system_zone", lambda: ZoneInfo("Europe/Paris"))
    assert local_zone() == ZoneInfo("Asia/Tokyo")


def test_a_local_zone_the_system_does_not_name_is_pendulums(monkeypatch):
    monkeypatch.setattr(zones, "_local", None)
    monkeypatch.setattr(zones, "_system_zone", lambda: None)
    assert zone_name(local_zone()) == pendulum.local_timezone().name


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("UTC",), "UTC"),
        (("Asia", "Tokyo"), "Asia/Tokyo"),
        (
            ("/", "usr", "share", "zoneinfo", "America", "Argentina", "Buenos_Aires"),
            "America/Argentina/Buenos_Aires",
        ),
        (("/", "etc", "no-such-zone"), None),
    ],
)
def test_a_zone_files_path_names_the_zone_of_its_shortest_tail(parts, expected):
    found = _first_zone(parts)
    assert (zone_name(found) if found else None) == expected
