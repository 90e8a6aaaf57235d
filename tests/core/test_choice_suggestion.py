"""A value that is none of the choices names the one meant, when one is: the only choice it starts, else
the closest in spelling; nothing when none is close."""

import pytest

from dailyreach.core.errors import ValidationError
from dailyreach.core.records.model import Settings
from dailyreach.core.records.validation import choice

KINDS = ("public_reply", "dm_sent", "follow_up", "reply_received", "meeting_booked", "met", "no_response")


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("dm", "dm_sent"),  # the only choice it starts
        (" DM ", "dm_sent"),  # as typed, with spaces and capitals
        ("meeting", "meeting_booked"),
        ("dmsent", "dm_sent"),  # no choice starts it: the closest in spelling
        ("folow_up", "follow_up"),
        ("me", "met"),  # starts two (met, meeting_booked): the closest
    ],
)
def test_a_mistyped_choice_names_the_one_meant(typed, meant):
    with pytest.raises(ValidationError) as refused:
        choice(typed, "kind", KINDS)
    assert refused.value.problem.endswith(f"is not one of {', '.join(KINDS)}: did you mean {meant}?")


def test_a_day_the_week_cannot_start_on_is_not_taken_for_a_mistyped_one():
    with pytest.raises(ValidationError) as refused:
        Settings.from_dict({"week_start": "Tuesday"})
    assert refused.value.problem == "'Tuesday' is not one of monday, sunday, saturday"


@pytest.mark.parametrize("typed", ["xyz", "", 3, None])
def test_nothing_close_names_nothing(typed):
    with pytest.raises(ValidationError) as refused:
        choice(typed, "kind", KINDS)
    assert refused.value.problem.endswith(f"is not one of {', '.join(KINDS)}")


def test_a_choice_is_taken_as_it_is():
    assert choice("dm_sent", "kind", KINDS) == "dm_sent"


@pytest.mark.parametrize("typed", ["DM_SENT", " dm_sent ", "Dm_Sent"])
def test_a_choice_in_another_case_or_with_spaces_is_taken_as_the_choice(typed):
    assert choice(typed, "kind", KINDS) == "dm_sent"


def test_a_mistyped_timezone_names_the_one_meant():
    with pytest.raises(ValidationError) as refused:
        Settings.from_dict({"timezone": "Asia/Tokio"})
    assert refused.value.problem == "'Asia/Tokio' is not a known timezone: did you mean Asia/Tokyo?"
    with pytest.raises(ValidationError) as refused:
        Settings.from_dict({"timezone": "Mars/Olympus"})
    assert refused.value.problem == "'Mars/Olympus' is not a known timezone"


def test_an_empty_choice_is_not_named_among_those_refused():
    with pytest.raises(ValidationError) as refused:
        choice("fr", "language", ("", "en", "ja"))
    assert refused.value.problem == "'fr' is not one of en, ja"
