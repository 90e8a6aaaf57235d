from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pendulum
import pytest

from dailyreach.core.errors import DateParseError, ValidationError
from dailyreach.core.records.dates import ago, parse_date, parse_when, time_of_day
from dailyreach.core.records.validation import calendar_day, moment

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
        ("3 days ago", NOW.subtract(days=3)),
        ("a day ago", NOW.subtract(days=1)),
        ("an hour ago", NOW.subtract(hours=1)),
        ("2 Hours  ago", NOW.subtract(hours=2)),
        ("90 minutes ago", NOW.subtract(minutes=90)),
        ("5 mins ago", NOW.subtract(minutes=5)),
        ("1 hr ago", NOW.subtract(hours=1)),
        ("2 weeks ago", NOW.subtract(weeks=2)),
        ("in 3 days", NOW.add(days=3)),
        ("in a week", NOW.add(weeks=1)),
        # The offsets' letters in words too, as -2h takes them.
        ("2h ago", NOW.subtract(hours=2)),
        ("2 h ago", NOW.subtract(hours=2)),
        ("3d ago", NOW.subtract(days=3)),
        ("1w ago", NOW.subtract(weeks=1)),
        ("30m ago", NOW.subtract(minutes=30)),
        ("in 2d", NOW.add(days=2)),
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


@pytest.mark.parametrize(
    "text",
    [
        "",
        "soon",
        "12",
        "+3y",
        "3 days",
        "days ago",
        "in 3 days ago",
        "3 years ago",
    ],
)
def test_what_is_not_a_date_is_rejected_with_a_hint(text):
    with pytest.raises(DateParseError, match="YYYY-MM-DD"):
        parse_when(text, NOW)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2026-13-01", "'2026-13-01' is not a date: a month is 01 to 12"),
        ("2026-00-10", "'2026-00-10' is not a date: a month is 01 to 12"),
        ("2026-02-30", "'2026-02-30' is not a date: 2026-02 has 28 days"),
        ("2028-02-30", "'2028-02-30' is not a date: 2028-02 has 29 days"),
        ("2026-04-31 09:00", "'2026-04-31' is not a date: 2026-04 has 30 days"),
        ("2026-12-00", "'2026-12-00' is not a date: 2026-12 has 31 days"),
        ("2026-01-32", "'2026-01-32' is not a date: 2026-01 has 31 days"),  # January is a month
        # The last day is a day: what is wrong is the time.
        (
            "2026-02-28T24:00",
            "'2026-02-28T24:00' is not a time: hours are 00 to 23, minutes and seconds 00 to 59",
        ),
        (
            "2026-12-01T24:00",
            "'2026-12-01T24:00' is not a time: hours are 00 to 23, minutes and seconds 00 to 59",
        ),
        (
            "2026-12-01 24:00",
            "'2026-12-01 24:00' is not a time: hours are 00 to 23, minutes and seconds 00 to 59",
        ),
        (
            "2026-12-01T09:60",
            "'2026-12-01T09:60' is not a time: hours are 00 to 23, minutes and seconds 00 to 59",
        ),
        (
            "2026-12-01T09:59:60",
            "'2026-12-01T09:59:60' is not a time: hours are 00 to 23, minutes and seconds 00 to 59",
        ),
    ],
)
def test_a_day_or_time_out_of_range_is_refused_saying_which_part(text, said):
    with pytest.raises(DateParseError) as refused:
        parse_when(text, NOW)
    assert str(refused.value) == said


@pytest.mark.parametrize("text", ["2028-02-29", "2026-12-31T23:59:59", "2026-01-01 00:00"])
def test_the_last_and_first_of_each_range_are_days_and_times(text):
    assert parse_when(text, NOW).isoformat().startswith(text.replace(" ", "T"))


@pytest.mark.parametrize(
    ("text", "future", "meant"),
    [
        ("yestrday", False, "yesterday"),
        ("todya", False, "today"),
        ("Wendsday", False, "wednesday"),
        ("tomorow", True, "tomorrow"),
        ("last fridy", False, "last friday"),
        ("3 dyas ago", False, "3 days ago"),
        ("in 2 huors", True, "in 2 hours"),
        ("next mondy", True, "next monday"),
        ("fridya", True, "friday"),
        ("tody", False, "today"),
        ("noww", False, "now"),
    ],
)
def test_a_mistyped_day_word_is_refused_with_the_word_meant(text, future, meant):
    with pytest.raises(DateParseError) as refused:
        parse_when(text, NOW, future=future)
    assert str(refused.value) == f"{text!r} is not a date or time: did you mean {meant}?"


@pytest.mark.parametrize(
    ("text", "future"),
    [
        ("tomorow", False),
        ("soonish", False),
        ("tmrw", True),
        ("2026x", False),
        ("yestr", False),  # too far from yesterday to be taken for it
        ("tdy", False),  # three letters are too few to guess from
        ("last todya", False),  # after last or next, only a weekday is meant
        ("sometime fridy", False),
        ("3 dyz ago", False),
    ],
)
def test_a_word_like_no_day_word_or_one_not_allowed_gets_the_forms_taken(text, future):
    with pytest.raises(DateParseError, match="use YYYY-MM-DD"):
        parse_when(text, NOW, future=future)


def test_ago_reads_like_a_person_would_say_it():
    assert ago(NOW.subtract(seconds=20), NOW) == "just now"
    assert ago(NOW.subtract(minutes=1), NOW) == "1 minute ago"
    assert ago(NOW.subtract(hours=5), NOW) == "5 hours ago"
    assert ago(NOW.subtract(days=3, hours=2), NOW) == "3 days ago"


# -- the standard library's reading, against pendulum's ------------------------------------------

ZONES = ("Asia/Tokyo", "America/New_York", "Europe/Paris", "Australia/Lord_Howe", "America/Santiago", "UTC")
WORDS = ["now", "yesterday", "tomorrow", "+1d", "-1d", "+3d", "-2h", "+2h", "-90m", "+1w", "-1w"]
WORDS += ["mon", "wednesday", "fri", "sun"]
ISO_TEXTS = [
    "2026-03-08",
    "2026-03-08T02:30",
    "2026-03-29T02:30",
    "2026-11-01T01:30",
    "2026-10-25 02:30:15",
    "2026-04-05T02:15:00.5",
    "2026-11-01T01:30:00.123456-04:00",
    "2026-11-01T06:30Z",
    "2026-11-01T06:30-00:00",
    "2026-11-01T06:30+05:45",
]


def pendulum_when(text: str, now: pendulum.DateTime, *, future: bool = False) -> pendulum.DateTime:
    """What parse_when read before it used the standard library: pendulum's arithmetic and parser."""
    word = text.strip().lower()
    if word in ("now", "today"):
        return now
    if word in ("yesterday", "tomorrow"):
        return now.add(days=-1 if word == "yesterday" else 1)
    if word[0] in "+-" and word[-1] in "dhmw":
        unit = {"d": "days", "h": "hours", "m": "minutes", "w": "weeks"}[word[-1]]
        return now.add(**{unit: int(word[:-1])})
    names = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    if any(name.startswith(word) for name in names):
        weekday = next(index for index, name in enumerate(names) if name.startswith(word))
        shift = (weekday - now.weekday()) % 7 if future else -((now.weekday() - weekday) % 7)
        return now.add(days=shift)
    parsed = pendulum.parse(text, tz=now.timezone)
    assert isinstance(parsed, pendulum.DateTime)
    return parsed


def moments_around_clock_changes(zone: str) -> list[pendulum.DateTime]:
    """Times a day and an hour either side of each of ``zone``'s clock changes in 2026, and between."""
    tz = pendulum.timezone(zone)
    hour = pendulum.datetime(2026, 1, 1, tz="UTC")
    moments, offset = [], None
    while hour.year == 2026:
        local = hour.in_timezone(tz)
        if offset is not None and local.utcoffset() != offset:
            for delta in (-25, -24, -23, -1, 0, 1, 23, 24, 25):
                moments.append(hour.add(hours=delta, minutes=30).in_timezone(tz))
        offset = local.utcoffset()
        hour = hour.add(hours=1)
    return moments + [pendulum.datetime(2026, 6, 15, 23, 59, 59, 999999, tz=tz)]


def test_words_and_iso_times_are_read_as_pendulum_reads_them_across_clock_changes():
    differences = []
    for zone in ZONES:
        for now in moments_around_clock_changes(zone):
            for text in WORDS + ISO_TEXTS:
                for future in (False, True):
                    ours, theirs = (
                        parse_when(text, now, future=future),
                        pendulum_when(text, now, future=future),
                    )
                    if ours != theirs or ours.isoformat() != theirs.isoformat():
                        differences.append((zone, now.isoformat(), text, future, ours, theirs))
    assert differences == []


def test_a_plain_now_from_the_standard_library_is_read_like_pendulums():
    now = datetime(2026, 3, 7, 2, 30, tzinfo=ZoneInfo("America/New_York"))
    assert parse_when("tomorrow", now).isoformat() == "2026-03-08T03:30:00-04:00"  # 02:30 was skipped
    assert parse_when("-2h", parse_when("tomorrow", now)).isoformat() == "2026-03-08T00:30:00-05:00"
    assert parse_when("2026-11-01T01:30", now).isoformat() == "2026-11-01T01:30:00-05:00"  # the later one


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-23T09:00:00+09:00",
        "2026-11-23T09:00+09:00",
        "2026-11-23 09:00:00.25+09:00",
        "2026-11-23T09:00:00.123456-03:30",
        "2026-11-23T00:00:00Z",
        "2026-11-23T00:00:00-00:00",
        "2026-11-23T09:00:00+0900",
        "2026-11-23T09:00:00.1234567+09:00",
    ],
)
def test_stored_times_are_written_as_pendulum_wrote_them(text):
    expected = pendulum.parse(text)
    assert isinstance(expected, pendulum.DateTime)
    assert moment(text, "at") == expected.isoformat()


@pytest.mark.parametrize("text", ["2026-11-23", "2026-11-23T23:30:00-05:00", "2026-11-23 09:00", "20261123"])
def test_days_are_read_as_pendulum_reads_them(text):
    expected = pendulum.parse(text)
    assert (
        calendar_day(text, "until")
        == (expected.date() if isinstance(expected, pendulum.DateTime) else expected).isoformat()
    )


@pytest.mark.parametrize("text", ["2026-02-30", "2026-11-23T25:00+09:00", "soon"])
def test_impossible_days_and_times_are_still_refused(text):
    with pytest.raises(ValidationError):
        moment(text, "at")
    with pytest.raises(ValidationError):
        calendar_day(text, "until")


def test_an_offset_of_a_day_or_more_is_refused_not_crashed_on():
    with pytest.raises(ValidationError, match="not an ISO 8601 date and time"):
        moment("2026-11-23T09:00+24:00", "at")


def test_a_bad_time_for_a_log_hints_only_at_words_for_the_past():
    """A log is of something that happened: tomorrow and +3d would be read, then refused as future."""
    now = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    with pytest.raises(DateParseError) as for_a_log:
        parse_when("soonish", now)
    assert str(for_a_log.value) == (
        "'soonish' is not a date or time: use YYYY-MM-DD, YYYY-MM-DDTHH:MM, now, today, yesterday, -2h, "
        "-3d or a weekday, a day with a time if you like (yesterday 9pm)"
    )
    with pytest.raises(DateParseError) as for_a_day_ahead:
        parse_date("soonish", now)
    assert "tomorrow, +3d" in str(for_a_day_ahead.value)


def test_a_time_only_pendulum_reads_is_in_utc_when_now_has_no_zone():
    assert parse_when("20260105T0930", datetime(2026, 1, 6, 12, 0)) == datetime(2026, 1, 5, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "meant"), [("20260105T0930", (2026, 1, 5, 9, 30)), ("2026-W02-3", (2026, 1, 7, 0, 0))]
)
def test_a_time_only_pendulum_reads_is_on_the_wall_clock_of_nows_zone(typed, meant):
    tokyo = ZoneInfo("Asia/Tokyo")
    read = parse_when(typed, datetime(2026, 2, 1, 12, 0, tzinfo=tokyo))
    assert read == datetime(*meant, tzinfo=tokyo)
    assert read.utcoffset() == timedelta(hours=9)


def test_a_span_pendulum_reads_is_not_a_time():
    with pytest.raises(DateParseError, match="'P1D' is not a date or time"):
        parse_when("P1D", NOW)


SATURDAY = datetime(2026, 12, 5, 10, 30, tzinfo=ZoneInfo("Asia/Tokyo"))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("yesterday 9pm", (12, 4, 21, 0)),
        ("Yesterday 21:00", (12, 4, 21, 0)),
        ("yesterday at 9:15 p.m.", (12, 4, 21, 15)),
        ("friday 9am", (12, 4, 9, 0)),
        ("3 days ago 8am", (12, 2, 8, 0)),
        ("9pm", (12, 5, 21, 0)),
        ("12am", (12, 5, 0, 0)),
        ("12pm", (12, 5, 12, 0)),
        ("21:00", (12, 5, 21, 0)),
        ("2026-12-01 21:00", (12, 1, 21, 0)),
        ("last friday", (12, 4, 10, 30)),
        ("last saturday", (11, 28, 10, 30)),  # before today, though today is a Saturday
        ("next saturday", (12, 12, 10, 30)),
        ("昨日 21時", (12, 4, 21, 0)),
        ("昨日21時", (12, 4, 21, 0)),
        ("昨日午後9時", (12, 4, 21, 0)),
        ("金曜 9時半", (12, 4, 9, 30)),
        ("午前9時", (12, 5, 9, 0)),
        ("21時30分", (12, 5, 21, 30)),
        ("1pm", (12, 5, 13, 0)),
        ("午後12時", (12, 5, 12, 0)),
        ("23:59", (12, 5, 23, 59)),
        ("23時59分", (12, 5, 23, 59)),
    ],
)
def test_a_day_may_be_given_with_a_time_of_it(typed, meant):
    month, day, hour, minute = meant
    assert parse_when(typed, SATURDAY) == SATURDAY.replace(month=month, day=day, hour=hour, minute=minute)


@pytest.mark.parametrize(
    "typed", ["13pm", "0am", "24:00", "yesterday 24:00", "21:60", "yesterday 9", "25時", "soonish 9pm"]
)
def test_a_time_of_day_that_is_none_is_refused(typed):
    with pytest.raises(DateParseError):
        parse_when(typed, SATURDAY)


@pytest.mark.parametrize("typed", ["yesterday 24:00", "21:60", "friday at 9:75", "25時", "昨日 23時60分"])
def test_an_hour_or_minute_that_is_none_says_so(typed):
    with pytest.raises(DateParseError) as refused:
        parse_when(typed, SATURDAY)
    assert str(refused.value) == f"{typed!r} is not a time: hours are 00 to 23, minutes and seconds 00 to 59"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("1969-12-31", "'1969-12-31' is out of range: use a time between 1970 and "),
        # Midnight in Tokyo on the first day of 1970 is still 1969 in UTC, where the log's times are kept.
        ("1970-01-01", "'1970-01-01' is out of range: use a time between 1970 and "),
        ("-30000d", "'-30000d' is out of range: use a time between 1970 and "),
        # Past any year a datetime holds: still out of range, not "not a date".
        ("-100000d", "'-100000d' is out of range: use a time between 1970 and "),
        ("-999999999999h", "'-999999999999h' is out of range: use a time between 1970 and "),
        ("100000 days ago", "'100000 days ago' is out of range: use a time between 1970 and "),
        ("100000日前", "'100000日前' is out of range: use a time between 1970 and "),
        (" 2300-01-01 ", "'2300-01-01' is out of range: use a time between 1970 and "),
    ],
)
def test_a_time_out_of_the_records_years_is_refused_as_typed(typed, said):
    with pytest.raises(DateParseError) as refused:
        parse_when(typed, NOW)
    assert str(refused.value).startswith(said)


def test_a_time_on_the_edge_of_the_records_years_is_read():
    assert parse_when("1970-01-01 09:00", NOW) == pendulum.datetime(1970, 1, 1, 9, tz="Asia/Tokyo")
    assert parse_when(f"{datetime.now(UTC).year + 100}-06-01", NOW).year == datetime.now(UTC).year + 100


@pytest.mark.parametrize("typed", ["1969-12-31", "+40000d", "+100000d", "in 999999999999 days", "2300-01-01"])
def test_a_day_out_of_the_records_years_is_refused_as_typed(typed):
    with pytest.raises(DateParseError, match=r"is out of range: use a day between 1970 and \d{4}") as refused:
        parse_date(typed, NOW)
    assert str(refused.value).startswith(repr(typed))


def test_a_day_on_the_edge_of_the_records_years_is_read():
    assert parse_date("1970-01-01", NOW).isoformat() == "1970-01-01"


@pytest.mark.parametrize(
    ("typed", "clock"),
    [
        ("09:00", (9, 0)),
        (" 18:30 ", (18, 30)),
        ("9am", (9, 0)),
        ("12am", (0, 0)),
        ("12pm", (12, 0)),
        ("6:30 PM", (18, 30)),
        ("9 p.m.", (21, 0)),
        ("21時", (21, 0)),
        ("２１時", (21, 0)),
        ("午後6時半", (18, 30)),
        ("午前9時15分", (9, 15)),
        ("13pm", None),
        ("0am", None),
        ("9", None),
        ("18:7", None),
        ("friday 9pm", None),
        ("昨日 21時", None),
        ("soon", None),
    ],
)
def test_a_time_of_day_alone_is_read_as_a_logged_times_is(typed, clock):
    assert time_of_day(typed) == clock


@pytest.mark.parametrize("typed", ["24:00", "23:60", "25時"])
def test_a_time_of_day_with_no_such_hour_or_minute_is_refused(typed):
    with pytest.raises(DateParseError, match="is not a time: hours are 00 to 23"):
        time_of_day(typed)
