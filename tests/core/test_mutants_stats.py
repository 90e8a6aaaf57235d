"""Behaviour of the Stats screen's figures (``stats*.py``) that mutation testing found no test pinned."""

from datetime import date, timedelta

from dailyreach.core.planning.stats import build_stats
from dailyreach.core.planning.stats_days import daily_log
from dailyreach.core.planning.stats_replies import reply_rates
from dailyreach.core.records.model import Invitation
from dailyreach.core.store.threads import Thread
from tests.conftest import add_contact, log
from tests.core.test_stats import settings, tokyo

NINE_HOURS = timedelta(hours=9)


def test_the_figures_say_when_where_and_for_which_goal_and_week_they_were_read(store, clock):
    settings(store, daily_goal=4, week_start="sunday")
    stats = build_stats(store)
    assert (stats.now, stats.today, stats.goal, stats.week_start) == (
        clock.now(),
        date(2026, 11, 23),
        4,
        "sunday",
    )
    assert tokyo(23).astimezone(stats.zone).utcoffset() == NINE_HOURS


def test_reply_rates_by_channel_are_by_the_channel_of_the_first_message(store):
    ann, bob = add_contact(store, "Ann"), add_contact(store, "Bob")
    log(store, ann, "dm_sent", at=tokyo(20), channel="linkedin")
    log(store, bob, "public_reply", at=tokyo(20), channel="x")
    log(store, bob, "reply_received", at=tokyo(21), channel="x")
    stats = build_stats(store)
    assert sorted((rate.key, rate.contacted, rate.replied) for rate in stats.by_channel) == [
        ("linkedin", 1, 0),
        ("x", 1, 1),
    ]
    assert sorted(rate.key for rate in stats.by_first_touch) == ["dm_sent", "public_reply"]


def test_reply_rates_go_on_past_a_thread_with_nothing_sent_and_name_a_key_without_a_label_by_itself():
    answered_first = Thread()
    answered_first.add("reply_received", "x", "2026-11-20T01:00:00Z")
    sent = Thread()
    sent.add("dm_sent", "mastodon", "2026-11-20T01:00:00Z")
    [rate] = reply_rates([answered_first, sent], "channel", {})
    assert (rate.key, rate.label, rate.contacted) == ("mastodon", "mastodon", 1)


def test_a_day_with_replies_alone_reached_nobody():
    log_of_days = daily_log({date(2026, 11, 20): {"replies": 2}})
    assert log_of_days.reached[date(2026, 11, 20)] == 0 and log_of_days.replies[date(2026, 11, 20)] == 2


def test_an_undated_invitation_is_counted_in_the_month_it_was_declined_in_the_users_timezone(store):
    # 20:00 in UTC on the last day of November is already December in Tokyo.
    store.save_invitation(
        Invitation(title="Pitch", status="declined", decided_at="2026-11-30T20:00:00+00:00", hours=2)
    )
    [month] = build_stats(store).declined.months
    assert (month.month, month.count) == ("2026-12", 1)


def test_declined_invitations_are_counted_past_an_undecided_one(store):
    store.save_invitation(Invitation(title="Gala", event_date="2026-11-10"))
    store.save_invitation(Invitation(title="Mixer", status="declined", event_date="2026-11-12", hours=3))
    declined = build_stats(store).declined
    assert (declined.count, declined.hours) == (1, 3)


def test_an_invitation_declined_on_the_first_day_of_last_week_is_last_weeks(store):
    store.save_invitation(
        Invitation(title="Early", status="declined", decided_at=tokyo(16, 0, 1).isoformat())
    )
    store.save_invitation(
        Invitation(title="Late", status="declined", decided_at=tokyo(15, 23, 59).isoformat())
    )
    assert build_stats(store).last_week.declined == 1


def test_a_goal_met_this_week_is_not_one_of_last_weeks(store):
    settings(store, daily_goal=1)
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent", at=tokyo(23, 8))  # today, the first day of this week
    review = build_stats(store).last_week
    assert (review.goal_days, review.sent) == (0, 0)


def test_the_threads_worth_a_word_say_since_when_on_which_channel_after_how_many_nudges(store):
    settings(store, followup_days=3, followups_before_giving_up=3)
    ann, bob = add_contact(store, "Ann"), add_contact(store, "Bob")
    log(store, ann, "dm_sent", at=tokyo(10), channel="linkedin")
    log(store, ann, "follow_up", at=tokyo(14), channel="linkedin")
    log(store, ann, "reply_received", at=tokyo(18, 8), channel="linkedin")
    log(store, bob, "dm_sent", at=tokyo(15, 8), channel="email")
    answered, due = build_stats(store).last_week.follow_ups
    assert (answered.contact.name, answered.reason, answered.channel, answered.nudges) == (
        "Ann",
        "answered",
        "linkedin",
        1,
    )
    assert answered.since == tokyo(18, 8) and answered.since.utcoffset() == NINE_HOURS
    assert (due.contact.name, due.reason, due.channel, due.nudges) == ("Bob", "follow_up_due", "email", 0)
    assert due.since == tokyo(15, 8) and due.since.utcoffset() == NINE_HOURS


def test_someone_who_wrote_first_is_worth_an_answer(store):
    ann = add_contact(store, "Ann")
    log(store, ann, "reply_received", at=tokyo(20))
    [item] = build_stats(store).last_week.follow_ups
    assert (item.contact.name, item.reason) == ("Ann", "answered")


def test_a_follow_up_is_due_by_the_local_day_the_message_was_sent(store, clock):
    """Sent at 8:00 in Tokyo on the 20th (the 19th in UTC), three days on it is due on the 23rd, not before."""
    settings(store, followup_days=3)
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent", at=tokyo(20, 8))
    clock.set(tokyo(22, 23))
    assert build_stats(store).last_week.follow_ups == []
    clock.set(tokyo(23, 9))
    assert [item.contact.name for item in build_stats(store).last_week.follow_ups] == ["Ann"]


def test_a_message_not_due_a_follow_up_yet_is_not_worth_one(store):
    settings(store, followup_days=3)
    ann = add_contact(store, "Ann")
    log(store, ann, "dm_sent", at=tokyo(22))
    assert build_stats(store).last_week.follow_ups == []
