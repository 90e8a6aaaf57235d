"""The words the command line and the app share, pinned."""

from datetime import UTC, date, datetime

import pytest

from dailyreach.core.planning.planner import PendingReply, Savings
from dailyreach.core.records.model import Contact, Invitation
from dailyreach.stats_wording import duration, percent
from dailyreach.wording import (
    amount,
    days,
    follow_up_text,
    hours,
    keep_in_touch_text,
    money,
    plural,
    reason_text,
    saved_text,
    savings_text,
    table_count,
)

TODAY = date(2026, 11, 23)


def reply(due: date, nudges: int = 0, give_up: bool = False) -> PendingReply:
    sent = datetime(2026, 11, 20, tzinfo=UTC)
    return PendingReply(Contact(name="Ann"), "x", sent, sent, nudges, due, give_up)


@pytest.mark.parametrize(
    ("due", "nudges", "said"),
    [
        (date(2026, 11, 25), 0, "follow-up #1 due 2026-11-25 (in 2 days)"),
        (date(2026, 11, 24), 1, "follow-up #2 due 2026-11-24 (in 1 day)"),
        (TODAY, 0, "follow-up #1 due today"),
        (date(2026, 11, 22), 0, "follow-up #1 overdue since 2026-11-22 (1 day)"),
        (date(2026, 11, 14), 2, "follow-up #3 overdue since 2026-11-14 (9 days)"),
    ],
)
def test_when_a_follow_up_is_due_in_words(due, nudges, said):
    assert follow_up_text(reply(due, nudges), TODAY) == said


def test_a_thread_past_its_follow_ups_offers_to_close():
    assert (
        follow_up_text(reply(TODAY, 2, give_up=True), TODAY)
        == "2 follow-ups without an answer: x closes the thread"
    )
    # With one follow-up allowed (a setting), the first one unanswered already offers it.
    assert (
        follow_up_text(reply(TODAY, 1, give_up=True), TODAY)
        == "1 follow-up without an answer: x closes the thread"
    )


def test_amounts_hours_and_counts():
    assert (amount(5000), amount(12.5), amount(0.25), amount(1234567.891)) == (
        "5,000",
        "12.5",
        "0.25",
        "1,234,567.89",
    )
    assert (hours(3), hours(1.5)) == ("3 h", "1.5 h")
    assert (plural(1, "contact"), plural(0, "contact"), plural(2, "row")) == (
        "1 contact",
        "0 contacts",
        "2 rows",
    )
    assert (days(1), days(3)) == ("1 day", "3 days")


def test_savings_leave_out_what_is_nothing():
    assert savings_text(Savings(hours=14, money={"JPY": 13000, "USD": 169})) == "14 h, 13,000 JPY, 169 USD"
    assert savings_text(Savings(hours=0, money={"JPY": 5000})) == "5,000 JPY"
    assert savings_text(Savings(hours=2.5, money={})) == "2.5 h"
    assert savings_text(Savings(hours=0, money={})) == "nothing yet"
    assert money(Savings(hours=0, money={})) == "no money"
    assert money(Savings(hours=0, money={"EUR": 12.5, "JPY": 800})) == "12.50 EUR, 800 JPY"


def test_what_one_invitation_saves():
    mixer = Invitation(title="Mixer", kind="mixer", hours=3, cost=5000, currency="JPY")
    assert saved_text(mixer) == "3 h, 5,000 JPY"
    assert saved_text(Invitation(title="Call", kind="sales_pitch", hours=1)) == "1 h"
    assert saved_text(Invitation(title="Free", kind="party")) == ""


def test_why_someone_is_planned():
    assert [reason_text("new", 0), reason_text("keep_in_touch", 0), reason_text("follow_up", 2)] == [
        "new",
        "keep in touch",
        "follow-up #2",
    ]


@pytest.mark.parametrize(
    ("table", "one", "two"),
    [
        ("contacts", "1 contact", "2 contacts"),
        ("interactions", "1 interaction", "2 interactions"),
        ("invitations", "1 invitation", "2 invitations"),
        ("snoozes", "1 snooze", "2 snoozes"),
        ("plans", "1 daily plan", "2 daily plans"),
        ("templates", "1 template", "2 templates"),
        ("widgets", "1 widgets", "2 widgets"),  # a table of a later version, named as the file names it
    ],
)
def test_an_exports_records_are_counted_in_words(table, one, two):
    assert (table_count(table, 1), table_count(table, 2)) == (one, two)


@pytest.mark.parametrize(
    ("hours", "said"),
    [
        (None, "—"),
        (0, "under a minute"),
        (0.5 / 60, "under a minute"),
        (1 / 60, "1 min"),
        (0.75, "45 min"),
        (59.4 / 60, "59 min"),
        (59.7 / 60, "1 h"),
        (6.5, "6.5 h"),
        (47.9, "47.9 h"),
        (48, "2 d"),
        (24 * 3.2, "3.2 d"),
    ],
)
def test_a_wait_is_said_in_the_unit_that_reads_best(hours, said):
    assert duration(hours) == said


@pytest.mark.parametrize(
    ("share", "shown"),
    [(None, "—"), (0, "0%"), (1 / 8, "13%"), (29 / 200, "15%"), (1 / 3, "33%"), (2 / 3, "67%"), (1, "100%")],
)
def test_a_share_is_shown_as_a_whole_percentage_a_half_rounded_up(share, shown):
    assert percent(share) == shown


@pytest.mark.parametrize(
    ("due", "said"),
    [
        (date(2026, 12, 5), "keep in touch: overdue since 2026-12-05 (2 days)"),
        (date(2026, 12, 6), "keep in touch: overdue since 2026-12-06 (1 day)"),
        (date(2026, 12, 7), "keep in touch today"),
        (date(2026, 12, 8), "keep in touch on 2026-12-08"),
    ],
)
def test_a_keep_in_touch_day_is_said_due_or_overdue_as_a_follow_ups(due, said):
    assert keep_in_touch_text(due, date(2026, 12, 7)) == said
