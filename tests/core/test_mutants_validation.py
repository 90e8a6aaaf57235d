"""Behaviour of ``validation.py`` that mutation testing found no test pinned."""

from datetime import UTC, date, datetime

import pytest

from dailyreach.core.errors import ValidationError
from dailyreach.core.records.dates import latest_year
from dailyreach.core.records.text import SHOWN_LIMIT, shown
from dailyreach.core.records.validation import amount, calendar_day, moment


@pytest.mark.parametrize(("typed", "hours"), [("1h59", 1 + 59 / 60), ("1:59", 1 + 59 / 60), ("1,5h", 1.5)])
def test_hours_and_minutes_up_to_59_and_a_comma_for_the_decimals(typed, hours):
    assert amount(typed, "hours", money=False) == pytest.approx(hours)


@pytest.mark.parametrize("typed", ["1h60", "1:60"])
def test_sixty_minutes_after_the_hours_is_no_way_to_write_a_time(typed):
    with pytest.raises(ValidationError) as refused:
        amount(typed, "hours", money=False)
    assert refused.value.problem == f"'{typed}' is not a number of hours such as 2, 1.5 or 1h30"


def test_an_empty_amount_is_none_and_true_or_false_is_no_number():
    assert amount("", "cost") is None
    with pytest.raises(ValidationError) as refused:
        amount(True, "cost")
    assert (refused.value.field, refused.value.problem) == ("cost", "must be a number")


OFFSET_FORM = "is not an ISO 8601 time with its offset (2026-11-23T09:00+09:00)"


@pytest.mark.parametrize(
    ("value", "read"),
    [
        (datetime(2026, 1, 1, 9, tzinfo=UTC), "2026-01-01T09:00:00+00:00"),
        ("2026-01-01T09:00+09:00", "2026-01-01T09:00:00+09:00"),
        ("2026-01-01T09:00Z", "2026-01-01T09:00:00+00:00"),
    ],
)
def test_a_time_with_its_offset_is_written_out(value, read):
    assert moment(value, "at") == read


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (date(2026, 1, 2), "2026-01-02"),
        (datetime(2026, 1, 2, 3, tzinfo=UTC), "2026-01-02"),
        ("2026-01-02", "2026-01-02"),
        ("2026-W02", "2026-01-05"),
    ],
)
def test_a_day_is_written_as_yyyy_mm_dd(value, day):
    assert calendar_day(value, "date") == day


@pytest.mark.parametrize(
    ("check", "value", "problem"),
    [
        (moment, datetime(2026, 1, 1, 9), f"datetime.datetime(2026, 1, 1, 9, 0) {OFFSET_FORM}"),
        (moment, "2026-01-01", f"'2026-01-01' {OFFSET_FORM}"),
        (moment, "x" * 100, f"'{'x' * 54}...x' {OFFSET_FORM}"),
        (moment, "2026-01-01T10:00+24:00", "'2026-01-01T10:00+24:00' is not an ISO 8601 date and time"),
        (
            moment,
            "2026-01-01T10:00Z/2026-01-02T10:00Z",
            "'2026-01-01T10:00Z/2026-01-02T10:00Z' has no time of day",
        ),
        (
            moment,
            "1969-12-31T23:00Z",
            "'1969-12-31T23:00Z' is out of range: use a time between 1970 and {latest}",
        ),
        (
            moment,
            datetime(1969, 12, 31, 23, tzinfo=UTC),
            "{shown} is out of range: use a time between 1970 and {latest}",
        ),
        (calendar_day, "", "is required"),
        (calendar_day, 5, "5 is not a date (YYYY-MM-DD)"),
        (calendar_day, "soon", "'soon' is not a date (YYYY-MM-DD)"),
        (calendar_day, "P3D", "'P3D' is not a date (YYYY-MM-DD)"),
        (calendar_day, "1969-12-31", "'1969-12-31' is out of range: use a day between 1970 and {latest}"),
    ],
)
def test_a_time_or_day_that_is_not_one_says_why_under_its_field(check, value, problem):
    with pytest.raises(ValidationError) as refused:
        check(value, "when")
    said = problem.format(latest=latest_year(), shown=shown(value))
    assert (refused.value.field, refused.value.problem) == ("when", said)


def test_a_value_shown_in_a_message_keeps_an_emoji_s_joiner_and_escapes_what_is_hidden():
    assert shown("ex-CTO 👩\u200d💻") == "'ex-CTO 👩\u200d💻'"
    assert shown("a\u200db\x1b[31m\\") == "'a\u200db\\x1b[31m\\\\'"
    assert shown("\x1b[31m") == repr("\x1b[31m")


def test_a_value_shown_in_a_message_is_cut_past_sixty_characters():
    whole = "y" * (SHOWN_LIMIT - 2)  # with its quotes, sixty characters
    assert shown(whole) == repr(whole)
    assert shown(whole + "z") == f"'{'y' * 54}...z'"
