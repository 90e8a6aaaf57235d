"""What every screen over the store shares: reading and saving off the UI thread, with a clear message on
failure, and logging."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import timedelta, tzinfo
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.screen import Screen

from dailyreach.cli import USUAL_COLLECTION_THRESHOLDS
from dailyreach.core.errors import ChangeRefused, ContactGone, DateParseError, StoreError, ValidationError
from dailyreach.core.planning.planner import usual_channel
from dailyreach.core.records.dates import ago, moment_text, parse_when, plain
from dailyreach.core.records.handles import openable
from dailyreach.core.records.model import (
    ANSWER_KINDS,
    OUTBOUND_KINDS,
    TEXT_REQUIRED_KINDS,
    Contact,
    Interaction,
    check_logged_text,
)
from dailyreach.core.records.zones import pendulum_zone
from dailyreach.core.store.journal import Change
from dailyreach.core.store.store import Store, refused_kind
from dailyreach.core.store.threads import Thread, parse_stamp, utc_stamp
from dailyreach.i18n import N_, _
from dailyreach.tui.log_keys import KIND_TITLES
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.widgets.log_bar import NOT_LOGGED, NOW, LogBar
from dailyreach.wording import channel_label

if TYPE_CHECKING:
    from pendulum import DateTime

    from dailyreach.tui.app import DailyReachApp
    from dailyreach.tui.saves import SaveQueue

CHANGE_CHECK_SECONDS = 5
# A message logged to someone this recently is likely the one a second log would count again (a key
# pressed twice, the same DM logged in two windows): said as the bar opens.
JUST_WRITTEN = timedelta(minutes=10)
T = TypeVar("T")
UNCHANGED = object()
# What undo names a contact's change by ("Undone: add Ann").
CHANGE_LABELS = {"add": N_("add {name}"), "edit": N_("edit {name}")}
CONTACT_GONE = N_("{name} is no longer in the database (deleted, or their adding undone): nothing was logged")


def _collect_as_usual() -> None:
    gc.set_threshold(*USUAL_COLLECTION_THRESHOLDS)


# The kinds of log whose bar opens in its note rather than in When.
TEXT_FIRST = frozenset({"note", "reply_received"})
# The log bar's box for each field of an interaction a log can be refused for.
LOG_BOXES = {"at": "when", "channel": "channel", "text": "text"}


class StoreScreen(Screen):
    """A screen showing the store; it follows changes made here, by undo, or by another dailyreach.

    The store is read (``read``, in a worker thread) and shown (``show``, on the UI thread) apart, and
    changes are saved in the save thread, so that neither a large file nor a slow disk holds up a key.
    The first read starts when the screen is shown: the screen draws at once, then what it read (the main
    screen, the first drawn, and the all-contacts view read their first view before it:
    ``show_before_the_first_frame``).
    """

    shown_revision: object = None
    unreadable = ""
    # The store's zone as last read: the standard library's or pendulum's (made pendulum's only for a
    # pendulum time, so that the main screen shows its first figures without loading pendulum).
    zone: tzinfo | None = None
    footer_released = False
    # The log bar's box the last refused log was refused for, where the bar reopens.
    log_refused_in: str | None = None
    # Numbers each read: a read started before the latest read or save is out of date when it ends.
    reads = 0

    @property
    def store(self) -> Store:
        return cast("DailyReachApp", self.app).store

    @property
    def saves(self) -> SaveQueue:
        return cast("DailyReachApp", self.app).saves

    def now(self) -> DateTime:
        """The time in the store's timezone as last read, without waiting for a save to let go of the store."""
        return self.store.clock.now().in_timezone(pendulum_zone(self.zone)) if self.zone else self.store.now()

    def on_mount(self) -> None:
        # Textual calls this as well as a subclass's own on_mount (handlers run along the MRO).
        self.set_interval(CHANGE_CHECK_SECONDS, self.reload_if_changed)
        self.watch(self.app, "app_focus", self._reload_on_focus, init=False)

    def _reload_on_focus(self, focused: bool) -> None:
        """Back from another window, where the user may have logged with the CLI or another dailyreach: the
        screen shows what changed at once, before a key acts on a row as it was."""
        if focused and self.is_current:
            self.reload_if_changed()

    def on_screen_resume(self) -> None:
        self.reload_if_changed()

    # -- reading -----------------------------------------------------------------------------

    def is_stale(self) -> bool:
        return self.store.revision() != self.shown_revision

    def read(self) -> Any:
        """What the screen shows, read from the store (in a worker thread)."""
        raise NotImplementedError

    def show(self, view: Any) -> None:
        """Put what ``read`` gave on the screen."""
        raise NotImplementedError

    def reload_if_changed(self) -> None:
        """Read the store again in the background if it changed; a file broken by someone else leaves the
        screen as it was. Not while a change is being saved: the save reads what it changed."""
        if self.saves.busy:
            return
        self.reads += 1
        self.run_worker(partial(self._read_if_stale, self.reads), thread=True, group="read")

    def _read_if_stale(self, number: int) -> None:
        from dailyreach.core.store.backups import with_way_back

        try:
            view = self.read() if self.is_stale() else UNCHANGED
            revision = self.store.revision()
        except StoreError as error:
            from dailyreach.core.store.storage import StoreCorrupt

            problem = (
                with_way_back(str(error), self.store.path) if isinstance(error, StoreCorrupt) else str(error)
            )
            self.from_thread(self._show_unreadable, problem)
            return
        if self.store.file_problem is not None:  # read as the file was: the rows shown stay as they are
            self.from_thread(self._show_unreadable, with_way_back(self.store.file_problem, self.store.path))
            return
        self.from_thread(self._show_read, number, revision, view)

    def from_thread(self, callback: Callable[..., None], *args: Any) -> None:
        """``callback(*args)`` on the UI thread, called from a worker's; nothing once the app is closing."""
        if self.app.is_running:
            self.app.call_from_thread(callback, *args)

    @property
    def alive(self) -> bool:
        """Whether the screen can still show things: not closed, and the app not shutting down."""
        return self.is_attached and self.app.is_running

    def show_before_the_first_frame(self, read: Callable[[], Any]) -> None:
        """What ``read`` gives, read on the UI thread and shown before the screen's first frame: a key that
        comes with the screen acts on its rows, not on an empty table. Nothing is written here, where a
        write could wait for another process's lock; a store that cannot be read is left to the read the
        screen starts as it shows, which says why; and so is a read while a change is being saved (as in
        ``reload_if_changed``), which the save's end starts."""
        if self.saves.busy:
            return
        revision = self.store.revision()
        try:
            view = read()
        except StoreError:
            return
        self.reads += 1
        self._show_read(self.reads, revision, view)

    def _show_read(self, number: int, revision: object, view: Any) -> None:
        self.unreadable = ""
        if number == self.reads and self.alive and view is not UNCHANGED:
            self.shown_revision = revision
            self.show(view)
            self._release_footer()

    def _release_footer(self) -> None:
        """The footer's keys come once the screen first shows what it read (in the frame after). From the
        frame after, the app collects garbage as usual: it starts as a command does (``dailyreach.cli``),
        its first frame making tens of thousands of objects, all kept, that the usual thresholds walk
        some ninety times (10-15 ms); the first collection, of all of them, waits until that frame is
        drawn."""
        if not self.footer_released:
            self.footer_released = True
            self.app.call_after_refresh(_collect_as_usual)
            self.app.call_after_refresh(self._load_the_clock)
            self.app.call_after_refresh(self._prepare_log_bars)
            for footer in self.query(KeyFooter):
                footer.release()

    def _load_the_clock(self) -> None:
        """The store's clock (pendulum and the system's timezone, some 30 ms), which the first log bar,
        form or date typed reads: loaded while the first screen is read, not on the user's first key."""
        self.app.run_worker(lambda: self.store.clock, thread=True, group="warm-up")

    def _prepare_log_bars(self) -> None:
        """The log bar restyled for its width and prefilled boxes now, not on the first log key."""
        for bar in self.query(LogBar):
            bar.prepare()

    def _show_unreadable(self, problem: str) -> None:
        if not self.alive:
            return
        self._release_footer()
        if problem != self.unreadable:
            # A backup may be days old: what this window read last is the newest copy there is.
            kept = _("This window still holds what it last read: e on the main screen exports it.")
            self.notify(
                f"{problem}\n{kept}", title=_("Cannot read the database"), severity="error", markup=False
            )
        self.unreadable = problem

    # -- saving ------------------------------------------------------------------------------

    def save_in_background(
        self,
        change: Callable[[], T],
        saved: Callable[[T], None],
        failed: Callable[[], None] | None = None,
        not_done: str | None = None,
    ) -> None:
        """Run ``change`` in the save thread after those before it; ``saved`` gets its result on the UI
        thread. A failure is shown under ``not_done`` and ``failed`` runs (to reopen a form as typed)."""
        self.reads += 1
        not_done = not_done or _("Not saved")

        def work() -> Callable[[], None]:
            try:
                result = change()
            except (StoreError, ValueError) as error:
                return partial(self._not_saved, str(error), not_done, failed)
            return partial(self._saved, saved, result)

        self.saves.put(work)

    def _saved(self, saved: Callable[[T], None], result: T) -> None:
        if self.alive:
            saved(result)
        shown = self.app.screen
        if shown is not self and isinstance(shown, StoreScreen):
            shown.reload_if_changed()  # opened while the save ran, it skipped its read

    def say_refused(self, problem: str, title: str) -> None:
        """Say over the screen why a change was refused (until the next try: ``FieldsForm.save``)."""
        self.app.notify(problem, title=title, severity="error", markup=False, timeout=10)

    def _not_saved(self, problem: str, not_done: str, failed: Callable[[], None] | None) -> None:
        self.say_refused(problem, not_done)
        if self.alive:
            if failed is not None:
                failed()
            self.reload_if_changed()

    def undone(self, change: Change) -> None:
        """After ``change`` was undone: where the cursor goes once the screen has read the store again."""

    def run_saving(
        self,
        save: Callable[[], T],
        saved: Callable[[T], None] | None = None,
        failed: Callable[[], None] | None = None,
        not_done: str | None = None,
    ) -> None:
        """Save one change in the background, then read the screen again."""

        def then(result: T) -> None:
            self.reload_if_changed()
            if saved is not None:
                saved(result)

        self.save_in_background(save, then, failed, not_done)

    def edit_contact(self, contact: Contact, values: dict | None = None, focus: str | None = None) -> None:
        """The contact's form filled with what it holds; saved as an edit of ``contact``, the form opened
        again as typed when the save is refused."""
        from dailyreach.tui.screens.contact_form import contact_fields, contact_form

        def again(
            values: dict | None = None, focus: str | None = None, based_on: Contact | None = None
        ) -> None:
            self.edit_contact(based_on or contact, values, focus)

        def save(answers: dict[str, str] | None) -> None:
            if answers is not None:
                fields = {**contact.to_dict(), **contact_fields(answers)}
                self.save_contact(fields, "edit", again, based_on=contact)

        self.app.push_screen(
            contact_form(
                values or contact.to_dict(),
                _("Edit {name}").format(name=contact.name),
                editing=True,
                focus=focus,
            ),
            save,
        )

    def save_contact(
        self,
        fields: dict,
        verb: str,
        reopen: Callable[..., None],
        saved: Callable[[Contact], None] | None = None,
        based_on: Contact | None = None,
    ) -> None:
        """Validate and save a contact (an edit of ``based_on``, when it is one); on failure say why and
        reopen its form with what was typed, on the field the problem is in (``reopen(fields, focus=field)``):
        typing goes where the fix is needed. An edit refused for a field changed elsewhere meanwhile reopens
        on the contact as it is now (``based_on=``), so that Enter then saves over that change."""
        try:
            contact = Contact.from_dict(fields)
        except ValidationError as error:
            self.say_refused(str(error), _("Not saved"))
            reopen(fields, focus=error.field)
            return
        label = _(CHANGE_LABELS[verb]).format(name=contact.name)
        from dailyreach.core.store.edits import EditConflict

        refused: list[str] = []  # the field of the store's refusal (a handle someone else has)
        newer: dict[str, Contact] = {}
        deleted: list[bool] = []  # the contact edited, deleted elsewhere: no form is left to reopen

        def change() -> Contact:
            try:
                return self.store.save_contact(contact, label, based_on=based_on)
            except ValidationError as error:
                refused.append(error.field)
                if isinstance(error, EditConflict):
                    newer["based_on"] = error.stored
                deleted.append(isinstance(error, ChangeRefused))
                raise

        def failed() -> None:
            if not (deleted and deleted[-1]):
                reopen(fields, focus=refused[-1] if refused else None, **newer)

        self.run_saving(change, saved, failed=failed)

    # -- logging -----------------------------------------------------------------------------

    def log_interaction(
        self,
        contact: Contact,
        thread: Thread,
        kind: str,
        typed: dict[str, str] | None = None,
        focus: str | None = None,
    ) -> None:
        """Open the prefilled log bar, the cursor in ``focus`` (else where the kind is typed); Enter logs
        the interaction, a failed save reopens it as typed. A thread with nothing sent is not closed for
        want of an answer: said at once, as the store would."""
        refused = refused_kind(kind, contact, thread)
        if refused:
            # Under the title every refused log has: alone, the store's words began a notice in lower case.
            self.notify(refused, title=_(NOT_LOGGED), severity="warning", markup=False)
            return
        if kind in OUTBOUND_KINDS and thread.last_sent is not None and typed is None:
            sent = parse_stamp(thread.last_sent)
            now = plain(self.now())
            if now - sent < JUST_WRITTEN:
                self.notify(
                    _("You wrote to {name} {when}: Enter logs one more message, Escape leaves it.").format(
                        name=contact.name, when=ago(sent, now)
                    ),
                    severity="warning",
                    markup=False,
                )
        values = {"when": _(NOW), "channel": channel_label(usual_channel(contact, thread)), "text": ""} | (
            typed or {}
        )
        self.query_one(LogBar).open(
            _(KIND_TITLES[kind]),
            contact.name,
            values,
            self.now,
            partial(self._log, contact, thread, kind),
            # A note is its text, and what a reply said is what one types after r: the cursor starts
            # there, not two Tabs away in When.
            first=focus or ("text" if kind in TEXT_FIRST else "when"),
            text_required=kind in TEXT_REQUIRED_KINDS,
        )

    def _log(self, contact: Contact, thread: Thread, kind: str, answers: dict[str, str] | None) -> None:
        if answers is None:
            return
        reopen = partial(self._log_again, contact, thread, kind, answers)
        try:
            check_logged_text(kind, answers["text"])
            interaction = Interaction.from_dict(
                {
                    "contact_id": contact.id,
                    "kind": kind,
                    "at": parse_when(answers["when"], self.now()).isoformat(),
                    "channel": answers["channel"],
                    "text": answers["text"],
                }
            )
        except (ValidationError, DateParseError) as error:
            self.log_refused_in = LOG_BOXES.get(error.field) if isinstance(error, ValidationError) else "when"
            self.say_refused(str(error), _(NOT_LOGGED))
            # After the bar has handed the focus back to where it came from, or that would close it again.
            self.call_after_refresh(reopen)
            return
        self._say_if_before_last_sent(contact, thread, interaction)
        self.save_log(contact, interaction, reopen)

    def _log_again(self, contact: Contact, thread: Thread, kind: str, answers: dict[str, str]) -> None:
        """The bar reopened as typed after a refused log, on the box refused (the note typed after r was
        selected, and the next key typed over it), unless the contact is gone: then there is no one to
        log it for, and the refusal said so."""
        focus, self.log_refused_in = self.log_refused_in, None
        if self.store.contact(contact.id) is not None:
            self.log_interaction(contact, thread, kind, answers, focus)

    def add_logged(self, contact: Contact, interaction: Interaction) -> Interaction:
        """Add ``interaction`` (in the save thread). A contact gone since the bar opened (deleted, or their
        adding undone, by a key pressed before the screen showed it) is refused by name: the store knows
        only the id of someone it no longer holds."""
        try:
            return self.store.add_interaction(interaction)
        except ValidationError as error:  # a time in the future, or before the contact's first message
            self.log_refused_in = LOG_BOXES.get(error.field)
            raise
        except ContactGone:
            raise ChangeRefused("contact_id", _(CONTACT_GONE).format(name=contact.name)) from None

    def _say_if_before_last_sent(self, contact: Contact, thread: Thread, interaction: Interaction) -> None:
        """An answer dated before the last message sent answers an earlier one: the thread still waits,
        which the user should hear now rather than wonder at in Pending."""
        if interaction.kind not in ANSWER_KINDS or thread.last_sent is None:
            return
        if utc_stamp(interaction.at) < thread.last_sent:
            sent = parse_stamp(thread.last_sent).astimezone(self.zone or self.store.timezone)
            self.notify(
                _(
                    "Logged before the last message sent ({sent}): {name} still owes a reply to that one."
                ).format(sent=moment_text(sent), name=contact.name),
                markup=False,
            )

    def save_log(self, contact: Contact, interaction: Interaction, reopen: Callable[[], None]) -> None:
        self.run_saving(lambda: self.add_logged(contact, interaction), failed=reopen, not_done=_(NOT_LOGGED))

    def open_profile(self, contact: Contact) -> None:
        if not contact.handles:
            self.notify(_("No profile to open."), severity="warning")
            return
        self.open_link(contact.profile_urls[contact.main_channel])

    def open_link(self, url: str) -> None:
        """Open an https:, http: or mailto: link: in a new browser tab when the app is served to a browser
        (``dailyreach serve``: the browser on the server is nobody's), else in the system's browser."""
        if not openable(url):
            self.notify(
                _("Not opened: {url} is not an https:, http: or mailto: link.").format(url=repr(url)),
                severity="error",
                markup=False,
            )
            return
        if self.app.is_web:
            self.app.open_url(url, new_tab=True)
            return
        # Off the UI thread: starting a browser can take a while, and a text-mode one waits until closed.
        self.run_worker(partial(self._open_in_browser, url), thread=True, group="browser")

    def _open_in_browser(self, url: str) -> None:
        import webbrowser

        if not webbrowser.open(url):
            from dailyreach.clipboard import copy_to_system_clipboard

            self.from_thread(self._no_browser, url, copy_to_system_clipboard(url))

    def _no_browser(self, url: str, not_copied: str | None) -> None:
        """Say the link could not be opened, and where it was copied: the system clipboard, else only the
        terminal's (OSC 52), which not every terminal takes: then the link is here to copy by hand."""
        self.app.copy_to_clipboard(url)
        if not_copied is None:
            said = _("No web browser found to open {url}: the link is copied to the clipboard.").format(
                url=url
            )
        else:
            from dailyreach.clipboard import NOT_ON_SYSTEM_CLIPBOARD

            said = " ".join(
                (
                    _("No web browser found to open {url}.").format(url=url),
                    _(NOT_ON_SYSTEM_CLIPBOARD).format(problem=not_copied),
                )
            )
        self.notify(said, severity="warning", markup=False, timeout=15)
