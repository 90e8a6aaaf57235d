"""Behaviour of ``status.py`` that mutation testing found no test pinned."""

import pytest

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.planning.status import morning_text
from dailyreach.core.records.model import Settings
from tests.conftest import TOKYO, add_contact, log


def overdue_follow_ups(store, clock, names) -> None:
    days = store.settings().followup_days_for("x")
    for name in names:
        contact = add_contact(store, name, handles={"x": "@" + name.lower()})
        log(store, contact, "dm_sent", at=clock.now().subtract(days=days + 1))
        clock.advance(seconds=1)


def test_the_morning_text_names_a_single_follow_up_alone(store, clock):
    overdue_follow_ups(store, clock, ["Ann"])
    assert morning_text(build_agenda(store)) == "1 to contact today: follow-up to Ann · start a streak today"


def test_the_morning_text_names_three_follow_ups_and_counts_the_rest(store, clock):
    store.save_settings(Settings(timezone=TOKYO, daily_goal=5))
    overdue_follow_ups(store, clock, ["Ann", "Bob", "Cy", "Dee", "Eve"])
    assert morning_text(build_agenda(store)).startswith(
        "5 to contact today: follow-ups to Ann, Bob, Cy and 2 more · "
    )


def test_the_morning_text_of_an_empty_plan_still_gives_the_streak(store, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=clock.now().subtract(days=1))  # waiting: her follow-up is not due yet
    assert (
        morning_text(build_agenda(store))
        == "Nothing planned today: add targets to reach out to · streak 1 day"
    )


def test_the_morning_text_of_a_plan_all_contacted_counts_it(store, clock):
    for name in ("Ann", "Bob"):
        log(store, add_contact(store, name, handles={"x": "@" + name.lower()}), "dm_sent")
    assert morning_text(build_agenda(store)) == "All 2 of today's plan contacted · streak 1 day"


@pytest.mark.parametrize("closed", [False, True])
def test_the_morning_text_of_a_plan_with_nothing_left_to_send_counts_only_who_was_contacted(
    store, clock, closed
):
    """Bob's row asks nothing today (a message sent yesterday waits for its follow-up, or his thread was
    closed), but he was not written to today: not "all contacted"."""
    ann, bob = (add_contact(store, name, handles={"x": "@" + name.lower()}) for name in ("Ann", "Bob"))
    build_agenda(store)  # the day's plan: both, as new targets
    log(store, ann, "dm_sent")
    log(store, bob, "dm_sent", at=clock.now().subtract(days=1))
    if closed:
        log(store, bob, "no_response")
    assert morning_text(build_agenda(store)) == (
        "Nothing more to send today: 1 of 2 in today's plan contacted, the rest need nothing today · "
        "streak 2 days"
    )


def test_the_morning_text_names_who_to_keep_in_touch_with_and_a_single_new_target(store, clock):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, cadence_days=7)
    log(store, ann, "dm_sent", at=clock.now().subtract(days=9))
    log(store, ann, "reply_received", at=clock.now().subtract(days=8))  # a week ago and more: due a word
    add_contact(store, "Bob", handles={"x": "@bob"})
    assert morning_text(build_agenda(store)) == (
        "2 to contact today: keep in touch with Ann, 1 new target · start a streak today"
    )


def test_the_morning_text_counts_one_name_past_three_as_one_more(store, clock):
    store.save_settings(Settings(timezone=TOKYO, daily_goal=5))
    overdue_follow_ups(store, clock, ["Ann", "Bob", "Cy", "Dee"])
    assert morning_text(build_agenda(store)).startswith(
        "4 to contact today: follow-ups to Ann, Bob, Cy and 1 more · "
    )


def test_the_morning_text_names_who_answered_as_the_users_turn(store, clock):
    # They were counted and not named: "2 to contact today: 1 new target", or "1 to contact today:  ·".
    hana = add_contact(store, "Hana", handles={"x": "@hana"})
    add_contact(store, "Ivan", handles={"x": "@ivan"})
    log(store, hana, "dm_sent", at=clock.now().subtract(days=4))
    build_agenda(store)  # planned for her follow-up
    log(store, hana, "reply_received", at=clock.now().subtract(minutes=5))
    assert morning_text(build_agenda(store)) == (
        "2 to contact today: reply to Hana, 1 new target · start a streak today"
    )


def test_the_morning_text_of_a_one_person_plan_contacted_says_the_one(store, clock):
    store.save_settings(Settings(timezone=TOKYO, daily_goal=1))
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=clock.now().subtract(minutes=5))
    assert morning_text(build_agenda(store)) == "The one person in today's plan contacted · streak 1 day"
