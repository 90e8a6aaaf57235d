"""Behaviour of ``agenda.py`` that mutation testing found no test pinned."""

import errno
from dataclasses import replace

import pendulum
import pytest

from dailyreach.core.planning.agenda import build_agenda, foresee, refresh_contact
from dailyreach.core.records.model import Contact, Interaction, Invitation, Settings, Snooze
from dailyreach.core.store.journal import StoreLocked
from dailyreach.core.store.storage import StoreCorrupt, StoreWriteError
from tests.conftest import add_contact, log

LOS_ANGELES = "America/Los_Angeles"


def full_plan(store, clock, people: int = 4, goal: int = 3):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=goal))
    added: list[Contact] = []
    for _ in range(people):
        added.append(add_contact(store, f"P{len(added)}"))
        clock.advance(seconds=1)
    return added


def test_a_full_plan_on_the_same_day_is_refreshed_reading_only_the_contact_logged(store, clock, monkeypatch):
    p0, *_ = full_plan(store, clock)
    agenda = build_agenda(store)
    assert len(agenda.items) == agenda.goal
    clock.advance(minutes=1)
    log(store, p0, "dm_sent")
    expected = build_agenda(store)

    def no_whole_read(*args, **kwargs):
        raise AssertionError("the whole contact list was read")

    monkeypatch.setattr(store, "contacts", no_whole_read)
    assert refresh_contact(agenda, store, p0.id) == expected


def test_a_full_plan_refreshed_on_a_new_day_is_that_days_agenda(store, clock):
    p0, *_ = full_plan(store, clock)
    agenda = build_agenda(store)
    assert len(agenda.items) == agenda.goal
    clock.set(pendulum.datetime(2026, 11, 24, 9, tz="Asia/Tokyo"))
    log(store, p0, "dm_sent")
    refreshed = refresh_contact(agenda, store, p0.id)
    assert refreshed.day.isoformat() == "2026-11-24"
    assert refreshed == build_agenda(store)


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.EROFS, "read-only"),
        OSError(errno.EACCES, "read-only"),
        OSError(errno.EPERM, "read-only"),
        OSError(errno.ENOSPC, "no space left on device"),
        StoreWriteError("could not save it: No space left on device"),
    ],
)
def test_a_plan_that_cannot_be_written_to_the_database_is_still_shown(store, monkeypatch, error):
    add_contact(store, "Ann")

    def refused(plan):
        raise error

    monkeypatch.setattr(store, "save_plan", refused)
    assert [item.contact.name for item in build_agenda(store).items] == ["Ann"]


@pytest.mark.parametrize("error", [StoreCorrupt("broken"), StoreLocked("held"), ValueError("a bug")])
def test_a_plan_whose_save_meets_anything_but_a_file_left_unwritten_fails_the_agenda(
    store, monkeypatch, error
):
    add_contact(store, "Ann")

    def met(plan):
        raise error

    monkeypatch.setattr(store, "save_plan", met)
    with pytest.raises(type(error)):
        build_agenda(store)


def test_someone_written_to_today_and_archived_since_keeps_their_row_done(store, clock):
    """The day's progress counts every message sent today, so each has a row ticked done, archived or not."""
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent")
    store.save_contact(replace(ann, archived=True))
    agenda = build_agenda(store)
    assert agenda.progress == 1
    assert [(item.contact.name, item.done) for item in agenda.items] == [("Ann", True)]


def test_undecided_invitations_are_listed_the_decision_due_soonest_first_and_undated_last(store):
    for title, day in (("Mixer", "2026-12-20"), ("Pitch night", None), ("Seminar", "2026-12-01")):
        store.save_invitation(Invitation(title=title, event_date=day))
    store.save_invitation(Invitation(title="Gala", event_date="2026-11-30", status="declined"))
    agenda = build_agenda(store)
    assert [invitation.title for invitation in agenda.undecided] == ["Seminar", "Mixer", "Pitch night"]
    assert [invitation.title for invitation in agenda.declined] == ["Gala"]


def test_a_keep_in_touch_is_due_by_the_local_day_of_the_last_exchange(store, clock):
    """In Los Angeles the evening of the 15th is the 16th in UTC: a week's cadence is due on the 22nd there."""
    store.save_settings(Settings(timezone=LOS_ANGELES, daily_goal=3))
    clock.set(pendulum.datetime(2026, 11, 15, 20, tz=LOS_ANGELES))
    bob = add_contact(store, "Bob", cadence_days=7)
    log(store, bob, "dm_sent")
    log(store, bob, "reply_received")
    clock.set(pendulum.datetime(2026, 11, 22, 9, tz=LOS_ANGELES))
    assert [(item.contact.name, item.reason) for item in build_agenda(store).items] == [
        ("Bob", "keep_in_touch")
    ]


def test_undoing_the_log_that_ended_a_snooze_puts_the_follow_up_after_the_snooze_again(store, clock):
    """A log ends the contact's snooze, and undoing it brings the snooze back: refreshed for that contact,
    the follow-up is due no earlier than the snooze ends, as a rebuild has it."""
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent")
    store.snooze(Snooze(contact_id=ann.id, until="2026-12-10"))
    clock.advance(minutes=5)
    log(store, ann, "note")
    agenda = build_agenda(store)
    assert [reply.follow_up_due.isoformat() for reply in agenda.pending] == ["2026-11-26"]
    store.undo()
    refreshed = refresh_contact(agenda, store, ann.id)
    assert [reply.follow_up_due.isoformat() for reply in refreshed.pending] == ["2026-12-10"]
    assert refreshed == build_agenda(store)


def test_a_thread_whose_follow_ups_are_used_up_is_offered_to_be_given_up_when_refreshed(store, clock):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent")
    for _ in range(2):
        clock.advance(days=3)
        log(store, ann, "follow_up")
    clock.advance(days=3)
    agenda = build_agenda(store)
    log(store, ann, "note")
    refreshed = refresh_contact(agenda, store, ann.id)
    assert [reply.give_up_offered for reply in refreshed.pending] == [True]
    assert refreshed == build_agenda(store)


def test_a_full_disk_still_opens_the_database_and_shows_the_day_and_refuses_a_log_saying_why(
    store, clock, monkeypatch
):
    # With what dailyreach knows of the file gone (``<db>.checked``), opening rebuilds the summaries and
    # saves them, with the day's backup first: on a full disk `today` failed, and the app would not start.
    from dailyreach.core.store import backups, storage
    from dailyreach.core.store.checked import checked_path
    from dailyreach.core.store.store import Store

    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=5))
    checked_path(store.path).unlink()
    kept = store.path.read_bytes()

    def full_disk(path, payload, **options):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage, "write_owner_only", full_disk)
    monkeypatch.setattr(backups, "write_owner_only", full_disk)
    clock.advance(days=1)  # a new day: its backup is still to be written
    reopened = Store(store.path, clock=clock)
    assert [(item.contact.name, item.reason) for item in build_agenda(reopened).items] == [
        ("Ann", "follow_up")
    ]
    with pytest.raises(StoreWriteError, match="No space left on device"):
        log(reopened, ann, "follow_up")
    assert store.path.read_bytes() == kept


@pytest.mark.parametrize(
    ("kind", "hours_ago"), [("dm_sent", 0), ("reply_received", 0), ("note", 0), ("follow_up", 30)]
)
def test_a_log_is_foreseen_as_the_store_then_reads_it(store, clock, kind, hours_ago):
    """What the screen shows before the save is what the store has after it, the days with outreach too
    (yesterday's follow-up, logged today, adds yesterday); what was before is kept to be put back."""
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent", at=store.now().subtract(days=3))
    agenda = build_agenda(store)
    at = store.now().subtract(hours=hours_ago).isoformat()
    text = "A note" if kind == "note" else ""
    interaction = Interaction(contact_id=ann.id, kind=kind, at=at, channel="x", text=text)
    ahead = foresee(agenda, ann, interaction)
    store.add_interaction(interaction)
    assert ahead is not None
    assert (ahead.contact, ahead.thread, ahead.days) == (
        ann,
        store.thread(ann.id),
        frozenset(store.outreach_days()),
    )
    assert (ahead.thread_before, ahead.days_before) == (agenda.threads[ann.id], agenda.outreach_days)
    assert ahead.thread is not ahead.thread_before


def test_a_log_older_than_the_threads_last_entry_is_not_foreseen(store, clock):
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))
    agenda = build_agenda(store)
    older = store.now().subtract(days=2).isoformat()
    assert foresee(agenda, ann, Interaction(contact_id=ann.id, kind="dm_sent", at=older, channel="x")) is None
    same = agenda.threads[ann.id].last_at
    assert foresee(agenda, ann, Interaction(contact_id=ann.id, kind="note", at=same, channel="x", text="n"))


def test_a_first_message_to_someone_with_no_thread_is_foreseen(store, clock):
    ann = add_contact(store, "Ann")
    agenda = build_agenda(store)
    interaction = Interaction(contact_id=ann.id, kind="dm_sent", at=store.now().isoformat(), channel="x")
    ahead = foresee(agenda, ann, interaction)
    store.add_interaction(interaction)
    assert ahead is not None and ahead.thread == store.thread(ann.id)
    assert ahead.thread_before.last_at is None
