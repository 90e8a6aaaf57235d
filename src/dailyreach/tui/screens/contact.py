"""One contact: every field, profile links, stage, and the timeline of interactions newest first."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from pendulum import DateTime
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Header

from dailyreach.core.planning.planner import keep_in_touch_due, pending_replies, snoozed_until
from dailyreach.core.records.clock import Zone
from dailyreach.core.records.dates import ago, moment_text
from dailyreach.core.records.model import CHANNELS, Contact, Interaction
from dailyreach.core.store.store import Store
from dailyreach.core.store.threads import Thread
from dailyreach.i18n import N_, _, ngettext
from dailyreach.report import pad
from dailyreach.tui.bound_keys import bound_key
from dailyreach.tui.columns import Column, fit_widths, longest_cells, set_columns
from dailyreach.tui.log_keys import DAILY_LOGS, KIND_TITLES, LOG_FOOTER_LABELS, log_bindings
from dailyreach.tui.rows import TABLE_KEYS
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.translated import TranslatedBindings
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.widgets.log_bar import LogBar
from dailyreach.tui.widgets.note_input import one_line
from dailyreach.tui.words import iso_day_text
from dailyreach.wording import channel_label, follow_up_text, keep_in_touch_text, stage_label

LABEL_WIDTH = 15
# A time as wide as times are written (in Japanese a weekday is added: 12月30日(水) 23:59).
LONGEST_MOMENT = datetime(2026, 12, 30, 23, 59, tzinfo=UTC)
# What "2 minutes ago" says at its longest, in each unit (more than 999 days is rare, and as long).
LONGEST_AGOS = (
    (LONGEST_MOMENT - timedelta(minutes=59), LONGEST_MOMENT),
    (LONGEST_MOMENT - timedelta(hours=23), LONGEST_MOMENT),
    (LONGEST_MOMENT - timedelta(days=999), LONGEST_MOMENT),
)
# The timeline's columns: the note takes what the others leave. Under NOTE_LEAST cells for the note, the
# "2 days ago" column makes way for it (the time beside it says when).
TIMELINE_COLUMNS = (
    Column("when", N_("When"), width=16, fits=lambda: [moment_text(LONGEST_MOMENT)]),
    Column(
        "ago", "", width=12, fits=lambda: [_("just now"), *(ago(then, now) for then, now in LONGEST_AGOS)]
    ),
    Column("what", N_("What"), width=14, fits=lambda: [_(title) for title in KIND_TITLES.values()]),
    Column("channel", N_("Channel"), width=7, fits=lambda: [channel_label(channel) for channel in CHANNELS]),
    Column("note", N_("Note")),
)
NOTE_LEAST = 24


def next_step(store: Store, contact: Contact, thread: Thread) -> str:
    """What comes next with this contact: a snooze, a follow-up or a keep-in-touch date."""
    tz, today, snoozes = store.timezone, store.today(), store.snoozes()
    until = snoozed_until(snoozes, contact.id, today)
    if until:
        return _("snoozed until {day}").format(day=iso_day_text(until, today))
    for reply in pending_replies([contact], {contact.id: thread}, store.settings(), today, tz, snoozes):
        return follow_up_text(reply, today)
    if thread.awaits_the_user:
        # Answered before today's plan was made, they are in no pane: said here, or they wait unseen.
        return _("they answered: your turn")
    due = keep_in_touch_due(contact, thread, tz)
    return keep_in_touch_text(due, today) if due else ""


def contact_details(contact: Contact, stage: str, next_up: str, wrap: Callable[[str], list[str]]) -> Text:
    """The contact's fields as plain text with clickable profile links; user text is never markup. ``wrap``
    cuts a value into the lines it takes beside its label, so each goes on under the value, not the label."""
    details = Text()
    details.append(contact.name, style="bold")
    facts = _("{stage} · priority {priority}").format(stage=stage_label(stage), priority=contact.priority)
    details.append(f"   {facts}", style="dim")
    if contact.archived:
        details.append(" · " + _("archived"), style="dim")
    for platform, url in contact.profile_urls.items():
        details.append("\n" + pad(channel_label(platform), LABEL_WIDTH), style="dim")
        handle = contact.handles[platform]
        if handle != url:  # a web address is its own link
            details.append(handle)
            # The link beside the handle, or under it where the two do not fit on one line.
            details.append("  " if len(wrap(f"{handle}  {url}")) == 1 else "\n" + " " * LABEL_WIDTH)
        # A link longer than its line goes on under itself, not under the labels; each piece is the link.
        for number, piece in enumerate(wrap(url)):
            details.append(("\n" + " " * LABEL_WIDTH) if number else "")
            details.append(piece, style=Style(link=url, underline=True))
    rows = [
        (_("next"), next_up),
        # Set with --call-name or the form: how drafts address them, shown where the rest of them is.
        (_("call them"), contact.call_name),
        (_("why"), contact.why),
        (_("notes"), contact.notes),
        (_("tags"), ", ".join(contact.tags)),
        (
            _("keep in touch"),
            _("every {days} days").format(days=contact.cadence_days) if contact.cadence_days else "",
        ),
        (_("followers"), f"{contact.followers:,}" if contact.followers is not None else ""),
    ]
    for label, value in rows:
        if value:
            details.append("\n" + pad(label, LABEL_WIDTH), style="dim")
            lines = [part for line in value.split("\n") for part in wrap(line)]
            details.append(("\n" + " " * LABEL_WIDTH).join(lines))
    return details


class ContactDetails(Widget):
    """The contact's fields, each value wrapped to the width beside its label."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.shown: tuple[Contact, str, str] | None = None
        # The lines last laid out, and the width and fields they were for: measured, drawn and counted
        # (what is cut) from one layout.
        self._laid_out: tuple[int, tuple[Contact, str, str] | None, list[Text]] | None = None

    def show(self, contact: Contact, stage: str, next_up: str) -> None:
        self.shown = (contact, stage, next_up)
        self.refresh(layout=True)
        self.call_after_refresh(self._say_what_is_cut)

    def on_resize(self) -> None:
        self.call_after_refresh(self._say_what_is_cut)

    def _say_what_is_cut(self) -> None:
        """The lines the screen's height cuts, counted under the fields with the key that shows them all:
        the ellipsis alone did not tell a new user that tags and followers were there."""
        width, height = self.content_size
        cut = len(self._lines(width)) - height if height > 0 else 0
        self.border_subtitle = (
            ngettext(
                "{count} more line: {edit} shows every field",
                "{count} more lines: {edit} shows every field",
                cut,
            ).format(count=cut, edit=bound_key(self.app, "edit_contact"))
            if cut > 0
            else None
        )

    def _lines(self, width: int) -> list[Text]:
        if self._laid_out is None or self._laid_out[:2] != (width, self.shown):
            self._laid_out = (width, self.shown, self._lay_out(width))
        return self._laid_out[2]

    def _lay_out(self, width: int) -> list[Text]:
        if self.shown is None:
            return []
        room = max(width - LABEL_WIDTH, 10)
        console = self.app.console

        def wrap(line: str) -> list[str]:
            return [part.plain for part in Text(line).wrap(console, room)] or [""]

        # Wrapped again as it is drawn: a link longer than the line is folded, and its lines counted.
        return list(contact_details(*self.shown, wrap=wrap).wrap(console, max(width, 1), overflow="fold"))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        lines = self._lines(self.content_size.width)
        height = self.content_size.height
        if 0 < height < len(lines):
            # Cut by the screen's height (80x24): said with an ellipsis, and E shows every field whole.
            lines = lines[:height]
            lines[-1] = lines[-1].copy()
            lines[-1].truncate(max(self.content_size.width - 2, 1))
            lines[-1].append(" …", style="dim")
        return Text("\n").join(lines)


def when_text(interaction: Interaction, view: ContactView) -> str:
    """When an entry was, with its year when another year's (the Japanese day leaves it out otherwise)."""
    return moment_text(interaction.moment.astimezone(view.zone), view.now.date())


def timeline_cells(interaction: Interaction, view: ContactView, keys: list[str], when: str) -> list[Text]:
    """The cells of ``keys`` for one entry (``when`` as ``when_text`` says it), each on one line ending in
    … when cut; the note whole, its line breaks shown as ⏎ (Enter shows it as written)."""
    texts = {
        "when": (when, ""),
        "ago": (ago(interaction.moment, view.now), "dim"),
        "what": (_(KIND_TITLES[interaction.kind]), ""),
        "channel": (channel_label(interaction.channel), ""),
        "note": (one_line(interaction.text), ""),
    }
    return [
        Text(texts[key][0], style=texts[key][1], no_wrap=True, overflow="ellipsis", end="") for key in keys
    ]


class Timeline(TranslatedBindings, DataTable, inherit_bindings=False):
    """The contact's interactions, newest first, in columns that share out the width: nothing scrolls
    sideways, and Enter shows the highlighted message in full."""

    BINDINGS = [
        *TABLE_KEYS,
        Binding("enter", "select_cursor", N_("Read message"), id="read_entry"),
        Binding("j", "cursor_down", N_("Down"), show=False, id="cursor_down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="cursor_up"),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.view: ContactView | None = None
        self.columns_shown: tuple[Column, ...] = TIMELINE_COLUMNS

    def on_resize(self) -> None:
        if self.view is not None:
            self.show(self.view)

    def show(self, view: ContactView) -> None:
        self.view = view
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        # As wide as its times: in Japanese an entry of another year says its year, and is wider.
        whens = [when_text(entry, view) for entry in view.history]
        columns = tuple(
            replace(column, fits=lambda: [moment_text(LONGEST_MOMENT), *whens])
            if column.key == "when"
            else column
            for column in TIMELINE_COLUMNS
        )

        def fitted(columns: tuple[Column, ...]) -> tuple[list[list[Text]], list[int]]:
            """The rows, newest first, and the columns' widths fitted to what they hold."""
            keys = [column.key for column in columns]
            rows = [
                timeline_cells(interaction, view, keys, when)
                for interaction, when in zip(reversed(view.history), reversed(whens), strict=True)
            ]
            return rows, fit_widths(columns, width, longest_cells(rows, len(columns)) if rows else None)

        rows, widths = fitted(columns)
        if widths[-1] < NOTE_LEAST:
            columns = tuple(column for column in columns if column.key != "ago")
            rows, widths = fitted(columns)
        self.columns_shown = columns
        selected = self.cursor_row
        set_columns(self, columns, widths)
        self.clear()
        for interaction, cells in zip(reversed(view.history), rows, strict=True):
            self.add_row(*cells, key=interaction.id)
        if view.history:
            self.move_cursor(row=min(selected, len(view.history) - 1))

    def selected_entry(self) -> Interaction | None:
        if self.view is None or self.row_count == 0:
            return None
        entry_id = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return next((entry for entry in self.view.history if entry.id == entry_id), None)


@dataclass(frozen=True)
class ContactView:
    contact: Contact
    history: list[Interaction]
    thread: Thread
    next_up: str
    now: DateTime
    zone: Zone


# The timeline's border and column titles, the rows of it kept in sight however many fields there are,
# and the lines of the header and the footer.
TIMELINE_FRAME = 3
TIMELINE_ROWS_KEPT = 5
SCREEN_LINES = 2
# From this height the fields have a blank line above and below them; under it (80x24) those lines show
# fields.
PADDED_FROM = 30


class ContactScreen(TranslatedBindings, StoreScreen, inherit_bindings=False):
    AUTO_FOCUS = "#timeline"
    # The footer fits 80 columns, with the palette's key; ? lists every key.
    FOOTER_LABELS = LOG_FOOTER_LABELS | {"select_cursor": N_("Read")}
    PALETTE_KEY = True
    # The screen's own keys first, then Textual's (Tab, Shift+Tab, ctrl+c), which the keys panel (?)
    # otherwise lists ahead of them: a Screen's keys come before its subclass's.
    BINDINGS = [
        Binding("E", "edit", N_("Edit"), id="edit_contact"),
        *log_bindings(shown=DAILY_LOGS),
        Binding("x", "log('no_response')", N_("No response"), show=False, id="close_or_decline"),
        Binding("delete", "delete_entry", N_("Delete entry"), show=False, id="delete_entry"),
        Binding("o", "open_profile", N_("Open profile"), show=False, id="open_profile"),
        Binding("c", "draft", N_("Draft a message"), show=False, id="draft"),
        Binding("s", "snooze", N_("Snooze"), show=False, id="snooze"),
        Binding("escape,backspace", "app.pop_screen", N_("Back"), id="back"),
        *Screen.BINDINGS,
    ]

    def __init__(self, contact_id: str) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.view: ContactView | None = None
        self.deleted = False  # found deleted in another window or command

    def compose(self) -> ComposeResult:
        yield Header()
        yield ContactDetails(id="details")
        yield LogBar()
        yield Timeline(id="timeline")
        yield KeyFooter()

    def on_screen_resume(self) -> None:
        if self.deleted:
            self._close_when_saved()

    def _close_when_saved(self) -> None:
        # After the form's answer (which reaches this screen after it resumes) and its save: an edit is
        # refused and said so, not dropped with the screen, whose store its save thread reads. Waited
        # for apart from the screen's messages, which bring that answer.
        self.run_worker(self._close_deleted(), group="close", exclusive=True)

    async def _close_deleted(self) -> None:
        await asyncio.sleep(0)  # a turn of the loop: the form's answer is queued
        await self.saves.drained()
        if not self.is_attached or self.app.screen is not self:
            return  # gone already, or under a screen opened meanwhile: closed when it resumes
        if self.contact is not None:
            said = _("{name} was deleted in another window or command").format(name=self.contact.name)
            self.notify(said, markup=False)
        self.dismiss()

    @property
    def contact(self) -> Contact | None:
        """The contact as last read (the store may be busy saving)."""
        return self.view.contact if self.view else None

    def read(self) -> ContactView | None:
        contact = self.store.contact(self.contact_id)
        if contact is None:
            return None
        thread = self.store.thread(contact.id)
        return ContactView(
            contact,
            self.store.interactions(contact.id),
            thread,
            next_step(self.store, contact, thread),
            self.store.now(),
            self.store.timezone,
        )

    def show(self, view: ContactView | None) -> None:
        if view is None:
            # Deleted elsewhere. Closed once on top again: dismissed under a form, it closed the form
            # instead (an edit, its typing lost) and stayed, showing the contact as if there.
            self.deleted = True
            if self.app.screen is self:  # not under a form: is_current holds for a screen a modal shows
                self._close_when_saved()
            return
        self.view, self.zone = view, view.zone
        contact, history = view.contact, view.history
        self.sub_title = contact.name
        self.query_one(ContactDetails).show(contact, view.thread.stage, view.next_up)
        table = self.query_one(Timeline)
        table.show(view)
        table.border_title = _("Timeline ({count})").format(count=len(history))
        table.border_subtitle = None if history else _("Nothing logged yet: press d, p, f, r, m or M")
        self._share_height()

    def on_resize(self) -> None:
        self._share_height()

    def _share_height(self) -> None:
        """The fields take the rows the timeline does not need, past half the screen: at 80x24 a contact
        with many handles lost its why, tags and notes beside a timeline of empty rows."""
        entries = len(self.view.history) if self.view else 0
        timeline = TIMELINE_FRAME + max(min(entries, TIMELINE_ROWS_KEPT), 1)
        free = self.size.height - SCREEN_LINES - timeline
        self.query_one(ContactDetails).styles.max_height = max(free, self.size.height // 2)
        self.set_class(self.size.height < PADDED_FROM, "-short")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on an entry: its message in full, as it was written."""
        event.stop()
        entry = self.query_one(Timeline).selected_entry()
        if entry is None or self.view is None:
            return
        from dailyreach.tui.screens.message import MessageScreen

        view = self.view
        self.app.push_screen(MessageScreen(entry, view.contact.name, when_text(entry, view)))

    def action_log(self, kind: str) -> None:
        if self.view is not None:
            self.log_interaction(self.view.contact, self.view.thread, kind)

    def action_open_profile(self) -> None:
        contact = self.contact
        if contact is not None:
            self.open_profile(contact)

    def action_snooze(self) -> None:
        contact = self.contact
        if contact is not None:
            from dailyreach.tui.screens.snooze_form import snooze

            snooze(self, contact)

    def action_draft(self) -> None:
        contact = self.contact
        if contact is not None:
            from dailyreach.tui.screens.draft import open_draft

            open_draft(self, contact)

    def action_edit(self) -> None:
        if self.contact is not None:
            self.edit_contact(self.contact)

    def action_delete_entry(self) -> None:
        entry = self.query_one(Timeline).selected_entry()
        if entry is None:
            return
        self.run_saving(
            lambda: self.store.delete_interaction(entry.id),
            lambda _result: self.notify(
                _("Entry deleted: {undo} brings it back.").format(undo=bound_key(self.app, "undo"))
            ),
        )
