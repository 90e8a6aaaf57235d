"""The logging keys and their names, and the channel a log is prefilled with: light, for the first frame
(the forms load when first opened)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding

from dailyreach.i18n import N_

LOG_KEYS = {
    "d": "dm_sent",
    "p": "public_reply",
    "f": "follow_up",
    "r": "reply_received",
    "m": "meeting_booked",
    "M": "met",
    # A note on the contact: its channel changes nothing (nor is it outreach), so the bar is the same.
    "N": "note",
}
KIND_TITLES = {
    "public_reply": N_("Public reply posted"),
    "dm_sent": N_("DM sent"),
    "follow_up": N_("Follow-up sent"),
    "reply_received": N_("Reply received"),
    "meeting_booked": N_("Meeting booked"),
    "met": N_("Met"),
    "no_response": N_("Close as no response"),
    "note": N_("Note"),
}


# The logging keys a day's loop uses most, shown in footers by these short names; ? and ctrl+p list every
# logging key by its full name.
DAILY_LOGS = {"dm_sent": N_("DM"), "follow_up": N_("Follow-up"), "reply_received": N_("Reply")}
LOG_FOOTER_LABELS = {f"log('{kind}')": label for kind, label in DAILY_LOGS.items()}


def log_bindings(shown: Iterable[str] | None = None) -> list[Binding]:
    """The logging keys, with the same ids wherever they work, so one remap changes them everywhere; only
    the ``shown`` kinds are in the footer."""
    in_footer = set(LOG_KEYS.values() if shown is None else shown)
    return [
        Binding(key, f"log('{kind}')", KIND_TITLES[kind], show=kind in in_footer, id=f"log_{kind}")
        for key, kind in LOG_KEYS.items()
    ]
