"""The main screen: Today, Pending replies and Declined invitations, with one-key logging."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from dailyreach.core.agenda import Agenda, build_agenda
from dailyreach.core.dates import DateParseError, ago, parse_when
from dailyreach.core.exchange import export_json, write_export
from dailyreach.core.model import Contact, Interaction, Invitation, Snooze
from dailyreach.core.storage import StoreError
from dailyreach.core.validation import ValidationError
from dailyreach.report import amount, contact_summary, hours, money
from dailyreach.tui.screens.contact_form import contact_fields, contact_form
from dailyreach.tui.screens.invitation_form import (
    export_form,
    export_target,
    invitation_fields,
    invitation_form,
)
from dailyreach.tui.screens.log_form import KIND_TITLES, log_form

NARROW_BELOW = 100
ROLLOVER_CHECK_SECONDS = 30
CONTACT_PANES = ("today", "pending")
LOG_KEYS = {
    "d": "dm_sent",
    "p": "public_reply",
    "f": "follow_up",
    "r": "reply_received",
    "m": "meeting_booked",
    "M": "met",
}


def _reason(item) -> str:
    if item.reason == "follow_up":
        return f"follow-up #{item.follow_up_number}"
    return {"keep_in_touch": "keep in touch", "new": "new"}[item.reason]


class MainScreen(Screen):
    BINDINGS = [
        *(
            Binding(key, f"log('{kind}')", KIND_TITLES[kind], id=f"log_{kind}")
            for key, kind in LOG_KEYS.items()
        ),
        Binding("x", "close_or_decline", "No response / Decline", id="close_or_decline"),
        Binding("n", "new_target", "New target", id="new_target"),
        Binding("s", "snooze", "Snooze", id="snooze"),
        Binding("o", "open_profile", "Open profile", id="open_profile"),
        Binding("i", "new_invitation", "New invitation", id="new_invitation"),
        Binding("e", "export", "Export", id="export"),
        Binding("1", "focus_pane('today')", "Today", show=False, id="focus_today"),
        Binding("2", "focus_pane('pending')", "Pending", show=False, id="focus_pending"),
        Binding("3", "focus_pane('invitations')", "Invitations", show=False, id="focus_invitations"),
        Binding("j", "cursor('down')", "Down", show=False, id="cursor_down"),
        Binding("k", "cursor('up')", "Up", show=False, id="cursor_up"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status", markup=False)
        with Container(id="panes"):
            for pane in ("today", "pending", "invitations"):
                table = DataTable(id=pane, classes="pane", cursor_type="row", zebra_stripes=True)
                yield table
        yield Footer()

    def on_mount(self) -> None:
        self.set_interval(ROLLOVER_CHECK_SECONDS, self._roll_over_at_midnight)
        self.query_one("#today", DataTable).add_columns("", "Name", "Reason", "Channel", "Why")
        self.query_one("#pending", DataTable).add_columns("Name", "Sent", "Nudges", "Follow-up", "Channel")
        self.query_one("#invitations", DataTable).add_columns(
            "Title", "Date", "Hours", "Cost", "From", "Kind"
        )
        self.refresh_agenda()
        self.query_one("#today", DataTable).focus()

    def on_resize(self, event: events.Resize) -> None:
        self.query_one("#panes").set_class(event.size.width < NARROW_BELOW, "narrow")

    @property
    def store(self):
        return self.app.store

    def _roll_over_at_midnight(self) -> None:
        if self.store.today() != self.agenda_day:
            self.refresh_agenda()

    def refresh_agenda(self) -> Agenda:
        agenda = build_agenda(self.store)
        self.agenda_day = agenda.day
        self.sub_title = agenda.day.isoformat()
        self.query_one("#status", Static).update(
            f"{agenda.day.isoformat()}   {agenda.progress}/{agenda.goal} today   streak {agenda.streak}"
        )
        self._fill_today(agenda)
        self._fill_pending(agenda)
        self._fill_invitations(agenda)
        return agenda

    def _refill(self, table: DataTable, rows: list[tuple[str, list]], title: str) -> None:
        selected = table.cursor_row
        table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
        table.border_title = title
        if rows:
            table.move_cursor(row=min(selected, len(rows) - 1))

    def _fill_today(self, agenda: Agenda) -> None:
        rows = []
        for item in agenda.items:
            summary = contact_summary(item.contact)
            rows.append(
                (
                    item.contact.id,
                    [
                        Text("✓" if item.done else "·", style="green" if item.done else ""),
                        Text(item.contact.name),
                        Text(_reason(item)),
                        Text(f"{summary['channel']} {summary['handle'] or ''}".strip()),
                        Text(item.contact.why.splitlines()[0] if item.contact.why else ""),
                    ],
                )
            )
        today = self.query_one("#today", DataTable)
        self._refill(today, rows, f"1 Today {agenda.progress}/{agenda.goal}")
        empty = (
            "Nothing due today: press n to add a target"
            if self.store.contacts()
            else ("Press n to add your first target")
        )
        today.border_subtitle = None if rows else empty

    def _fill_pending(self, agenda: Agenda) -> None:
        rows = []
        for reply in agenda.pending:
            style = "bold red" if reply.give_up_offered else ("yellow" if reply.overdue(agenda.day) else "")
            due = "give up?" if reply.give_up_offered else reply.follow_up_due.isoformat()
            rows.append(
                (
                    reply.contact.id,
                    [
                        Text(reply.contact.name, style=style),
                        Text(ago(reply.waiting_since, agenda.now)),
                        Text(str(reply.nudges)),
                        Text(due, style=style),
                        Text(reply.channel),
                    ],
                )
            )
        self._refill(self.query_one("#pending", DataTable), rows, f"2 Pending replies ({len(rows)})")

    def _fill_invitations(self, agenda: Agenda) -> None:
        rows = [
            (
                invitation.id,
                [
                    Text(invitation.title, style="" if invitation.status == "declined" else "italic"),
                    Text(invitation.event_date or ""),
                    Text(hours(invitation.hours) if invitation.hours else ""),
                    Text(f"{amount(invitation.cost)} {invitation.currency}" if invitation.cost else ""),
                    Text(invitation.host),
                    Text(
                        invitation.kind
                        if invitation.status == "declined"
                        else f"{invitation.kind} (undecided)"
                    ),
                ],
            )
            for invitation in [*agenda.undecided, *agenda.declined]
        ]
        title = f"3 Declined ({len(agenda.declined)}): saved {hours(agenda.savings.hours)}, {money(agenda.savings)}"
        self._refill(self.query_one("#invitations", DataTable), rows, title)

    def _focused_pane(self) -> DataTable | None:
        focused = self.focused
        return focused if isinstance(focused, DataTable) else None

    def _selected_key(self) -> str | None:
        table = self._focused_pane()
        if table is None or table.row_count == 0:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def _selected_contact(self) -> Contact | None:
        """The contact on the cursor row of Today or Pending, warning the user when there is none."""
        table = self._focused_pane()
        contact_id = self._selected_key()
        contact = (
            self.store.contact(contact_id) if table and table.id in CONTACT_PANES and contact_id else None
        )
        if contact is None:
            self.notify("Select a contact in Today or Pending first.", severity="warning")
        return contact

    def action_focus_pane(self, pane: str) -> None:
        self.query_one(f"#{pane}", DataTable).focus()

    def action_cursor(self, direction: str) -> None:
        table = self._focused_pane()
        if table is not None:
            table.action_cursor_down() if direction == "down" else table.action_cursor_up()

    def action_log(self, kind: str) -> None:
        contact = self._selected_contact()
        if contact is not None:
            self.app.push_screen(
                log_form(self.store, kind, contact), lambda answers: self._save_log(contact.id, kind, answers)
            )

    def action_close_or_decline(self) -> None:
        table = self._focused_pane()
        key = self._selected_key()
        if table is None or key is None:
            return
        if table.id == "invitations":
            self._run_saving(lambda: self.store.decline_invitation(key))
        else:
            self.action_log("no_response")

    def action_new_target(self, values: dict | None = None) -> None:
        self.app.push_screen(
            contact_form(values), lambda answers: answers and self._save_target(contact_fields(answers))
        )

    def _save_target(self, values: dict) -> None:
        try:
            contact = Contact.from_dict(values)
        except ValidationError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            self.action_new_target(values)
            return
        if not self._run_saving(lambda: self.store.save_contact(contact, f"add {contact.name}")):
            self.action_new_target(values)

    def action_new_invitation(self) -> None:
        def save(answers: dict[str, str] | None) -> None:
            if answers is None:
                return
            try:
                invitation = Invitation.from_dict(invitation_fields(self.store, answers))
            except (ValidationError, DateParseError) as error:
                self.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            self._run_saving(lambda: self.store.save_invitation(invitation, f"invitation {invitation.title}"))

        self.app.push_screen(invitation_form(self.store), save)

    def action_export(self) -> None:
        def write(answers: dict[str, str] | None) -> None:
            if answers is None:
                return
            path, replace = export_target(answers)
            try:
                write_export(path, export_json(self.store), force=replace)
            except FileExistsError:
                problem = f"{path} already exists: set Replace to yes to overwrite it"
            except (OSError, StoreError) as error:
                problem = str(error)
            else:
                self.notify(f"Exported to {path}", markup=False)
                return
            self.notify(problem, title="Not exported", severity="error", markup=False)

        self.app.push_screen(export_form(self.store), write)

    def action_snooze(self) -> None:
        contact = self._selected_contact()
        if contact is None:
            return
        until = self.store.today().add(days=1).isoformat()
        if self._run_saving(lambda: self.store.snooze(Snooze(contact_id=contact.id, until=until))):
            self.notify(f"Snoozed until {until}")

    def action_open_profile(self) -> None:
        contact = self._selected_contact()
        if contact is None:
            return
        if not contact.handles:
            self.notify("No profile to open.", severity="warning")
            return
        self.app.open_url(contact.profile_urls[contact.main_channel])

    def _save_log(self, contact_id: str, kind: str, answers: dict[str, str] | None) -> None:
        if answers is None:
            return
        saved = self._run_saving(
            lambda: self.store.add_interaction(
                Interaction.from_dict(
                    {
                        "contact_id": contact_id,
                        "kind": kind,
                        "at": parse_when(answers["when"], self.store.now()).isoformat(),
                        "channel": answers["channel"],
                        "text": answers["text"],
                    }
                )
            )
        )
        if saved:
            self._move_to_next_open_item()

    def _run_saving(self, save) -> bool:
        try:
            save()
        except (StoreError, ValueError) as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
            return False
        self.refresh_agenda()
        return True

    def _move_to_next_open_item(self) -> None:
        """After logging, the cursor goes to the next Today row that still needs something."""
        today = self.query_one("#today", DataTable)
        for index in range(today.row_count):
            if str(today.get_row_at(index)[0]) != "✓":
                today.move_cursor(row=index)
                return
