"""Behaviour of ``dates.py`` that mutation testing found no test pinned."""

import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from dailyreach.core.errors import DateParseError
from dailyreach.core.records.dates import latest_year, parse_date, parse_when
from dailyreach.core.records.zones import _system_zone
from dailyreach.core.store.threads import zone_name

SATURDAY = datetime(2026, 12, 5, 10, 30, tzinfo=ZoneInfo("Asia/Tokyo"))


def refusal(typed: str) -> str:
    with pytest.raises(DateParseError) as refused:
        parse_when(typed, SATURDAY)
    return str(refused.value)


def test_a_time_out_of_the_record_years_names_the_latest_year():
    assert refusal("3000-01-01") == (
        f"'3000-01-01' is out of range: use a time between 1970 and {latest_year()}"
    )


@pytest.mark.parametrize(
    ("typed", "future", "meant"),
    [
        ("friday 9am", True, datetime(2026, 12, 11, 9, 0)),
        ("friday 9am", False, datetime(2026, 12, 4, 9, 0)),
        ("金曜 9時", True, datetime(2026, 12, 11, 9, 0)),
    ],
)
def test_a_weekday_with_a_time_looks_ahead_when_the_day_is_to_come(typed, future, meant):
    assert parse_when(typed, SATURDAY, future=future) == meant.replace(tzinfo=SATURDAY.tzinfo)
    assert parse_date(typed, SATURDAY, future=future) == meant.date()


@pytest.mark.parametrize(
    "typed", ["2026-12-01T23:00:00+24:00", "2026-12-01T23:59+23:60", "2026-12-01 23:59:59-24:00"]
)
def test_an_offset_of_a_day_or_more_is_refused_as_typed_not_a_crash(typed):
    """pendulum read +24:00 into a time no datetime could write: `log --at` stopped on a ValueError."""
    assert refusal(typed) == f"'{typed}' is not a time: an offset from UTC is -23:59 to +23:59"


def test_an_offset_of_a_day_in_a_form_only_pendulum_reads_is_refused_too():
    assert refusal("20261201T2200+2400").startswith("'20261201T2200+2400' is not a date or time: use ")


@pytest.mark.parametrize("typed", ["2026-12-01T23:59:59+23:59", "2026-12-01T23:59:59-23:59"])
def test_the_last_hour_minute_and_second_and_the_widest_offsets_are_times(typed):
    assert parse_when(typed, SATURDAY) == datetime.fromisoformat(typed)


def test_a_weekday_written_with_digits_is_not_taken_for_a_misspelt_one():
    assert "did you mean" not in refusal("fr1day")
    assert refusal("fridya") == "'fridya' is not a date or time: did you mean friday?"


# -- the system's timezone where pendulum reads it, in this process ----------------------------------


def test_windows_is_left_to_pendulum(tmp_path, monkeypatch):
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc/timezone").write_text("Asia/Tokyo\n")
    monkeypatch.setattr(sys, "platform", "win32")
    assert _system_zone(tmp_path) is None


@pytest.mark.parametrize(
    ("link", "named"),
    [
        ("/var/db/timezone/zoneinfo/Asia/Tokyo", "Asia/Tokyo"),
        # The last zoneinfo/ of the link names the zone.
        ("/usr/share/zoneinfo/../zoneinfo/Europe/Paris", "Europe/Paris"),
        ("/usr/share/zoneinfo/Not/AZone", None),
    ],
)
def test_on_a_mac_the_localtime_link_alone_names_the_zone(tmp_path, monkeypatch, link, named):
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc/timezone").write_text("America/New_York\n")  # read on Linux, not on a Mac
    (tmp_path / "etc/localtime").symlink_to(link)
    monkeypatch.setattr(sys, "platform", "darwin")
    found = _system_zone(tmp_path)
    assert (zone_name(found) if found else None) == named


def test_a_mac_without_the_link_is_left_to_pendulum(tmp_path, monkeypatch):
    (tmp_path / "etc").mkdir()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert _system_zone(tmp_path) is None


def test_a_posix_rule_in_tz_comes_before_the_files(tmp_path, monkeypatch):
    import time

    (tmp_path / "etc").mkdir()
    (tmp_path / "etc/timezone").write_text("Europe/Paris\n")
    monkeypatch.setenv("TZ", "JST-9")
    now = time.struct_time((2026, 12, 6, 9, 0, 0, 6, 340, 0), {"tm_zone": "JST", "tm_gmtoff": 9 * 3600})
    monkeypatch.setattr(time, "localtime", lambda: now)
    monkeypatch.setattr(time, "tzname", ("JST", "JST"))
    found = _system_zone(tmp_path)
    assert found is not None and (found.tzname(None), found.utcoffset(None).total_seconds()) == ("JST", 32400)


@pytest.mark.parametrize(
    ("timezone_file", "named"),
    [(b"Asia/Tokyo#set by hand\n", "Asia/Tokyo"), (b"TZif2\x00\x00binary", "Europe/Paris")],
)
def test_etc_timezone_is_read_up_to_a_comment_and_a_zone_file_there_passed_over(
    tmp_path, monkeypatch, timezone_file, named
):
    monkeypatch.setenv("TZ", "")
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc/timezone").write_bytes(timezone_file)
    zone_file = tmp_path / "usr/share/zoneinfo/Europe/Paris"
    zone_file.parent.mkdir(parents=True)
    zone_file.write_bytes(b"TZif2 stand-in")
    (tmp_path / "etc/localtime").symlink_to(zone_file)
    found = _system_zone(tmp_path)
    assert found is not None and zone_name(found) == named


@pytest.mark.parametrize("clock", ["etc/sysconfig/clock", "etc/conf.d/clock"])
def test_a_clock_file_is_left_to_pendulum(tmp_path, monkeypatch, clock):
    monkeypatch.setenv("TZ", "")
    (tmp_path / clock).parent.mkdir(parents=True)
    (tmp_path / clock).write_text('ZONE="Asia/Tokyo"\n')
    zone_file = tmp_path / "usr/share/zoneinfo/Europe/Paris"
    zone_file.parent.mkdir(parents=True)
    zone_file.write_bytes(b"TZif2 stand-in")
    (tmp_path / "etc/localtime").symlink_to(zone_file)
    assert _system_zone(tmp_path) is None
