"""The rows of the main screen's three panes, read from the agenda; user text is never markup."""

from __future__ import annotations

from rich.text import Text

from dailyreach.core.agenda import Agenda
from dailyreach.core.dates import ago
from dailyreach.report import amount, contact_summary, hours
from dailyreach.tui.rows import Row


def _reason(item) -> str:
    if item.reason == "follow_up":
        return f"follow-up #{item.follow_up_number}"
    return {"keep_in_touch": "keep in touch", "new": "new"}[item.reason]


def today_rows(agenda: Agenda) -> list[Row]:
    rows = []
    for item in agenda.items:
        summary = contact_summary(item.contact)
        rows.append(
            (
                item.contact.id,
                [
                    Text("✓" if item.done else "·", style="green" if item.done else ""),
                    Text(item.contact.name),
                    Text(_reason(item)),
                    Text(f"{summary['channel']} {summary['handle'] or ''}".strip()),
                    Text(item.contact.why.splitlines()[0] if item.contact.why else ""),
                ],
            )
        )
    return rows


def pending_rows(agenda: Agenda) -> list[Row]:
    rows = []
    for reply in agenda.pending:
        style = "bold red" if reply.give_up_offered else ("yellow" if reply.overdue(agenda.day) else "")
        due = "give up?" if reply.give_up_offered else reply.follow_up_due.isoformat()
        rows.append(
            (
                reply.contact.id,
                [
                    Text(reply.contact.name, style=style),
                    Text(ago(reply.waiting_since, agenda.now)),
                    Text(str(reply.nudges)),
                    Text(due, style=style),
                    Text(reply.channel),
                ],
            )
        )
    return rows


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
