"""The demo store reads like real use: names a person would have, what the panes say matches the
timelines, and the Stats screen tells two weeks of a habit, whatever day and hour the demo starts."""

from datetime import date

import pytest

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.planning.demo import fill_demo
from dailyreach.core.planning.stats import build_stats


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


# The fixture's Monday 09:00 in Tokyo, then each other day of that week, just after midnight and late.
STARTS = [(0, 9, 0)] + [(days, hour, minute) for days in range(1, 7) for hour, minute in ((0, 20), (23, 50))]


@pytest.mark.parametrize("days, hour, minute", STARTS, ids=[f"+{d}d-{h:02}{m:02}" for d, h, m in STARTS])
def test_the_stats_tell_two_weeks_of_a_habit(store, clock, days, hour, minute):
    clock.set(clock.now().add(days=days).replace(hour=hour, minute=minute))
    fill_demo(store)
    stats = build_stats(store)
    two_weeks = [day for day in stats.days if 1 <= (stats.today - day.day).days <= 14]
    # Most days of the two weeks met the goal (people written to), and the habit holds up to today.
    assert sum(day.goal_met for day in two_weeks) >= 8
    assert sum(day.sent > 0 for day in two_weeks) >= 12
    assert 1 <= stats.current_streak <= 14
    assert stats.last_week.goal_days >= 3
    # Channels answer at different rates, a public reply before the DM better than a cold DM.
    rates = {rate.key: rate for rate in stats.by_channel}
    assert {"x", "linkedin", "bluesky", "mastodon", "email"} <= set(rates)
    assert len({round(rate.rate, 2) for rate in rates.values()}) >= 4
    first_touch = {rate.key: rate.rate for rate in stats.by_first_touch}
    assert first_touch["public_reply"] > first_touch["dm_sent"] > 0
    # The funnel goes all the way, and people wait to be written to.
    funnel = {step.stage: step.count for step in stats.funnel}
    assert funnel["target"] >= 40 and funnel["contacted"] >= 30
    assert funnel["replied"] > funnel["meeting"] > funnel["met"] >= 1
    # Declined invitations whose evenings fell in the two weeks, in more than one currency, with what
    # was sent in those weeks instead.
    declined = [invitation for invitation in store.invitations() if invitation.status == "declined"]
    past = [invitation for invitation in declined if date.fromisoformat(invitation.event_date) < stats.today]
    assert len(past) >= 4 and len({invitation.currency for invitation in past}) >= 2
    assert all(invitation.decided_at <= store.now().isoformat() for invitation in declined)
    assert stats.declined.sent_those_weeks >= 40 and stats.declined.replies_those_weeks > 0
    assert len(stats.declined.money) >= 2
    # And today is still to do: follow-ups due and new people.
    agenda = build_agenda(store)
    assert {"follow_up", "new"} <= {item.reason for item in agenda.items}
    assert all(interaction.moment <= store.now() for interaction in store.interactions())
    assert store.history == []
