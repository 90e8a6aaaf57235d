"""Today's plan is fixed when the day is first opened, but its rows follow the day: a row's reason is what
the planner says of the contact now, a row is done when a message sent today counts toward the goal (as
the header's progress counts them), whoever else was written to today is shown done after the plan, and
status's next is the first planned person not written to yet. The store is a real file."""

import pytest

from dailyreach.core.planning.agenda import build_agenda, refresh_contact
from dailyreach.core.planning.status import morning_text, status_figures
from dailyreach.core.records.model import Settings
from dailyreach.core.store.store import Store
from tests.conftest import add_contact, log


def rows(agenda):
    return [(item.contact.name, item.reason, item.follow_up_number, item.done) for item in agenda.items]


@pytest.fixture
def planned(store, clock):
    """Ann, Bob and Cy, the day's plan of three new targets, fixed by a first look."""
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=3))
    people = []
    for name in ("Ann", "Bob", "Cy"):
        people.append(add_contact(store, name, handles={"x": f"@{name.lower()}"}))
        clock.advance(minutes=1)
    assert rows(build_agenda(store)) == [
        ("Ann", "new", 0, False),
        ("Bob", "new", 0, False),
        ("Cy", "new", 0, False),
    ]
    return people


def test_a_target_written_to_back_dated_no_longer_says_new(store, clock, db_path, planned):
    ann, bob, _cy = planned
    log(store, ann, "dm_sent", at=clock.now().subtract(days=5))  # follow-up #1 due since the 21st
    log(store, bob, "dm_sent", at=clock.now().subtract(days=1))  # follow-up #1 due on the 25th
    agenda = build_agenda(Store(db_path, clock=clock))
    assert rows(agenda) == [
        ("Ann", "follow_up", 1, False),
        ("Bob", "waiting", 0, False),  # nothing to do today: the follow-up is due in two days
        ("Cy", "new", 0, False),
    ]
    assert [item.to_do for item in agenda.items] == [True, False, True]
    assert agenda.progress == 0


def test_a_waiting_row_is_skipped_by_status_next_and_the_morning_line(store, clock, planned):
    ann, bob, _cy = planned
    log(store, ann, "dm_sent", at=clock.now().subtract(days=1))
    agenda = build_agenda(store)
    assert status_figures(store).next == "Bob"
    assert morning_text(agenda).startswith("2 to contact today: 2 new targets")
    log(store, bob, "dm_sent", at=clock.now().subtract(days=1))
    assert status_figures(store).next == "Cy"


def test_a_waiting_row_frees_its_slot_for_the_next_target_only(store, clock, planned):
    ann, _bob, _cy = planned
    add_contact(store, "Dan", handles={"x": "@dan"})
    add_contact(store, "Eve", handles={"x": "@eve"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=1))
    assert rows(build_agenda(store)) == [
        ("Ann", "waiting", 0, False),
        ("Bob", "new", 0, False),
        ("Cy", "new", 0, False),
        ("Dan", "new", 0, False),
    ]
    assert [item.contact_id for item in store.plan("2026-11-23").items][:1] == [ann.id]


def test_a_waiting_row_asks_for_a_follow_up_once_it_is_due(store, clock, planned):
    ann, _bob, _cy = planned
    log(store, ann, "dm_sent", at=clock.now().subtract(days=1))
    assert rows(build_agenda(store))[0] == ("Ann", "waiting", 0, False)
    clock.advance(days=2)  # the follow-up is due: the new day's plan has Ann for it
    assert rows(build_agenda(store))[0] == ("Ann", "follow_up", 1, False)


def test_a_waiting_row_is_done_once_written_to_today(store, clock, planned):
    ann, _bob, _cy = planned
    log(store, ann, "dm_sent", at=clock.now().subtract(days=1))
    clock.advance(minutes=1)
    log(store, ann, "follow_up")
    agenda = build_agenda(store)
    assert rows(agenda)[0] == ("Ann", "follow_up", 1, True)
    assert agenda.items[0].to_do is False


def test_written_to_today_a_row_keeps_what_it_was_planned_for_unless_it_was_no_longer_new(
    store, clock, planned
):
    ann, bob, cy = planned
    log(store, ann, "dm_sent")
    log(store, bob, "dm_sent", at=clock.now().subtract(days=5))
    clock.advance(minutes=1)
    log(store, bob, "follow_up")
    log(store, cy, "dm_sent", at=clock.now().subtract(days=5))
    clock.advance(minutes=1)
    log(store, cy, "dm_sent")  # a second DM with the first unanswered: a nudge, whatever the key
    assert rows(build_agenda(store)) == [
        ("Ann", "new", 0, True),
        ("Bob", "follow_up", 1, True),
        ("Cy", "follow_up", 1, True),
    ]


def test_a_new_target_written_to_twice_today_is_still_new(store, clock, planned):
    ann, _bob, _cy = planned
    log(store, ann, "dm_sent")
    clock.advance(minutes=5)
    log(store, ann, "follow_up")  # a nudge the same day: the row is what the day planned her for
    assert rows(build_agenda(store))[0] == ("Ann", "new", 0, True)
    assert store.thread(ann.id).nudges == 1


def test_a_follow_up_row_written_to_with_a_dm_stays_a_follow_up(store, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=5))
    assert rows(build_agenda(store)) == [("Ann", "follow_up", 1, False)]
    log(store, ann, "dm_sent")  # d on the row: a DM after a DM is the follow-up the row asked for
    assert rows(build_agenda(store)) == [("Ann", "follow_up", 1, True)]
    assert store.thread(ann.id).nudges == 1


def test_an_answer_logged_since_the_plan_was_made_changes_the_reason_not_the_tick(store, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    for person in (ann, bob):
        log(store, person, "dm_sent", at=clock.now().subtract(days=5))
    assert rows(build_agenda(store)) == [("Ann", "follow_up", 1, False), ("Bob", "follow_up", 1, False)]
    log(store, ann, "reply_received")
    log(store, bob, "no_response")  # closed (x): nothing is due of Bob today
    agenda = build_agenda(store)
    assert rows(agenda) == [("Ann", "answered", 0, False), ("Bob", "closed", 0, False)]
    assert [item.to_do for item in agenda.items] == [True, False]
    assert agenda.progress == 0


def test_a_follow_up_closed_with_x_reads_closed_when_an_earlier_exchange_had_an_answer(store, clock):
    # The stage stays at replied after an earlier conversation's answer: the row read "answered", kept
    # its slot, and the status line still named Ann as someone to write to.
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=30))
    log(store, ann, "reply_received", at=clock.now().subtract(days=29))
    log(store, ann, "dm_sent", at=clock.now().subtract(days=10))
    assert rows(build_agenda(store)) == [("Ann", "follow_up", 1, False)]
    log(store, ann, "no_response")
    agenda = build_agenda(store)
    assert rows(agenda) == [("Ann", "closed", 0, False)]
    assert [item.to_do for item in agenda.items] == [False]


def test_an_answer_to_a_message_sent_today_reads_answered_and_keeps_the_tick(store, clock, planned):
    ann, bob, _cy = planned
    log(store, ann, "dm_sent")
    log(store, bob, "dm_sent")
    clock.advance(minutes=30)
    log(store, ann, "reply_received")
    log(store, bob, "no_response")  # closed with x the same day: no answer, so nothing says "answered"
    agenda = build_agenda(store)
    assert rows(agenda) == [("Ann", "answered", 0, True), ("Bob", "new", 0, True), ("Cy", "new", 0, False)]
    assert agenda.progress == 2
    clock.advance(minutes=1)
    log(store, ann, "dm_sent")  # the user's word back: a message after the answer
    assert rows(build_agenda(store))[0] == ("Ann", "new", 0, True)


def test_a_follow_up_closed_with_x_frees_its_slot_and_status_passes_it(store, clock, planned):
    ann, bob, _cy = planned
    add_contact(store, "Dan", handles={"x": "@dan"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=5))
    clock.advance(days=1)  # a new day: Ann is planned for her follow-up
    assert rows(build_agenda(store))[0] == ("Ann", "follow_up", 1, False)
    assert status_figures(store).next == "Ann"
    log(store, ann, "no_response")
    agenda = build_agenda(store)
    assert rows(agenda)[0] == ("Ann", "closed", 0, False)
    assert len([item for item in agenda.items if item.to_do]) == 3  # the goal's three, Ann's slot refilled
    assert status_figures(store).next != "Ann"


def test_a_reply_or_a_meeting_alone_is_not_a_row_done_and_progress_agrees(store, clock, planned):
    ann, bob, cy = planned
    log(store, ann, "reply_received")
    log(store, bob, "meeting_booked")
    log(store, cy, "public_reply")
    agenda = build_agenda(store)
    assert [item.done for item in agenda.items] == [False, False, True]
    assert agenda.progress == sum(item.done for item in agenda.items) == 1
    assert status_figures(store).next == "Ann"


def test_someone_written_to_today_outside_the_plan_is_shown_done_after_it(store, clock, planned):
    ann, _bob, _cy = planned
    dan = add_contact(store, "Dan", handles={"x": "@dan"})
    eve = add_contact(store, "Eve", handles={"x": "@eve"})
    log(store, eve, "dm_sent", at=clock.now().subtract(days=5))
    log(store, dan, "dm_sent")
    clock.advance(minutes=1)
    log(store, eve, "follow_up")
    log(store, ann, "dm_sent")
    agenda = build_agenda(store)
    assert rows(agenda) == [
        ("Ann", "new", 0, True),
        ("Bob", "new", 0, False),
        ("Cy", "new", 0, False),
        ("Dan", "new", 0, True),
        ("Eve", "follow_up", 1, True),
    ]
    assert agenda.progress == sum(item.done for item in agenda.items) == 3
    assert [item.contact_id for item in store.plan("2026-11-23").items] == [
        item.planned.contact_id for item in agenda.items[:3]
    ]
    figures = status_figures(store)
    assert (figures.done, figures.next) == (3, "Bob")


def test_the_agenda_refreshed_for_one_contact_agrees_with_one_read_whole(store, clock, planned):
    ann, bob, cy = planned
    dan = add_contact(store, "Dan", handles={"x": "@dan"})
    agenda = build_agenda(store)
    changes = [
        (ann, "dm_sent", clock.now().subtract(days=5)),  # a reason changed
        (cy, "dm_sent", clock.now().subtract(days=1)),  # waiting: the follow-up is not due yet
        (cy, "no_response", clock.now()),  # closed: still nothing due today
        (bob, "reply_received", clock.now()),  # not done
        (dan, "dm_sent", clock.now()),  # an extra row, done
        (ann, "follow_up", clock.now()),  # done
    ]
    for person, kind, at in changes:
        entry = log(store, person, kind, at=at)
        agenda = refresh_contact(agenda, store, person.id)
        assert rows(agenda) == rows(build_agenda(store))
        assert agenda.progress == build_agenda(store).progress
    (dan_dm,) = [i for i in store.interactions() if i.contact_id == dan.id]
    store.delete_interaction(dan_dm.id)  # undone: Dan was never written to today
    agenda = refresh_contact(agenda, store, dan.id)
    assert rows(agenda) == rows(build_agenda(store))
    # Still in the plan, as the new target taking the slot Cy freed (waiting), not a row done.
    assert rows(agenda)[3] == ("Dan", "new", 0, False)
    store.delete_interaction(entry.id)  # Ann's follow-up undone: due again
    agenda = refresh_contact(agenda, store, ann.id)
    assert rows(agenda) == rows(build_agenda(store))
    assert rows(agenda)[0] == ("Ann", "follow_up", 1, False)


@pytest.fixture
def whole_reads(monkeypatch):
    """Counts the agenda built whole from the store, as ``refresh_contact`` does only when it must."""
    from dailyreach.core.planning import agenda as agenda_module

    calls = []
    whole = agenda_module._agenda

    def counted(store, **options):
        calls.append(store)
        return whole(store, **options)

    monkeypatch.setattr(agenda_module, "_agenda", counted)
    return calls


def test_a_log_in_a_full_plan_is_worked_in_without_reading_the_agenda_whole(
    store, clock, planned, whole_reads
):
    ann, _bob, _cy = planned
    agenda = build_agenda(store)
    whole_reads.clear()
    log(store, ann, "dm_sent")
    agenda = refresh_contact(agenda, store, ann.id)
    assert whole_reads == []  # the three planned slots still taken: one contact's rows change
    assert rows(agenda) == rows(build_agenda(store))


def test_a_slot_freed_or_a_new_day_or_a_contact_gone_has_the_agenda_read_whole(
    store, clock, planned, whole_reads
):
    ann, bob, _cy = planned
    agenda = build_agenda(store)
    whole_reads.clear()
    log(store, ann, "dm_sent", at=clock.now().subtract(days=1))  # waiting: her slot is free, for nobody
    refresh_contact(agenda, store, ann.id)
    assert whole_reads == []
    store.undo()
    add_contact(store, "Dan", handles={"x": "@dan"})  # not in the full plan: he would take a free slot
    agenda = build_agenda(store)
    whole_reads.clear()
    log(store, ann, "dm_sent", at=clock.now().subtract(days=1))
    assert [item.contact.name for item in refresh_contact(agenda, store, ann.id).items if item.to_do] == [
        "Bob",
        "Cy",
        "Dan",
    ]
    assert len(whole_reads) == 1
    clock.advance(days=1)
    refresh_contact(agenda, store, bob.id)
    assert len(whole_reads) == 2
    refresh_contact(agenda, store, "nobody")
    assert len(whole_reads) == 3


def test_a_follow_up_planned_before_the_setting_was_lowered_past_it_asks_nothing(store, clock, planned):
    ann, _bob, _cy = planned
    add_contact(store, "Dan", handles={"x": "@dan"})
    for days_ago, kind in ((12, "dm_sent"), (8, "follow_up"), (4, "follow_up")):
        log(store, ann, kind, at=clock.now().subtract(days=days_ago))
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=3, followups_before_giving_up=3))
    clock.advance(days=1)  # a new day's plan: Ann's third follow-up is due
    assert rows(build_agenda(store))[0] == ("Ann", "follow_up", 3, False)
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=3, followups_before_giving_up=2))
    agenda = build_agenda(store)
    # Pending offers to close her thread: no third nudge today, and her slot goes to Dan.
    assert rows(agenda)[0] == ("Ann", "waiting", 0, False)
    assert [item.contact.name for item in agenda.items if item.to_do] == ["Bob", "Cy", "Dan"]
    assert [reply.give_up_offered for reply in agenda.pending] == [True]
    assert status_figures(store).next == "Bob"
    assert morning_text(agenda).startswith("3 to contact today: 3 new targets ·")
