import pendulum

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.planning.planner import streak
from dailyreach.core.planning.status import status_figures
from dailyreach.core.records.model import Invitation, Settings, Snooze
from tests.conftest import add_contact, log


def names(agenda):
    return [item.contact.name for item in agenda.items]


def test_plan_takes_due_follow_ups_then_keep_in_touch_then_new_targets_by_priority_and_age(store, clock):
    clock.set(pendulum.datetime(2026, 11, 10, 9, tz="Asia/Tokyo"))
    old = add_contact(store, "Old thread")
    newer = add_contact(store, "Newer thread")
    friend = add_contact(store, "Friend", cadence_days=7)
    log(store, old, "dm_sent", at=clock.now())
    log(store, friend, "met", at=clock.now())
    clock.advance(days=1)
    log(store, newer, "dm_sent", at=clock.now())
    clock.set(pendulum.datetime(2026, 11, 23, 9, tz="Asia/Tokyo"))
    low = add_contact(store, "Low priority", priority=3)
    clock.advance(minutes=1)
    high_late = add_contact(store, "High, added later", priority=1)
    add_contact(store, "Archived", priority=1, archived=True)
    agenda = build_agenda(store)
    assert names(agenda) == ["Old thread", "Newer thread", "Friend", "High, added later", "Low priority"]
    assert [item.reason for item in agenda.items] == ["follow_up", "follow_up", "keep_in_touch", "new", "new"]
    assert agenda.items[0].follow_up_number == 1
    assert low.id != high_late.id


def test_the_longest_overdue_follow_up_comes_first_whenever_its_thread_began(store, clock):
    clock.set(pendulum.datetime(2026, 11, 1, 9, tz="Asia/Tokyo"))
    early = add_contact(store, "Began first, nudged since")
    late = add_contact(store, "Began later, never nudged")
    log(store, early, "dm_sent", at=clock.now())
    clock.advance(days=1)
    log(store, late, "dm_sent", at=clock.now())
    clock.advance(days=5)
    log(store, early, "follow_up", at=clock.now())  # its next nudge is due later than late's first
    clock.set(pendulum.datetime(2026, 11, 23, 9, tz="Asia/Tokyo"))
    agenda = build_agenda(store)
    assert names(agenda) == ["Began later, never nudged", "Began first, nudged since"]
    assert [reply.contact.name for reply in agenda.pending] == [
        "Began first, nudged since",
        "Began later, never nudged",
    ]


def test_the_goal_caps_the_plan_and_the_plan_does_not_reshuffle_during_the_day(store, clock):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=2))
    for name in ("A", "B", "C"):
        add_contact(store, name, priority=2)
        clock.advance(minutes=1)
    assert names(build_agenda(store)) == ["A", "B"]
    add_contact(store, "Urgent", priority=1)
    assert names(build_agenda(store)) == ["A", "B"]
    clock.advance(days=1)
    assert names(build_agenda(store)) == ["Urgent", "A"]


def test_a_target_added_while_the_plan_has_room_joins_it(store, clock):
    add_contact(store, "A")
    assert names(build_agenda(store)) == ["A"]
    add_contact(store, "B")
    assert names(build_agenda(store)) == ["A", "B"]


def test_contacted_items_count_as_done_and_stay_in_the_plan(store, clock):
    a = add_contact(store, "A")
    add_contact(store, "B")
    build_agenda(store)
    clock.advance(hours=1)
    log(store, a, "dm_sent")
    agenda = build_agenda(store)
    assert [(item.contact.name, item.done) for item in agenda.items] == [("A", True), ("B", False)]
    assert (agenda.progress, agenda.goal) == (1, 5)
    assert agenda.items[0].stage == "contacted"


def test_who_was_written_to_before_the_days_plan_is_made_starts_it_done(store, clock):
    """Logged from the command line first thing, say: the progress counts them, so the plan shows them
    done, each under what it was, earliest first, and fills only the slots left."""
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=4))
    clock.set(pendulum.datetime(2026, 11, 10, 9, tz="Asia/Tokyo"))
    nudged = add_contact(store, "Nudged")
    answered = add_contact(store, "Answered")
    log(store, nudged, "dm_sent", at=clock.now())
    log(store, answered, "dm_sent", at=clock.now())
    clock.advance(hours=2)
    log(store, answered, "reply_received", at=clock.now())
    clock.set(pendulum.datetime(2026, 11, 23, 8, tz="Asia/Tokyo"))
    fresh = add_contact(store, "Fresh", priority=1)
    for name in ("Waiting 1", "Waiting 2", "Waiting 3"):
        add_contact(store, name, priority=2)
        clock.advance(minutes=1)
    log(store, answered, "dm_sent", at=clock.now())  # a word back, in a conversation going on
    clock.advance(minutes=1)
    log(store, fresh, "public_reply", at=clock.now())
    clock.advance(minutes=1)
    log(store, nudged, "follow_up", at=clock.now())
    clock.advance(minutes=5)
    assert status_figures(store).next == "Waiting 1"  # the prompt sees the same plan, not yet stored
    agenda = build_agenda(store)
    shown = [(item.contact.name, item.reason, item.follow_up_number, item.done) for item in agenda.items]
    assert shown == [
        ("Answered", "conversation", 0, True),
        ("Fresh", "new", 0, True),
        ("Nudged", "follow_up", 1, True),
        ("Waiting 1", "new", 0, False),
    ]
    assert (agenda.progress, agenda.goal) == (3, 4)


def test_a_word_back_reads_conversation_unless_a_cadence_keeps_them_in_touch(store, clock):
    """Reached before the plan, a word back is stored as keep_in_touch; only with a cadence does it read so."""
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=1))
    talking = add_contact(store, "Talking")
    kept = add_contact(store, "Kept", cadence_days=30)
    for person in (talking, kept):
        log(store, person, "dm_sent", at=clock.now().subtract(days=3))
        log(store, person, "reply_received", at=clock.now().subtract(days=2))
    for person in (talking, kept):
        log(store, person, "dm_sent", at=clock.now())
        clock.advance(minutes=1)
    agenda = build_agenda(store)
    assert [(item.contact.name, item.reason, item.done) for item in agenda.items] == [
        ("Talking", "conversation", True),
        ("Kept", "keep_in_touch", True),
    ]
    stored = store.plan(agenda.day.isoformat()).items
    assert [(item.contact_id, item.reason) for item in stored] == [(talking.id, "keep_in_touch")]


def test_someone_written_to_after_the_plan_is_made_leaves_it_as_it_was_and_is_shown_done_after_it(
    store, clock
):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=1))
    planned = add_contact(store, "Planned")
    clock.advance(minutes=1)
    other = add_contact(store, "Other")
    assert names(build_agenda(store)) == ["Planned"]
    log(store, other, "dm_sent")
    agenda = build_agenda(store)
    assert [item.contact_id for item in store.plan("2026-11-23").items] == [planned.id]
    assert [(item.contact.name, item.done, item.planned is not None) for item in agenda.items] == [
        ("Planned", False, True),
        ("Other", True, False),
    ]
    assert agenda.progress == 1


def test_snoozed_targets_wait_for_their_day_and_free_their_slot(store, clock):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=1))
    a = add_contact(store, "A")
    clock.advance(minutes=1)
    add_contact(store, "B")
    assert names(build_agenda(store)) == ["A"]
    store.snooze(Snooze(contact_id=a.id, until="2026-11-25"))
    assert names(build_agenda(store)) == ["B"]
    clock.advance(days=1)
    assert names(build_agenda(store)) == ["B"]
    clock.advance(days=1)
    assert names(build_agenda(store)) == ["A"]


def test_pending_replies_show_nudges_due_dates_and_offer_to_give_up(store, clock):
    store.save_settings(
        Settings(timezone="Asia/Tokyo", followup_days=3, followup_days_by_channel={"email": 7})
    )
    ann = add_contact(store, "Ann")
    bob = add_contact(store, "Bob")
    cy = add_contact(store, "Cy")
    start = clock.now()
    log(store, ann, "public_reply", at=start.subtract(days=9))
    log(store, ann, "dm_sent", at=start.subtract(days=8))  # with the public reply: one approach
    log(store, ann, "follow_up", at=start.subtract(days=6))
    log(store, ann, "follow_up", at=start.subtract(days=5))
    log(store, bob, "dm_sent", at=start.subtract(days=2), channel="email")
    log(store, cy, "dm_sent", at=start.subtract(days=4))
    log(store, cy, "reply_received", at=start.subtract(days=3))
    pending = build_agenda(store).pending
    assert [(p.contact.name, p.nudges, p.follow_up_due.isoformat()) for p in pending] == [
        ("Ann", 2, "2026-11-21"),
        ("Bob", 0, "2026-11-28"),
    ]
    assert pending[0].waiting_since == start.subtract(days=9)
    assert pending[0].give_up_offered and pending[0].overdue(store.today())
    assert not pending[1].give_up_offered and not pending[1].overdue(store.today())
    assert pending[0].follow_ups_used_up and not pending[1].follow_ups_used_up
    log(store, ann, "no_response")
    assert [p.contact.name for p in build_agenda(store).pending] == ["Bob"]
    assert store.contact(ann.id) is not None


def test_streak_counts_consecutive_days_and_today_not_being_over_does_not_break_it():
    day = pendulum.date(2026, 11, 23)
    days = {day.subtract(days=n) for n in (1, 2, 3, 5)}
    assert streak(days, day) == 3
    assert streak(days | {day}, day) == 4
    assert streak(days, day.add(days=1)) == 0


def test_the_plan_rolls_over_at_local_midnight(store, clock):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=1))
    a = add_contact(store, "A")
    clock.advance(minutes=1)
    add_contact(store, "B")
    clock.set(pendulum.datetime(2026, 11, 23, 23, 59, tz="Asia/Tokyo"))
    assert (build_agenda(store).day.isoformat(), names(build_agenda(store))) == ("2026-11-23", ["A"])
    log(store, a, "dm_sent")
    clock.advance(minutes=2)
    agenda = build_agenda(store)
    assert agenda.day.isoformat() == "2026-11-24"
    assert names(agenda) == ["B"]
    assert agenda.streak == 1 and agenda.progress == 0


def test_days_follow_the_local_calendar_across_a_dst_change(store, clock):
    store.save_settings(Settings(timezone="America/New_York"))
    ann = add_contact(store, "Ann")
    # 2026-03-08 02:00 the clocks in New York jump to 03:00
    for local in ("2026-03-07T23:30:00", "2026-03-08T00:30:00", "2026-03-08T23:30:00"):
        log(store, ann, "dm_sent", at=pendulum.parse(local, tz="America/New_York"))
    clock.set(pendulum.datetime(2026, 3, 9, 12, tz="UTC"))
    agenda = build_agenda(store)
    assert agenda.day.isoformat() == "2026-03-09"
    assert agenda.streak == 2
    assert agenda.pending[0].follow_up_due.isoformat() == "2026-03-11"


def test_declined_invitations_total_hours_and_money_per_currency(store):
    for title, hours, cost, currency, status in [
        ("Mixer", 3, 5000, "JPY", "declined"),
        ("Seminar", 2.5, 20, "USD", "declined"),
        ("Party", 4, 3000, "JPY", "declined"),
        ("Pitch", 1, None, "USD", "undecided"),
    ]:
        store.save_invitation(
            Invitation(title=title, hours=hours, cost=cost, currency=currency, status=status)
        )
    agenda = build_agenda(store)
    assert sorted(inv.title for inv in agenda.declined) == ["Mixer", "Party", "Seminar"]
    assert agenda.savings.hours == 9.5
    assert agenda.savings.money == {"JPY": 8000, "USD": 20}
    assert [inv.title for inv in agenda.undecided] == ["Pitch"]


def test_a_week_of_use(store, clock):
    """Each morning the user DMs everyone planned; a few reply; follow-ups come due on day four."""
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=3))
    people = []
    for index in range(12):
        people.append(add_contact(store, f"P{index:02}"))
        clock.advance(seconds=1)
    replied = {"P00", "P04"}
    seen_follow_ups = []
    for day in range(7):
        clock.set(pendulum.datetime(2026, 11, 23 + day, 9, tz="Asia/Tokyo"))
        agenda = build_agenda(store)
        assert len(agenda.items) == 3
        for item in agenda.items:
            kind = "follow_up" if item.reason == "follow_up" else "dm_sent"
            log(store, item.contact, kind)
            if item.reason == "follow_up":
                seen_follow_ups.append((day, item.contact.name))
        clock.advance(hours=8)
        for person in people:
            if person.name in replied and any(p.contact.id == person.id for p in build_agenda(store).pending):
                log(store, person, "reply_received")
        agenda = build_agenda(store)
        assert all(item.done for item in agenda.items)
        assert agenda.progress == 3 and agenda.streak == day + 1
    assert seen_follow_ups[0] == (3, "P01")  # DMed on day 0, due three days later
    assert all(name not in replied for _, name in seen_follow_ups)
    final = build_agenda(store)
    assert {p.contact.name for p in final.pending}.isdisjoint(replied)


def test_a_follow_up_due_today_is_planned_but_not_yet_overdue(store, clock):
    """Due today is in today's plan and shown as due; overdue is for what was due before today, as the
    prompt's status counts it (the command line's pending called a follow-up due today overdue)."""
    ann, bob = (add_contact(store, name, handles={"x": f"@{name}"}) for name in ("ann", "bob"))
    start = clock.now()
    log(store, ann, "dm_sent", at=start.subtract(days=3))  # due today
    log(store, bob, "dm_sent", at=start.subtract(days=4))  # due yesterday
    agenda = build_agenda(store)
    due_today, late = sorted(agenda.pending, key=lambda reply: reply.contact.name)
    assert (due_today.is_due(agenda.day), due_today.overdue(agenda.day)) == (True, False)
    assert (late.is_due(agenda.day), late.overdue(agenda.day)) == (True, True)
    assert [(item.contact.name, item.reason) for item in agenda.items[:2]] == [
        ("bob", "follow_up"),
        ("ann", "follow_up"),
    ]


def test_after_the_last_follow_up_closing_is_offered_once_its_wait_is_over(store, clock):
    ann = add_contact(store, "ann", handles={"x": "@ann"})
    start = clock.now()
    log(store, ann, "dm_sent", at=start.subtract(days=8))
    log(store, ann, "follow_up", at=start.subtract(days=5))
    log(store, ann, "follow_up", at=start.subtract(days=1))
    [waiting] = build_agenda(store).pending
    assert (waiting.nudges, waiting.follow_ups_used_up, waiting.give_up_offered) == (2, True, False)
    clock.advance(days=2)
    [offered] = build_agenda(store).pending
    assert (offered.follow_ups_used_up, offered.give_up_offered) == (True, True)
