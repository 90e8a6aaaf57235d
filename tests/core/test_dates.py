import pendulum
import pytest

from dailyreach.core.dates import ago, parse_date, parse_when
from dailyreach.core.errors import DateParseError

NOW = pendulum.datetime(2026, 11, 25, 15, 30, tz="Asia/Tokyo")  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("today", NOW),
        ("yesterday", NOW.subtract(days=1)),
        ("tomorrow", NOW.add(days=1)),
        ("+3d", NOW.add(days=3)),
        ("-2h", NOW.subtract(hours=2)),
        ("+1w", NOW.add(weeks=1)),
        ("-45m", NOW.subtract(minutes=45)),
        ("monday", NOW.subtract(days=2)),
        ("Wed", NOW),
        ("2026-11-01", pendulum.datetime(2026, 11, 1, tz="Asia/Tokyo")),
        ("2026-11-01T09:30", pendulum.datetime(2026, 11, 1, 9, 30, tz="Asia/Tokyo")),
        ("2026-11-01T09:30+01:00", pendulum.datetime(2026, 11, 1, 8, 30, tz="UTC")),
    ],
)
def test_words_and_iso_times_are_read_relative_to_now(text, expected):
    assert parse_when(text, NOW) == expected


def test_weekdays_look_ahead_for_dates_of_events():
    assert parse_date("friday", NOW) == pendulum.date(2026, 11, 27)
    assert parse_date("monday", NOW) == pendulum.date(2026, 11, 30)
    assert parse_date("monday", NOW, future=False) == pendulum.date(2026, 11, 23)


@pytest.mark.parametrize("text", ["", "soon", "2026-13-01", "2026-02-30", "12", "+3y"])
def test_what_is_not_a_date_is_rejected_with_a_hint(text):
    with pytest.raises(DateParseError, match="YYYY-MM-DD"):
        parse_when(text, NOW)


def test_ago_reads_like_a_person_would_say_it():
    assert ago(NOW.subtract(seconds=20), NOW) == "just now"
    assert ago(NOW.subtract(minutes=1), NOW) == "1 minute ago"
    assert ago(NOW.subtract(hours=5), NOW) == "5 hours ago"
    assert ago(NOW.subtract(days=3, hours=2), NOW) == "3 days ago"
