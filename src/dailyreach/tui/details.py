"""The main screen's detail strip: the highlighted row in full, and the week at a glance."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

from dailyreach.core.planning.agenda import Agenda
from dailyreach.core.planning.planner import ANSWERED, CLOSED
from dailyreach.core.records.dates import ago, moment_text, week_start_of, weekday_name
from dailyreach.core.records.model import Contact, Invitation
from dailyreach.core.store.threads import Thread, parse_stamp
from dailyreach.i18n import N_, _
from dailyreach.report import pad
from dailyreach.tui.agenda_rows import plain_now
from dailyreach.tui.words import iso_day_text
from dailyreach.wording import (
    channel_label,
    follow_up_text,
    invitation_kind_label,
    reason_text,
    saved_text,
    stage_label,
)

LABEL_CELLS = 6


def _line(details: Text, label: str, value: str, style: str = "") -> None:
    """A line of the strip: ``label`` (marked with N_) in its column, then ``value``."""
    details.append("\n" + pad(_(label) if label else "", LABEL_CELLS), style="dim")
    details.append(value.replace("\n", " "), style=style)


def contact_detail(agenda: Agenda, contact: Contact) -> Text:
    """Who, why, every handle, the last message sent and when, and what comes next."""
    thread = agenda.threads.get(contact.id, Thread())
    details = Text(no_wrap=True, overflow="ellipsis", end="")
    details.append(contact.name, style="bold")
    facts = _("{stage} · priority {priority}").format(
        stage=stage_label(thread.stage), priority=contact.priority
    )
    details.append(f"  {facts}", style="dim")
    handles = "   ".join(
        f"{channel_label(platform)} {handle}" for platform, handle in contact.handles.items()
    )
    _line(details, "", handles or _("no handle: Enter opens the contact, where E adds one"))
    _line(details, N_("why"), contact.why or "—")
    if thread.last_sent:
        sent = parse_stamp(thread.last_sent).astimezone(agenda.zone)
        _line(
            details,
            N_("sent"),
            _("last message on {channel}, {ago} ({time})").format(
                channel=channel_label(thread.last_channel),
                ago=ago(sent, plain_now(agenda)),
                time=moment_text(sent, agenda.day),
            ),
        )
    else:
        _line(details, N_("sent"), _("nothing yet"))
    _line(details, N_("next"), _next_step(agenda, contact))
    return details


def _next_step(agenda: Agenda, contact: Contact) -> str:
    for reply in agenda.pending:
        if reply.contact.id == contact.id:
            return follow_up_text(reply, agenda.day)
    for item in agenda.items:
        if item.contact.id == contact.id:
            # Answered after a message sent today too: it counts toward the goal, and the next word is the user's.
            if item.reason == ANSWERED:
                return _("they answered, your turn: c drafts a thanks, d logs the DM")
            if item.done:
                return _("done for today")
            if item.reason == CLOSED:
                return _("closed for want of an answer: nothing due unless you write again")
            if item.reason == "new":
                return _("a first message: d DM, p public reply")
            if item.reason == "keep_in_touch":
                return _("keep in touch: c drafts a meeting ask, d logs the DM")
            return _("{reason}: d DM, f follow-up").format(
                reason=reason_text(item.reason, item.follow_up_number)
            )
    return _("nothing planned")


def invitation_detail(invitation: Invitation, agenda_day: date | None = None) -> Text:
    details = Text(no_wrap=True, overflow="ellipsis", end="")
    details.append(invitation.title, style="bold")
    facts = [
        invitation_kind_label(invitation.kind),
        iso_day_text(invitation.event_date, agenda_day) if invitation.event_date else _("no date"),
        invitation.host and _("from {host}").format(host=invitation.host),
    ]
    details.append("  " + " · ".join(fact for fact in facts if fact), style="dim")
    saved = saved_text(invitation)
    _line(details, N_("saves"), saved or _("nothing recorded: hours and cost go in its form"))
    if invitation.status == "declined":
        decided = iso_day_text((invitation.decided_at or "")[:10], agenda_day)
        _line(details, "", _("declined {day}").format(day=decided).rstrip())
        if invitation.note:
            _line(details, N_("note"), invitation.note)
    else:
        # Without a host t has no one to add (it only says so): offer what works.
        undecided = (
            _("undecided: x declines it, t makes its host a target")
            if invitation.host
            else _("undecided: x declines it")
        )
        _line(details, "", undecided, style="yellow")
    return details


def week_text(agenda: Agenda) -> Text:
    """This week, from the day the settings start it on: which days kept the habit, and today's progress
    toward the goal."""
    first = week_start_of(agenda.day, agenda.settings.week_start)
    week = Text(end="")
    for offset in range(7):
        day = first + timedelta(days=offset)
        if offset:
            week.append("  ")
        week.append(f"{weekday_name(day)} ", style="bold" if day == agenda.day else "dim")
        week.append(*_day_mark(agenda, day))
    return week


def _day_mark(agenda: Agenda, day: date) -> tuple[str, str]:
    if day == agenda.day:
        return f"{agenda.progress}/{agenda.goal}", "bold green" if agenda.progress >= agenda.goal else "bold"
    # Days to come, and days before the first message ever sent, which the habit had not begun on: a
    # new user's week showed every day before the first run as missed.
    if day > agenda.day or day < min(agenda.outreach_days, default=agenda.day):
        return "·", "dim"
    # Dots, not ticks: ✓ marks a Today row that is done, and one glance should not mix them up.
    return ("●", "green") if day in agenda.outreach_days else ("○", "red")
