"""The command palette's jump-to-contact: type part of a name, Enter opens the contact."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from dailyreach.core.records.model import Contact
from dailyreach.report import contact_summary

if TYPE_CHECKING:
    from dailyreach.tui.app import DailyReachApp

DISCOVERY_SHOWN = 20


def _help(contact: Contact) -> str:
    summary = contact_summary(contact)
    where = f"{summary['channel']} {summary['handle'] or ''}".strip()
    return f"Open contact · {where}" + (" · archived (E to bring back)" if contact.archived else "")


class ContactCommands(Provider):
    async def startup(self) -> None:
        # Archived contacts too: the palette is the way back to them.
        everyone = cast("DailyReachApp", self.app).store.contacts(include_archived=True)
        self.contacts = sorted(everyone, key=lambda contact: contact.name.casefold())

    def _open(self, contact_id: str) -> None:
        from dailyreach.tui.screens.contact import ContactScreen

        if isinstance(self.app.screen, ContactScreen):
            self.app.pop_screen()
        self.app.push_screen(ContactScreen(contact_id))

    async def discover(self) -> Hits:
        for contact in self.contacts[:DISCOVERY_SHOWN]:
            yield DiscoveryHit(
                Content(contact.name), partial(self._open, contact.id), text=contact.name, help=_help(contact)
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for contact in self.contacts:
            score, offsets = matcher.fuzzy_search.match(query, contact.name)
            if score > 0:
                # Content(...) rather than matcher.highlight(): a name like "[bold]VIP" is not markup.
                shown = Content(contact.name)
                for offset in offsets:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(
                    score, shown, partial(self._open, contact.id), text=contact.name, help=_help(contact)
                )
