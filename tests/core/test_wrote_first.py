"""Why a contact who wrote first is in today's plan, before and after the user answers them."""

from datetime import date, timedelta, timezone

import pytest

from dailyreach.core.planning.planner import ANSWERED, reason_now
from dailyreach.core.records.model import PlanItem
from dailyreach.core.store.threads import DaySpan, Thread

TODAY = DaySpan.of(date(2026, 11, 23), timezone(timedelta(hours=9)))


def shown_reason(*entries: tuple[str, str]) -> PlanItem:
    """The reason a contact planned as new reads once their thread holds (kind, UTC stamp) entries."""
    thread = Thread()
    for kind, stamp in entries:
        thread.add(kind, "x", stamp)
    return reason_now(PlanItem(contact_id="ann", reason="new"), thread, TODAY, due=False)


@pytest.mark.parametrize("answer", ["reply_received", "meeting_booked", "met"])
def test_someone_who_wrote_first_reads_answered_before_and_after_the_users_message(answer):
    before = shown_reason((answer, "2026-11-20T01:00:00.000000Z"))
    after = shown_reason((answer, "2026-11-20T01:00:00.000000Z"), ("dm_sent", "2026-11-23T01:00:00.000000Z"))
    assert (before.reason, after.reason) == (ANSWERED, ANSWERED)
    assert (after.contact_id, after.follow_up_number) == ("ann", 0)


def test_a_first_message_answered_and_written_to_again_today_reads_new():
    shown = shown_reason(
        ("dm_sent", "2026-11-23T01:00:00.000000Z"),
        ("reply_received", "2026-11-23T02:00:00.000000Z"),
        ("dm_sent", "2026-11-23T03:00:00.000000Z"),
    )
    assert shown.reason == "new"


def test_a_first_message_today_reads_new():
    assert shown_reason(("dm_sent", "2026-11-23T01:00:00.000000Z")).reason == "new"
