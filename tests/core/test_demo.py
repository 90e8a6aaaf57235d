"""The demo store reads like real use: names a person would have, and what the panes say matches the timelines."""

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.planning.demo import fill_demo


def test_the_demo_has_pending_threads_declines_and_plausible_names(store):
    fill_demo(store)
    agenda = build_agenda(store)
    assert agenda.pending and agenda.declined and agenda.items
    assert [invitation.title for invitation in agenda.undecided] == ["Startup Networking Night"]
    everyone = store.contacts(include_archived=True)
    assert [contact.name for contact in everyone if contact.archived] == ["Sam O'Brien"]
    assert sum(bool(contact.tags) for contact in everyone) >= 6
    assert [contact.name for contact in everyone if contact.cadence_days] == ["山田 太郎"]
    assert not any(mark in contact.name for contact in store.contacts() for mark in "[]")
    assert store.history == []  # the demo is not something to undo


def test_every_pending_count_is_what_the_timeline_shows(store):
    fill_demo(store)
    for reply in build_agenda(store).pending:
        timeline = store.interactions(reply.contact.id)
        assert reply.nudges == sum(interaction.kind == "follow_up" for interaction in timeline)
        assert reply.waiting_since == timeline[0].moment
    assert all(interaction.moment <= store.now() for interaction in store.interactions())
