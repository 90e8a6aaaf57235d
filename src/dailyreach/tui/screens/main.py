"""The main screen: Today, Pending replies and Declined invitations, with one-key logging."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.widgets import DataTable, Footer, Header, Input, Static

from dailyreach.core.agenda import build_agenda
from dailyreach.core.dates import parse_date
from dailyreach.core.errors import (
    DateParseError,
    ImportRejected,
    NothingToExport,
    StoreError,
    ValidationError,
)
from dailyreach.core.model import Contact, Invitation, Snooze
from dailyreach.report import hours, money
from dailyreach.tui.agenda_rows import invitation_rows, pending_rows, today_rows
from dailyreach.tui.rows import Row, sync_rows
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.screens.contact import ContactScreen
from dailyreach.tui.screens.contact_form import contact_fields, contact_form
from dailyreach.tui.screens.exchange_forms import export_form, export_target, import_form, import_options
from dailyreach.tui.screens.import_preview import ImportPreviewScreen
from dailyreach.tui.screens.invitation_form import (
    decline_form,
    host_as_target,
    invitation_fields,
    invitation_form,
)
from dailyreach.tui.screens.log_form import log_bindings, snooze_form

if TYPE_CHECKING:
    from dailyreach.core.contact_import import ImportPreview

NARROW_BELOW = 100
PANES = ("today", "pending", "invitations")
CONTACT_PANES = ("today", "pending")
EMPTY_PANES = {
    "pending": "Nobody owes you a reply",
    "invitations": "Press i to record one",
}


class ContactPane(DataTable):
    """A pane of contacts, where Enter opens the contact screen."""

    BINDINGS = [Binding("enter", "select_cursor", "Contact", id="open_contact")]


class MainScreen(StoreScreen):
    BINDINGS = [
        *log_bindings(),
        Binding("x", "close_or_decline", "No response / Decline", id="close_or_decline"),
        Binding("n", "new_target", "New target", id="new_target"),
        Binding("s", "snooze", "Snooze", id="snooze"),
        Binding("o", "open_profile", "Open profile", id="open_profile"),
        Binding("i", "new_invitation", "New invitation", id="new_invitation"),
        Binding("t", "host_as_target", "Host as target", id="host_as_target"),
        Binding("slash", "filter", "Filter", id="filter"),
        Binding("e", "export", "Export", id="export"),
        Binding("I", "import_file", "Import", id="import"),
        Binding("1", "focus_pane('today')", "Today", show=False, id="focus_today"),
        Binding("2", "focus_pane('pending')", "Pending", show=False, id="focus_pending"),
        Binding("3", "focus_pane('invitations')", "Invitations", show=False, id="focus_invitations"),
        Binding("j", "cursor('down')", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor('up')", "Up", show=False, id="cursor_up"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, list[Row]] = {pane: [] for pane in PANES}
        self.titles: dict[str, str] = {}
        self.filters: dict[str, str] = {}
        self.filter_pane = "today"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status", markup=False)
        yield Input(id="filter", placeholder="filter: type to narrow the pane, Enter keeps, Escape clears")
        with Container(id="panes"):
            for pane in PANES:
                table_class = ContactPane if pane in CONTACT_PANES else DataTable
                yield table_class(id=pane, classes="pane", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#today", DataTable).add_columns("", "Name", "Reason", "Channel", "Why")
        self.query_one("#pending", DataTable).add_columns("Name", "Sent", "Nudges", "Follow-up", "Channel")
        self.query_one("#invitations", DataTable).add_columns(
            "Title", "Date", "Hours", "Cost", "From", "Kind"
        )
        self.reload()
        self.query_one("#today", DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#panes").set_class(event.size.width < NARROW_BELOW, "narrow")

    def is_stale(self) -> bool:
        """Also after local midnight, when a new day's plan is due."""
        return super().is_stale() or self.store.today() != self.agenda_day

    def reload(self) -> None:
        agenda = build_agenda(self.store)
        self.agenda_day, self.shown_revision = agenda.day, self.store.revision()
        self.sub_title = agenda.day.isoformat()
        saved = f"saved {hours(agenda.savings.hours)}, {money(agenda.savings)}"
        self.query_one("#status", Static).update(
            f"{agenda.day.isoformat()}   {agenda.progress}/{agenda.goal} today   streak {agenda.streak}"
            + (f"   declining {saved}" if agenda.declined else "")
        )
        self.rows["today"] = today_rows(agenda)
        self.titles["today"] = f"1 Today {agenda.progress}/{agenda.goal}"
        self.rows["pending"] = pending_rows(agenda)
        self.titles["pending"] = f"2 Pending replies ({len(agenda.pending)})"
        self.rows["invitations"] = invitation_rows(agenda)
        self.titles["invitations"] = f"3 Declined ({len(agenda.declined)})" + (
            f": {saved}" if agenda.declined else ""
        )
        for pane in PANES:
            self._show(pane)

    def _show(self, pane: str) -> None:
        """The pane's rows, narrowed by its filter."""
        table = self.query_one(f"#{pane}", DataTable)
        needle = self.filters.get(pane, "").casefold()
        rows = [
            (key, cells)
            for key, cells in self.rows[pane]
            if needle in " ".join(cell.plain for cell in cells).casefold()
        ]
        sync_rows(table, rows)
        table.border_title = self.titles[pane] + (f"  filter: {needle}" if needle else "")
        if rows:
            table.border_subtitle = None
        elif needle:
            table.border_subtitle = "No rows match the filter: / then Escape clears it"
        elif pane == "today":
            table.border_subtitle = (
                "Nothing due today: press n to add a target"
                if self.store.contacts()
                else "Press n to add your first target"
            )
        else:
            table.border_subtitle = EMPTY_PANES[pane]

    def _focused_pane(self) -> DataTable | None:
        focused = self.focused
        return focused if isinstance(focused, DataTable) else None

    def _selected_key(self, table: DataTable | None) -> str | None:
        if table is None or table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _selected_contact(self) -> Contact | None:
        """The contact on the cursor row of Today or Pending, warning the user when there is none."""
        table = self._focused_pane()
        contact_id = self._selected_key(table)
        contact = (
            self.store.contact(contact_id) if table and table.id in CONTACT_PANES and contact_id else None
        )
        if contact is None:
            self.notify("Select a contact in Today or Pending first.", severity="warning")
        return contact

    def _selected_invitation(self) -> Invitation | None:
        table = self._focused_pane()
        invitation_id = self._selected_key(table)
        invitation = (
            self.store.invitation(invitation_id)
            if table and table.id == "invitations" and invitation_id
            else None
        )
        if invitation is None:
            self.notify("Select an invitation in the Declined pane first.", severity="warning")
        return invitation

    def action_focus_pane(self, pane: str) -> None:
        self.query_one(f"#{pane}", DataTable).focus()

    def action_cursor(self, direction: str) -> None:
        table = self._focused_pane()
        if table is not None:
            table.action_cursor_down() if direction == "down" else table.action_cursor_up()

    @on(DataTable.RowSelected)
    def open_contact(self, event: DataTable.RowSelected) -> None:
        contact_id = event.row_key.value
        if event.data_table.id in CONTACT_PANES and contact_id is not None:
            self.app.push_screen(ContactScreen(contact_id))

    def action_log(self, kind: str) -> None:
        contact = self._selected_contact()
        if contact is not None:
            self.log_interaction(contact, kind, after=self._move_to_next_open_item)

    def action_close_or_decline(self) -> None:
        table = self._focused_pane()
        if table is not None and table.id == "invitations":
            self._decline()
        else:
            self.action_log("no_response")

    def _decline(self) -> None:
        invitation = self._selected_invitation()
        if invitation is None:
            return
        if invitation.status == "declined":
            self.notify("Already declined.")
            return

        def save(answers: dict[str, str] | None) -> None:
            if answers is not None:
                self.run_saving(lambda: self.store.decline_invitation(invitation.id, answers["note"]))

        self.app.push_screen(decline_form(invitation), save)

    def action_host_as_target(self) -> None:
        invitation = self._selected_invitation()
        if invitation is None:
            return
        if not invitation.host:
            self.notify("This invitation has no host to reach out to.", severity="warning")
            return
        self.action_new_target(host_as_target(invitation))

    def action_new_target(self, values: dict | None = None) -> None:
        def save(answers: dict[str, str] | None) -> None:
            if answers is not None:
                self.save_contact(contact_fields(answers), "add", self.action_new_target)

        self.app.push_screen(contact_form(values), save)

    def action_new_invitation(self, typed: dict[str, str] | None = None) -> None:
        def save(answers: dict[str, str] | None) -> None:
            if answers is None:
                return
            try:
                invitation = Invitation.from_dict(invitation_fields(self.store, answers))
            except (ValidationError, DateParseError) as error:
                self.notify(str(error), title="Not saved", severity="error", markup=False)
                self.action_new_invitation(answers)
                return
            label = f"invitation {invitation.title}"
            if not self.run_saving(lambda: self.store.save_invitation(invitation, label)):
                self.action_new_invitation(answers)

        self.app.push_screen(invitation_form(self.store, typed), save)

    def action_export(self, typed: dict[str, str] | None = None) -> None:
        # The import and export code (icalendar, vobject, jsonschema) loads on first use, not at start-up.
        from dailyreach.core.contact_export import EXPORTERS
        from dailyreach.core.exchange import write_export

        def write(answers: dict[str, str] | None) -> None:
            if answers is None:
                return
            path, fmt, replace = export_target(answers, self.store.today().isoformat())
            try:
                payload = EXPORTERS[fmt](self.store)
                write_export(path, payload, force=replace)
            except FileExistsError:
                problem = f"{path} already exists: set Replace to yes to overwrite it"
            except (OSError, StoreError, NothingToExport) as error:
                problem = str(error)
            else:
                self.notify(f"Exported to {path}", markup=False)
                return
            self.notify(problem, title="Not exported", severity="error", markup=False)
            self.action_export(answers)

        self.app.push_screen(export_form(self.store, typed), write)

    def action_import_file(self, typed: dict[str, str] | None = None) -> None:
        from dailyreach.core.contact_import import preview_import

        def preview(answers: dict[str, str] | None) -> None:
            if answers is None:
                return
            try:
                found = preview_import(self.store, **import_options(answers))
            except (ImportRejected, StoreError) as error:
                self.notify(str(error), title="Not imported", severity="error", markup=False, timeout=15)
                self.action_import_file(answers)
                return

            def import_when_confirmed(confirmed: bool | None) -> None:
                if confirmed:
                    self._import(found)

            self.app.push_screen(ImportPreviewScreen(found), import_when_confirmed)

        self.app.push_screen(import_form(typed), preview)

    def _import(self, preview: ImportPreview) -> None:
        from dailyreach.core.contact_import import apply_import_preview

        added: list[int] = []
        if self.run_saving(lambda: added.append(apply_import_preview(self.store, preview))):
            noun = "records" if preview.export_plan is not None else "contacts"
            self.notify(f"Imported {added[0]} {noun} from {preview.source}: u undoes it", markup=False)

    def action_snooze(self) -> None:
        contact = self._selected_contact()
        if contact is None:
            return

        def save(answers: dict[str, str] | None) -> None:
            if answers is None:
                return
            until = parse_date(answers["until"], self.store.now()).isoformat()
            if self.run_saving(lambda: self.store.snooze(Snooze(contact_id=contact.id, until=until))):
                self.notify(f"Snoozed until {until}", markup=False)

        self.app.push_screen(snooze_form(self.store, contact), save)

    def action_open_profile(self) -> None:
        contact = self._selected_contact()
        if contact is not None:
            self.open_profile(contact)

    def action_filter(self) -> None:
        table = self._focused_pane() or self.query_one("#today", DataTable)
        self.filter_pane = table.id or "today"
        box = self.query_one("#filter", Input)
        box.value = self.filters.get(self.filter_pane, "")
        box.add_class("shown")
        box.focus()

    @on(Input.Changed, "#filter")
    def narrow(self, event: Input.Changed) -> None:
        self.filters[self.filter_pane] = event.value.strip()
        self._show(self.filter_pane)

    @on(Input.Submitted, "#filter")
    def keep_filter(self) -> None:
        self._leave_filter()

    def key_escape(self) -> None:
        if self.query_one("#filter", Input).has_focus:
            self.filters.pop(self.filter_pane, None)
            self._show(self.filter_pane)
            self._leave_filter()

    def _leave_filter(self) -> None:
        self.query_one("#filter", Input).remove_class("shown")
        self.query_one(f"#{self.filter_pane}", DataTable).focus()

    def _move_to_next_open_item(self) -> None:
        """After logging, the cursor goes to the next Today row that still needs something."""
        today = self.query_one("#today", DataTable)
        for index in range(today.row_count):
            if str(today.get_row_at(index)[0]) != "✓":
                today.move_cursor(row=index)
                return
