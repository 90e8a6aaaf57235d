"""The small form behind each logging key: prefilled, so the key and Enter log it."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.validation import Function
from textual.widgets import Input, Label, Static

from dailyreach.core.dates import DateParseError, parse_when
from dailyreach.core.model import CHANNELS
from dailyreach.core.store import Store

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


@dataclass(frozen=True)
class LogEntry:
    kind: str
    at: str
    channel: str
    text: str


def _is_when(store: Store):
    def check(value: str) -> bool:
        try:
            parse_when(value, store.now())
        except DateParseError:
            return False
        return True

    return check


class LogForm(ModalScreen[LogEntry | None]):
    """Collects when, where and an optional note; the caller saves."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_form")]

    def __init__(self, store: Store, kind: str, contact_name: str, channel: str) -> None:
        super().__init__()
        self.store, self.kind, self.contact_name, self.channel = store, kind, contact_name, channel

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(f"{KIND_TITLES[self.kind]}: {self.contact_name}", markup=False)
            yield Label("When")
            yield Input("now", id="when", validators=[Function(_is_when(self.store), "not a date or time")])
            yield Label("Channel")
            yield Input(
                self.channel,
                id="channel",
                validators=[Function(lambda v: v in CHANNELS, f"one of {', '.join(CHANNELS)}")],
            )
            yield Label("Note")
            yield Input("", id="text", placeholder="optional")
            yield Static("", id="problem", classes="error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problems = [
            f"{field.id}: {'; '.join(field.validate(field.value).failure_descriptions)}"
            for field in self.query(Input)
            if field.validators and not field.validate(field.value).is_valid
        ]
        if problems:
            self.query_one("#problem", Static).update("\n".join(problems))
            return
        self.dismiss(
            LogEntry(
                kind=self.kind,
                at=parse_when(self.query_one("#when", Input).value, self.store.now()).isoformat(),
                channel=self.query_one("#channel", Input).value,
                text=self.query_one("#text", Input).value,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
