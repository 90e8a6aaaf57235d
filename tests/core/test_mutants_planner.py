"""Behaviour of ``planner.py`` that mutation testing found no test pinned."""

from datetime import date, timedelta, timezone

from dailyreach.core.planning.planner import declined_invitations, keep_in_touch_due
from dailyreach.core.records.model import Contact, Invitation
from dailyreach.core.store.threads import Thread
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
