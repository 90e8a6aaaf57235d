"""What every screen over the store shares: saving with a clear message on failure, and logging."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from dailyreach.core.dates import parse_when
from dailyreach.core.errors import DateParseError, StoreError, ValidationError
from dailyreach.core.model import Contact, Interaction
from dailyreach.core.store import Store
from dailyreach.tui.screens.log_form import log_form

if TYPE_CHECKING:
    from dailyreach.tui.app import DailyReachApp

CHANGE_CHECK_SECONDS = 5


class StoreScreen(Screen):
    """A screen showing the store; it follows changes made here, by undo, or by another dailyreach."""

    shown_revision: object = None
    unreadable = ""

    @property
    def store(self) -> Store:
        return cast("DailyReachApp", self.app).store

    def on_mount(self) -> None:
        # Textual calls this as well as a subclass's own on_mount (handlers run along the MRO).
        self.set_interval(CHANGE_CHECK_SECONDS, self.reload_if_changed)

    def on_screen_resume(self) -> None:
        self.reload_if_changed()

    def is_stale(self) -> bool:
        return self.store.revision() != self.shown_revision

    def reload_if_changed(self) -> None:
        """Read the store again if it changed; a file broken by someone else leaves the screen as it was."""
        try:
            if self.is_stale():
                self.reload()
        except StoreError as error:
            if str(error) != self.unreadable:
                self.notify(str(error), title="Cannot read the database", severity="error", markup=False)
            self.unreadable = str(error)
        else:
            self.unreadable = ""

    def reload(self) -> None:
        """Show the store as it now is, and note which revision that was."""
        raise NotImplementedError

    def run_saving(self, save: Callable[[], object]) -> bool:
        """Run one change; a failure is shown and leaves the screen as it was."""
        try:
            save()
        except (StoreError, ValueError, DateParseError) as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
            return False
        self.reload_if_changed()
        return True

    def save_contact(self, fields: dict, verb: str, reopen: Callable[[dict], None]) -> None:
        """Validate and save a contact; on failure say why and reopen its form with what was typed."""
        try:
            contact = Contact.from_dict(fields)
        except ValidationError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            reopen(fields)
            return
        if not self.run_saving(lambda: self.store.save_contact(contact, f"{verb} {contact.name}")):
            reopen(fields)

    def log_interaction(
        self,
        contact: Contact,
        kind: str,
        after: Callable[[], None] | None = None,
        typed: dict[str, str] | None = None,
    ) -> None:
        """Open the prefilled logging form; Enter logs the interaction, a failed save reopens it as typed."""

        def save(answers: dict[str, str] | None) -> None:
            if answers is None:
                return
            saved = self.run_saving(
                lambda: self.store.add_interaction(
                    Interaction.from_dict(
                        {
                            "contact_id": contact.id,
                            "kind": kind,
                            "at": parse_when(answers["when"], self.store.now()).isoformat(),
                            "channel": answers["channel"],
                            "text": answers["text"],
                        }
                    )
                )
            )
            if not saved:
                self.log_interaction(contact, kind, after, answers)
            elif after is not None:
                after()

        self.app.push_screen(log_form(self.store, kind, contact, typed), save)

    def open_profile(self, contact: Contact) -> None:
        if not contact.handles:
            self.notify("No profile to open.", severity="warning")
            return
        self.app.open_url(contact.profile_urls[contact.main_channel])
