"""Exports besides the JSON one: vCard 4.0 and CSV of contacts, CSV of interactions, and an iCalendar
file of upcoming follow-ups and keep-in-touch dates."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, timedelta

from dailyreach.core.errors import NothingToExport
from dailyreach.core.exchange import export_json
from dailyreach.core.handles import PLATFORMS
from dailyreach.core.model import Contact
from dailyreach.core.planner import keep_in_touch_due, pending_replies
from dailyreach.core.store import Store
from dailyreach.core.textfile import UTF8_BOM
from dailyreach.core.threads import Thread

CALENDAR_DAYS_AHEAD = 90
# The TYPE address books (Apple, Google) know X by.
VCARD_SOCIAL_TYPES = {"x": "twitter"}
SOCIAL = tuple(platform for platform in PLATFORMS if platform not in ("email", "web"))
CONTACT_COLUMNS = ("name", *PLATFORMS, "why", "notes", "tags", "priority", "cadence_days")
INTERACTION_COLUMNS = ("at", "contact", "kind", "channel", "text", "contact_id", "id")


def contacts_vcard(store: Store) -> bytes:
    """One vCard 4.0 per contact; what dailyreach alone knows goes in X-DAILYREACH-* properties."""
    import vobject  # imported here, like icalendar below: the other formats do without them

    cards = []
    for contact in store.contacts(include_archived=True):
        card = vobject.vCard()
        card.add("version").value = "4.0"
        card.add("fn").value = contact.name
        if "email" in contact.handles:
            card.add("email").value = contact.handles["email"]
        if "web" in contact.handles:
            card.add("url").value = contact.handles["web"]
        for platform in SOCIAL:
            if platform in contact.handles:
                profile = card.add("x-social-profile")
                profile.value = contact.profile_urls[platform]
                profile.params["TYPE"] = [VCARD_SOCIAL_TYPES.get(platform, platform)]
        if contact.notes:
            card.add("note").value = contact.notes
        if contact.tags:
            card.add("categories").value = list(contact.tags)
        if contact.why:
            card.add("x-dailyreach-why").value = contact.why
        card.add("x-dailyreach-priority").value = str(contact.priority)
        if contact.cadence_days:
            card.add("x-dailyreach-cadence").value = str(contact.cadence_days)
        cards.append(card.serialize())
    return "".join(cards).encode("utf-8")


def _csv_bytes(header: tuple[str, ...], rows: list[list[str]]) -> bytes:
    """UTF-8 with a BOM, so that Excel shows Japanese names as written."""
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(header)
    writer.writerows(rows)
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
                "; ".join(contact.tags),
                str(contact.priority),
                str(contact.cadence_days or ""),
            ]
        )
    return _csv_bytes(CONTACT_COLUMNS, rows)


def interactions_csv(store: Store) -> bytes:
    names = {contact.id: contact.name for contact in store.contacts(include_archived=True)}
    rows = [
        [i.at, names.get(i.contact_id, ""), i.kind, i.channel, i.text, i.contact_id, i.id]
        for i in store.interactions()
    ]
    return _csv_bytes(INTERACTION_COLUMNS, rows)


@dataclass(frozen=True)
class CalendarItem:
    day: date
    contact: Contact
    summary: str
    kind: str


def upcoming_dates(store: Store, days_ahead: int = CALENDAR_DAYS_AHEAD) -> list[CalendarItem]:
    """Follow-ups and keep-in-touch dates from today on; one already due is put on today."""
    tz, today = store.timezone, store.today()
    last = today + timedelta(days=days_ahead)
    contacts = [contact for contact in store.contacts() if not contact.archived]
    threads = store.threads()
    items = []
    for reply in pending_replies(contacts, threads, store.settings(), today, tz):
        if not reply.give_up_offered and reply.follow_up_due <= last:
            summary = f"Follow up #{reply.nudges + 1}: {reply.contact.name} ({reply.channel})"
            items.append(CalendarItem(max(reply.follow_up_due, today), reply.contact, summary, "follow-up"))
    for contact in contacts:
        due = keep_in_touch_due(contact, threads.get(contact.id, Thread()), tz)
        if due is not None and due <= last:
            summary = f"Keep in touch: {contact.name} ({contact.main_channel})"
            items.append(CalendarItem(max(due, today), contact, summary, "keep-in-touch"))
    items.sort(key=lambda item: (item.day, item.contact.name))
    return items


def calendar_ics(store: Store) -> bytes:
    """One all-day event per item; UIDs are stable so a re-import updates instead of duplicating."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//dailyreach//dailyreach//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "dailyreach")
    stamp = store.now().in_timezone("UTC")
    items = upcoming_dates(store)
    if not items:
        # A calendar file must hold at least one event (RFC 5545), and an empty one helps nobody.
        raise NothingToExport(f"no follow-ups or keep-in-touch dates in the next {CALENDAR_DAYS_AHEAD} days")
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
            url = item.contact.profile_urls[item.contact.main_channel]
            event.add("url", url)
            details.append(url)
        if details:
            event.add("description", "\n".join(details))
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical


EXPORTERS = {
    "json": export_json,
    "vcard": contacts_vcard,
    "csv": contacts_csv,
    "interactions-csv": interactions_csv,
    "ics": calendar_ics,
}
