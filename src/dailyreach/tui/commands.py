"""The command palette's jump-to-contact (type part of a name or a handle, Enter opens the contact) and its
"Reminders…" entries."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from dailyreach.core.planning.lookup import folded
from dailyreach.core.records.model import Contact
from dailyreach.i18n import N_, _
from dailyreach.report import contact_summary, where_to_reach
from dailyreach.wording import channel_label

if TYPE_CHECKING:
    from dailyreach.tui.app import DailyReachApp

DISCOVERY_SHOWN = 20
# A handle matched as well as a name comes after it.
HANDLE_SCORE = 0.9


def _help(contact: Contact) -> str:
    summary = contact_summary(contact)
    where = where_to_reach(summary, channel_label)
    if contact.archived:
        return _("Open contact · {where} · archived (E to bring back)").format(where=where)
    return _("Open contact · {where}").format(where=where)


def _folded_characters(text: str) -> tuple[str, list[int]]:
    """``text`` folded a character at a time, and for each character of the result the index of the one
    of ``text`` it came from, so that a match in the folded name lights up the name as written."""
    folded_text, origins = [], []
    for index, character in enumerate(text):
        part = folded(character)
        folded_text.append(part)
        origins.extend([index] * len(part))
    return "".join(folded_text), origins


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
        # Compared as the contacts list and the panes' filter compare: nunez finds Núñez.
        query = folded(query)
        for contact in self.contacts:
            name, origins = _folded_characters(contact.name)
            score, offsets = matcher.fuzzy_search.match(query, name)
            # By a handle too: someone who cannot type a name's script types the @handle they know, and
            # a handle that holds the letters together beats a name that only scatters them.
            found = (
                matcher.fuzzy_search.match(query, folded(handle))[0] for handle in contact.handles.values()
            )
            by_handle = max(found, default=0) * HANDLE_SCORE
            if by_handle > score:
                score, offsets = by_handle, ()
            if score > 0:
                # Content(...) rather than matcher.highlight(): a name like "[bold]VIP" is not markup.
                shown = Content(contact.name)
                for offset in {origins[offset] for offset in offsets}:
                    shown = shown.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(
                    score, shown, partial(self._open, contact.id), text=contact.name, help=_help(contact)
                )


class ReminderCommands(Provider):
    """ctrl+p "Reminders…": what ``dailyreach remind`` installed, and installing or removing it, with
    config.toml's times."""

    def _choices(self) -> list[tuple[str, Callable[[], None], str]]:
        from dailyreach import remind

        config = cast("DailyReachApp", self.app).config
        chosen, kept = remind.to_install(config.remind_at, config.remind_evening)
        morning = next(reminder.clock for reminder in chosen if not reminder.evening)
        evening = next((reminder.clock for reminder in chosen if reminder.evening), None)
        if kept:
            install = (
                _("Notify today's plan at {at}, evening check at {evening} (as installed)")
                if evening
                else _("Notify today's plan at {at} (as installed)")
            )
        else:
            install = (
                _("Notify today's plan at {at}, evening check at {evening} (config.toml)")
                if evening
                else _("Notify today's plan at {at} (config.toml)")
            )
        install = install.format(at=morning, evening=evening)
        return [
            (_("Reminders… show"), self._show, _("What remind --install set up, and when it runs next")),
            (_("Reminders… install"), self._install, install),
            (_("Reminders… remove"), self._remove, _("Remove exactly what install wrote")),
        ]

    def _tell(self, lines: list[str], *, error: bool = False) -> None:
        self.app.notify("\n".join(lines), title=_("Reminders"), severity="error" if error else "information")

    def _show(self) -> None:
        from dailyreach import remind

        self._tell(remind.status())

    def _install(self) -> None:
        from dailyreach import remind

        app = cast("DailyReachApp", self.app)
        try:
            chosen, _kept = remind.to_install(app.config.remind_at, app.config.remind_evening)
            self._tell(remind.install(chosen, remind.program(app.store.path, app.config.path)))
        except remind.ReminderError as error:
            self._tell([str(error)], error=True)

    def _remove(self) -> None:
        from dailyreach import remind
        from dailyreach.demo_folder import in_a_demo

        if in_a_demo(cast("DailyReachApp", self.app).store.path):  # they are the user's own
            self._tell([_(remind.DEMO_KEEPS)], error=True)
            return
        try:
            self._tell(remind.uninstall())
        except remind.ReminderError as error:
            self._tell([str(error)], error=True)

    async def discover(self) -> Hits:
        for name, action, help_text in self._choices():
            yield DiscoveryHit(name, action, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in self._choices():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), action, help=help_text)


TEMPLATES = N_("Templates")
TEMPLATES_HELP = N_("The message templates drafts (c) are made from: add, edit, preview, delete; your name")


class TemplateCommands(Provider):
    """ctrl+p "Templates": the templates screen."""

    def _open(self) -> None:
        from dailyreach.tui.screens.templates import TemplatesScreen

        if not isinstance(self.app.screen, TemplatesScreen):
            self.app.push_screen(TemplatesScreen())

    async def discover(self) -> Hits:
        yield DiscoveryHit(_(TEMPLATES), self._open, help=_(TEMPLATES_HELP))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match(_(TEMPLATES))
        if score > 0:
            yield Hit(score, matcher.highlight(_(TEMPLATES)), self._open, help=_(TEMPLATES_HELP))


SETTINGS = N_("Settings")
SETTINGS_HELP = N_("Daily goal, follow-ups, week start, timezone, currency, your name")


class SettingsCommands(Provider):
    """ctrl+p "Settings": the settings form."""

    def _open(self) -> None:
        from dailyreach.tui.screens.settings_form import open_settings_form

        open_settings_form(cast("DailyReachApp", self.app))

    async def discover(self) -> Hits:
        yield DiscoveryHit(_(SETTINGS), self._open, help=_(SETTINGS_HELP))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        score = matcher.match(_(SETTINGS))
        if score > 0:
            yield Hit(score, matcher.highlight(_(SETTINGS)), self._open, help=_(SETTINGS_HELP))
