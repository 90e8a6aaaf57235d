"""The small form behind each logging key: prefilled, so the key and Enter log it."""

from __future__ import annotations

from textual.binding import Binding
from textual.validation import Function

from dailyreach.core.dates import parse_date, parse_when
from dailyreach.core.errors import DateParseError
from dailyreach.core.model import CHANNELS, OUTBOUND_KINDS, Contact
from dailyreach.core.store import Store
from dailyreach.tui.screens.fields_form import Field, FieldsForm

LOG_KEYS = {
    "d": "dm_sent",
    "p": "public_reply",
    "f": "follow_up",
    "r": "reply_received",
    "m": "meeting_booked",
    "M": "met",
}
KIND_TITLES = {
    "public_reply": "Public reply posted",
    "dm_sent": "DM sent",
    "follow_up": "Follow-up sent",
    "reply_received": "Reply received",
    "meeting_booked": "Meeting booked",
    "met": "Met",
    "no_response": "Close as no response",
    "note": "Note",
}


def _is_when(store: Store):
    def check(value: str) -> bool:
        try:
            parse_when(value, store.now())
        except DateParseError:
            return False
        return True

    return check


def log_bindings() -> list[Binding]:
    """The logging keys, with the same ids wherever they work, so one remap changes them everywhere."""
    return [
        Binding(key, f"log('{kind}')", KIND_TITLES[kind], id=f"log_{kind}") for key, kind in LOG_KEYS.items()
    ]


def usual_channel(store: Store, contact: Contact) -> str:
    """Where the conversation is: the channel of the last message sent, else the contact's main one."""
    sent = [i for i in store.interactions(contact.id) if i.kind in OUTBOUND_KINDS]
    return sent[-1].channel if sent else contact.main_channel


def log_form(store: Store, kind: str, contact: Contact, typed: dict[str, str] | None = None) -> FieldsForm:
    return FieldsForm(
        f"{KIND_TITLES[kind]}: {contact.name}",
        [
            Field("when", "When", "now", validators=[Function(_is_when(store), "not a date or time")]),
            Field(
                "channel",
                "Channel",
                usual_channel(store, contact),
                validators=[Function(lambda v: v in CHANNELS, f"one of {', '.join(CHANNELS)}")],
            ),
            Field("text", "Note", "", "optional"),
        ],
        typed,
    )


def _is_later_day(store: Store):
    def check(value: str) -> bool:
        try:
            return parse_date(value, store.now()) > store.today()
        except DateParseError:
            return False

    return check


def snooze_form(store: Store, contact: Contact) -> FieldsForm:
    return FieldsForm(
        f"Snooze: {contact.name}",
        [
            Field(
                "until",
                "Until",
                store.today().add(days=1).isoformat(),
                "2026-12-01, friday, +10d",
                validators=[Function(_is_later_day(store), "a day after today")],
            )
        ],
    )
