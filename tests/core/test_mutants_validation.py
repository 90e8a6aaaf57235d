"""Behaviour of ``validation.py`` that mutation testing found no test pinned."""

import pytest

from dailyreach.core.errors import ValidationError
from dailyreach.core.records.validation import amount


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
