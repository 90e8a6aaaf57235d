"""Exports besides the JSON one: vCard 4.0 and CSV of contacts, CSV of interactions, and an iCalendar
file of upcoming follow-ups and keep-in-touch dates."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import quote

from dailyreach.core.files.contact_files import CONTACTS_HEADER, INTERACTIONS_HEADER, spreadsheet_text
from dailyreach.core.files.exchange import export_json
from dailyreach.core.files.imported_person import join_tags
from dailyreach.core.files.textfile import UTF8_BOM
from dailyreach.core.planning.planner import keep_in_touch_due, pending_replies, usual_channel
from dailyreach.core.records.handles import PLATFORMS
from dailyreach.core.records.model import CHANNEL_LABELS, Contact
from dailyreach.core.store.store import Store
from dailyreach.core.store.threads import Thread
from dailyreach.i18n import _

CALENDAR_DAYS_AHEAD = 90
# The TYPE address books (Apple, Google) know X by.
VCARD_SOCIAL_TYPES = {"x": "twitter"}
SOCIAL = tuple(platform for platform in PLATFORMS if platform not in ("email", "web"))
VCARD_LINE_OCTETS = 75
# What stays as it is in a URI: RFC 3986's reserved and unreserved characters, and escapes already made.
URI_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


def _text(value: str) -> str:
    """A text value escaped as RFC 6350 says: backslash, line break, comma and semicolon."""
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _uri(url: str) -> str:
    """A URI value: letters outside ASCII (a LinkedIn name such as 山田太) percent-encoded."""
    return quote(url, safe=URI_SAFE)


def _folded(line: str) -> str:
    """A content line folded at 75 octets (RFC 6350 3.2), never inside a UTF-8 character."""
    pieces, piece, size = [], "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > VCARD_LINE_OCTETS:
            pieces.append(piece)
            piece, size = " ", 1
        piece += character
        size += width
    pieces.append(piece)
    return "\r\n".join(pieces) + "\r\n"


def contact_vcard_lines(contact: Contact) -> list[str]:
    """One contact as vCard 4.0 content lines, unfolded; what dailyreach alone knows goes in
    X-DAILYREACH-* properties. The UID is the contact's id, so a re-import finds the same contact."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"UID:{_text(contact.id)}", f"FN:{_text(contact.name)}"]
    if contact.call_name:
        lines.append(f"NICKNAME:{_text(contact.call_name)}")
    if "email" in contact.handles:
        lines.append(f"EMAIL:{_text(contact.handles['email'])}")
    if "web" in contact.handles:
        lines.append(f"URL:{_uri(contact.handles['web'])}")
    for platform in SOCIAL:
        if platform in contact.handles:
            kind = VCARD_SOCIAL_TYPES.get(platform, platform)
            lines.append(f"X-SOCIALPROFILE;TYPE={kind}:{_uri(contact.profile_urls[platform])}")
    if contact.notes:
        lines.append(f"NOTE:{_text(contact.notes)}")
    if contact.tags:
        lines.append(f"CATEGORIES:{','.join(_text(tag) for tag in contact.tags)}")
    if contact.why:
        lines.append(f"X-DAILYREACH-WHY:{_text(contact.why)}")
    lines.append(f"X-DAILYREACH-PRIORITY:{contact.priority}")
    if contact.cadence_days:
        lines.append(f"X-DAILYREACH-CADENCE:{contact.cadence_days}")
    if contact.followers is not None:
        lines.append(f"X-DAILYREACH-FOLLOWERS:{contact.followers}")
    if contact.archived:
        lines.append("X-DAILYREACH-ARCHIVED:TRUE")
    return [*lines, "END:VCARD"]


def contacts_vcard(store: Store) -> bytes:
    """One vCard 4.0 per contact, lines folded at 75 octets and ended by CRLF."""
    return "".join(
        _folded(line)
        for contact in store.contacts(include_archived=True)
        for line in contact_vcard_lines(contact)
    ).encode("utf-8")


def _csv_bytes(header: tuple[str, ...], rows: list[list[str]]) -> bytes:
    """UTF-8 with a BOM, so that Excel shows Japanese names as written; no cell is run as a formula."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows([spreadsheet_text(cell) for cell in row] for row in rows)
    return UTF8_BOM + text.getvalue().encode("utf-8")


def contacts_csv(store: Store) -> bytes:
    rows = []
    for contact in store.contacts(include_archived=True):
        rows.append(
            [
                contact.name,
                *(contact.handles.get(platform, "") for platform in PLATFORMS),
                contact.why,
                contact.notes,
                join_tags(contact.tags),
                str(contact.priority),
                str(contact.cadence_days or ""),
                contact.call_name,
                "" if contact.followers is None else str(contact.followers),
                "true" if contact.archived else "",
                contact.id,
            ]
        )
    return _csv_bytes(CONTACTS_HEADER, rows)


def interactions_csv(store: Store) -> bytes:
    names = {contact.id: contact.name for contact in store.contacts(include_archived=True)}
    rows = [
        [i.at, names.get(i.contact_id, ""), i.kind, i.channel, i.text, i.contact_id, i.id]
        for i in store.interactions()
    ]
    return _csv_bytes(INTERACTIONS_HEADER, rows)


@dataclass(frozen=True)
class CalendarItem:
    day: date
    contact: Contact
    summary: str
    kind: str
    # The channel the summary names: the thread's (``usual_channel``).
    channel: str


def upcoming_dates(store: Store, days_ahead: int = CALENDAR_DAYS_AHEAD) -> list[CalendarItem]:
    """Follow-ups and keep-in-touch dates from today on; one already due is put on today."""
    tz, today = store.timezone, store.today()
    last = today + timedelta(days=days_ahead)
    contacts = [contact for contact in store.contacts() if not contact.archived]
    threads = store.threads()
    items = []
    for reply in pending_replies(contacts, threads, store.settings(), today, tz, store.snoozes()):
        if reply.follow_up_due <= last:
            # Every follow-up the settings allow sent, that day closing the thread is offered instead, and
            # stays offered (on today) until it is closed or answered. The same event (its UID) either way:
            # a calendar that had the follow-up updates it.
            channel = CHANNEL_LABELS.get(reply.channel, reply.channel)
            summary = (
                f"No answer from {reply.contact.name} ({channel}): close the thread?"
                if reply.follow_ups_used_up
                else f"Follow up #{reply.nudges + 1}: {reply.contact.name} ({channel})"
            )
            items.append(
                CalendarItem(
                    max(reply.follow_up_due, today), reply.contact, summary, "follow-up", reply.channel
                )
            )
    for contact in contacts:
        due = keep_in_touch_due(contact, threads.get(contact.id, Thread()), tz)
        if due is not None and due <= last:
            # Where the conversation is, as the app's log and draft take it, not the first handle.
            channel = usual_channel(contact, threads.get(contact.id, Thread()))
            summary = f"Keep in touch: {contact.name} ({CHANNEL_LABELS.get(channel, channel)})"
            items.append(CalendarItem(max(due, today), contact, summary, "keep-in-touch", channel))
    items.sort(key=lambda item: (item.day, item.contact.name))
    return items


def calendar_ics(store: Store) -> bytes:
    """One all-day event per item; UIDs are stable so a re-import updates instead of duplicating."""
    import icalendar

    from dailyreach.core.planning.drafts import profile_link

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//dailyreach//dailyreach//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "dailyreach")
    stamp = store.now().in_timezone("UTC")
    items = upcoming_dates(store)
    if not items:
        # Written all the same, so that a calendar subscribed to the file drops the events that are done.
        # RFC 5545 asks a calendar for one component at least: the store's timezone is one with no event.
        today = store.local_today()
        calendar.add_component(
            icalendar.Timezone.from_tzinfo(
                store.zone, first_date=today, last_date=today + timedelta(days=CALENDAR_DAYS_AHEAD)
            )
        )
    for item in items:
        event = icalendar.Event()
        event.add("uid", f"{item.kind}-{item.contact.id}@dailyreach")
        event.add("dtstamp", stamp)
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("transp", "TRANSPARENT")
        details = [item.contact.why] if item.contact.why else []
        if item.contact.handles:
            # The profile the summary's channel names, as the app's draft opens it; where they have no
            # handle on it (a thread logged on LinkedIn with no LinkedIn name), the one they are reached on.
            url = (
                profile_link(item.contact, item.channel)
                or item.contact.profile_urls[item.contact.main_channel]
            )
            event.add("url", url)
            details.append(url)
        if details:
            event.add("description", "\n".join(details))
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


def nothing_upcoming(store: Store) -> str | None:
    """What to tell of a calendar export with no events, or None when it has some."""
    if upcoming_dates(store):
        return None
    return _(
        "the calendar has no events: no follow-ups or keep-in-touch dates in the next {count} days"
    ).format(count=CALENDAR_DAYS_AHEAD)


EXPORTERS = {
    "json": export_json,
    "vcard": contacts_vcard,
    "csv": contacts_csv,
    "interactions-csv": interactions_csv,
    "ics": calendar_ics,
}
