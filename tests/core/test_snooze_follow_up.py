"""A snooze means "not before that day": a snoozed contact's follow-up is due no earlier than the day the
snooze ends, in Pending, the status figures, the morning text and the calendar export alike, and overdue
from then on once the snooze has run out. The store is a real file, read again as the next command would."""

from datetime import date

import icalendar

from dailyreach.core.files.contact_export import calendar_ics
from dailyreach.core.planning.agenda import build_agenda, refresh_contact
from dailyreach.core.planning.status import morning_text, status_figures
from dailyreach.core.records.model import Settings, Snooze
from dailyreach.core.store.store import Store
from tests.conftest import add_contact, log

TODAY = date(2026, 11, 23)  # the clock fixture's day


def overdue_ann(store):
    """Ann, sent a DM five days ago: her follow-up #1 fell due two days ago (the 21st)."""
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))
    return ann


def ann_reply(agenda):
    (reply,) = agenda.pending
    return reply


def calendar_days(store) -> dict[str, date]:
    calendar = icalendar.Calendar.from_ical(calendar_ics(store))
    return {str(event["summary"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}


def test_a_snoozed_follow_up_is_due_on_the_day_the_snooze_ends_everywhere(store, clock, db_path):
    ann = overdue_ann(store)
    assert ann_reply(build_agenda(store)).overdue(TODAY)
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-25"))
    reread = Store(db_path, clock=clock)  # as the next command reads the file
    agenda = build_agenda(reread)
    reply = ann_reply(agenda)
    assert reply.follow_up_due == date(2026, 11, 25)
    assert not reply.is_due(TODAY) and not reply.overdue(TODAY)
    assert agenda.items == []
    figures = status_figures(reread)
    assert (figures.due, figures.overdue, figures.pending) == (0, 0, 1)
    assert "Ann" not in morning_text(agenda)
    assert calendar_days(reread) == {"Follow up #1: Ann (X)": date(2026, 11, 25)}
    clock.advance(days=2)  # the day the snooze ends: due that day, and back in the plan
    agenda = build_agenda(reread)
    day = clock.now().date()
    assert ann_reply(agenda).is_due(day) and not ann_reply(agenda).overdue(day)
    assert [(item.contact.name, item.reason) for item in agenda.items] == [("Ann", "follow_up")]
    assert (status_figures(reread).due, status_figures(reread).overdue) == (1, 0)


def test_a_snooze_ending_today_makes_the_follow_up_due_today_not_overdue(store):
    ann = overdue_ann(store)
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-23"))
    reply = ann_reply(build_agenda(store))
    assert reply.follow_up_due == TODAY and reply.is_due(TODAY) and not reply.overdue(TODAY)
    assert (status_figures(store).due, status_figures(store).overdue) == (1, 0)


def test_a_snooze_that_has_passed_leaves_the_follow_up_overdue_from_its_end(store, clock):
    # Overdue since the day it was put off from, it read as days late the morning after the snooze.
    ann = overdue_ann(store)
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-22"))
    reply = ann_reply(build_agenda(store))
    assert reply.follow_up_due == date(2026, 11, 22) and reply.overdue(TODAY)
    assert (status_figures(store).due, status_figures(store).overdue) == (1, 1)
    assert calendar_days(store) == {"Follow up #1: Ann (X)": TODAY}  # one already due goes on today


def test_a_snooze_ending_before_the_follow_up_falls_due_does_not_bring_it_forward(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))  # due on the 25th
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-24"))
    assert ann_reply(build_agenda(store)).follow_up_due == date(2026, 11, 25)


def test_closing_the_thread_is_not_offered_while_the_contact_is_snoozed(store):
    store.save_settings(Settings(timezone="Asia/Tokyo", followups_before_giving_up=1))
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=9))
    log(store, ann, "follow_up", at=store.now().subtract(days=5))
    assert ann_reply(build_agenda(store)).give_up_offered
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-26"))
    reply = ann_reply(build_agenda(store))
    assert not reply.give_up_offered and reply.follow_up_due == date(2026, 11, 26)


def test_a_log_ends_the_snooze_and_the_agenda_refreshed_for_it_agrees_with_one_read_whole(store, clock):
    ann = overdue_ann(store)
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-30"))
    agenda = build_agenda(store)
    assert ann_reply(agenda).follow_up_due == date(2026, 11, 30)
    log(store, ann, "note")  # any log ends a snooze
    assert store.snoozes() == {}
    refreshed = refresh_contact(agenda, store, ann.id)
    assert refreshed.pending == build_agenda(store).pending
    assert ann_reply(refreshed).follow_up_due == date(2026, 11, 21)
