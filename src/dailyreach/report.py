"""The command line's output: the documented ``--json`` shapes and plain, aligned text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from dailyreach.core.planning.agenda import Agenda
from dailyreach.core.records.dates import ago
from dailyreach.core.records.model import Contact, Invitation
from dailyreach.wording import (
    amount,
    export_plan_text,
    handles_text,
    hours,
    import_source,
    plural,
    reason_text,
    savings_text,
)

if TYPE_CHECKING:
    from dailyreach.core.files.contact_import import ImportPreview


def contact_summary(contact: Contact) -> dict[str, Any]:
    channel = contact.main_channel
    return {
        "id": contact.id,
        "name": contact.name,
        "channel": channel,
        "handle": contact.handles.get(channel),
        "url": contact.profile_urls.get(channel),
    }


def today_json(agenda: Agenda) -> dict[str, Any]:
    return {
        "date": agenda.day.isoformat(),
        "goal": agenda.goal,
        "progress": agenda.progress,
        "streak": agenda.streak,
        "items": [
            {
                "contact": contact_summary(item.contact),
                "reason": item.reason,
                "follow_up_number": item.follow_up_number,
                "done": item.done,
                "stage": item.stage,
                "why": item.contact.why,
            }
            for item in agenda.items
        ],
    }


def pending_json(agenda: Agenda) -> dict[str, Any]:
    return {
        "date": agenda.day.isoformat(),
        "pending": [
            {
                "contact": contact_summary(reply.contact),
                "channel": reply.channel,
                "waiting_since": reply.waiting_since.isoformat(),
                "last_sent": reply.last_sent.isoformat(),
                "days_waiting": (agenda.now - reply.waiting_since).days,
                "nudges": reply.nudges,
                "follow_up_due": reply.follow_up_due.isoformat(),
                "overdue": reply.overdue(agenda.day),
                "give_up_offered": reply.give_up_offered,
            }
            for reply in agenda.pending
        ],
    }


def invitations_json(agenda: Agenda) -> dict[str, Any]:
    return {
        "declined": [invitation.to_dict() for invitation in agenda.declined],
        "undecided": [invitation.to_dict() for invitation in agenda.undecided],
        "saved": {"hours": agenda.savings.hours, "money": agenda.savings.money},
    }


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells (a Japanese character takes two)."""
    return text + " " * max(0, width - cell_len(text))


def columns(rows: list[list[str]]) -> str:
    """Rows as lines whose columns line up on the terminal."""
    if not rows:
        return ""
    widths = [max(cell_len(row[index]) for row in rows) for index in range(len(rows[0]))]
    return "\n".join(
        "  ".join(pad(cell, widths[index]) for index, cell in enumerate(row)).rstrip() for row in rows
    )


def today_text(agenda: Agenda) -> str:
    head = f"{agenda.day.isoformat()}  {agenda.progress}/{agenda.goal} today  streak {agenda.streak}"
    if not agenda.items:
        return f"{head}\nNothing planned: add a target with `dailyreach add NAME --x @handle`."
    rows = []
    for item in agenda.items:
        summary = contact_summary(item.contact)
        reason = reason_text(item.reason, item.follow_up_number)
        rows.append(
            [
                "[x]" if item.done else "[ ]",
                item.contact.name,
                f"{summary['channel']} {summary['handle'] or ''}".strip(),
                reason,
                item.contact.why.splitlines()[0] if item.contact.why else "",
            ]
        )
    return f"{head}\n{columns(rows)}"


def pending_text(agenda: Agenda) -> str:
    if not agenda.pending:
        return "No one owes you a reply."
    rows = [["name", "channel", "sent", "nudges", "follow-up due", ""]]
    for reply in agenda.pending:
        flag = "give up?" if reply.give_up_offered else ("overdue" if reply.overdue(agenda.day) else "")
        rows.append(
            [
                reply.contact.name,
                reply.channel,
                ago(reply.waiting_since, agenda.now),
                str(reply.nudges),
                reply.follow_up_due.isoformat(),
                flag,
            ]
        )
    return columns(rows)


def _invitation_row(invitation: Invitation) -> list[str]:
    cost = f"{amount(invitation.cost)} {invitation.currency}" if invitation.cost else ""
    return [
        invitation.title,
        invitation.host,
        invitation.event_date or "",
        invitation.kind,
        hours(invitation.hours) if invitation.hours else "",
        cost,
    ]


def invitations_text(agenda: Agenda) -> str:
    lines = [f"Declined {len(agenda.declined)}: saved {savings_text(agenda.savings)}"]
    if agenda.declined:
        lines.append(columns([_invitation_row(invitation) for invitation in agenda.declined]))
    if agenda.undecided:
        lines.append(f"\nUndecided {len(agenda.undecided)}:")
        lines.append(columns([[inv.id, *_invitation_row(inv)] for inv in agenda.undecided]))
    return "\n".join(lines)


def _rows(rows: list[tuple[int, str, str]]) -> list[str]:
    return [f"  line {line:<5} {label}: {reason}" for line, label, reason in rows]


def import_text(preview: ImportPreview, *, added: int | None) -> str:
    """What an import added (``added`` records; None for a dry run: what it would add), skipped and
    rejected, each row with its line number."""
    verb = "would add" if added is None else "added"
    if preview.export_plan is not None:
        return "\n".join([export_plan_text(preview.export_plan, verb), *preview.notices])
    lines = [import_source(preview)]
    if added is None:
        lines.append(f"{verb} {plural(len(preview.added), 'contact')}")
        if preview.added:
            lines.append(
                columns(
                    [
                        [f"  line {line}", contact.name, handles_text(contact)]
                        for line, contact in preview.added
                    ]
                )
            )
    else:
        lines.append(f"{verb} {plural(added, 'contact')}")
        if added < len(preview.added):
            lines.append(f"  {len(preview.added) - added} were added by someone else meanwhile and left out")
    if preview.skipped:
        lines += [f"skipped {len(preview.skipped)}:", *_rows(preview.skipped)]
    if preview.bad:
        lines += [f"not imported, {plural(len(preview.bad), 'bad row')}:", *_rows(preview.bad)]
    if preview.notices:
        lines += ["notes:", *(f"  {notice}" for notice in preview.notices)]
    return "\n".join(lines)
