"""Behaviour of ``drafts.py`` that mutation testing found no test pinned: the edges of X's weights, what
counts as one character, names to call people by, and where a draft is sent."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from dailyreach.core.planning.drafts import (
    character_count,
    compose_link,
    days_since_last,
    default_call_name,
)
from dailyreach.core.records.model import Contact, Interaction


@pytest.mark.parametrize(
    ("character", "weight"),
    [
        ("\u10ff", 1),  # the last of the scripts X weighs as one
        ("\u1100", 2),  # Hangul Jamo, the first it weighs as two
        ("\u1fff", 2),
        ("\u2000", 1),  # an en quad: general punctuation from here
        ("\u200d", 1),
        ("\u200e", 2),
        ("\u2010", 1),  # a hyphen
        ("\u201f", 1),
        ("\u2020", 2),  # a dagger
        ("\u2031", 2),
        ("\u2032", 1),  # a prime
        ("\u2037", 1),
        ("\u2038", 2),
    ],
)
def test_x_weighs_each_character_as_its_ranges_say(character, weight):
    assert character_count(character, "x") == weight


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("e\u0301", 1),  # an accent after its letter (NFC makes some one: this one is one already)
        ("a\u20dd", 1),  # an enclosing mark
        ("\u2764\ufe0e", 1),
        ("\u2764\ufe0f", 1),  # the first and last variation selectors
        ("\U0001f44b\U0001f3fb", 1),
        ("\U0001f44b\U0001f3ff", 1),  # the lightest and the darkest skin tones
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467", 1),  # a family joined by ZWJs
        ("a\u200db", 1),  # a joiner takes what follows it
        ("a\u200dbc", 2),  # and only that
        ("a\ufe00", 1),
        ("ab", 2),
    ],
)
def test_what_a_reader_sees_as_one_character_counts_as_one(text, count):
    assert character_count(text, "linkedin") == count


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("山田\u3000太郎", "山田さん"),  # an ideographic space between the names
        ("Smith, Ann Marie", "Ann"),
        ("Smith, Ann, PhD", "Ann,"),
        ("Dr. Ann Smith", "Ann"),
        ("Mr.", "Mr."),  # nothing but a title: the name as it is
    ],
)
def test_the_name_to_call_someone_by(name, call):
    assert default_call_name(name) == call


def interaction(kind: str, at: datetime) -> Interaction:
    return Interaction(contact_id="c", kind=kind, at=at.isoformat(), channel="x")


def test_days_since_the_last_message_sent_counted_in_local_days():
    tokyo = timezone(timedelta(hours=9))
    now = datetime(2026, 11, 23, 1, 0, tzinfo=tokyo)  # just after midnight in Tokyo
    sent = interaction("dm_sent", datetime(2026, 11, 22, 14, 0, tzinfo=UTC_ZONE))  # 23:00 the day before
    answered = interaction("reply_received", datetime(2026, 11, 22, 15, 30, tzinfo=UTC_ZONE))
    assert days_since_last([sent, answered], now) == 1  # the DM, not the later answer
    assert days_since_last([answered], now) == 0  # nothing sent: the last interaction
    assert days_since_last([], now) is None
    earlier = interaction("dm_sent", datetime(2026, 11, 10, 0, 0, tzinfo=UTC_ZONE))
    assert days_since_last([earlier, sent], now) == 1


UTC_ZONE = UTC


def test_a_mastodon_reply_is_composed_on_the_contacts_own_server():
    ann = Contact.from_dict({"name": "Ann", "handles": {"mastodon": "@ann@social.example"}})
    link = compose_link(ann, "mastodon", "first_public_reply", "", "Hi @ann@social.example")
    assert link == "https://social.example/share?text=Hi%20%40ann%40social.example"


def test_an_email_draft_goes_to_the_address_quoted_with_its_subject_and_lines():
    ann = Contact.from_dict({"name": "Ann", "handles": {"email": "ann@example.com"}})
    link = compose_link(ann, "email", "first_dm", "A question", "Hi Ann,\nthanks")
    assert link == "mailto:ann@example.com?subject=A%20question&body=Hi%20Ann%2C%0D%0Athanks"
