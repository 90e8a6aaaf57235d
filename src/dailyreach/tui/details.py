"""The main screen's detail strip: the highlighted row in full, and the week at a glance."""

from __future__ import annotations

from collections.abc import Callable
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
# A binding id -> the key that does it now (``bound_key``): hints name the key the config has set.
Keys = Callable[[str], str]


def _line(details: Text, label: str, value: str, style: str = "") -> None:
    """A line of the strip: ``label`` (marked with N_) in its column, then ``value``."""
    details.append("\n" + pad(_(label) if label else "", LABEL_CELLS), style="dim")
    details.append(value.replace("\n", " "), style=style)


NOTHING_SELECTED = N_(
    "{new} adds a target: a name and one handle are enough.\n"
    "{invite} records an invitation you were sent, to decline it.\n"
    "{import_file} imports contacts from a file (LinkedIn, Mastodon, vCard, CSV, JSON).\n"
    "{help} lists every key."
)


def nothing_selected(keys: Keys) -> Text:
    """The strip with no row highlighted: where to begin, with the keys that do it."""
    return Text(
        _(NOTHING_SELECTED).format(
            new=keys("new_target"),
            invite=keys("new_invitation"),
            import_file=keys("import"),
            help=keys("help"),
        ),
        style="dim",
    )


def contact_detail(agenda: Agenda, contact: Contact, keys: Keys) -> Text:
    """Who, why, every handle, the last message sent and when, and what comes next."""
    thread = agenda.threads.get(contact.id, Thread())
    details = Text(end="")
    details.append(contact.name, style="bold")
    facts = _("{stage} · priority {priority}").format(
        stage=stage_label(thread.stage), priority=contact.priority
    )
    details.append(f"  {facts}", style="dim")
    handles = "   ".join(
        f"{channel_label(platform)} {handle}" for platform, handle in contact.handles.items()
    )
    _line(details, "", handles or _("no handle yet: Enter opens the contact to add one"))
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
    _line(details, N_("next"), _next_step(agenda, contact, thread, keys))
    return details


def _next_step(agenda: Agenda, contact: Contact, thread: Thread, keys: Keys) -> str:
    for reply in agenda.pending:
        if reply.contact.id == contact.id:
            return follow_up_text(reply, agenda.day)
    for item in agenda.items:
        if item.contact.id == contact.id:
            # Answered after a message sent today too: it counts toward the goal, and the next word is the user's.
            if item.reason == ANSWERED:
                return _answered_step(thread.stage, keys)
            if item.done:
                return _("done for today")
            if item.reason == CLOSED:
                return _("closed for want of an answer: nothing due unless you write again")
            if item.reason == "new":
                return _("a first message: {dm} DM, {public_reply} public reply").format(
                    dm=keys("log_dm_sent"), public_reply=keys("log_public_reply")
                )
            if item.reason == "keep_in_touch":
                return _("keep in touch: {draft} drafts a meeting ask, {dm} logs the DM").format(
                    draft=keys("draft"), dm=keys("log_dm_sent")
                )
            return _("{reason}: {dm} DM, {follow_up} follow-up").format(
                reason=reason_text(item.reason, item.follow_up_number),
                dm=keys("log_dm_sent"),
                follow_up=keys("log_follow_up"),
            )
    return _("nothing planned")


def _answered_step(stage: str, keys: Keys) -> str:
    """What comes after their answer, as far as it has gone: a meeting booked waits for the meeting, and
    after it a note of what was learned and a thanks."""
    if stage == "meeting":
        return _("a meeting is booked: {met} logs it once you have met").format(met=keys("log_met"))
    if stage == "met":
        return _("you have met: {note} notes what you learned, {draft} drafts a thanks").format(
            note=keys("log_note"), draft=keys("draft")
        )
    return _("they answered, your turn: {draft} drafts a thanks, {dm} logs the DM").format(
        draft=keys("draft"), dm=keys("log_dm_sent")
    )


def invitation_detail(invitation: Invitation, keys: Keys, agenda_day: date | None = None) -> Text:
    details = Text(end="")
    details.append(invitation.title, style="bold")
    facts = [
        invitation_kind_label(invitation.kind),
        iso_day_text(invitation.event_date, agenda_day) if invitation.event_date else _("no date"),
        invitation.host and _("from {host}").format(host=invitation.host),
    ]
    # On a line of their own: beside a long title, the kind, the day and the host were cut off.
    _line(details, "", " · ".join(fact for fact in facts if fact), style="dim")
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
            _("undecided: {decline} declines it, {host} makes its host a target").format(
                decline=keys("decline"), host=keys("host_as_target")
            )
            if invitation.host
            else _("undecided: {decline} declines it").format(decline=keys("decline"))
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
