"""Undoing a snooze gives today's plan back as it was: the snoozed contact in their place, not the one the
plan took in after the snooze."""

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.records.model import Settings, Snooze
from tests.conftest import add_contact


def test_undoing_a_snooze_puts_the_contact_back_in_todays_plan(store, clock):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=2))
    people = []
    for name, priority in (("Ann", 1), ("Bob", 2), ("Cat", 3)):
        people.append(add_contact(store, name, handles={"x": "@" + name.lower()}, priority=priority))
        clock.advance(seconds=1)

    def planned() -> list[str]:
        return [item.contact.name for item in build_agenda(store).items]

    assert planned() == ["Ann", "Bob"]
    store.snooze(Snooze(contact_id=people[0].id, until=store.local_today().replace(day=28).isoformat()))
    assert planned() == ["Bob", "Cat"]
    assert store.undo().label.startswith("snooze of Ann")
    assert planned() == ["Ann", "Bob"]
