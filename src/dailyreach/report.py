"""The command line's output: the documented ``--json`` shapes and plain, aligned text."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from dailyreach.core.planning.agenda import Agenda
from dailyreach.core.records.dates import ago, day_text
from dailyreach.core.records.model import Contact, Invitation
from dailyreach.i18n import _, ngettext
from dailyreach.wording import (
    channel_label,
    export_plan_text,
    handles_text,
    hours,
    import_source,
    invitation_kind_label,
    money_text,
    next_step_day,
    reason_text,
    savings_text,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from dailyreach.core.files.contact_import import ImportPreview

# The most cells a name takes in an import's preview, so that its rows fit an 80-column terminal.
NAME_CELLS = 32
# The fewest cells a name, handle, why, title or host is cut to on a narrow terminal (the line then ends
# where the terminal does): a name cut to "…" alone says nothing.
FLEXIBLE_LEAST = 12


def contact_summary(contact: Contact) -> dict[str, Any]:
    channel = contact.main_channel
    return {
        "id": contact.id,
        "name": contact.name,
        "channel": channel,
        "handle": contact.handles.get(channel),
        "url": contact.profile_urls.get(channel),
    }


def where_to_reach(summary: dict[str, Any], channel_words: Callable[[str], str]) -> str:
    """Where a contact is reached, as ``contact_summary`` has it: "X @ann" (the channel in
    ``channel_words``); "—" for a contact with no handle, who has no channel to name ("other" read as one)."""
    if not summary["handle"]:
        return "—"
    return f"{channel_words(summary['channel'])} {summary['handle']}"


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
                # Days as the Waiting column counts them: local days since, not periods of 24 hours.
                "days_waiting": (agenda.day - reply.waiting_since.astimezone(agenda.now.tzinfo).date()).days,
                "nudges": reply.nudges,
                "follow_up_due": reply.follow_up_due.isoformat(),
                # As status counts it: a thread offered to be closed ("give up?") is not a late follow-up.
                "overdue": reply.overdue(agenda.day) and not reply.give_up_offered,
                "give_up_offered": reply.give_up_offered,
                "follow_ups_used_up": reply.follow_ups_used_up,
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


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes (a Japanese character takes two). Printable ASCII takes
    one each, so rich's width tables (~1.5 ms to load) are loaded only for text that needs them."""
    if text.isascii() and text.isprintable():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal cells."""
    return text + " " * max(0, width - cells(text))


def clipped(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal cells, "…" showing where (a double-width character is never
    split); nothing at all in no cells."""
    if cells(text) <= width:
        return text
    if width <= 0:
        return ""
    from rich.cells import set_cell_size

    # A cell cut already (its own "…" where the line is cut) ends in one ellipsis, not two.
    return set_cell_size(text, width - 1).rstrip(" …") + "…"


def columns(rows: list[list[str]]) -> str:
    """Rows as lines whose columns line up on the terminal."""
    if not rows:
        return ""
    widths = [max(cells(row[index]) for row in rows) for index in range(len(rows[0]))]
    return "\n".join(
        "  ".join(pad(cell, widths[index]) for index, cell in enumerate(row)).rstrip() for row in rows
    )


def _cap(widths: list[int], room: int) -> int:
    """The most cells each of ``widths`` may keep so that together they take at most ``room`` (at least
    1: a cell is then "…" alone, and the line is cut where the terminal ends)."""
    low, high = 1, max(widths, default=1)
    while low < high:
        middle = (low + high + 1) // 2
        if sum(min(width, middle) for width in widths) <= room:
            low = middle
        else:
            high = middle - 1
    return low


def fitted_columns(rows: list[list[str]], width: int | None, flexible: tuple[int, ...]) -> str:
    """``columns(rows)``, each line fitting ``width`` terminal cells when one is given (None: the text
    in full, for a pipe or a file). The ``flexible`` columns give up cells, the widest first, each cut
    cell ending in "…"; the others keep theirs (a day, a count), unless the terminal is too narrow even
    for them: then the line itself is cut."""
    if width is None or not rows:
        return columns(rows)
    from dailyreach.core.records.text import terminal_safe

    # Escaped as the line will be printed, so that what is measured is what the terminal shows.
    rows = [[terminal_safe(cell) for cell in row] for row in rows]
    widths = [max(cells(row[index]) for row in rows) for index in range(len(rows[0]))]
    # The gaps between columns; none before empty columns at the end, whose lines ``columns`` strips.
    shown = len(widths)
    while shown > 1 and not widths[shown - 1]:
        shown -= 1
    gaps = 2 * (shown - 1)
    if sum(widths) + gaps > width:
        fixed = sum(taken for index, taken in enumerate(widths) if index not in flexible)
        room = width - fixed - gaps
        # A name or title keeps a few cells even when the rest leave none: the line is cut at its end
        # instead, where the columns that matter less are.
        flexible_widths = [widths[index] for index in flexible]
        cap = max(_cap(flexible_widths, room), min(FLEXIBLE_LEAST, max(flexible_widths, default=0)))
        rows = [
            [clipped(cell, cap) if index in flexible else cell for index, cell in enumerate(row)]
            for row in rows
        ]
    return "\n".join(clipped(line, width) for line in columns(rows).split("\n"))


def _line_to(text: str, width: int | None) -> str:
    """One line of a view, cut at ``width`` cells when one is given."""
    return text if width is None else clipped(text, width)


def _event_day(text: str | None, today: date) -> str:
    """An invitation's event date (ISO in the file) as the language writes a day."""
    if not text:
        return ""
    try:
        return day_text(date.fromisoformat(text), today)
    except ValueError:
        return text


def today_text(agenda: Agenda, width: int | None = None) -> str:
    """Today's plan as aligned text: each line within ``width`` cells when one is given (a terminal's),
    a long name, handle or why cut with "…"; in full without one."""
    head = _("{date}  {done}/{goal} today  streak {streak}").format(
        date=day_text(agenda.day), done=agenda.progress, goal=agenda.goal, streak=agenda.streak
    )
    head = _line_to(head, width)
    if not agenda.items:
        # Replies awaited, none due yet: nothing is planned because nothing is due, which is said.
        said = (
            ngettext(
                "Nothing due today: {count} message waits for a reply (`dailyreach pending`); "
                "add a target with `dailyreach add NAME --x @handle`.",
                "Nothing due today: {count} messages wait for a reply (`dailyreach pending`); "
                "add a target with `dailyreach add NAME --x @handle`.",
                len(agenda.pending),
            ).format(count=len(agenda.pending))
            if agenda.pending
            else _("Nothing planned: add a target with `dailyreach add NAME --x @handle`.")
        )
        return f"{head}\n" + _line_to(said, width)
    rows = []
    for item in agenda.items:
        summary = contact_summary(item.contact)
        reason = reason_text(item.reason, item.follow_up_number)
        # The why on one line: its line breaks, tabs and runs of spaces would break the columns.
        rows.append(
            [
                "[x]" if item.done else ("[ ]" if item.to_do else "[-]"),
                item.contact.name,
                where_to_reach(summary, channel_label),
                reason,
                " ".join(item.contact.why.split()),
            ]
        )
    return f"{head}\n{fitted_columns(rows, width, flexible=(1, 2, 4))}"


def pending_text(agenda: Agenda, width: int | None = None) -> str:
    """Who owes a reply, as aligned text: within ``width`` cells when one is given, long names cut."""
    if not agenda.pending:
        return _("No one owes you a reply.")
    # In the app's order: the channel last, the first cut off by a narrow terminal.
    rows = [[_("name"), _("waiting"), _("nudges"), _("follow-up due"), _("channel")]]
    for reply in agenda.pending:
        # The flag in the day's cell: in a narrow terminal an overdue follow-up is still said so, where
        # a column of its own, the last, was the first cut off.
        # Overdue with every follow-up sent is give up?: closing is offered from the day it falls due.
        if reply.give_up_offered:
            flag = _("give up?")
        elif reply.overdue(agenda.day):
            flag = _("overdue")
        else:
            flag = None
        due = (
            next_step_day(reply, agenda.day)
            if flag is None
            else f"{day_text(reply.follow_up_due, agenda.day)} {flag}"
        )
        rows.append(
            [
                reply.contact.name,
                ago(reply.waiting_since, agenda.now),
                str(reply.nudges),
                due,
                channel_label(reply.channel),
            ]
        )
    return fitted_columns(rows, width, flexible=(0,))


def _invitation_row(invitation: Invitation, today: date) -> list[str]:
    # A free event's 0 is said: only what was never given is left blank.
    cost = "" if invitation.cost is None else money_text(invitation.cost, invitation.currency)
    return [
        invitation.title,
        invitation.host,
        _event_day(invitation.event_date, today),
        invitation_kind_label(invitation.kind),
        "" if invitation.hours is None else hours(invitation.hours),
        cost,
    ]


def invitations_text(agenda: Agenda, width: int | None = None) -> str:
    """Declined and undecided invitations as aligned text: within ``width`` cells when one is given, a
    long title or host cut with "…"."""
    lines = [
        _line_to(
            _("Declined {count}: saved {saved}").format(
                count=len(agenda.declined), saved=savings_text(agenda.savings)
            ),
            width,
        )
    ]
    if agenda.declined:
        # Why each was declined (decline --reason), last: the note a user keeps for the next such offer.
        rows = [
            [*_invitation_row(invitation, agenda.day), " ".join(invitation.note.split())]
            for invitation in agenda.declined
        ]
        lines.append(fitted_columns(rows, width, flexible=(0, 1, 6)))
    if agenda.undecided:
        lines.append("\n" + _line_to(_("Undecided {count}:").format(count=len(agenda.undecided)), width))
        rows = [[inv.id, *_invitation_row(inv, agenda.day)] for inv in agenda.undecided]
        lines.append(fitted_columns(rows, width, flexible=(1, 2)))
    return "\n".join(lines)


def _line(number: int) -> str:
    return _("line {number}").format(number=number)


def _rows(rows: list[tuple[int, str, str]]) -> list[str]:
    return [f"  {pad(_line(line), 10)} {label}: {reason}" for line, label, reason in rows]


def import_text(preview: ImportPreview, *, added: int | None) -> str:
    """What an import added (``added`` records; None for a dry run: what it would add), skipped and
    rejected, each row with its line number."""
    verb = "would add" if added is None else "added"
    if preview.export_plan is not None:
        return "\n".join([export_plan_text(preview.export_plan, verb), *preview.notices])
    lines = [import_source(preview)]
    if added is None:
        count = len(preview.added)
        lines.append(
            ngettext("would add {count} contact", "would add {count} contacts", count).format(count=count)
        )
        if preview.added:
            lines.append(
                columns(
                    [
                        [f"  {_line(line)}", clipped(contact.name, NAME_CELLS), handles_text(contact)]
                        for line, contact in preview.added
                    ]
                )
            )
    else:
        lines.append(ngettext("added {count} contact", "added {count} contacts", added).format(count=added))
        if added < len(preview.added):
            lines.append(
                "  "
                + _("{count} were added by someone else meanwhile and left out").format(
                    count=len(preview.added) - added
                )
            )
    if preview.skipped:
        lines += [_("skipped {count}:").format(count=len(preview.skipped)), *_rows(preview.skipped)]
    if preview.bad:
        count = len(preview.bad)
        lines += [
            ngettext("not imported, {count} bad row:", "not imported, {count} bad rows:", count).format(
                count=count
            ),
            *_rows(preview.bad),
        ]
    if preview.notices:
        lines += [_("notes:"), *(f"  {notice}" for notice in preview.notices)]
    return "\n".join(lines)
