"""One timeline entry in full: the message as it was written, every line of it, over the contact screen
(whose table shows each on one line, cut with …)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from dailyreach.core.records.model import Interaction
from dailyreach.i18n import N_, _
from dailyreach.tui.log_keys import KIND_TITLES
from dailyreach.tui.styles import stylesheet_path
from dailyreach.tui.translated import Scroll, TranslatedBindings
from dailyreach.wording import channel_label

NO_TEXT = N_("Nothing was written with this entry.")
HINT = N_("Escape or Enter closes")


class MessageScreen(TranslatedBindings, ModalScreen[None]):
    """Read only; long messages scroll (arrows, Page Up/Down)."""

    CSS_PATH = stylesheet_path("message.tcss")
    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="back"),
        Binding("enter", "close", N_("Close"), show=False),
    ]

    def __init__(self, entry: Interaction, name: str, when: str) -> None:
        """``when`` as the timeline writes it (``contact.when_text``)."""
        super().__init__()
        self.entry = entry
        self.contact_name = name
        self.when = when

    def compose(self) -> ComposeResult:
        entry = self.entry
        title = Text(f"{_(KIND_TITLES[entry.kind])} · {self.contact_name}", style="bold", end="")
        title.append(f"  {channel_label(entry.channel)} · {self.when}", style="dim")
        with Vertical(id="message"):
            yield Static(title, id="message_title")
            with Scroll(id="message_scroll"):
                if entry.text:
                    yield Static(entry.text, id="message_text", markup=False)
                else:
                    yield Static(_(NO_TEXT), id="message_text", classes="empty", markup=False)
            yield Static(_(HINT), classes="hint", markup=False)

    def on_mount(self) -> None:
        # The text's own scroll keys (arrows, Page Up/Down) work at once.
        self.query_one("#message_scroll").focus()

    def action_close(self) -> None:
        self.dismiss()
