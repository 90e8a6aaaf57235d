"""One contact's change worked into the agenda gives what building the whole agenda gives."""

import json
from dataclasses import replace

import pendulum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dailyreach.core.errors import ValidationError
from dailyreach.core.planning import agenda as agenda_module
from dailyreach.core.planning.agenda import build_agenda, refresh_contact, with_thread
from dailyreach.core.records.clock import FixedClock
from dailyreach.core.records.model import INTERACTION_KINDS, Settings, Snooze
from dailyreach.core.store.store import Store
from dailyreach.core.store.threads import Thread, utc_stamp
from tests.conftest import TOKYO, add_contact, log


def full_plan(store, clock, people: int = 4, goal: int = 3):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=goal))
    added = []
    for index in range(people):
        added.append(add_contact(store, f"P{index}"))
        clock.advance(seconds=1)
    return added


def test_each_kind_of_log_refreshes_one_contact_as_a_rebuild_would(store, clock):
    p0, p1, p2, p3 = full_plan(store, clock)
    log(store, p1, "dm_sent", at=clock.now().subtract(days=5))
    log(store, p3, "dm_sent", at=clock.now().subtract(days=2), channel="linkedin")
    steps = [
        (p0, "dm_sent"),  # planned, first message: done, pending at the end, progress and streak
        (p1, "follow_up"),  # pending already: a nudge, same place
        (p3, "reply_received"),  # not planned: leaves pending
        (p2, "note"),  # a note does not count as done
        (p2, "public_reply"),
        (p0, "no_response"),  # closes the thread
    ]
    agenda = build_agenda(store)
    for contact, kind in steps:
        clock.advance(minutes=7)
        log(store, contact, kind)
        agenda = refresh_contact(agenda, store, contact.id)
        assert agenda == build_agenda(store), (contact.name, kind)
    assert agenda.progress == 3 and agenda.streak == 1
    assert [item.done for item in agenda.items] == [True, True, True]
    assert [reply.contact.name for reply in agenda.pending] == ["P1", "P2"]


def test_a_backdated_log_finds_its_place_among_the_pending_replies(store, clock):
    p0, p1, p2, _ = full_plan(store, clock)
    log(store, p0, "dm_sent", at=clock.now().subtract(days=6))
    log(store, p1, "dm_sent", at=clock.now().subtract(days=2))
    agenda = build_agenda(store)
    log(store, p2, "dm_sent", at=clock.now().subtract(days=4))
    agenda = refresh_contact(agenda, store, p2.id)
    assert agenda == build_agenda(store)
    assert [reply.contact.name for reply in agenda.pending] == ["P0", "P2", "P1"]


def test_a_plan_with_room_or_a_new_day_is_built_again(store, clock):
    p0, *_ = full_plan(store, clock, people=2)
    agenda = build_agenda(store)
    store.snooze(Snooze(contact_id=p0.id, until="2026-11-30"))
    snoozed = build_agenda(store)
    assert [item.contact.name for item in snoozed.items] == ["P1"]
    log(store, p0, "dm_sent", at=clock.now().subtract(days=4))  # unsnoozed, and a follow-up is due
    assert refresh_contact(snoozed, store, p0.id) == build_agenda(store)
    clock.set(pendulum.datetime(2026, 11, 24, 9, tz="Asia/Tokyo"))
    log(store, p0, "follow_up")
    refreshed = refresh_contact(agenda, store, p0.id)
    assert refreshed == build_agenda(store) and refreshed.day.isoformat() == "2026-11-24"


def test_a_thread_foreseen_before_the_save_is_what_the_store_then_reads(store, clock):
    """What the app shows at once, before the log is saved, is what it shows after."""
    p0, *_ = full_plan(store, clock)
    agenda = build_agenda(store)
    now = clock.advance(minutes=1)
    foreseen = replace(agenda.threads.get(p0.id, Thread()))
    foreseen.add("dm_sent", "x", utc_stamp(now))
    shown = with_thread(agenda, p0, foreseen, agenda.outreach_days | {now.date()}, now)
    log(store, p0, "dm_sent", at=now)
    assert shown == refresh_contact(agenda, store, p0.id) == build_agenda(store)


def test_undoing_a_backdated_log_gives_the_plan_back_as_it_was(store, clock):
    p0, *_ = full_plan(store, clock)
    before = build_agenda(store)
    assert [item.contact.name for item in before.items] == ["P0", "P1", "P2"]
    log(store, p0, "dm_sent", at=clock.now().subtract(days=1))  # P0 waits now: P3 takes the free slot
    freed = refresh_contact(before, store, p0.id)
    assert [item.contact.name for item in freed.items] == ["P0", "P1", "P2", "P3"]
    store.undo()
    undone = refresh_contact(freed, store, p0.id)
    assert undone == build_agenda(store)
    assert [item.contact.name for item in undone.items] == ["P0", "P1", "P2"]
    assert store.plan(undone.day.isoformat()).items == [item.planned for item in before.items]


def test_a_plan_over_its_goal_gives_up_its_last_items_done_or_not(store, clock):
    """Those planned first stay, whatever was logged before the goal was lowered: an overdue follow-up was
    given up for a new target written to, when the same logs after a look at Today kept it."""
    p0, p1, p2, p3 = full_plan(store, clock, goal=4)
    build_agenda(store)
    log(store, p3, "dm_sent")
    store.save_settings(replace(store.settings(), daily_goal=2))
    lowered = build_agenda(store)
    # P3, written to, is shown done after the plan, as anyone written to off it.
    assert [(item.contact.name, item.done, item.planned is not None) for item in lowered.items] == [
        ("P0", False, True),
        ("P1", False, True),
        ("P3", True, False),
    ]
    assert lowered.progress == 1
    assert [item.contact_id for item in store.plan(lowered.day.isoformat()).items] == [p0.id, p1.id]


def test_a_raised_goal_takes_in_only_as_many_as_reach_it_counting_who_was_written_to_off_the_plan(
    store, clock
):
    """As a plan made afresh counts who was written to already: a plan of 2 and one written to off it, the
    goal raised to 4, took in 2 more, and 4 rows stayed open where 3 were left to reach the goal."""
    p0, p1, p2, p3, p4 = full_plan(store, clock, people=5, goal=2)
    build_agenda(store)
    log(store, p4, "dm_sent")
    store.save_settings(replace(store.settings(), daily_goal=4))
    raised = build_agenda(store)
    assert [(item.contact.name, item.done) for item in raised.items] == [
        ("P0", False),
        ("P1", False),
        ("P2", False),
        ("P4", True),
    ]
    assert raised.goal - raised.progress == sum(not item.done for item in raised.items) == 3


def test_the_plan_over_a_lowered_goal_is_the_same_whichever_order_the_logs_and_looks_came_in(tmp_path, clock):
    plans = []
    for look_between in (False, True):
        store = Store(tmp_path / f"{look_between}.json", clock=clock)
        p0, p1 = full_plan(store, clock, people=2, goal=2)
        build_agenda(store)
        store.save_settings(replace(store.settings(), daily_goal=1))
        if look_between:
            build_agenda(store)
        log(store, p1, "dm_sent")
        plans.append([(item.contact.name, item.done) for item in build_agenda(store).items])
    assert plans[0] == plans[1] == [("P0", False), ("P1", True)]


step = st.one_of(
    # a log with one of the contacts, as many hours ago (a back-dated one can make a follow-up due)
    st.tuples(st.just("log"), st.integers(0, 5), st.sampled_from(INTERACTION_KINDS), st.integers(0, 300)),
    st.tuples(st.just("undo"), st.integers(0, 5)),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    people=st.integers(1, 6), goal=st.integers(1, 6), cadence=st.booleans(), steps=st.lists(step, max_size=12)
)
def test_any_change_to_one_contact_refreshes_the_agenda_as_a_rebuild_would(
    tmp_path_factory, people, goal, cadence, steps
):
    """Whatever the goal, however many people there are to plan, and whichever log (back-dated or not)
    or undo comes: one contact refreshed is the agenda built whole."""
    clock = FixedClock(pendulum.datetime(2026, 11, 23, 9, 0, tz=TOKYO))
    store = Store(tmp_path_factory.mktemp("agenda") / "db.json", clock=clock)
    store.save_settings(Settings(timezone=TOKYO, daily_goal=goal))
    contacts = []
    for index in range(people):
        contacts.append(add_contact(store, f"P{index}", cadence_days=3 if cadence and index % 2 else None))
        clock.advance(seconds=1)
    store.history.clear()  # what undo takes back: the logs alone
    agenda = build_agenda(store)
    for name, index, *rest in steps:
        contact = contacts[index % people]
        if name == "log":
            kind, hours_ago = rest
            clock.advance(minutes=3)
            try:
                log(store, contact, kind, at=clock.now().subtract(hours=hours_ago))
            except ValidationError:
                continue  # no answer to close with nothing sent: refused, nothing changed
        else:
            change = store.undo()
            if change is None:
                continue
        agenda = refresh_contact(agenda, store, contact.id if name == "log" else _undone(change))
        assert agenda == build_agenda(store), (name, index, rest)


def _undone(change) -> str:
    """The contact an undone log was with."""
    (logged,) = [body for (table, _), body in change.written.items() if table == "interactions"]
    return logged["contact_id"]


def test_a_plan_short_of_its_goal_is_not_built_again_for_a_log_with_someone_in_it(store, clock, monkeypatch):
    """Fewer people to plan than the goal: everyone is in the plan already, and a log with one of them
    changes their row alone."""
    p0, _ = full_plan(store, clock, people=2, goal=5)
    agenda = build_agenda(store)
    built = []
    whole = agenda_module._agenda
    monkeypatch.setattr(
        agenda_module, "_agenda", lambda store, **options: built.append(1) or whole(store, **options)
    )
    log(store, p0, "dm_sent")
    refreshed = refresh_contact(agenda, store, p0.id)
    assert built == [] and refreshed == build_agenda(store)
    assert [(item.contact.name, item.done) for item in refreshed.items] == [("P0", True), ("P1", False)]


def test_an_agenda_read_without_storing_its_plan_writes_nothing_and_says_the_plan_is_still_to_store(
    store, clock
):
    full_plan(store, clock)
    before = store.path.read_bytes()
    unstored = build_agenda(store, store_plan=False)
    assert store.path.read_bytes() == before
    assert unstored.plan_to_store
    stored = build_agenda(store)
    assert not stored.plan_to_store
    assert store.plan(stored.day.isoformat()) is not None
    assert replace(unstored, plan_to_store=False) == stored
    assert not build_agenda(store, store_plan=False).plan_to_store


def test_a_days_plan_the_store_cannot_read_is_left_as_it_is_and_the_day_planned_afresh(tmp_path, clock):
    # Doctor says such a record is skipped and left as it is in the file: a look at the day must not
    # write a new plan over it.
    db = tmp_path / "db.json"
    store = Store(db, clock=clock)
    p0, p1, p2, p3 = full_plan(store, clock)
    day = build_agenda(store).day.isoformat()
    data = json.loads(db.read_text())
    data["plans"][day]["mood"] = "calm"
    db.write_text(json.dumps(data))
    broken = json.loads(db.read_text())["plans"][day]
    reopened = Store(db, clock=clock)
    agenda = build_agenda(reopened)
    assert [item.contact.name for item in agenda.items] == ["P0", "P1", "P2"]
    assert not agenda.plan_to_store
    assert not build_agenda(reopened, store_plan=False).plan_to_store
    assert json.loads(db.read_text())["plans"][day] == broken
    log(reopened, p0, "dm_sent")
    assert json.loads(db.read_text())["plans"][day] == broken


def test_follow_ups_due_beyond_the_goal_are_counted_for_pending_to_say(store, clock):
    # With more due than the goal, Today takes the oldest and the rest were left unsaid.
    store.save_settings(Settings(daily_goal=2, timezone=TOKYO))
    for days, name in ((9, "Ann"), (8, "Bob"), (7, "Cara")):
        log(store, add_contact(store, name), "dm_sent", at=store.now().subtract(days=days))
    agenda = build_agenda(store)
    assert [item.contact.name for item in agenda.items] == ["Ann", "Bob"]
    assert agenda.due_beyond_today == 1
    log(store, next(c for c in store.contacts() if c.name == "Cara"), "follow_up")
    assert build_agenda(store).due_beyond_today == 0
