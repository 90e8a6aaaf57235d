"""The main screen's detail strip: the highlighted row in full, and the week at a glance."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

from dailyreach.core.planning.agenda import Agenda
from dailyreach.core.records.dates import ago
from dailyreach.core.records.model import Contact, Invitation
from dailyreach.core.store.threads import Thread, parse_stamp
from dailyreach.tui.agenda_rows import plain_now
from dailyreach.wording import follow_up_text, reason_text, saved_text

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _line(details: Text, label: str, value: str, style: str = "") -> None:
    details.append(f"\n{label:<6}", style="dim")
    details.append(value.replace("\n", " "), style=style)


def contact_detail(agenda: Agenda, contact: Contact) -> Text:
    """Who, why, every handle, the last message sent and when, and what comes next."""
    thread = agenda.threads.get(contact.id, Thread())
    details = Text(no_wrap=True, overflow="ellipsis", end="")
    details.append(contact.name, style="bold")
    details.append(f"  {thread.stage.replace('_', ' ')} · priority {contact.priority}", style="dim")
    handles = "   ".join(f"{platform} {handle}" for platform, handle in contact.handles.items())
    _line(details, "", handles or "no handle: e on its contact screen adds one")
    _line(details, "why", contact.why or "—")
    if thread.last_sent:
        sent = parse_stamp(thread.last_sent).astimezone(agenda.timezone)
        when = f"{ago(sent, plain_now(agenda))} ({sent:%Y-%m-%d %H:%M})"
        _line(details, "sent", f"last message on {thread.last_channel}, {when}")
    else:
        _line(details, "sent", "nothing yet")
    _line(details, "next", _next_step(agenda, contact))
    return details


def _next_step(agenda: Agenda, contact: Contact) -> str:
    for reply in agenda.pending:
        if reply.contact.id == contact.id:
            return follow_up_text(reply, agenda.day)
    for item in agenda.items:
        if item.contact.id == contact.id:
            if item.done:
                return "done for today"
            if item.reason == "new":
                return "a first message: d DM, p public reply"
            return f"{reason_text(item.reason, item.follow_up_number)}: d DM, f follow-up"
    return "nothing planned"


def invitation_detail(invitation: Invitation) -> Text:
    details = Text(no_wrap=True, overflow="ellipsis", end="")
    details.append(invitation.title, style="bold")
    facts = [
        invitation.kind,
        invitation.event_date or "no date",
        invitation.host and f"from {invitation.host}",
    ]
    details.append("  " + " · ".join(fact for fact in facts if fact), style="dim")
    saved = saved_text(invitation)
    _line(details, "saves", saved or "nothing recorded: hours and cost go in its form")
    if invitation.status == "declined":
        _line(details, "", f"declined {(invitation.decided_at or '')[:10]}".rstrip())
        if invitation.note:
            _line(details, "note", invitation.note)
    else:
        _line(details, "", "undecided: x declines it, t makes its host a target", style="yellow")
    return details


def week_text(agenda: Agenda) -> Text:
    """This week, Monday to Sunday: which days kept the habit, and today's progress toward the goal."""
    monday = agenda.day - timedelta(days=agenda.day.weekday())
    week = Text(end="")
    for offset, name in enumerate(WEEKDAYS):
        day = monday + timedelta(days=offset)
        if offset:
            week.append("  ")
        week.append(f"{name} ", style="bold" if day == agenda.day else "dim")
        week.append(*_day_mark(agenda, day))
    return week


def _day_mark(agenda: Agenda, day: date) -> tuple[str, str]:
    if day == agenda.day:
        return f"{agenda.progress}/{agenda.goal}", "bold green" if agenda.progress >= agenda.goal else "bold"
    if day > agenda.day:
        return "·", "dim"
    # Dots, not ticks: ✓ marks a Today row that is done, and one glance should not mix them up.
    return ("●", "green") if day in agenda.outreach_days else ("○", "red")
