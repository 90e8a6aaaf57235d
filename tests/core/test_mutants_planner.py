"""Behaviour of ``planner.py`` that mutation testing found no test pinned."""

from datetime import date, timedelta, timezone

from dailyreach.core.planning.planner import (
    ANSWERED,
    declined_invitations,
    keep_in_touch_due,
    pending_replies,
    reason_now,
)
from dailyreach.core.records.model import Contact, Invitation, PlanItem
from dailyreach.core.store.threads import DaySpan, Thread
from tests.conftest import add_contact, log


def declined(title: str, event_date: str | None, decided_at: str, **fields) -> Invitation:
    return Invitation.from_dict(
        {"title": title, "status": "declined", "event_date": event_date, "decided_at": decided_at, **fields}
    )


def test_declined_invitations_come_latest_event_first_then_latest_decided_and_undated_last():
    invitations = [
        declined("Undated", None, "2026-11-20T10:00:00+09:00"),
        declined("Early", "2026-11-01", "2026-10-01T10:00:00+09:00"),
        declined("Late, decided first", "2026-12-01", "2026-11-01T10:00:00+09:00"),
        declined("Late, decided last", "2026-12-01", "2026-11-02T10:00:00+09:00"),
        Invitation.from_dict({"title": "Undecided", "event_date": "2026-12-24"}),
    ]
    shown, _ = declined_invitations(invitations)
    assert [invitation.title for invitation in shown] == [
        "Late, decided last",
        "Late, decided first",
        "Early",
        "Undated",
    ]


def test_savings_add_up_to_the_cent_and_count_nothing_for_what_was_not_said():
    invitations = [
        declined("Mixer", "2026-11-01", "2026-10-01T10:00:00+09:00", hours=2.5, cost=12.34, currency="USD"),
        declined("Seminar", "2026-11-02", "2026-10-01T10:00:00+09:00", cost=0.01, currency="USD"),
        declined("Party", "2026-11-03", "2026-10-01T10:00:00+09:00", cost=3000, currency="JPY"),
    ]
    _, savings = declined_invitations(invitations)
    assert savings.hours == 2.5  # the seminar and the party said no hours: none counted for them
    assert savings.money == {"JPY": 3000, "USD": 12.35}
    assert list(savings.money) == ["JPY", "USD"]


def test_keep_in_touch_is_not_due_for_a_thread_closed_for_want_of_an_answer(store, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, cadence_days=7)
    log(store, ann, "dm_sent", at=clock.now().subtract(days=20))
    log(store, ann, "no_response", at=clock.now().subtract(days=10))
    assert keep_in_touch_due(ann, store.thread(ann.id), store.zone) is None
    bob = add_contact(store, "Bob", handles={"x": "@bob"}, cadence_days=7)
    log(store, bob, "dm_sent", at=clock.now().subtract(days=20))
    log(store, bob, "reply_received", at=clock.now().subtract(days=10))
    assert keep_in_touch_due(bob, store.thread(bob.id), store.zone) == clock.now().subtract(days=3).date()


def test_keep_in_touch_counts_from_the_local_day_of_the_last_exchange():
    tokyo = timezone(timedelta(hours=9))
    ann = Contact.from_dict({"name": "Ann", "cadence_days": 7})
    thread = Thread()
    thread.add("dm_sent", "x", "2026-11-01T10:00:00.000000Z")
    thread.add("reply_received", "x", "2026-11-01T20:00:00.000000Z")  # the 2nd already in Tokyo
    assert keep_in_touch_due(ann, thread, tokyo) == date(2026, 11, 9)


def test_a_decline_with_no_day_of_its_own_comes_after_one_that_says_when_it_was_decided():
    dated = declined("Mixer", None, "2026-11-20T10:00:00+09:00")
    undated = Invitation(title="Pitch", status="declined")
    assert [inv.title for inv in declined_invitations([undated, dated])[0]] == ["Mixer", "Pitch"]


def test_what_declining_saved_is_rounded_to_hundredths():
    saved = declined_invitations(
        [Invitation(title="Seminar", status="declined", hours=1 / 3, cost=10.3333, currency="USD")]
    )[1]
    assert (saved.hours, saved.money) == (0.33, {"USD": 10.33})


TODAY = DaySpan.of(date(2026, 11, 23), timezone(timedelta(hours=9)))


def thread_of(*entries: tuple[str, str]) -> Thread:
    """A thread from (kind, UTC stamp) entries, on X."""
    thread = Thread()
    for kind, stamp in entries:
        thread.add(kind, "x", stamp)
    return thread


def test_a_follow_up_answered_after_todays_message_reads_answered_with_no_number():
    thread = thread_of(
        ("dm_sent", "2026-11-10T01:00:00.000000Z"),
        ("follow_up", "2026-11-23T01:00:00.000000Z"),
        ("reply_received", "2026-11-23T02:00:00.000000Z"),
    )
    shown = reason_now(
        PlanItem(contact_id="ann", reason="follow_up", follow_up_number=1), thread, TODAY, due=True
    )
    assert (shown.contact_id, shown.reason, shown.follow_up_number) == ("ann", ANSWERED, 0)


def test_a_new_targets_message_today_to_someone_written_to_before_reads_as_a_word_in_a_conversation():
    thread = thread_of(
        ("dm_sent", "2026-11-01T01:00:00.000000Z"),
        ("reply_received", "2026-11-02T01:00:00.000000Z"),
        ("dm_sent", "2026-11-23T01:00:00.000000Z"),
    )
    shown = reason_now(PlanItem(contact_id="ann", reason="new"), thread, TODAY, due=False)
    assert (shown.contact_id, shown.reason) == ("ann", "keep_in_touch")


def test_a_planned_follow_up_whose_message_was_undone_reads_new_with_no_number():
    shown = reason_now(
        PlanItem(contact_id="ann", reason="follow_up", follow_up_number=2), Thread(), TODAY, due=False
    )
    assert (shown.reason, shown.follow_up_number) == ("new", 0)


def test_a_pending_reply_says_when_the_last_message_went(store):
    ann = add_contact(store, "Ann")
    sent = log(store, ann, "dm_sent", at=store.now().subtract(days=2))
    [reply] = pending_replies([ann], store.threads(), store.settings(), store.local_today(), store.zone)
    assert reply.last_sent == sent.moment
