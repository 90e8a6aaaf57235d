"""A snooze keeps a contact out of the days still to come: one already done today stays in the plan."""

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.planning.status import status_figures
from dailyreach.core.records.model import Settings, Snooze
from dailyreach.core.store.store import Store
from tests.conftest import add_contact, log


def shown(agenda):
    return [(item.contact.name, item.done) for item in agenda.items]


def test_a_contact_done_today_and_then_snoozed_stays_in_todays_plan_as_done(store, clock, db_path):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=2))
    ann = add_contact(store, "Ann")
    clock.advance(minutes=1)
    add_contact(store, "Bob")
    clock.advance(minutes=1)
    add_contact(store, "Cy")
    clock.advance(minutes=1)
    assert shown(build_agenda(store)) == [("Ann", False), ("Bob", False)]
    log(store, ann, "dm_sent", at=clock.now().subtract(minutes=1))
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-25"))
    agenda = build_agenda(Store(db_path, clock=clock))  # as the next command reads the file
    assert shown(agenda) == [("Ann", True), ("Bob", False)]
    assert (agenda.progress, agenda.goal) == (1, 2)
    assert status_figures(store).next == "Bob"
    clock.advance(days=1)  # the snooze holds on the days after
    assert [item.contact.name for item in build_agenda(store).items] == ["Bob", "Cy"]
    clock.advance(days=1)  # the snooze is over, and Ann's follow-up is not due before the 26th
    assert "Ann" not in [item.contact.name for item in build_agenda(store).items]


def test_a_plan_first_made_after_the_snooze_still_starts_with_who_was_reached_today(store, clock):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=2))
    ann = add_contact(store, "Ann")
    clock.advance(minutes=1)
    add_contact(store, "Bob")
    clock.advance(minutes=1)
    add_contact(store, "Cy")
    log(store, ann, "dm_sent", at=clock.now())
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-30"))
    agenda = build_agenda(store)
    assert shown(agenda) == [("Ann", True), ("Bob", False)]
    assert agenda.progress == 1


def test_a_target_not_done_yet_still_leaves_the_plan_when_snoozed(store, clock):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=2))
    ann = add_contact(store, "Ann")
    clock.advance(minutes=1)
    bob = add_contact(store, "Bob")
    clock.advance(minutes=1)
    add_contact(store, "Cy")
    log(store, ann, "dm_sent")
    assert shown(build_agenda(store)) == [("Ann", True), ("Bob", False)]
    store.snooze(Snooze(contact_id=bob.id, until="2026-11-30"))
    assert shown(build_agenda(store)) == [("Ann", True), ("Cy", False)]
