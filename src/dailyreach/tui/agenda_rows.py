"""The rows of the main screen's three panes, read from the agenda; user text is never markup."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text

from dailyreach.core.agenda import Agenda, TodayItem
from dailyreach.core.dates import ago
from dailyreach.core.planner import PendingReply
from dailyreach.report import amount, contact_summary, hours
from dailyreach.tui.rows import Row


def _reason(item: TodayItem) -> str:
    if item.reason == "follow_up":
        return f"follow-up #{item.follow_up_number}"
    return {"keep_in_touch": "keep in touch", "new": "new"}[item.reason]


def today_row(item: TodayItem) -> Row:
    summary = contact_summary(item.contact)
    return (
        item.contact.id,
        [
            Text("✓" if item.done else "·", style="green" if item.done else ""),
            Text(item.contact.name),
            Text(_reason(item)),
            Text(f"{summary['channel']} {summary['handle'] or ''}".strip()),
            Text(item.contact.why.splitlines()[0] if item.contact.why else ""),
        ],
    )


def today_rows(agenda: Agenda) -> list[Row]:
    return [today_row(item) for item in agenda.items]


def pending_row(reply: PendingReply, agenda: Agenda, now: datetime) -> Row:
    """``now`` is the agenda's, as a plain datetime: pendulum's subtraction costs more than the row."""
    style = "bold red" if reply.give_up_offered else ("yellow" if reply.overdue(agenda.day) else "")
    due = "give up?" if reply.give_up_offered else reply.follow_up_due.isoformat()
    return (
        reply.contact.id,
        [
            Text(reply.contact.name, style=style),
            Text(ago(reply.waiting_since, now)),
            Text(str(reply.nudges)),
            Text(due, style=style),
            Text(reply.channel),
        ],
    )


def pending_rows(agenda: Agenda) -> list[Row]:
    now = plain_now(agenda)
    return [pending_row(reply, agenda, now) for reply in agenda.pending]


def plain_now(agenda: Agenda) -> datetime:
    return datetime.fromtimestamp(agenda.now.timestamp(), agenda.now.tzinfo)


def invitation_rows(agenda: Agenda) -> list[Row]:
    return [
        (
            invitation.id,
            [
                Text(invitation.title, style="" if invitation.status == "declined" else "italic"),
                Text(invitation.event_date or ""),
                Text(hours(invitation.hours) if invitation.hours else ""),
                Text(f"{amount(invitation.cost)} {invitation.currency}" if invitation.cost else ""),
                Text(invitation.host),
                Text(
                    invitation.kind if invitation.status == "declined" else f"{invitation.kind} (undecided)"
                ),
            ],
        )
        for invitation in [*agenda.undecided, *agenda.declined]
    ]


def agenda_rows(agenda: Agenda) -> dict[str, list[Row]]:
    """The rows of each pane."""
    return {
        "today": today_rows(agenda),
        "pending": pending_rows(agenda),
        "invitations": invitation_rows(agenda),
    }
