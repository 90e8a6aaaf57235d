import pytest

from dailyreach import i18n
from dailyreach.core.errors import ValidationError, field_label
from dailyreach.core.records.model import (
    Contact,
    DayPlan,
    Interaction,
    Invitation,
    Settings,
    Snooze,
    channel_key,
    followup_days_on,
    typed_timezone,
)


@pytest.mark.parametrize(
    ("record", "data", "field"),
    [
        (Contact, {"name": "  "}, "name"),
        (Contact, {"name": "x" * 201}, "name"),
        (Contact, {"name": "Ann", "handles": {"x": "not valid!"}}, "x"),
        (Contact, {"name": "Ann", "handles": {"myspace": "tom"}}, "handles"),
        (Contact, {"name": "Ann", "priority": 4}, "priority"),
        (Contact, {"name": "Ann", "followers": -1}, "followers"),
        (Contact, {"name": "Ann", "followers": "-3k"}, "followers"),
        (Contact, {"name": "Ann", "followers": "k"}, "followers"),
        (Contact, {"name": "Ann", "followers": "infk"}, "followers"),
        (Contact, {"name": "Ann", "followers": "12x"}, "followers"),
        (Contact, {"name": "Ann", "followers": "99999999M"}, "followers"),
        (Contact, {"name": "Ann", "cadence_days": "weekly"}, "cadence_days"),
        (Contact, {"name": "Ann", "created_at": "last tuesday"}, "created_at"),
        (Contact, {"name": "Ann", "archived": "yes"}, "archived"),
        (Contact, {"name": "Ann", "colour": "red"}, "contact"),
        (Interaction, {"contact_id": "c1", "kind": "waved", "at": "2026-11-23T09:00:00+09:00"}, "kind"),
        (Interaction, {"contact_id": "c1", "kind": "dm_sent", "at": "tomorrow-ish"}, "at"),
        (Interaction, {"contact_id": "c1", "kind": "dm_sent", "at": "2026-11-23"}, "at"),
        (
            Interaction,
            {"contact_id": "c1", "kind": "dm_sent", "at": "2026-11-23T09:00Z", "channel": "fax"},
            "channel",
        ),
        (Invitation, {"title": ""}, "title"),
        (Invitation, {"title": "\u200b\u2060"}, "title"),  # draws nothing, as an empty one
        (Invitation, {"title": "Mixer", "cost": -5}, "cost"),
        (Invitation, {"title": "Mixer", "hours": "nan"}, "hours"),
        (Invitation, {"title": "Mixer", "kind": "rave"}, "kind"),
        (Invitation, {"title": "Mixer", "event_date": "2026-02-30"}, "event_date"),
        (Invitation, {"title": "Mixer", "currency": "12$"}, "currency"),
        (Settings, {"daily_goal": 0}, "daily_goal"),
        (Settings, {"currency": ""}, "currency"),  # not the default: that is for a currency not given
        (Settings, {"timezone": "Mars/Olympus"}, "timezone"),
        (Settings, {"timezone": 9}, "timezone"),
        (DayPlan, {"date": "2026-11-23", "items": [{"contact_id": "c", "reason": "whim"}]}, "reason"),
        # pendulum parses an ISO duration as a Duration, which names no day (found by mypy).
        (DayPlan, {"date": "P3D"}, "date"),
        (Snooze, {"contact_id": "c1", "until": "P3D"}, "until"),
        (Invitation, {"title": "Mixer", "event_date": "P1W"}, "event_date"),
        (Snooze, {"contact_id": "c1"}, "until"),
        (
            DayPlan,
            {"date": "2026-11-23", "items": [{"contact_id": "c", "reason": "new", "follow_up_number": ""}]},
            "follow_up_number",
        ),
    ],
)
def test_a_bad_value_is_rejected_naming_its_field(record, data, field):
    with pytest.raises(ValidationError) as caught:
        record.from_dict(data)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field_label(field)}: ")


def test_user_text_keeps_markup_and_unicode_but_loses_control_characters():
    contact = Contact.from_dict(
        {
            "name": "\x1b[31mAnn\x1b[0m [/] Smith\x07",
            "why": "line one\r\nline two\x00",
            "tags": ["#founder", "founder", " 日本 "],
        }
    )
    assert contact.name == "Ann [/] Smith"
    assert contact.why == "line one\nline two"
    assert contact.tags == ["founder", "日本"]
    assert Contact.from_dict({"name": "[bold]VIP 山田 🎉"}).name == "[bold]VIP 山田 🎉"


def test_handles_become_profile_urls_and_the_main_channel_is_the_first_known():
    contact = Contact.from_dict({"name": "Ann", "handles": {"email": "a@b.co", "x": "ann", "web": ""}})
    assert contact.handles == {"email": "a@b.co", "x": "@ann"}
    assert contact.main_channel == "x"
    assert contact.profile_urls["x"] == "https://x.com/ann"


def test_records_round_trip_through_their_dict():
    invitation = Invitation.from_dict({"title": "Mixer", "from": "Bob", "cost": "3000", "currency": "jpy"})
    assert invitation.cost == 3000 and invitation.currency == "JPY"
    assert Invitation.from_dict(invitation.to_dict()) == invitation
    contact = Contact.from_dict(
        {"name": "Ann", "handles": {"mastodon": "@a@b.social"}, "created_at": "2026-01-01T00:00:00+09:00"}
    )
    assert Contact.from_dict(contact.to_dict()) == contact


def test_a_huge_bad_value_is_quoted_short_in_the_error():
    with pytest.raises(ValidationError) as caught:
        Contact.from_dict({"name": "Bob", "handles": {"x": "y" * 3000}})
    assert len(str(caught.value)) < 150 and str(caught.value).startswith("X: 'yyyy")


@pytest.mark.parametrize(
    ("typed", "currency", "cost", "saved_in"),
    [
        ("5000", None, 5000, "USD"),
        ("5,000", "JPY", 5000, "JPY"),
        ("¥5000", None, 5000, "JPY"),
        ("5,000円", None, 5000, "JPY"),
        ("5000 JPY", None, 5000, "JPY"),
        ("JPY 5000", "jpy", 5000, "JPY"),
        ("$40", None, 40, "USD"),
        ("€12.50", None, 12.5, "EUR"),
        ("£3", "GBP", 3, "GBP"),
        (7.5, None, 7.5, "USD"),
        ("1.234,50 EUR", None, 1234.5, "EUR"),
        ("1,234.50", "USD", 1234.5, "USD"),
        ("1.234.567 JPY", None, 1234567, "JPY"),
        ("12,50 €", None, 12.5, "EUR"),
        ("１，０００円", None, 1000, "JPY"),
        ("1 234,50 €", None, 1234.5, "EUR"),
        ("1\u202f234,50 EUR", None, 1234.5, "EUR"),
        ("0,500", "EUR", 0.5, "EUR"),
    ],
)
def test_a_cost_is_read_as_people_type_it(typed, currency, cost, saved_in):
    invitation = Invitation.from_dict({"title": "Mixer", "cost": typed, "currency": currency})
    assert (invitation.cost, invitation.currency) == (cost, saved_in)


@pytest.mark.parametrize(
    ("typed", "currency", "problem"),
    [
        ("¥5000", "USD", "Cost: '¥5000' is in JPY, not USD"),
        ("5000 XX", None, "Cost: '5000 XX' is not an amount such as 5000, 5,000, ¥5000 or 40 USD"),
        ("5 000 JPY", "USD", "Cost: '5 000 JPY' is in JPY, not USD"),
        ("1e3", None, "Cost: '1e3' is not an amount such as 5000, 5,000, ¥5000 or 40 USD"),
        ("1_000", None, "Cost: '1_000' is not an amount such as 5000, 5,000, ¥5000 or 40 USD"),
        ("nan", None, "Cost: 'nan' is not an amount such as 5000, 5,000, ¥5000 or 40 USD"),
        (
            "1.234 EUR",
            None,
            "Cost: '1.234 EUR' could be a thousand and more or a little over one: write the thousands without a "
            "dot (1234), or the cents in two digits (1.23)",
        ),
        ("-¥5", None, "Cost: '-¥5' is not an amount such as 5000, 5,000, ¥5000 or 40 USD"),
        ("1,2,3", None, "Cost: '1,2,3' is not a number"),
        ("1,23.4", None, "Cost: '1,23.4' is not a number"),
        ("2,000,000,000,000", None, "Cost: '2,000,000,000,000' is more than 1,000,000,000,000"),
        ("¥1,500.5", None, "Cost: '¥1,500.5' is finer than JPY counts: it has no smaller unit than 1"),
        ("1500.5", "KRW", "Cost: '1500.5' is finer than KRW counts: it has no smaller unit than 1"),
        ("0.0015", "KWD", "Cost: '0.0015' is finer than KWD counts: 3 decimals at most"),
        ("0.001", "USD", "Cost: '0.001' is finer than USD counts: 2 decimals at most"),
    ],
)
def test_a_cost_that_is_not_an_amount_or_names_another_currency_is_refused(typed, currency, problem):
    with pytest.raises(ValidationError) as refused:
        Invitation.from_dict({"title": "Mixer", "cost": typed, "currency": currency})
    assert str(refused.value) == problem


def test_new_ids_are_ten_characters_people_cannot_misread_and_do_not_repeat():
    ids = {Contact(name="Ann").id for _ in range(2000)}
    assert len(ids) == 2000
    assert all(len(i) == 10 and set(i) <= set("23456789abcdefghjkmnpqrstuvwxyz") for i in ids)


@pytest.mark.parametrize(
    ("typed", "hours"),
    [
        ("1,5", 1.5),
        ("2.5", 2.5),
        (3, 3),
        ("1000", 1000),
        ("2h", 2),
        ("2 hours", 2),
        ("1.5 h", 1.5),
        ("90 min", 1.5),
        ("1h30", 1.5),
        ("1h 30m", 1.5),
        ("1:30", 1.5),
        ("2時間", 2),
        ("1時間30分", 1.5),
        ("1時間半", 1.5),
        ("３時間", 3),
    ],
)
def test_hours_are_read_with_either_decimal_mark(typed, hours):
    assert Invitation.from_dict({"title": "Mixer", "hours": typed}).hours == hours


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("2 days", "Hours: '2 days' is not a number of hours such as 2, 1.5 or 1h30"),
        ("1h90", "Hours: '1h90' is not a number of hours such as 2, 1.5 or 1h30"),
        ("¥3", "Hours: '¥3' is not a number of hours such as 2, 1.5 or 1h30"),
        ("1e9", "Hours: '1e9' is not a number of hours such as 2, 1.5 or 1h30"),
        ("1001h", "Hours: '1001h' is more than 1,000"),
        (1000.5, "Hours: 1000.5 is more than 1,000"),
    ],
)
def test_hours_that_are_no_number_of_hours_are_refused(typed, problem):
    with pytest.raises(ValidationError) as refused:
        Invitation.from_dict({"title": "Mixer", "hours": typed})
    assert str(refused.value) == problem


@pytest.mark.parametrize(("typed", "stored"), [("LinkedIn", "linkedin"), ("E-Mail", "email"), (" x ", "x")])
def test_an_interactions_channel_may_be_named_as_the_app_shows_it(typed, stored):
    logged = Interaction.from_dict(
        {"contact_id": "c", "kind": "dm_sent", "at": "2026-11-23T09:00:00+00:00", "channel": typed}
    )
    assert logged.channel == stored


def test_a_channel_named_in_japanese_is_taken_in_japanese():
    i18n.use_language("ja")
    try:
        assert channel_key("メール") == "email"
    finally:
        i18n.use_language("en")
    assert channel_key("メール") == "メール"  # in English, no name of a channel


@pytest.mark.parametrize(
    ("typed", "cost"),
    [
        ("0", 0),
        ("0.001", 0.001),
        ("123,456", 123456),
        ("1234,567", 1234.567),
        (",500", 0.5),
    ],
)
def test_the_edges_of_an_amount_are_read_as_meant(typed, cost):
    # In dinars, which count thousandths: the finest amount read, in a currency that has it.
    assert Invitation.from_dict({"title": "Mixer", "cost": typed, "currency": "KWD"}).cost == cost


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        (float("nan"), "Cost: must be a finite number"),
        (float("inf"), "Cost: must be a finite number"),
        ("0.0001", "Cost: '0.0001' is too small: use 0, or at least 0.001"),
    ],
)
def test_an_amount_that_is_no_amount_of_money_is_refused(value, problem):
    with pytest.raises(ValidationError) as refused:
        Invitation.from_dict({"title": "Mixer", "cost": value})
    assert str(refused.value) == problem


def test_hours_with_a_dot_before_three_digits_are_hours_and_a_fraction():
    assert Invitation.from_dict({"title": "Mixer", "hours": "2.500"}).hours == 2.5


@pytest.mark.parametrize(
    ("typed", "count"),
    [
        ("12k", 12_000),
        ("12.3K", 12_300),
        ("1.2M", 1_200_000),
        ("1.25m", 1_250_000),
        ("1.2万", 12_000),  # as Japanese profiles show it
        ("12,345", 12_345),
        (" 800 ", 800),
        (800, 800),
        ("", None),
        (None, None),
    ],
)
def test_a_follower_count_is_read_as_profiles_show_it(typed, count):
    assert Contact.from_dict({"name": "Ann", "followers": typed}).followers == count


def test_a_follower_count_that_is_no_count_says_how_one_is_written():
    with pytest.raises(ValidationError) as caught:
        Contact.from_dict({"name": "Ann", "followers": "nan k"})
    assert str(caught.value) == "Followers: 'nan k' is not a count: 12000, 12k or 1.2M"
    assert Contact.from_dict({"name": "Ann", "followers": "0"}).followers == 0  # none yet is a count


@pytest.mark.parametrize(
    ("typed", "name"), [("utc", "UTC"), ("asia/tokyo", "Asia/Tokyo"), (" Europe/Berlin ", "Europe/Berlin")]
)
def test_a_typed_timezone_is_named_as_the_zone_database_names_it(typed, name):
    assert typed_timezone(typed) == name


@pytest.mark.parametrize("typed", ["localtime", "Mars/Base", "Asia", ""])
def test_a_typed_timezone_the_database_has_not_is_refused(typed):
    # localtime is a Debian link to the system's zone: another zone on each machine the settings go to.
    with pytest.raises(ValidationError) as caught:
        typed_timezone(typed)
    assert caught.value.field == "timezone"
    assert str(caught.value).startswith(f"Timezone: {typed!r} is not a known timezone")


def test_a_typed_timezone_near_a_known_one_says_which_was_meant():
    with pytest.raises(ValidationError) as caught:
        typed_timezone("Asia/Tokio")
    assert "Asia/Tokyo" in str(caught.value)


def test_a_comma_parts_tags_in_a_list_as_in_a_string():
    # --tag "a,b" was kept as one tag "a,b", which the form shows as two and saved as two at the next edit.
    assert Contact.from_dict({"name": "Ann", "tags": ["investors,saas", "friends"]}).tags == [
        "investors",
        "saas",
        "friends",
    ]
    assert Contact.from_dict({"name": "Ann", "tags": "investors, #saas,,investors"}).tags == [
        "investors",
        "saas",
    ]


@pytest.mark.parametrize(
    ("fields", "field", "problem"),
    [
        ({"handles": "@ann"}, "handles", "must map platform to handle"),
        ({"tags": {"a": 1}}, "tags", "must be a list of words"),
        ({"tags": [5]}, "tags", "must be text, not int"),
        ({"why": 5}, "why", "must be text, not int"),
    ],
)
def test_a_contact_refused_names_the_field_and_what_is_wrong(fields, field, problem):
    with pytest.raises(ValidationError) as refused:
        Contact.from_dict({"name": "Ann", **fields})
    assert (refused.value.field, refused.value.problem) == (field, problem)


def test_a_tag_loses_its_hash_and_nothing_else():
    assert Contact.from_dict({"name": "Ann", "tags": ["#saas", "c#"]}).tags == ["saas", "c#"]


@pytest.mark.parametrize(
    ("cost", "currency", "kept"),
    [("¥1,500", None, 1500), ("12.5 USD", None, 12.5), ("0.125", "KWD", 0.125), (1500.5, "JPY", 1500.5)],
)
def test_a_cost_in_its_currencys_units_is_taken_and_a_stored_number_read_as_it_is(cost, currency, kept):
    """A yen amount stored with a fraction before it was refused stays readable."""
    assert Invitation.from_dict({"title": "Mixer", "cost": cost, "currency": currency}).cost == kept


def test_a_whole_typed_cost_is_read_without_loading_the_currencies_table():
    """Babel's table of currency digits takes some 20 ms to load: only a fraction is checked against it."""
    import subprocess
    import sys

    probe = (
        "import sys\nfrom dailyreach.core.records.model import Invitation\n"
        "Invitation.from_dict({'title': 'Mixer', 'cost': '¥1,500'})\nprint('babel.numbers' in sys.modules)\n"
        "Invitation.from_dict({'title': 'Mixer', 'cost': '¥1,500.0'})\nprint('babel.numbers' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["False", "False"]


def test_a_channels_own_follow_up_days_are_read_as_channel_equals_days():
    current = {"email": 7, "x": 2}
    assert followup_days_on([" LinkedIn = 5 ", "email=", "x=4"], current) == {"x": "4", "linkedin": "5"}
    assert current == {"email": 7, "x": 2}  # a new mapping: the settings are changed whole or not at all
    with pytest.raises(ValidationError) as refused:
        followup_days_on(["email 7"], {})
    assert (refused.value.field, refused.value.problem) == (
        "followup_days_by_channel",
        "'email 7' is not CHANNEL=DAYS (CHANNEL= removes it)",
    )
    with pytest.raises(ValidationError, match="'fax' is not one of x, linkedin") as mistyped:
        followup_days_on(["fax="], {})  # a mistyped channel is said even when removing
    assert mistyped.value.field == "followup_days_by_channel"
    assert followup_days_on(["github="], {}) == {}  # removing one that has no days of its own
    assert followup_days_on(["x=4=5"], {}) == {"x": "4=5"}  # the days, checked with the settings


@pytest.mark.parametrize(
    "name",
    ["\u2800", "\u3164\u3164", "\u115f", "\u1160 \uffa0", "\u0301", " \u20dd ", "\u200b\u00ad\u2060"],
    ids=[
        "braille blank",
        "hangul fillers",
        "choseong filler",
        "jungseong and halfwidth fillers",
        "a lone accent",
        "an enclosing mark",
        "invisible format characters",
    ],
)
def test_a_name_that_draws_nothing_is_empty(name):
    # Saved, it was a row with no name in Today and All contacts ("Added ⠀ to today's plan").
    with pytest.raises(ValidationError) as refused:
        Contact.from_dict({"name": name})
    assert (refused.value.field, refused.value.problem) == ("name", "must not be empty")


@pytest.mark.parametrize("name", ["e\u0301", "\u3164Ann", "한", "⠁"])
def test_a_name_with_anything_to_draw_is_kept_as_typed(name):
    assert Contact.from_dict({"name": name}).name == name


def test_an_invitation_given_an_empty_currency_is_refused_and_one_given_none_takes_the_default():
    with pytest.raises(ValidationError, match="Currency: '' is not a three-letter code"):
        Invitation.from_dict({"title": "Gala", "currency": ""})
    assert Invitation.from_dict({"title": "Gala"}).currency == "USD"
    assert Invitation.from_dict({"title": "Gala", "cost": "¥500"}).currency == "JPY"
