"""Behaviour of ``status.py`` that mutation testing found no test pinned."""

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
