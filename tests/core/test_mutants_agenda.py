"""Behaviour of ``agenda.py`` that mutation testing found no test pinned."""

import errno

import pendulum
import pytest

from dailyreach.core.planning.agenda import build_agenda, refresh_contact
from dailyreach.core.records.model import Contact, Settings
from tests.conftest import add_contact, log


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


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.EPERM])
def test_a_plan_that_cannot_be_saved_to_a_read_only_database_is_still_shown(store, monkeypatch, code):
    add_contact(store, "Ann")

    def refused(plan):
        raise OSError(code, "read-only")

    monkeypatch.setattr(store, "save_plan", refused)
    assert [item.contact.name for item in build_agenda(store).items] == ["Ann"]


def test_a_plan_that_cannot_be_saved_for_another_reason_fails_the_agenda(store, monkeypatch):
    add_contact(store, "Ann")

    def full_disk(plan):
        raise OSError(errno.ENOSPC, "no space left on device")

    monkeypatch.setattr(store, "save_plan", full_disk)
    with pytest.raises(OSError, match="no space"):
        build_agenda(store)
