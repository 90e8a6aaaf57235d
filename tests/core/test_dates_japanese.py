"""Days, times and "how long ago" in the language in use, and the Japanese words --at reads in every
language (issue 14)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pendulum
import pytest

from dailyreach import i18n
from dailyreach.core.errors import DateParseError
from dailyreach.core.planning.stats_days import weekday_names
from dailyreach.core.records.dates import (
    _relative_past,
    ago,
    day_range_text,
    day_text,
    moment_text,
    parse_date,
    parse_when,
    weekday_name,
)

NOW = pendulum.datetime(2026, 11, 25, 15, 30, tz="Asia/Tokyo")  # a Wednesday
NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")
UTC_ZONE = ZoneInfo("UTC")


@pytest.fixture(params=["en", "ja"])
def language(request):
    """Each test runs in both languages: the Japanese words are read whatever the interface speaks."""
    i18n.use_language(request.param)
    yield request.param
    i18n.use_language("en")


@pytest.fixture
def ja():
    i18n.use_language("ja")
    yield
    i18n.use_language("en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今", NOW),
        ("今日", NOW),
        ("きょう", NOW),
        ("昨日", NOW.subtract(days=1)),
        ("きのう", NOW.subtract(days=1)),
        ("明日", NOW.add(days=1)),
        ("あした", NOW.add(days=1)),
        ("あす", NOW.add(days=1)),
        ("一昨日", NOW.subtract(days=2)),
        ("おととい", NOW.subtract(days=2)),
        ("明後日", NOW.add(days=2)),
        ("あさって", NOW.add(days=2)),
        (" 昨日 ", NOW.subtract(days=1)),
        ("3日前", NOW.subtract(days=3)),
        ("３日前", NOW.subtract(days=3)),  # full-width digits, as a Japanese keyboard types them
        ("3 日前", NOW.subtract(days=3)),
        ("2日後", NOW.add(days=2)),
        ("2時間前", NOW.subtract(hours=2)),
        ("１時間後", NOW.add(hours=1)),
        ("45分前", NOW.subtract(minutes=45)),
        ("1週間前", NOW.subtract(weeks=1)),
        ("2週間後", NOW.add(weeks=2)),
    ],
)
def test_japanese_words_are_read_relative_to_now_in_every_language(language, text, expected):
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "past", "ahead"),
    [
        ("月曜", date(2026, 11, 23), date(2026, 11, 30)),
        ("月曜日", date(2026, 11, 23), date(2026, 11, 30)),
        ("火曜", date(2026, 11, 24), date(2026, 12, 1)),
        ("水曜日", date(2026, 11, 25), date(2026, 11, 25)),  # today, both ways, as "wednesday" is
        ("木曜", date(2026, 11, 19), date(2026, 11, 26)),
        ("金曜日", date(2026, 11, 20), date(2026, 11, 27)),
        ("土曜", date(2026, 11, 21), date(2026, 11, 28)),
        ("日曜日", date(2026, 11, 22), date(2026, 11, 29)),
    ],
)
def test_japanese_weekdays_look_back_for_a_log_and_ahead_for_an_event(language, text, past, ahead):
    assert parse_when(text, NOW).date() == past
    assert parse_date(text, NOW) == ahead
    assert parse_date(text, NOW, future=False) == past


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("today", NOW),
        ("yesterday", NOW.subtract(days=1)),
        ("tomorrow", NOW.add(days=1)),
        ("-2h", NOW.subtract(hours=2)),
        ("+3d", NOW.add(days=3)),
        ("fri", NOW.subtract(days=5)),
        ("2026-11-01", pendulum.datetime(2026, 11, 1, tz="Asia/Tokyo")),
    ],
)
def test_the_english_words_still_work_in_japanese(language, text, expected):
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize(
    ("text", "past", "ahead"),
    [
        # A day as the app writes it, with or without its weekday and year: without a year, the last
        # such day for a log, the next for an event, today both ways.
        ("11月20日", date(2026, 11, 20), date(2027, 11, 20)),
        ("11月20日(金)", date(2026, 11, 20), date(2026, 11, 20)),  # its weekday names this year's
        ("１１月２０日（金）", date(2026, 11, 20), date(2026, 11, 20)),
        ("12月3日", date(2025, 12, 3), date(2026, 12, 3)),
        ("11月25日", date(2026, 11, 25), date(2026, 11, 25)),
        ("2027年1月10日(日)", date(2027, 1, 10), date(2027, 1, 10)),
        ("2026年11月1日", date(2026, 11, 1), date(2026, 11, 1)),
        # A weekday of last, this or next week (from Monday), whichever way the field looks.
        ("先週金曜", date(2026, 11, 20), date(2026, 11, 20)),
        ("先週の金曜日", date(2026, 11, 20), date(2026, 11, 20)),
        ("今週月曜", date(2026, 11, 23), date(2026, 11, 23)),
        ("今週の日曜", date(2026, 11, 29), date(2026, 11, 29)),
        ("来週金曜", date(2026, 12, 4), date(2026, 12, 4)),
        ("来週の月曜日", date(2026, 11, 30), date(2026, 11, 30)),
    ],
)
def test_a_japanese_day_as_the_app_writes_it_and_a_weekday_of_a_week(language, text, past, ahead):
    assert parse_date(text, NOW, future=False) == past
    assert parse_date(text, NOW) == ahead
    assert parse_when(text, NOW, future=True) == NOW.add(days=(ahead - NOW.date()).days)


def test_a_japanese_day_takes_a_time_of_it():
    assert parse_when("11月20日 21時", NOW) == pendulum.datetime(2026, 11, 20, 21, tz="Asia/Tokyo")
    assert parse_when("先週金曜 午後9時半", NOW) == pendulum.datetime(2026, 11, 20, 21, 30, tz="Asia/Tokyo")


def test_a_yearless_29th_of_february_is_that_of_a_leap_year():
    assert parse_date("2月29日", NOW) == date(2028, 2, 29)
    assert parse_date("2月29日", NOW, future=False) == date(2024, 2, 29)


def test_a_japanese_day_with_the_wrong_weekday_is_said_not_moved():
    # 11月20日 is a Friday: (水) was let be, and the day taken as if the user had meant it.
    assert parse_date("11月20日(金)", NOW, future=False) == date(2026, 11, 20)
    with pytest.raises(DateParseError, match="^'11月20日\\(水\\)' is not that day: 2026-11-20 is a Fri$"):
        parse_date("11月20日(水)", NOW, future=False)


@pytest.mark.parametrize("text", ["2月30日", "13月1日", "2026年2月29日"])
def test_a_japanese_day_that_the_calendar_has_not_is_said(text):
    with pytest.raises(DateParseError, match=f"^'{text}' is not a day of the calendar$"):
        parse_date(text, NOW)


@pytest.mark.parametrize(
    "text", ["月", "曜日", "月曜日日", "3日", "前", "3年前", "三日前", "再来週金曜", "12月"]
)
def test_what_is_not_a_japanese_date_is_refused(language, text):
    with pytest.raises(DateParseError, match="YYYY-MM-DD"):
        parse_when(text, NOW)


def test_a_japanese_offset_keeps_the_wall_time_across_a_clock_change():
    after = datetime(2026, 3, 8, 9, 0, tzinfo=NEW_YORK)  # the morning clocks went forward at 2:00
    assert parse_when("1日前", after) == datetime(2026, 3, 7, 9, 0, tzinfo=NEW_YORK)  # a day: same wall time
    assert parse_when("24時間前", after) == datetime(2026, 3, 7, 8, 0, tzinfo=NEW_YORK)  # real hours
    assert parse_when("1日後", datetime(2026, 3, 7, 9, 0, tzinfo=NEW_YORK)) == after


def test_the_hint_is_said_in_japanese_and_names_the_japanese_words(ja):
    with pytest.raises(DateParseError) as caught:
        parse_when("soon", NOW)
    assert str(caught.value).startswith("'soon' は日付でも時刻でもありません：")
    assert "3日前" in str(caught.value) and "YYYY-MM-DD" in str(caught.value)
    with pytest.raises(DateParseError, match="^日付が空です："):
        parse_when(" ", NOW)


def test_the_hint_stays_english_in_english():
    with pytest.raises(DateParseError, match=r"^'soon' is not a date or time: use YYYY-MM-DD"):
        parse_when("soon", NOW)


# -- writing days and times ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "today", "english", "japanese"),
    [
        (date(2026, 11, 27), None, "2026-11-27", "11月27日(金)"),
        (date(2026, 11, 27), date(2026, 11, 25), "2026-11-27", "11月27日(金)"),
        (date(2027, 1, 2), date(2026, 12, 30), "2027-01-02", "2027年1月2日(土)"),  # into the new year
        (date(2026, 12, 31), date(2027, 1, 1), "2026-12-31", "2026年12月31日(木)"),  # back in the old
        (date(2026, 3, 8), None, "2026-03-08", "3月8日(日)"),
    ],
)
def test_a_day_is_written_in_the_languages_own_form(day, today, english, japanese):
    assert day_text(day, today) == english
    try:
        i18n.use_language("ja")
        assert day_text(day, today) == japanese
    finally:
        i18n.use_language("en")


def test_every_weekday_has_its_japanese_name(ja):
    monday = date(2026, 11, 23)
    names = [day_text(monday + timedelta(days=offset)) for offset in range(7)]
    assert names == [
        "11月23日(月)",
        "11月24日(火)",
        "11月25日(水)",
        "11月26日(木)",
        "11月27日(金)",
        "11月28日(土)",
        "11月29日(日)",
    ]
    assert weekday_name(6) == "日" and weekday_name(monday) == "月"
    assert weekday_names("sunday") == ("日", "月", "火", "水", "木", "金", "土")


def test_weekday_names_stay_english_in_english():
    assert weekday_name(4) == "Fri"
    assert weekday_names("monday") == ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def test_a_time_is_written_on_its_own_wall_clock_even_on_a_clock_change():
    # 2026-03-08 in New York: 01:59 EST is followed by 03:00 EDT.
    before = datetime(2026, 3, 8, 1, 30, tzinfo=NEW_YORK)
    after = (before.astimezone(ZoneInfo("UTC")) + timedelta(hours=1)).astimezone(NEW_YORK)
    assert moment_text(after) == "2026-03-08 03:30"
    try:
        i18n.use_language("ja")
        assert moment_text(before) == "3月8日(日) 01:30"
        assert moment_text(after) == "3月8日(日) 03:30"
        assert moment_text(after, date(2025, 12, 31)) == "2026年3月8日(日) 03:30"
    finally:
        i18n.use_language("en")


def test_a_span_of_days_in_each_language():
    assert day_range_text(date(2026, 12, 28), date(2027, 1, 3)) == "Dec 28 – Jan 3"
    try:
        i18n.use_language("ja")
        assert day_range_text(date(2026, 11, 23), date(2026, 11, 29)) == "11月23日(月)〜11月29日(日)"
        assert day_range_text(date(2026, 12, 28), date(2027, 1, 3)) == "12月28日(月)〜2027年1月3日(日)"
    finally:
        i18n.use_language("en")


# -- how long ago --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("back", "english", "japanese"),
    [
        (timedelta(seconds=20), "just now", "たった今"),
        (timedelta(seconds=-90), "just now", "たった今"),  # a clock a little ahead
        (timedelta(minutes=1), "1 minute ago", "1分前"),
        (timedelta(minutes=59, seconds=59), "59 minutes ago", "59分前"),
        (timedelta(hours=1), "1 hour ago", "1時間前"),
        (timedelta(hours=5), "5 hours ago", "5時間前"),
        (timedelta(days=1), "1 day ago", "1日前"),
        (timedelta(days=3, hours=2), "3 days ago", "3日前"),
        (timedelta(days=400), "400 days ago", "400日前"),
    ],
)
def test_how_long_ago_in_each_language(back, english, japanese):
    assert ago(NOW - back, NOW) == english
    try:
        i18n.use_language("ja")
        assert ago(NOW - back, NOW) == japanese
    finally:
        i18n.use_language("en")


def test_how_long_ago_is_real_time_across_a_clock_change():
    # 00:30 EST to 03:30 EDT is two hours, not three.
    then = datetime(2026, 3, 8, 0, 30, tzinfo=NEW_YORK)
    now = datetime(2026, 3, 8, 3, 30, tzinfo=NEW_YORK)
    assert ago(then, now) == "2 hours ago"
    try:
        i18n.use_language("ja")
        assert ago(then, now) == "2時間前"
    finally:
        i18n.use_language("en")


def test_japanese_relative_times_are_pendulums_words_without_its_spaces(ja):
    # pendulum's own Japanese is "3 日前"; the units and 前 are its locale's.
    assert (
        pendulum.datetime(2026, 11, 22, 15, 30, tz="Asia/Tokyo").diff_for_humans(NOW, locale="ja")
        == "3 日 前"
    )
    assert ago(NOW.subtract(days=3), NOW) == "3日前"


@pytest.mark.parametrize(
    ("then", "now", "said"),
    [
        (datetime(2026, 12, 2, 12, 4), datetime(2026, 12, 5, 3, 30), "3 days ago"),
        (datetime(2026, 12, 3, 23, 50), datetime(2026, 12, 5, 0, 10), "2 days ago"),
        (datetime(2026, 12, 3, 0, 10), datetime(2026, 12, 4, 23, 50), "1 day ago"),
        (datetime(2026, 12, 4, 1, 0), datetime(2026, 12, 4, 23, 50), "22 hours ago"),
    ],
)
def test_a_day_and_more_ago_is_counted_in_days_of_the_calendar(then, now, said):
    assert ago(then.replace(tzinfo=TOKYO), now.replace(tzinfo=TOKYO)) == said
    assert ago(then, now) == said
    # A moment stored in UTC is counted on the calendar of the zone it is shown in.
    assert ago(then.replace(tzinfo=TOKYO).astimezone(UTC_ZONE), now.replace(tzinfo=TOKYO)) == said


def test_a_day_of_25_hours_holds_24_hours_not_0_days():
    # New York's clocks go back on 1 November 2026: 00:10 EDT to 23:20 EST is 24 h 10 min on one date.
    then = datetime(2026, 11, 1, 0, 10, tzinfo=NEW_YORK)
    assert ago(then, datetime(2026, 11, 1, 23, 20, tzinfo=NEW_YORK)) == "24 hours ago"
    assert ago(then, datetime(2026, 11, 2, 0, 5, tzinfo=NEW_YORK)) == "1 day ago"


def test_how_long_ago_between_two_times_without_a_zone():
    assert ago(datetime(2026, 1, 1, 0, 0), datetime(2026, 1, 1, 2, 0)) == "2 hours ago"


def test_pendulums_words_keep_their_spaces_where_the_language_writes_them():
    assert _relative_past("en", "day", 3) == "3 days ago"
    assert _relative_past("ja", "day", 3) == "3日前"


def test_an_empty_date_says_so_in_english():
    with pytest.raises(DateParseError, match="^empty date: use YYYY-MM-DD, "):
        parse_when("  ", NOW)
