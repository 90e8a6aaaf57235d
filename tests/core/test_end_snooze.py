"""A snooze ended before its day: the contact is back in the plans from today, as one change that an undo
takes back with the plan as it was."""

from datetime import timedelta

import pytest

from dailyreach.core.errors import ChangeRefused
from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.records.model import Settings, Snooze
from tests.conftest import add_contact


def later(store, days: int = 7) -> str:
    return (store.local_today() + timedelta(days=days)).isoformat()


def test_ending_a_snooze_brings_the_contact_back_into_a_free_place_of_todays_plan(store, clock):
    store.save_settings(Settings(daily_goal=2))
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, priority=1)
    clock.advance(seconds=1)
    add_contact(store, "Bob", handles={"x": "@bob"}, priority=2)

    def planned() -> list[str]:
        return [item.contact.name for item in build_agenda(store).items]

    store.snooze(Snooze(contact_id=ann.id, until=later(store)))
    assert planned() == ["Bob"]
    store.end_snooze(ann.id)
    assert store.snoozes() == {}
    assert planned() == ["Bob", "Ann"]


def test_undoing_the_end_of_a_snooze_gives_back_the_snooze_and_the_plan(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    until = later(store)
    store.snooze(Snooze(contact_id=ann.id, until=until))
    build_agenda(store)  # the day's plan, without her
    today = store.local_today().isoformat()
    planned = store.plan(today)
    store.end_snooze(ann.id)
    build_agenda(store)  # and with her, once read again
    assert [item.contact_id for item in store.plan(today).items] == [ann.id]
    assert store.undo().label == "end of the snooze of Ann"
    assert store.snoozes() == {ann.id: until}
    assert store.plan(today) == planned


def test_a_contact_not_snoozed_has_no_snooze_to_end_and_nothing_is_written(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    revision = store.revision()
    with pytest.raises(ChangeRefused) as refused:
        store.end_snooze(ann.id)
    assert (str(refused.value), refused.value.field) == ("Ann is not snoozed", "until")
    assert store.revision() == revision
    with pytest.raises(ChangeRefused, match="'nobody' is not snoozed"):
        store.end_snooze("nobody")
