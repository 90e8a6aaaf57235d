"""A thread is closed for want of an answer to a message: with nothing sent, there is none to close,
and closing it would have counted the contact as written to and ticked them off today's plan."""

import pytest

from dailyreach.core.errors import ValidationError
from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.records.model import Settings
from tests.conftest import add_contact, log


def test_no_response_to_nothing_sent_is_refused_and_nothing_changes(store):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=1))
    bob = add_contact(store, "Bob Lee", handles={"bluesky": "bob.bsky.social"})
    before = build_agenda(store)
    with pytest.raises(ValidationError, match="nothing was sent to Bob Lee yet"):
        log(store, bob, "no_response")
    assert store.interactions(bob.id) == []
    after = build_agenda(store)
    assert (after.progress, [item.done for item in after.items]) == (before.progress, [False])


def test_no_response_after_a_message_closes_the_thread(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))
    log(store, ann, "no_response")
    assert store.thread(ann.id).stage == "no_response" and not store.thread(ann.id).open


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        ("reply_received", "no message to Ann is waiting for an answer"),
        ("meeting_booked", "no message to Ann is waiting for an answer"),
        ("met", "no message to Ann is waiting for an answer"),
        ("no_response", "the thread with Ann is closed already: nothing was sent since"),
    ],
)
def test_no_response_once_answered_or_closed_is_refused_and_nothing_changes(store, answer, said):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))
    log(store, ann, answer, at=store.now().subtract(days=4))
    before = store.interactions(ann.id)
    with pytest.raises(ValidationError, match=said) as refused:
        log(store, ann, "no_response")
    assert str(refused.value).startswith(said)  # the log refused as a whole: no "Kind:" before it
    assert store.interactions(ann.id) == before


def test_no_response_after_a_message_sent_since_the_answer_closes_the_thread(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=9))
    log(store, ann, "reply_received", at=store.now().subtract(days=8))
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))
    log(store, ann, "no_response")
    assert not store.thread(ann.id).open
    with pytest.raises(
        ValidationError, match="the thread with Ann is closed already: nothing was sent since"
    ):
        log(store, ann, "no_response")  # not "nothing waits": it was closed, the earlier answer aside
