"""The command line's output: the documented ``--json`` shapes and plain, aligned text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from dailyreach.core.files.formats import IMPORT_TITLES
from dailyreach.core.planning.agenda import Agenda
from dailyreach.core.planning.planner import Savings
from dailyreach.core.records.dates import ago
from dailyreach.core.records.model import Contact, Invitation

if TYPE_CHECKING:
    from dailyreach.core.files.contact_import import ImportPreview
    from dailyreach.core.files.exchange import ImportPlan

REASONS = {"follow_up": "follow-up", "keep_in_touch": "keep in touch", "new": "new"}


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


def amount(value: float) -> str:
    """1,234 or 12.5: thousands separated, no trailing zeros."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def money(savings: Savings) -> str:
    return ", ".join(f"{amount(total)} {currency}" for currency, total in savings.money.items()) or "no money"


def hours(value: float) -> str:
    return f"{value:g} h"


def today_text(agenda: Agenda) -> str:
    head = f"{agenda.day.isoformat()}  {agenda.progress}/{agenda.goal} today  streak {agenda.streak}"
    if not agenda.items:
        return f"{head}\nNothing planned: add a target with `dailyreach add NAME --x @handle`."
    rows = []
    for item in agenda.items:
        summary = contact_summary(item.contact)
        reason = REASONS[item.reason]
        if item.reason == "follow_up":
            reason = f"follow-up #{item.follow_up_number}"
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
    lines = [
        f"Declined {len(agenda.declined)}: saved {hours(agenda.savings.hours)} and {money(agenda.savings)}"
    ]
    if agenda.declined:
        lines.append(columns([_invitation_row(invitation) for invitation in agenda.declined]))
    if agenda.undecided:
        lines.append(f"\nUndecided {len(agenda.undecided)}:")
        lines.append(columns([[inv.id, *_invitation_row(inv)] for inv in agenda.undecided]))
    return "\n".join(lines)


def _rows(rows: list[tuple[int, str, str]]) -> list[str]:
    return [f"  line {line:<5} {label}: {reason}" for line, label, reason in rows]


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def handles_text(contact: Contact) -> str:
    return " ".join(f"{platform} {handle}" for platform, handle in contact.handles.items())


def import_source(preview: ImportPreview) -> str:
    return f"{preview.source}: {IMPORT_TITLES[preview.format]}, read as {preview.encoding}"


def export_plan_text(plan: ImportPlan, verb: str) -> str:
    """What importing a JSON export adds, per table, and how many of its records were already there."""
    tables = ", ".join(f"{count} {table}" for table, count in plan.added.items() if count) or "nothing"
    return f"{verb} {tables}; {sum(plan.already_present.values())} already present"


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
