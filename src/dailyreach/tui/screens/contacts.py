"""Every contact in one list: searched by name, handle and tag, sorted four ways, archived ones on a toggle,
with the logging keys on the highlighted row."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pendulum import DateTime
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input, Static

from dailyreach.core.planning.lookup import folded
from dailyreach.core.records.clock import Zone
from dailyreach.core.records.dates import ago
from dailyreach.core.records.model import Contact, Interaction
from dailyreach.core.store.journal import Change
from dailyreach.core.store.threads import Thread, parse_stamp
from dailyreach.i18n import N_, _, ngettext
from dailyreach.report import contact_summary
from dailyreach.tui.bound_keys import bound_key
from dailyreach.tui.columns import Column, fit_widths, longest_cells
from dailyreach.tui.log_keys import LOG_FOOTER_LABELS, log_bindings
from dailyreach.tui.rows import TABLE_KEYS, Row, show_border_titles, sync_rows
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.screens.contact import LONGEST_AGOS, ContactScreen
from dailyreach.tui.screens.contact_form import contact_fields, contact_form
from dailyreach.tui.styles import stylesheet_path
from dailyreach.tui.translated import TextInput, TranslatedBindings
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.widgets.log_bar import LogBar
from dailyreach.wording import channel_label, stage_label

SORTS = ("priority", "last contact", "stage", "name")
SORT_NAMES = {
    "priority": N_("priority"),
    "last contact": N_("last contact"),
    "stage": N_("stage"),
    "name": N_("name"),
}
STAGES = ("target", "contacted", "replied", "meeting", "met", "no_response")
# Minutes pass with the screen open: "3 minutes ago" is made again from what was read, not read again.
AGO_SECONDS = 60

# Tags take what the others leave: on a narrow terminal the handle is worth more than them. The name and
# the handle grow no wider than the longest listed, so that their room goes to the tags.
COLUMNS = (
    Column("name", N_("Name"), least=8, most=24, weight=2),
    Column("stage", N_("Stage"), width=11, fits=lambda: [stage_label(stage) for stage in STAGES]),
    Column(
        "last contact",
        N_("Last contact"),
        width=12,
        fits=lambda: [_("just now"), *(ago(then, now) for then, now in LONGEST_AGOS)],
    ),
    Column("priority", N_("Pri"), width=3),
    Column("handle", N_("Handle"), least=10, most=36, weight=3),
    Column("tags", N_("Tags")),
)
# Removing a row renumbers every row after it: past a few, as when a search narrows the list, filling the
# table again from scratch is faster.
FEW_GONE = 20


@dataclass(frozen=True)
class Entry:
    """One contact with what the list shows, searches and sorts by, worked out once per read."""

    contact: Contact
    thread: Thread
    last_contact: datetime | None
    searched: str
    name_key: str
    # The words of the stage shown ("no response"): a whole one typed finds everyone at that stage.
    stage_words: frozenset[str]

    @classmethod
    def of(cls, contact: Contact, thread: Thread) -> Entry:
        words = [contact.name, *contact.handles.values(), *contact.tags]
        return cls(
            contact,
            thread,
            parse_stamp(thread.last_touch) if thread.last_touch else None,
            folded("\n".join(words)),
            folded(contact.name),
            frozenset(folded(stage_label(thread.stage)).split()),
        )

    def matches(self, words: list[str]) -> bool:
        return all(word in self.searched or word in self.stage_words for word in words)


@dataclass(frozen=True)
class ContactsView:
    entries: list[Entry]
    zone: Zone


def sorted_entries(entries: list[Entry], order: str) -> list[Entry]:
    by_name = sorted(entries, key=lambda entry: entry.name_key)
    if order == "priority":
        return sorted(by_name, key=lambda entry: entry.contact.priority)
    if order == "last contact":
        # Newest first, never contacted last; a stable sort keeps names in order among equals.
        return sorted(by_name, key=lambda entry: entry.thread.last_touch or "", reverse=True)
    if order == "stage":
        return sorted(by_name, key=lambda entry: STAGES.index(entry.thread.stage))
    return by_name


def _cell(text: str, style: str = "") -> Text:
    # One line, cut with an ellipsis at the column's width.
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


def contact_row(entry: Entry, now: DateTime) -> Row:
    contact = entry.contact
    summary = contact_summary(contact)
    style = "dim italic" if contact.archived else ""
    return (
        contact.id,
        [
            _cell(contact.name, style),
            _cell(stage_label(entry.thread.stage), style),
            _cell(ago(entry.last_contact, now) if entry.last_contact else "", style),
            _cell(str(contact.priority), style),
            _cell(
                f"{channel_label(summary['channel'])} {summary['handle']}" if contact.handles else "", style
            ),
            _cell(", ".join(contact.tags), style),
        ],
    )


def contact_strip(entry: Entry) -> Text:
    """The highlighted contact in full, for what the columns cut: stage, every handle, tags, why."""
    contact = entry.contact
    strip = Text(end="")
    strip.append(contact.name, style="bold")
    facts = [stage_label(entry.thread.stage), _("priority {priority}").format(priority=contact.priority)]
    if contact.archived:
        facts.append(_("archived"))
    strip.append("   " + " · ".join(facts), style="dim")
    strip.append("\n")
    strip.append(
        "   ".join(f"{channel_label(platform)} {handle}" for platform, handle in contact.handles.items())
    )
    if contact.tags:
        strip.append(("   " if contact.handles else "") + _("tags") + " ", style="dim")
        strip.append(", ".join(contact.tags))
    strip.append("\n")
    if contact.why:
        strip.append(_("why") + " ", style="dim")
        strip.append(" ".join(contact.why.split()))
    return strip


class ContactList(TranslatedBindings, DataTable, inherit_bindings=False):
    """The contacts' table: its columns share out its width, so no row needs a horizontal scrollbar."""

    BINDINGS = [
        *TABLE_KEYS,
        Binding("enter", "select_cursor", N_("Contact"), id="open_contact"),
        Binding("j", "cursor_down", N_("Down"), show=False, id="cursor_down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="cursor_up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[Row] = []
        self.order = SORTS[0]
        # The widest text of each column among the contacts listed (None for no one), to fit the columns to.
        self.longest: list[int] | None = None
        self._layout: tuple[list[int], str] | None = None

    def on_resize(self) -> None:
        self.show_rows(self.rows_shown)

    def show_rows(self, rows: list[Row], listed: list[Row] | None = None) -> None:
        """Show ``rows``, the cursor staying on the contact it was on while that contact is listed, in
        columns fitted to ``listed``: all the rows a search narrows, so that the columns keep their widths
        while it is typed (when not given, the columns stay fitted to the rows last listed).

        Rows are compared by identity: the screen hands back the same row for a contact until it changes.
        """
        selected = self.selected_key()
        same = len(rows) == len(self.rows_shown) and all(
            new is old for new, old in zip(rows, self.rows_shown, strict=True)
        )
        self.rows_shown = rows
        if listed is not None:
            cells = (row_cells for _key, row_cells in listed)
            self.longest = longest_cells(cells, len(COLUMNS)) if listed else None
        width = self.scrollable_content_region.width
        if width <= 0:
            return
        widths = fit_widths(COLUMNS, width, self.longest)
        if self._layout != (widths, self.order):
            self._layout = (widths, self.order)
            self._show_columns(widths)
        elif same:
            return
        wanted = {key for key, _ in rows}
        if sum(1 for key in self.rows if key.value not in wanted) > FEW_GONE:
            self.clear()
        sync_rows(self, rows, selected)

    def _show_columns(self, widths: list[int]) -> None:
        """The columns at these widths, the sorted one's title underlined; the rows go with them."""
        self.clear(columns=True)
        for column, size in zip(COLUMNS, widths, strict=True):
            title = Text(column.shown_label, style="underline" if column.key == self.order else "")
            self.add_column(title, width=size, key=column.key)

    def selected_key(self) -> str | None:
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value


class ContactsScreen(TranslatedBindings, StoreScreen):
    CSS_PATH = stylesheet_path("contacts.tcss")
    # The list, from the moment the screen is made: Textual's default, the first box, took the search box,
    # and a d typed right after 4 searched for "d" instead of logging a DM.
    AUTO_FOCUS = "#contacts"
    # What only this view does comes first; the footer fits 80 columns, and ? lists every key.
    FOOTER_LABELS = LOG_FOOTER_LABELS | {"select_cursor": N_("Open"), "new_target": N_("New")}
    BINDINGS = [
        Binding("slash", "search", N_("Search"), id="filter"),
        Binding("S", "next_sort", N_("Sort"), id="sort_contacts"),
        Binding("a", "toggle_archived", N_("Archived"), id="show_archived"),
        *log_bindings(shown=["dm_sent"]),
        Binding("x", "log('no_response')", N_("No response"), show=False, id="close_or_decline"),
        Binding("o", "open_profile", N_("Open profile"), show=False, id="open_profile"),
        Binding("c", "draft", N_("Draft a message"), show=False, id="draft"),
        Binding("n", "new_target", N_("New target"), id="new_target"),
        Binding("E", "edit", N_("Edit"), show=False, id="edit_contact"),
        Binding("delete", "delete_contact", N_("Delete contact"), show=False, id="delete_contact"),
        Binding("escape,backspace", "back", N_("Back"), id="back"),
        # The main screen's panes, as 1, 2 and 3 move between them there (4 is this view).
        Binding("1", "main_pane('today')", N_("Today"), show=False, id="focus_today"),
        Binding("2", "main_pane('pending')", N_("Pending"), show=False, id="focus_pending"),
        Binding(
            "3", "main_pane('invitations')", N_("Declined invitations"), show=False, id="focus_invitations"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: ContactsView | None = None
        self.by_id: dict[str, Entry] = {}
        # Each contact's row as made from the last read, until a minute passes ("3 minutes ago").
        self.made_rows: dict[str, Row] = {}
        # Whether the rows listed may have changed since the columns were fitted to them: after a read, a
        # new minute or the archived shown or hidden, not at each letter of a search.
        self.measure = True
        self.show_archived = False
        self.search = ""
        # A contact just added from here or brought back by undo, whose row takes the cursor once a read
        # shows it.
        self.cursor_to: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextInput(
            id="search", placeholder=_("search name, handle, tag or stage: Enter keeps, Escape clears")
        )
        yield ContactList(id="contacts")
        yield Static(id="strip", markup=False)
        yield LogBar(replaces="#strip")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Contacts")
        self.query_one(ContactList).focus()
        self.set_interval(AGO_SECONDS, self._show_new_minute)
        # A d typed right after 4 logs for the highlighted contact, not "select a contact first".
        self.show_before_the_first_frame(self.read)

    def read(self) -> ContactsView:
        threads = self.store.threads()
        entries = [
            Entry.of(contact, threads.get(contact.id, Thread()))
            for contact in self.store.contacts(include_archived=True)
        ]
        return ContactsView(entries, self.store.timezone)

    def show(self, view: ContactsView) -> None:
        self.view, self.zone = view, view.zone
        self.by_id = {entry.contact.id: entry for entry in view.entries}
        self.made_rows = {}
        self.measure = True
        self._show_rows()

    def _show_new_minute(self) -> None:
        self.made_rows = {}
        self.measure = True
        self._show_rows()

    def _row(self, entry: Entry) -> Row:
        row = self.made_rows.get(entry.contact.id)
        if row is None:
            row = self.made_rows[entry.contact.id] = contact_row(entry, self.now())
        return row

    def _show_rows(self) -> None:
        if self.view is None:
            return
        table = self.query_one(ContactList)
        listed = [entry for entry in self.view.entries if self.show_archived or not entry.contact.archived]
        words = [word.lstrip("#") for word in folded(self.search).split()]
        shown = [entry for entry in listed if entry.matches(words)]
        rows = [self._row(entry) for entry in sorted_entries(shown, table.order)]
        measured = [self._row(entry) for entry in listed] if self.measure else None
        self.measure = False
        table.show_rows(rows, measured)
        if self.cursor_to is not None and self.cursor_to in table.rows:
            table.move_cursor(row=table.get_row_index(self.cursor_to))
            self.cursor_to = None
        self._show_titles(table, len(shown), len(listed))
        self._show_strip()

    def _show_titles(self, table: ContactList, shown: int, listed: int) -> None:
        count = (
            _("{shown} of {listed}").format(shown=shown, listed=listed) if shown != listed else str(listed)
        )
        parts = [_("4 Contacts ({count}) · by {order}").format(count=count, order=_(SORT_NAMES[table.order]))]
        if self.show_archived:
            parts.append(_("archived shown"))
        if self.search:
            parts.append(_("search: {words}").format(words=self.search))
        title = " · ".join(parts)
        if shown:
            subtitle = None
        elif listed:
            subtitle = _("Nobody matches: Escape clears the search")
        elif self.view and self.view.entries:
            subtitle = _("Everyone is archived: {key} shows them").format(
                key=bound_key(self.app, "show_archived")
            )
        else:
            subtitle = _("No contacts yet: press {key} to add one").format(
                key=bound_key(self.app, "new_target")
            )
        show_border_titles(table, title, subtitle)

    def _show_strip(self) -> None:
        entry = self._highlighted()
        self.query_one("#strip", Static).update(contact_strip(entry) if entry else "")

    @on(DataTable.RowHighlighted, "#contacts")
    def highlighted(self) -> None:
        self._show_strip()

    @on(DataTable.RowSelected, "#contacts")
    def open_contact(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.app.push_screen(ContactScreen(event.row_key.value))

    def _highlighted(self) -> Entry | None:
        key = self.query_one(ContactList).selected_key()
        return self.by_id.get(key) if key else None

    def _selected(self) -> Entry | None:
        """The highlighted contact (as last read: the store may be busy saving), or a warning."""
        entry = self._highlighted()
        if entry is None:
            self.notify(_("Select a contact first."), severity="warning")
        return entry

    def action_log(self, kind: str) -> None:
        entry = self._selected()
        if entry is not None:
            self.log_interaction(entry.contact, entry.thread, kind)

    def save_log(self, contact: Contact, interaction: Interaction, reopen: Callable[[], None]) -> None:
        """The cursor moves on to the contact below (above, from the last row), as the main screen's
        does: sorted by last contact, the one just logged goes to the top, and the cursor went with it,
        away from where the user was. A refused log puts it back on the contact the bar reopens for."""
        table = self.query_one(ContactList)
        if interaction.kind != "note" and table.selected_key() == contact.id and table.row_count > 1:
            below = table.cursor_row + 1
            table.move_cursor(row=below if below < table.row_count else table.cursor_row - 1)

        def back_and_reopen() -> None:
            if contact.id in table.rows:
                table.move_cursor(row=table.get_row_index(contact.id))
            reopen()

        super().save_log(contact, interaction, back_and_reopen)

    def action_open_profile(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.open_profile(entry.contact)

    def action_draft(self) -> None:
        entry = self._selected()
        if entry is not None:
            from dailyreach.tui.screens.draft import open_draft

            open_draft(self, entry.contact)

    def action_edit(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.edit_contact(entry.contact)

    def action_new_target(self, values: dict | None = None, focus: str | None = None) -> None:
        def save(answers: dict[str, str] | None) -> None:
            if answers is not None:
                self.save_contact(contact_fields(answers), "add", self.action_new_target, self._added)

        self.app.push_screen(contact_form(values, focus=focus), save)

    def _added(self, contact: Contact) -> None:
        """Say who was added, and take the cursor to them once the list shows them."""
        self.notify(_("Added {name}.").format(name=contact.name), markup=False)
        self.cursor_to = contact.id

    def undone(self, change: Change) -> None:
        """A deletion or an edit undone: the cursor goes to the contact it gave back."""
        self.cursor_to = change.restored_by_undo("contacts")

    def action_delete_contact(self) -> None:
        """Junk from an import, someone not to be reached again: gone with all of theirs, which undo
        brings back, as the timeline's Delete and the templates' do."""
        entry = self._selected()
        if entry is None:
            return
        name, undo = entry.contact.name, bound_key(self.app, "undo")

        def deleted(count: int) -> None:
            said = (
                _("Deleted {name}: {undo} brings them back.")
                if not count
                else ngettext(
                    "Deleted {name} and {count} interaction: {undo} brings them back.",
                    "Deleted {name} and {count} interactions: {undo} brings them back.",
                    count,
                )
            )
            self.notify(said.format(name=name, count=count, undo=undo), markup=False)

        self.run_saving(lambda: self.store.delete_contact(entry.contact.id), deleted)

    def action_next_sort(self) -> None:
        table = self.query_one(ContactList)
        table.order = SORTS[(SORTS.index(table.order) + 1) % len(SORTS)]
        self._show_rows()

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.measure = True
        self._show_rows()

    def action_search(self) -> None:
        box = self.query_one("#search", Input)
        box.add_class("shown")
        box.focus()

    @on(Input.Changed, "#search")
    def narrow(self, event: Input.Changed) -> None:
        self.search = event.value.strip()
        self._show_rows()
        # What is typed looks for someone: the first match is the row to be on, not the one the cursor had.
        table = self.query_one(ContactList)
        if table.row_count:
            table.move_cursor(row=0)

    @on(Input.Submitted, "#search")
    def keep_search(self) -> None:
        box = self.query_one("#search", Input)
        box.set_class(bool(box.value.strip()), "shown")
        self.query_one(ContactList).focus()

    def action_main_pane(self, pane: str) -> None:
        self.dismiss(pane)

    def action_back(self) -> None:
        """Escape clears the search first, then goes back."""
        box = self.query_one("#search", Input)
        if box.has_focus or self.search:
            self.search = box.value = ""
            self._show_rows()
            box.remove_class("shown")
            self.query_one(ContactList).focus()
        else:
            self.dismiss()
