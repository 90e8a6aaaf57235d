"""Every figure of the Stats screen and `dailyreach stats`, on histories built here by hand.

The store's clock stands at Monday 2026-11-23 09:00 in Tokyo unless a test moves it; each expected
figure is worked out in the test from the history it logs.
"""

import subprocess
import sys
from datetime import date, timedelta

import pendulum
import pytest

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.planning.stats import DEFAULT_WEEKS, build_stats
from dailyreach.core.planning.stats_days import longest_streak, weekday_names
from dailyreach.core.records.dates import week_start_of
from dailyreach.core.records.model import Invitation, Settings
from dailyreach.core.store.store import Store
from tests.conftest import TOKYO, add_contact, log

BERLIN = "Europe/Berlin"


def tokyo(day: int, hour: int = 10, minute: int = 0, month: int = 11):
    return pendulum.datetime(2026, month, day, hour, minute, tz=TOKYO)


def settings(store, **changes):
    store.save_settings(Settings(**{"timezone": TOKYO, **changes}))


def sent_on(stats) -> dict[str, int]:
    """Days with messages sent, as YYYY-MM-DD -> count."""
    return {day.day.isoformat(): day.sent for day in stats.days if day.sent}


def rates(rows) -> list[tuple]:
    return [(row.label, row.contacted, row.replied, row.median_hours) for row in rows]


def test_no_data_at_all(store):
    stats = build_stats(store)
    # Monday 2026-11-23 starts this week; 25 weeks (175 days) before it is Monday 1 June.
    assert stats.first_day == date(2026, 6, 1)
    assert len(stats.days) == 25 * 7 + 1 and stats.days[-1].day == date(2026, 11, 23)
    assert len(stats.weeks) == DEFAULT_WEEKS
    assert (stats.sent, stats.goal_days, stats.days_with_outreach) == (0, 0, 0)
    # The habit has not begun: today is the one day it could have been kept on.
    assert stats.days_counted == 1
    assert (stats.current_streak, stats.longest_streak) == (0, 0)
    assert all(
        (week.sent, week.replies, week.meetings, week.goal_days) == (0, 0, 0, 0) for week in stats.weeks
    )
    assert stats.by_channel == [] and stats.by_first_touch == []
    assert [(step.label, step.count, step.conversion) for step in stats.funnel] == [
        ("targets", 0, None),
        ("contacted", 0, None),
        ("replied", 0, None),
        ("meeting booked", 0, None),
        ("met", 0, None),
    ]
    declined = stats.declined
    assert (declined.count, declined.hours, declined.money, declined.months, declined.weeks) == (
        0,
        0,
        {},
        [],
        [],
    )
    assert (declined.sent_those_weeks, declined.replies_those_weeks) == (0, 0)
    review = stats.last_week
    assert (review.start, review.end) == (date(2026, 11, 16), date(2026, 11, 22))
    assert not review.anything and review.follow_ups == []


def test_a_single_day(store):
    settings(store, daily_goal=2)
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    yamada = add_contact(store, "山田 太郎", handles={"mastodon": "@yamada@mstdn.jp"})
    log(store, ann, "public_reply", at=tokyo(20, 10))
    log(store, ann, "dm_sent", at=tokyo(20, 10, 5))
    log(store, yamada, "dm_sent", at=tokyo(20, 11), channel="mastodon")
    log(store, ann, "reply_received", at=tokyo(20, 16))
    stats = build_stats(store)
    # Three messages to two people on Friday the 20th: the goal of 2 (people) is met that day only.
    assert sent_on(stats) == {"2026-11-20": 3}
    assert [day.day for day in stats.days if day.goal_met] == [date(2026, 11, 20)]
    assert (stats.sent, stats.goal_days, stats.days_with_outreach) == (3, 1, 1)
    # From the first message on Friday the 20th to today, Monday the 23rd: four days, not 26 weeks.
    assert stats.days_counted == 4
    # A week counts its days from the first message, up to today: Fri-Sun last week, Monday this one.
    assert [(week.days_counted, week.goal_text) for week in stats.weeks[-3:]] == [
        (0, "—"),
        (3, "1/3"),
        (1, "0/1"),
    ]
    assert (stats.last_week.goal_days, stats.last_week.days_counted) == (1, 3)
    # Nothing on Sunday the 22nd nor today: no current streak; the longest was that one day.
    assert (stats.current_streak, stats.longest_streak) == (0, 1)
    last_week = stats.weeks[-2]
    assert (last_week.start, last_week.sent, last_week.replies, last_week.goal_days) == (
        date(2026, 11, 16),
        3,
        1,
        1,
    )
    # Ann was first reached by a public reply on X at 10:00 and answered at 16:00: 6 hours.
    assert rates(stats.by_channel) == [("Mastodon", 1, 0, None), ("X", 1, 1, 6.0)]
    assert rates(stats.by_first_touch) == [("DM", 1, 0, None), ("public reply", 1, 1, 6.0)]
    assert stats.by_channel[1].rate == 1.0 and stats.by_channel[0].rate == 0.0
    assert [(step.count, step.conversion) for step in stats.funnel] == [
        (2, None),
        (2, 1.0),
        (1, 0.5),
        (0, 0.0),
        (0, None),
    ]


def test_days_turn_at_local_midnight_not_at_utc_midnight(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=tokyo(18, 23, 59))
    log(store, ann, "follow_up", at=tokyo(19, 0, 1))
    # 08:30 in Tokyo is 23:30 UTC the day before: still the 19th here.
    log(store, ann, "follow_up", at=pendulum.datetime(2026, 11, 18, 23, 30, tz="UTC"))
    # Sunday 23:59 is last week; Monday 00:00 is this week.
    log(store, ann, "follow_up", at=tokyo(22, 23, 59))
    log(store, ann, "follow_up", at=tokyo(23, 0, 0))
    stats = build_stats(store)
    assert sent_on(stats) == {"2026-11-18": 1, "2026-11-19": 2, "2026-11-22": 1, "2026-11-23": 1}
    assert [week.sent for week in stats.weeks[-2:]] == [4, 1]
    # The 22nd and today in a row; the 18th and 19th were the other run of two.
    assert (stats.current_streak, stats.longest_streak) == (2, 2)
    assert stats.last_week.sent == 4


def test_a_clock_change_in_berlin(tmp_path):
    from dailyreach.core.records.clock import FixedClock
    from dailyreach.core.store.store import Store

    store = Store(tmp_path / "berlin.json", clock=FixedClock(pendulum.datetime(2026, 11, 4, 12, tz=BERLIN)))
    store.save_settings(Settings(timezone=BERLIN))

    def berlin(month, day, hour, minute=0):
        return pendulum.datetime(2026, month, day, hour, minute, tz=BERLIN)

    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"linkedin": "bob"})
    # Clocks went back an hour on Sunday 25 October: noon Saturday to noon Sunday took 25 hours.
    log(store, ann, "dm_sent", at=berlin(10, 24, 12))
    log(store, ann, "reply_received", at=berlin(10, 25, 12))
    # And forward an hour on Sunday 29 March: noon to noon took 23 hours.
    log(store, bob, "dm_sent", at=berlin(3, 28, 12), channel="linkedin")
    log(store, bob, "reply_received", at=berlin(3, 29, 12), channel="linkedin")
    # The 25-hour day: 00:30 (summer time, 22:30 UTC the day before) and 23:30 (winter time) are both
    # on the 25th, and 00:30 the next night is Monday the 26th, a new week.
    log(store, ann, "follow_up", at=berlin(10, 25, 0, 30))
    log(store, ann, "follow_up", at=berlin(10, 25, 23, 30))
    log(store, ann, "follow_up", at=berlin(10, 26, 0, 30))
    stats = build_stats(store)
    assert rates(stats.by_channel) == [("LinkedIn", 1, 1, 23.0), ("X", 1, 1, 25.0)]
    assert rates(stats.by_first_touch) == [("DM", 2, 2, 24.0)]
    assert sent_on(stats) == {"2026-10-24": 1, "2026-10-25": 2, "2026-10-26": 1}
    weeks = {week.start.isoformat(): week for week in stats.weeks}
    assert (weeks["2026-10-19"].sent, weeks["2026-10-19"].replies) == (3, 1)
    assert weeks["2026-10-26"].sent == 1
    # Saturday to Monday in a row, across the long night.
    assert stats.longest_streak == 3


@pytest.mark.parametrize(
    ("week_start", "this_week", "names", "last_two_weeks"),
    [
        # Saturday 21 and Sunday 22: the week of Monday 16 holds both.
        ("monday", date(2026, 11, 23), ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), [5, 1]),
        # Weeks from Sunday: Saturday 21 ends last week, Sunday 22 starts this one with today.
        ("sunday", date(2026, 11, 22), ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"), [4, 2]),
        # Weeks from Saturday: both are this week's.
        ("saturday", date(2026, 11, 21), ("Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri"), [2, 4]),
    ],
)
def test_weeks_start_on_the_settings_day(store, week_start, this_week, names, last_two_weeks):
    settings(store, week_start=week_start, daily_goal=2)
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    log(store, ann, "dm_sent", at=tokyo(19))  # Thursday
    log(store, ann, "follow_up", at=tokyo(20))  # Friday
    log(store, ann, "follow_up", at=tokyo(21, 9))  # Saturday
    log(store, bob, "dm_sent", at=tokyo(21, 10))
    log(store, ann, "follow_up", at=tokyo(22))  # Sunday
    log(store, ann, "follow_up", at=tokyo(23, 8))  # Monday, today
    stats = build_stats(store, weeks=3)
    assert stats.weeks[-1].start == this_week == week_start_of(date(2026, 11, 23), week_start)
    assert stats.first_day == this_week.replace(day=this_week.day - 14)
    assert weekday_names(week_start) == names
    assert [week.sent for week in stats.weeks[-2:]] == last_two_weeks
    # Only Saturday had two people written to, the goal.
    assert [day.day for day in stats.days if day.goal_met] == [date(2026, 11, 21)]
    assert stats.last_week.start == this_week.replace(day=this_week.day - 7)
    assert stats.last_week.sent == last_two_weeks[0]


def test_declined_invitations_per_month_in_several_currencies(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})

    def declined(title, event_date, hours, cost, currency, decided_at=None):
        store.save_invitation(
            Invitation(
                title=title,
                event_date=event_date,
                hours=hours,
                cost=cost,
                currency=currency,
                status="declined",
                decided_at=decided_at,
            )
        )

    declined("異業種交流会", "2026-10-09", 3, 5000, "JPY")  # the week of Monday 5 October
    declined("Growth Seminar", "2026-10-15", 2, 120, "USD")  # the week of Monday 12 October
    declined("Founder party", "2026-10-16", None, 3000, "JPY")  # the same week
    # No event date: placed by the day it was declined, Friday 20 November (last week).
    declined("Community", None, 4, 40, "EUR", decided_at=tokyo(20, 21).isoformat())
    declined("Pitch", None, 1, None, "USD")  # neither date
    store.save_invitation(Invitation(title="Undecided", event_date="2026-10-10", hours=9, cost=1))
    store.save_invitation(
        Invitation(title="Accepted", event_date="2026-10-10", hours=9, cost=1, status="accepted")
    )
    log(store, ann, "dm_sent", at=tokyo(6, month=10))
    log(store, ann, "follow_up", at=tokyo(6, 11, month=10))
    for hour in (9, 10, 11):
        log(store, ann, "follow_up", at=tokyo(14, hour, month=10))
    log(store, ann, "reply_received", at=tokyo(15, month=10))
    log(store, ann, "follow_up", at=tokyo(17))
    log(store, ann, "follow_up", at=tokyo(2))  # a week with no declined event
    summary = build_stats(store).declined
    assert [(m.month, m.count, m.hours, m.money, m.sent_those_weeks) for m in summary.months] == [
        ("2026-10", 3, 5, {"JPY": 8000, "USD": 120}, 2 + 3),
        ("2026-11", 1, 4, {"EUR": 40}, 1),
        (None, 1, 1, {}, 0),
    ]
    assert (summary.count, summary.hours) == (5, 10)
    assert summary.money == {"EUR": 40, "JPY": 8000, "USD": 120}
    assert list(summary.money) == ["EUR", "JPY", "USD"]
    assert (summary.sent_those_weeks, summary.replies_those_weeks) == (6, 1)
    # The weeks of those events (Mondays), each once: the Stats screen marks them under its weeks.
    assert summary.weeks == [date(2026, 10, 5), date(2026, 10, 12), date(2026, 11, 16)]


def test_a_declined_event_still_to_come_counts_no_messages_instead_of_it(store, clock):
    """Declining Friday's mixer on Saturday: its week has not begun, so nothing was done instead yet.
    The summary says to come, not "0 sent", and a week begun still counts."""
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent")
    next_week = (clock.now() + timedelta(days=7)).date().isoformat()
    store.save_invitation(Invitation(title="Mixer", event_date=next_week, hours=3, status="declined"))
    summary = build_stats(store).declined
    assert (summary.sent_those_weeks, summary.replies_those_weeks) == (None, None)
    assert [(m.count, m.sent_those_weeks) for m in summary.months] == [(1, None)]
    store.save_invitation(
        Invitation(title="Seminar", event_date=clock.now().date().isoformat(), hours=2, status="declined")
    )
    summary = build_stats(store).declined
    assert (summary.sent_those_weeks, summary.replies_those_weeks) == (1, 0)


def test_the_funnel_counts_who_reached_each_step(store):
    stages = {
        "target": [],
        "contacted": ["dm_sent"],
        "no response": ["dm_sent", "follow_up", "no_response"],
        "replied": ["public_reply", "reply_received"],
        "meeting": ["dm_sent", "reply_received", "meeting_booked"],
        # Met without a booking logged: a meeting all the same.
        "met": ["dm_sent", "met"],
    }
    for offset, (name, kinds) in enumerate(stages.items()):
        contact = add_contact(store, name, handles={"x": f"@p{offset}"}, archived=name == "met")
        for step, kind in enumerate(kinds):
            log(store, contact, kind, at=tokyo(10 + offset, 9 + step))
    funnel = build_stats(store).funnel
    # 6 added (the archived one too), 5 written to, 3 answered, 2 got a meeting, 1 met.
    assert [(step.label, step.count) for step in funnel] == [
        ("targets", 6),
        ("contacted", 5),
        ("replied", 3),
        ("meeting booked", 2),
        ("met", 1),
    ]
    assert [step.conversion for step in funnel] == [None, 5 / 6, 3 / 5, 2 / 3, 1 / 2]


def test_reply_rates_count_the_first_message_and_the_first_answer_after_it(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    cid = add_contact(store, "Cid", handles={"x": "@cid"})
    dee = add_contact(store, "Dee", handles={"email": "dee@example.com"})
    # Ann wrote first; the answer that counts is the first one after the first message (4 hours).
    log(store, ann, "reply_received", at=tokyo(1, 9))
    log(store, ann, "public_reply", at=tokyo(2, 9))
    log(store, ann, "dm_sent", at=tokyo(2, 10), channel="email")
    log(store, ann, "reply_received", at=tokyo(2, 13))
    log(store, ann, "meeting_booked", at=tokyo(3, 9))
    # Bob: a meeting booked 30 hours after the DM is his answer.
    log(store, bob, "dm_sent", at=tokyo(4, 9))
    log(store, bob, "meeting_booked", at=tokyo(5, 15))
    # Cid: nothing back yet. Dee: by e-mail, two days (48 hours).
    log(store, cid, "dm_sent", at=tokyo(6, 9))
    log(store, dee, "dm_sent", at=tokyo(6, 9), channel="email")
    log(store, dee, "reply_received", at=tokyo(8, 9), channel="email")
    stats = build_stats(store)
    # X: Ann, Bob, Cid reached; Ann and Bob answered after 4 and 30 hours: a median of 17.
    assert rates(stats.by_channel) == [("X", 3, 2, 17.0), ("e-mail", 1, 1, 48.0)]
    assert rates(stats.by_first_touch) == [("DM", 3, 2, 39.0), ("public reply", 1, 1, 4.0)]
    assert stats.by_channel[0].rate == pytest.approx(2 / 3)


def test_last_weeks_review_and_the_threads_most_worth_a_follow_up(store):
    settings(store, daily_goal=2, followup_days=3, followups_before_giving_up=2)

    def person(name, priority, *logged, archived=False):
        contact = add_contact(store, name, priority=priority, archived=archived)
        for kind, day in logged:
            log(store, contact, kind, at=tokyo(day))
        return contact

    # Answered and waiting for you: Bob (priority 1) before Ann (priority 2).
    person("Ann", 2, ("dm_sent", 10), ("reply_received", 12))
    person("Bob", 1, ("dm_sent", 14), ("reply_received", 18))
    # Past the follow-up day (the 16th + 3): Cara, priority 1, no nudge yet.
    person("Cara", 1, ("dm_sent", 16))
    # Two nudges already and due again: offered to close, not to nudge.
    person("Dan", 1, ("dm_sent", 12), ("follow_up", 16), ("follow_up", 19))
    # Not due until the 24th.
    person("Eve", 3, ("dm_sent", 21))
    # Answered, but you wrote again since: waiting on them, due since the 14th.
    person("Finn", 2, ("dm_sent", 9), ("reply_received", 10), ("dm_sent", 11))
    person("Gus", 2, ("dm_sent", 13), ("meeting_booked", 17))
    # Answered, but archived: not suggested.
    person("山田 太郎", 1, ("dm_sent", 5), ("reply_received", 6), archived=True)
    store.save_invitation(Invitation(title="Mixer", status="declined", decided_at=tokyo(18).isoformat()))
    store.save_invitation(Invitation(title="Party", status="declined", decided_at=tokyo(23, 8).isoformat()))
    review = build_stats(store).last_week
    assert (review.start, review.end) == (date(2026, 11, 16), date(2026, 11, 22))
    # Sent the 16th (Cara, Dan) , the 19th (Dan) and the 21st (Eve); Bob's reply; Gus's meeting.
    assert (review.sent, review.replies, review.meetings) == (4, 1, 1)
    assert review.goal_days == 1  # the 16th, with two
    assert review.declined == 1  # the mixer; the party was declined this week
    assert review.anything
    assert [(item.contact.name, item.reason) for item in review.follow_ups] == [
        ("Bob", "answered"),
        ("Ann", "answered"),
        ("Cara", "follow_up_due"),
    ]
    assert review.follow_ups[0].since.date() == date(2026, 11, 18)


def test_the_follow_ups_go_on_past_the_answered_ones_and_stop_at_three(store):
    settings(store, followup_days=3)
    for name, priority in (("Finn", 2), ("Cara", 1), ("Hal", 1), ("Ivy", 3)):
        contact = add_contact(store, name, handles={"x": f"@{name.lower()}"}, priority=priority)
        log(store, contact, "dm_sent", at=tokyo(10 if name == "Hal" else 12))
    hal = next(contact for contact in store.contacts() if contact.name == "Hal")
    log(store, hal, "follow_up", at=tokyo(15))
    review = build_stats(store).last_week
    # Priority first, then fewer nudges: Cara (1, none), Hal (1, one), Finn (2); Ivy (3) is fourth.
    assert [(item.contact.name, item.nudges) for item in review.follow_ups] == [
        ("Cara", 0),
        ("Hal", 1),
        ("Finn", 0),
    ]


def test_the_current_streak_is_the_main_screens(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    for day in (15, 16, 17, 19, 20, 21, 22):
        log(store, ann, "follow_up", at=tokyo(day))
    stats = build_stats(store)
    assert stats.current_streak == build_agenda(store).streak == 4  # the 19th to the 22nd
    assert stats.longest_streak == 4
    log(store, ann, "follow_up", at=tokyo(23, 8))
    assert build_stats(store).current_streak == 5


def test_longest_streak():
    days = [date(2026, 1, d) for d in (1, 2, 3, 5, 6, 8, 9, 10, 11)]
    assert longest_streak(days) == 4
    assert longest_streak(reversed(days)) == 4
    assert longest_streak([]) == 0
    assert longest_streak([date(2026, 1, 31), date(2026, 2, 1)]) == 2


def test_each_weekdays_totals_beside_the_calendar(store):
    """Weeks from Sunday, goal 2, two weeks: Sunday 15 to Monday 23 (today). Sunday 15: Ann and Bob
    (2 sent, goal met); Tuesday 17: Ann answers (not sent); Thursday 19: one follow-up; Sunday 22: one
    follow-up to Ann alone (not met); Monday 23: Ann and Bob again (met)."""
    settings(store, week_start="sunday", daily_goal=2)
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    log(store, ann, "dm_sent", at=tokyo(15, 9))
    log(store, bob, "dm_sent", at=tokyo(15, 10))
    log(store, ann, "reply_received", at=tokyo(17))
    log(store, ann, "follow_up", at=tokyo(19))
    log(store, ann, "follow_up", at=tokyo(22))
    log(store, ann, "follow_up", at=tokyo(23, 7))
    log(store, bob, "follow_up", at=tokyo(23, 8))
    stats = build_stats(store, weeks=2)
    assert stats.first_day == date(2026, 11, 15)
    # (weekday, sent, days with any, days at the goal), from Sunday as the calendar's rows.
    assert [(row.weekday, row.sent, row.days_with_outreach, row.goal_days) for row in stats.weekdays] == [
        ("Sun", 2 + 1, 2, 1),  # the 15th and the 22nd
        ("Mon", 0 + 2, 1, 1),  # the 16th (nothing) and today
        ("Tue", 0, 0, 0),  # an answer is not a message sent
        ("Wed", 0, 0, 0),
        ("Thu", 1, 1, 0),
        ("Fri", 0, 0, 0),
        ("Sat", 0, 0, 0),
    ]
    # Together they are the calendar's totals.
    assert sum(row.sent for row in stats.weekdays) == stats.sent == 6
    assert sum(row.days_with_outreach for row in stats.weekdays) == stats.days_with_outreach == 4
    assert sum(row.goal_days for row in stats.weekdays) == stats.goal_days == 2


def test_one_week_is_this_week_so_far(store):
    stats = build_stats(store, weeks=1)
    assert [week.start for week in stats.weeks] == [date(2026, 11, 23)]
    assert [day.day for day in stats.days] == [date(2026, 11, 23)]


def test_the_stats_module_never_imports_textual():
    code = "import sys, dailyreach.core.planning.stats; print(sorted(m for m in sys.modules if m.startswith('textual')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_goal_counts_people_as_today_does_not_messages(store):
    settings(store, daily_goal=2)
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    for hour in (9, 10, 11):  # three messages to one person on the 19th: the goal of two is not met
        log(store, ann, "follow_up" if hour > 9 else "dm_sent", at=tokyo(19, hour))
    log(store, ann, "follow_up", at=tokyo(20, 9))  # two people on the 20th: it is
    log(store, bob, "dm_sent", at=tokyo(20, 10))
    stats = build_stats(store)
    assert sent_on(stats) == {"2026-11-19": 3, "2026-11-20": 2}
    assert [day.day for day in stats.days if day.goal_met] == [date(2026, 11, 20)]
    assert stats.last_week.goal_days == 1


def test_days_counted_run_from_the_first_message_ever_even_before_the_weeks_shown(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=tokyo(1, month=3))
    stats = build_stats(store, weeks=2)
    assert stats.days_counted == len(stats.days) == 8
    assert build_stats(store).days_counted == len(build_stats(store).days)


def test_a_change_of_the_goal_leaves_past_days_judged_by_the_goal_they_had(store, clock, db_path):
    # Raised from 2 to 3 on the 23rd, the goal turned every day met at 2 into a day missed, in the stats,
    # the calendar and the weekly review alike (and lowered, every day missed into one met).
    settings(store, daily_goal=2)
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"})
    cara = add_contact(store, "Cara", handles={"x": "@cara"})
    for person, hour in ((ann, 9), (bob, 10)):  # two people on the 19th: the goal of 2 met
        log(store, person, "dm_sent", at=tokyo(19, hour))
    store.change_settings(lambda _settings: {"daily_goal": 3})  # on the 23rd (the clock's day)
    store.change_settings(lambda _settings: {"daily_goal": 4})  # again that day: the 19th keeps 2
    log(store, cara, "dm_sent", at=tokyo(23, 6))
    for person, hour in ((ann, 7), (bob, 8)):  # three people today: the goal of 4 not met
        log(store, person, "follow_up", at=tokyo(23, hour))
    reread = Store(db_path, clock=clock)
    assert reread.settings().past_goals == {"2026-11-22": 2}
    stats = build_stats(reread)
    assert [day.day for day in stats.days if day.goal_met] == [date(2026, 11, 19)]
    assert (stats.last_week.goal_days, stats.last_week.goal) == (1, 2)
    assert stats.goal == 4  # today's, shown with today's progress
    store.change_settings(lambda _settings: {"daily_goal": 2})  # lowered the day after: today's 3 meet it
    clock.advance(days=1)
    store.change_settings(lambda _settings: {"daily_goal": 9})
    assert store.settings().past_goals == {"2026-11-22": 2, "2026-11-23": 2}
    assert [day.day for day in build_stats(store).days if day.goal_met] == [
        date(2026, 11, 19),
        date(2026, 11, 23),
    ]


def test_last_weeks_review_names_the_goal_its_last_day_had(store):
    settings(store, daily_goal=4, past_goals={"2026-11-21": 2})  # 2 until the Saturday, then 4
    assert build_stats(store).last_week.goal == 4


def test_the_goal_a_day_had():
    kept = Settings(daily_goal=5, past_goals={"2026-11-10": 2, "2026-11-20": 3})
    assert [kept.goal_on(date(2026, 11, day)) for day in (1, 10, 11, 20, 21)] == [2, 2, 3, 3, 5]
    assert Settings(daily_goal=5).goal_on(date(2026, 11, 1)) == 5
    assert kept.goals_kept_before(date(2026, 11, 25)) == {**kept.past_goals, "2026-11-24": 5}
    assert kept.goals_kept_before(date(2026, 11, 21)) == kept.past_goals  # changed that day already
    assert kept.goals_kept_before(date(2026, 11, 22)) == {**kept.past_goals, "2026-11-21": 5}


@pytest.mark.parametrize(
    ("past_goals", "said"),
    [
        ([2], "past_goals: must map a day to the goal it had"),
        ({"yesterday": 2}, "past_goals: "),
        ({"2026-11-20": 0}, "past_goals.2026-11-20: "),
    ],
)
def test_the_goals_kept_are_checked_as_read(past_goals, said):
    from dailyreach.core.errors import ValidationError

    with pytest.raises(ValidationError) as refused:
        Settings.from_dict({"past_goals": past_goals})
    assert str(refused.value).startswith(said.split(":")[0]) and said.split(": ")[1] in str(refused.value)
