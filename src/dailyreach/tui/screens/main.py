"""The main screen: Today, Pending replies and Declined invitations, with one-key logging."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import count

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.events import DescendantFocus
from textual.geometry import Size
from textual.widgets import DataTable, Header, Input, Static
from textual.widgets.data_table import RowKey

from dailyreach.core.planning.agenda import (
    Agenda,
    Foreseen,
    build_agenda,
    foresee,
    refresh_contact,
    with_thread,
)
from dailyreach.core.planning.planner import due_on
from dailyreach.core.records.dates import day_text
from dailyreach.core.records.model import Contact, Interaction, Invitation
from dailyreach.core.store.journal import Change
from dailyreach.core.store.threads import Thread
from dailyreach.i18n import N_, _
from dailyreach.tui.agenda_rows import (
    PANE_COLUMNS,
    PANE_ROWS,
    TO_DO_MARK,
    agenda_rows,
    pending_row,
    plain_now,
    today_row,
)
from dailyreach.tui.bound_keys import bound_key
from dailyreach.tui.details import LABEL_CELLS, contact_detail, invitation_detail, nothing_selected, week_text
from dailyreach.tui.headings import pane_titles, status_text
from dailyreach.tui.log_keys import DAILY_LOGS, LOG_FOOTER_LABELS, log_bindings
from dailyreach.tui.rows import Row
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.translated import TranslatedBindings
from dailyreach.tui.widgets.detail_strip import DetailStrip
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.widgets.log_bar import NOT_LOGGED, LogBar
from dailyreach.tui.widgets.pane import PANE_FRAME, ContactPane, FilterBox, Pane

# Below this height the panes take turns (1, 2, 3 or Tab): three stacked panes would show 3 rows each.
ONE_PANE_BELOW = 34
CLOCK_SECONDS = 60
PANES = ("today", "pending", "invitations")
CONTACT_PANES = ("today", "pending")
INVITATION_ACTIONS = {"decline", "host_as_target", "edit_invitation"}
CONTACT_ACTIONS = {"log", "snooze", "open_profile", "draft"}
NO_CONTACT = N_("Select a contact in Today or Pending first.")
NO_INVITATION = N_("Select an invitation in the Declined pane first.")
# Each with the id of the key it names (the config may remap it).
EMPTY_PANES = {
    "today": (N_("Press {key} to add your first target"), "new_target"),
    "pending": (N_("Nobody owes you a reply"), ""),
    "invitations": (N_("Press {key} to record one"), "new_invitation"),
}


@dataclass(frozen=True)
class MainView:
    agenda: Agenda
    anyone: bool  # whether there is any contact, to say what to press on an empty Today
    # made in the reading thread too, a long Pending has thousands; those not made here are made as shown
    rows: dict[str, list[Row]]


class MainScreen(TranslatedBindings, StoreScreen):
    AUTO_FOCUS = "#today"
    # The footer shows the keys of a day's loop, most used first; ? shows every key.
    FOOTER_LABELS = LOG_FOOTER_LABELS | {
        "new_target": N_("New"),
        "new_invitation": N_("Invitation"),
        "edit_invitation": N_("Edit"),
    }
    # The palette's key stays in the footer at 80 columns too: Settings, Templates, jump to a contact.
    PALETTE_KEY = True
    BINDINGS = [
        # On the Declined pane, x declines and t takes the host as a target; the logging keys are for people.
        Binding("x", "decline", N_("Decline"), id="decline"),
        Binding("t", "host_as_target", N_("Host as target"), id="host_as_target"),
        Binding("E", "edit_invitation", N_("Edit invitation"), id="edit_invitation"),
        *log_bindings(shown=DAILY_LOGS),
        Binding("n", "new_target", N_("New target"), id="new_target"),
        Binding("i", "new_invitation", N_("New invitation"), id="new_invitation"),
        Binding("e", "export", N_("Export"), id="export"),
        Binding("x", "close_or_decline", N_("No response or decline"), show=False, id="close_or_decline"),
        Binding("s", "snooze", N_("Snooze"), show=False, id="snooze"),
        Binding("o", "open_profile", N_("Open profile"), show=False, id="open_profile"),
        Binding("c", "draft", N_("Draft a message"), show=False, id="draft"),
        Binding("slash", "filter", N_("Filter"), show=False, id="filter"),
        # A filter kept with Enter is cleared where it shows, as Escape clears it in its box.
        Binding("escape", "clear_kept_filter", N_("Clear the filter"), show=False, id="clear_kept_filter"),
        Binding("I", "import_file", N_("Import"), show=False, id="import"),
        Binding("1", "focus_pane('today')", N_("Today"), show=False, id="focus_today"),
        Binding("2", "focus_pane('pending')", N_("Pending"), show=False, id="focus_pending"),
        Binding(
            "3", "focus_pane('invitations')", N_("Declined invitations"), show=False, id="focus_invitations"
        ),
        Binding("4", "contacts", N_("All contacts"), show=False, id="contacts"),
        Binding("S", "stats", N_("Stats"), show=False, id="stats"),
        # The id of Stats' w too: one remap moves both.
        Binding("w", "weekly_review", N_("Weekly review"), show=False, id="weekly_review"),
        Binding("j", "cursor('down')", N_("Down"), show=False, id="cursor_down"),
        Binding("k", "cursor('up')", N_("Up"), show=False, id="cursor_up"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter_pane = "today"
        self.agenda: Agenda | None = None
        self.foreseen: dict[int, Foreseen] = {}
        self.log_numbers = count()
        self.current = "today"
        self.placing: Contact | None = None
        # A new invitation's id, for the Declined pane's cursor to go to once the screen has read it.
        self.placing_invitation: str | None = None
        # Whose log was undone, for Today's cursor to go back to once the screen has read the store.
        self.returning_to: str | None = None
        # A Today row a snooze takes away, and where it was: once it is gone, the cursor takes that place,
        # where the target filling its slot comes.
        self.snoozed_row: tuple[str, int] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="status", markup=False)
        yield LogBar(replaces="#status")
        # The filter box (/) is mounted when first asked for: an input costs the first frame ~5 ms.
        yield Static(id="pane_tabs")
        with Container(id="panes"):
            for pane in PANES:
                table_class = ContactPane if pane in CONTACT_PANES else Pane
                classes = "pane current" if pane == self.current else "pane"
                yield table_class(PANE_COLUMNS[pane], id=pane, classes=classes)
        yield Static(id="week")
        yield DetailStrip(id="detail", indent=LABEL_CELLS)
        yield KeyFooter()

    def pane(self, pane: str) -> Pane:
        return self.query_one(f"#{pane}", Pane)

    def on_mount(self) -> None:
        for pane, title in (
            ("today", _("1 Today")),
            ("pending", _("2 Pending replies")),
            ("invitations", _("3 Declined")),
        ):
            self.pane(pane).title = title
            self.pane(pane).empty = self._empty_text(pane)
        for pane in CONTACT_PANES:
            self.pane(pane).found_beside = self._handles_shown
        self.set_interval(CLOCK_SECONDS, self._tick)
        self.watch(self.app, "app_focus", self._app_focused, init=False)
        # The first frame is laid out for the terminal's size: the screen's first resize comes after it.
        self._fit(self.app.size)
        self._read_before_the_first_frame()

    def _app_focused(self, focused: bool) -> None:
        """A browser tab starts the app without the focus: AUTO_FOCUS then gives no pane the keys, nor does
        the focus coming back (nothing had it), and d said to select a contact on a highlighted row."""
        if focused and self.is_current and self.focused is None:
            self.set_focus(self.pane(self.current))

    def key(self, binding_id: str) -> str:
        return bound_key(self.app, binding_id)

    def _empty_text(self, pane: str) -> str:
        text, binding_id = EMPTY_PANES[pane]
        return _(text).format(key=self.key(binding_id)) if binding_id else _(text)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size)

    def _fit(self, size: Size) -> None:
        self.set_class(size.height < ONE_PANE_BELOW, "one-pane")
        # Each pane fits itself to its own width as well; a hidden one (under 34 rows) gets no resize.
        for pane in PANES:
            self.pane(pane).fit(size.width - PANE_FRAME)

    def _tick(self) -> None:
        """Once a minute: "5 minutes ago" moves on even when nothing is logged."""
        if self.agenda is not None and not self.foreseen:
            self._show_agenda(replace(self.agenda, now=self.now()))

    def is_stale(self) -> bool:
        """Also after local midnight, when a new day's plan is due, and while the day's plan is shown but
        not stored."""
        return (
            super().is_stale()
            or self.agenda is None
            or self.agenda.plan_to_store
            or self.store.local_today() != self.agenda.day
        )

    def read(self) -> MainView:
        return self._view(build_agenda(self.store))

    def _view(self, agenda: Agenda, panes: Iterable[str] = PANES) -> MainView:
        anyone = bool(agenda.items or agenda.pending or self.store.record_ids("contacts"))
        return MainView(agenda, anyone, agenda_rows(agenda, panes))

    def _read_before_the_first_frame(self) -> None:
        """The first frame shows the day: read here, not in a worker once the screen is drawn, where a frame
        without it and then one with it cost some 60 ms more at 20k interactions (issue 8). A plan to
        store is left to the read the screen starts as it shows (``show_before_the_first_frame``)."""
        # Today's rows alone: the others' are made with the frame after, which draws their panes.
        self.show_before_the_first_frame(
            lambda: self._view(build_agenda(self.store, store_plan=False), panes=("today",))
        )

    def show(self, view: MainView) -> None:
        self.pane("today").empty = (
            _("Nothing due today: press {key} to add a target").format(key=self.key("new_target"))
            if view.anyone
            else self._empty_text("today")
        )
        first = self.agenda is None
        self._show_agenda(view.agenda, rows=view.rows)
        if first:  # who was written to before the first look starts Today, done: d is for the next
            self.move_to_next_open_item()
        self._say_where_it_went(view.agenda)
        self.call_after_refresh(
            self._return_to_undone
        )  # once Pending's rows are shown, a frame after Today's
        self._take_the_snoozed_rows_place()

    def undone(self, change: Change) -> None:
        """After an undo of a log or a snooze: the cursor goes back to that person's row, where the change
        had moved it on from, once the screen has read the store again (a change is undone to be made
        again): in the pane in use (Pending, for a thread closed there), else in Today."""
        self.returning_to = next(
            (
                body["contact_id"] if table == "interactions" else record
                for (table, record), body in change.written.items()
                if table in ("interactions", "snoozes") and body is not None
            ),
            None,
        )

    def _return_to_undone(self) -> None:
        contact_id, self.returning_to = self.returning_to, None
        if contact_id is None:
            return
        for pane in (self._focused_pane(), self.pane("today")):
            if pane is not None and contact_id in pane.rows:
                pane.move_cursor(row=pane.get_row_index(contact_id))
                return

    def _take_the_snoozed_rows_place(self) -> None:
        if self.snoozed_row is None or self.snoozed_row[0] in self.pane("today").rows:
            return
        today, (_key, index) = self.pane("today"), self.snoozed_row
        self.snoozed_row = None
        if today.row_count:
            today.move_cursor(row=min(index, today.row_count - 1))
            self.move_to_next_open_item()

    def _show_agenda(
        self, agenda: Agenda, touched: str | None = None, rows: dict[str, list[Row]] | None = None
    ) -> None:
        """Show ``agenda`` (whose ``rows`` may be made already) with the logs still being saved worked in;
        when only ``touched``'s rows can have changed, only those are drawn again."""
        if self.foreseen:
            rows = None
        for ahead in self.foreseen.values():
            agenda = with_thread(agenda, ahead.contact, ahead.thread, ahead.days, agenda.now)
        before, self.agenda = self.agenda, agenda
        self.zone = agenda.zone
        self.sub_title = day_text(agenda.day)
        status, shown_status = self.query_one("#status", Static), status_text(agenda)
        if status.content != shown_status:
            status.update(shown_status)
        for pane, title in pane_titles(agenda).items():
            self.pane(pane).title = title
        week = week_text(agenda)
        week_line = self.query_one("#week", Static)
        if week_line.content != week:
            week_line.update(week)
        same_plan = (
            before is not None
            and before.day == agenda.day
            and [item.contact.id for item in before.items] == [item.contact.id for item in agenda.items]
        )
        if touched is not None and same_plan:
            self._show_contact(agenda, touched)
        else:
            made = rows or {}
            today = self.pane("today")
            today.listed = made["today"] if "today" in made else PANE_ROWS["today"](agenda)
            # Today first, the others a frame later: the day's plan is what the user opened the app for.
            today.show_rows()
            self.call_after_refresh(self._show_others, agenda, made)
        self._show_tabs()
        self.call_after_refresh(self._show_detail)
        # After this frame: the Stats screen is made ahead, or reads the change, so that S only draws.
        self.call_after_refresh(self._keep_stats_ready)

    def _show_others(self, agenda: Agenda, made: dict[str, list[Row]]) -> None:
        for pane in ("pending", "invitations"):
            self.pane(pane).listed = made[pane] if pane in made else PANE_ROWS[pane](agenda)
        self.pane("pending").show_rows()
        invitations, placed = self.pane("invitations"), self.placing_invitation
        invitations.show_rows()
        if placed is not None and placed in invitations.rows:
            self.placing_invitation = None
            invitations.move_cursor(row=invitations.get_row_index(placed))
        if self.current == "invitations":
            self.refresh_bindings()  # the invitation under the cursor may have been declined

    def _show_contact(self, agenda: Agenda, contact_id: str) -> None:
        """Draw again the one contact whose interactions changed: its Today row, then its pending reply.
        Pending goes a frame later: each change has a table draw all its rows again, and the Today row
        is the one the user waits for."""
        today = [
            today_row(item) if item.contact.id == contact_id else row
            for item, row in zip(agenda.items, self.pane("today").listed, strict=True)
        ]
        self.pane("today").show_row(contact_id, today)
        self.call_after_refresh(self._show_pending_reply, contact_id)

    def _show_pending_reply(self, contact_id: str) -> None:
        if self.agenda is None:
            return
        table = self.pane("pending")
        pending = [row for row in table.listed if row[0] != contact_id]
        for index, reply in enumerate(self.agenda.pending):
            if reply.contact.id == contact_id:
                pending.insert(index, pending_row(reply, self.agenda, plain_now(self.agenda)))
        table.show_row(contact_id, pending)

    @staticmethod
    def _put_cursors_back(was_on: dict[Pane, RowKey]) -> None:
        for pane, key in was_on.items():
            if key in pane.rows:
                pane.move_cursor(row=pane.get_row_index(key))

    def _focused_pane(self) -> Pane | None:
        focused = self.focused
        return focused if isinstance(focused, Pane) else None

    def _selected_contact(self) -> Contact | None:
        """The contact on the cursor row of Today or Pending (as last read: the store may be busy saving),
        warning the user when there is none."""
        table = self._focused_pane()
        contact_id = table.selected_key() if table else None
        contact = None
        if table is not None and table.id in CONTACT_PANES and contact_id:
            contact = self._shown_contact(contact_id)
        if contact is None:
            self.notify(_(NO_CONTACT), severity="warning")
        return contact

    def _shown_contact(self, contact_id: str) -> Contact | None:
        if self.agenda is None:
            return None
        shown = [item.contact for item in self.agenda.items] + [r.contact for r in self.agenda.pending]
        return next((contact for contact in shown if contact.id == contact_id), None)

    def _handles_shown(self) -> dict[str, str]:
        """The handles of each contact shown, which the filter finds in Pending as in Today."""
        if self.agenda is None:
            return {}
        shown = [item.contact for item in self.agenda.items] + [r.contact for r in self.agenda.pending]
        return {contact.id: " ".join(contact.handles.values()) for contact in shown}

    def _selected_invitation(self) -> Invitation | None:
        table = self._focused_pane()
        invitation_id = table.selected_key() if table else None
        invitation = (
            self.store.invitation(invitation_id)
            if table and table.id == "invitations" and invitation_id
            else None
        )
        if invitation is None and table is not None and table.id == "invitations" and not table.row_count:
            self.notify(_("No invitations yet: i records one."), severity="warning")
        elif invitation is None:
            self.notify(_(NO_INVITATION), severity="warning")
        return invitation

    def action_contacts(self) -> None:
        from dailyreach.tui.screens.contacts import ContactsScreen

        self.app.push_screen(ContactsScreen(), self._back_from_contacts)

    def _back_from_contacts(self, pane: str | None) -> None:
        """Left with 1, 2 or 3: that pane."""
        if pane:
            self.action_focus_pane(pane)

    def action_stats(self) -> None:
        from dailyreach.tui.screens.stats import open_stats

        open_stats(self.app)

    def action_weekly_review(self) -> None:
        from dailyreach.tui.screens.weekly_review import show_weekly_review

        show_weekly_review(self.app, self.store)

    def _keep_stats_ready(self) -> None:
        from dailyreach.tui.screens.stats_ready import keep_ready

        keep_ready(self.app)

    def action_focus_pane(self, pane: str) -> None:
        self._make_current(pane)
        # At once, not after the keys already queued (Widget.focus waits its turn): a / typed right
        # behind 2 filters Pending, and its box keeps the focus.
        self.set_focus(self.pane(pane))

    def action_next_pane(self, step: int) -> None:
        self.action_focus_pane(PANES[(PANES.index(self.current) + step) % len(PANES)])

    @on(DescendantFocus, ".pane")
    def _pane_focused(self, event: DescendantFocus) -> None:
        if event.widget.id in PANES:
            self._make_current(event.widget.id)

    def _make_current(self, pane: str) -> None:
        """The pane the keys act on: the one shown when the panes take turns."""
        if pane == self.current:
            return
        self.query_one(f"#{self.current}").remove_class("current")
        self.query_one(f"#{pane}").add_class("current")
        self.current = pane
        self._show_tabs()
        self._show_detail()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys for people on Today and Pending, keys for invitations on Declined (the others are left out
        of the footer, and a key bound twice, as x is, falls through to its other action)."""
        on_invitations = self.current == "invitations"
        if action == "clear_kept_filter":
            pane = self._focused_pane()
            return pane is not None and bool(pane.needle)
        if action == "decline":
            # Offered on a no still to say alone: x on one already said says so.
            return on_invitations and not self._on_declined_invitation()
        if action in INVITATION_ACTIONS:
            return on_invitations
        if action in CONTACT_ACTIONS:
            return not on_invitations
        return True

    def on_key(self, event: events.Key) -> None:
        """A key for people pressed on Declined, or one for invitations on Today or Pending, says where it
        works: the footer leaves it out there, and a key that does nothing at all seems broken."""
        bindings = self._bindings.key_to_bindings.get(event.key, [])
        actions = {binding.action.partition("(")[0] for binding in bindings}
        if not actions or any(self.check_action(action, ()) for action in actions):
            return
        if actions & CONTACT_ACTIONS:
            said = NO_CONTACT
        elif actions & INVITATION_ACTIONS:
            said = NO_INVITATION
        else:
            return
        event.stop()
        self.notify(_(said), severity="warning")

    def _show_tabs(self) -> None:
        tabs = Text(end="")
        for pane in PANES:
            title = self.pane(pane).title.partition(":")[0]  # the savings stay in the pane's own title
            tabs.append(f" {title} ", style="reverse bold" if pane == self.current else "dim")
            tabs.append(" ")
        shown = self.query_one("#pane_tabs", Static)
        if shown.content != tabs:
            shown.update(tabs)

    @on(DataTable.RowHighlighted, ".pane")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == self.current:
            self._show_detail()
            if self.current == "invitations":
                self.refresh_bindings()  # x for an undecided invitation alone

    def _on_declined_invitation(self) -> bool:
        key = self.pane("invitations").selected_key()
        return self.agenda is not None and any(invitation.id == key for invitation in self.agenda.declined)

    def _show_detail(self) -> None:
        """The highlighted row of the current pane, in full."""
        detail = None
        key = self.pane(self.current).selected_key()
        if self.agenda is not None and key is not None:
            if self.current == "invitations":
                invitations = [*self.agenda.undecided, *self.agenda.declined]
                invitation = next((shown for shown in invitations if shown.id == key), None)
                detail = invitation_detail(invitation, self.key, self.agenda.day) if invitation else None
            else:
                contact = self._shown_contact(key)
                detail = contact_detail(self.agenda, contact, self.key) if contact else None
        if detail is None:
            detail = nothing_selected(self.key)
        self.query_one(DetailStrip).show(detail)

    def action_cursor(self, direction: str) -> None:
        table = self._focused_pane()
        if table is not None:
            table.action_cursor_down() if direction == "down" else table.action_cursor_up()

    @on(DataTable.RowSelected)
    def open_contact(self, event: DataTable.RowSelected) -> None:
        contact_id = event.row_key.value
        if event.data_table.id in CONTACT_PANES and contact_id is not None:
            from dailyreach.tui.screens.contact import ContactScreen

            self.app.push_screen(ContactScreen(contact_id))

    def action_log(self, kind: str) -> None:
        contact = self._selected_contact()
        if contact is not None and self.agenda is not None:
            self.log_interaction(contact, self.agenda.threads.get(contact.id, Thread()), kind)

    def save_log(self, contact: Contact, interaction: Interaction, reopen: Callable[[], None]) -> None:
        """The row shows the log at once; the save, and reading back what it changed, run behind it. A
        failed save puts the row back, says why and reopens the bar as typed."""
        number = next(self.log_numbers)
        ahead = None if self.agenda is None else foresee(self.agenda, contact, interaction)
        if ahead is not None:
            self.foreseen[number] = ahead
            self._show_foreseen(contact.id)
        # Where the cursors were: a refused log puts them back, on the row the bar reopens for.
        was_on = {
            pane: pane.ordered_rows[pane.cursor_row].key
            for pane in (self.pane("today"), self.pane("pending"))
            if 0 <= pane.cursor_row < pane.row_count
        }
        self.move_to_next_open_item()
        # The bar came from the pane the log key was pressed in: Pending moves on as Today does.
        if self.query_one(LogBar).came_from is self.pane("pending") and interaction.kind != "note":
            self._move_to_next_due_reply(contact.id, interaction.kind)

        def save() -> tuple[Agenda, object, bool]:
            before = self.store.revision()
            self.add_logged(contact, interaction)
            agenda = self.agenda
            # Someone else's change since the screen last read calls for reading all of it.
            if before != self.shown_revision or agenda is None:
                return build_agenda(self.store), self.store.revision(), True
            return refresh_contact(agenda, self.store, contact.id), self.store.revision(), False

        def saved(result: tuple[Agenda, object, bool]) -> None:
            agenda, revision, whole = result
            self.foreseen.pop(number, None)
            self.shown_revision = revision
            self._show_agenda(agenda, None if whole else contact.id)
            if interaction.kind == "note":  # a note changes no row: said, or it seems lost
                self.notify(_("Note saved for {name}.").format(name=contact.name), markup=False)

        def failed() -> None:
            if ahead is not None and self.agenda is not None:
                del self.foreseen[number]
                self._show_agenda(
                    with_thread(
                        self.agenda, contact, ahead.thread_before, ahead.days_before, self.agenda.now
                    ),
                    contact.id,
                )
            # After the frame that draws Pending again (``_show_contact``): a reply had taken its row off.
            self.call_after_refresh(self._put_cursors_back, was_on)
            reopen()

        self.save_in_background(save, saved, failed, not_done=_(NOT_LOGGED))

    def _show_foreseen(self, contact_id: str) -> None:
        if self.agenda is not None:
            self._show_agenda(replace(self.agenda, now=self.now()), contact_id)

    def action_decline(self) -> None:
        invitation = self._selected_invitation()
        if invitation is not None:
            from dailyreach.tui.screens.invitation_actions import decline_invitation

            decline_invitation(self, invitation)

    def action_close_or_decline(self) -> None:
        table = self._focused_pane()
        if table is not None and table.id == "invitations":
            self.action_decline()
        else:
            self.action_log("no_response")

    def action_edit_invitation(self) -> None:
        invitation = self._selected_invitation()
        if invitation is not None:
            from dailyreach.tui.screens.invitation_actions import edit_invitation

            edit_invitation(self, invitation)

    def action_host_as_target(self) -> None:
        invitation = self._selected_invitation()
        if invitation is not None:
            from dailyreach.tui.screens.invitation_actions import take_host_as_target

            take_host_as_target(self, invitation)

    def action_new_target(self, values: dict | None = None, focus: str | None = None) -> None:
        from dailyreach.tui.screens.contact_form import contact_fields, contact_form

        def save(answers: dict[str, str] | None) -> None:
            if answers is not None:
                self.save_contact(contact_fields(answers), "add", self.action_new_target, self._placing)

        self.app.push_screen(contact_form(values, focus=focus), save)

    def _placing(self, contact: Contact) -> None:
        """Say where a new target went once the screen has read the plan it is in (or is not)."""
        self.placing = contact

    def _say_where_it_went(self, agenda: Agenda) -> None:
        contact, self.placing = self.placing, None
        if contact is None:
            return
        if any(item.contact.id == contact.id for item in agenda.items):
            said = _("Added {name} to today's plan.")
            # Their row takes the cursor: d writes to the person just added.
            today = self.pane("today")
            if contact.id in today.rows:
                today.move_cursor(row=today.get_row_index(contact.id))
        elif len(agenda.items) >= agenda.goal:  # those written to off the plan take its slots too
            said = _("Added {name}: planned from tomorrow, today's plan is full.")
        else:
            said = _("Added {name}: not in today's plan.")
        self.notify(said.format(name=contact.name), markup=False)

    def action_new_invitation(self, typed: dict[str, str] | None = None) -> None:
        # The forms load on first use, not at start-up.
        from dailyreach.tui.screens.invitation_actions import record_invitation

        record_invitation(self, typed)

    def action_export(self, typed: dict[str, str] | None = None) -> None:
        # The import and export code (icalendar, vobject, jsonschema) loads on first use, not at start-up.
        from dailyreach.tui.screens.exchange_forms import export_from

        export_from(self, typed)

    def action_import_file(self, typed: dict[str, str] | None = None) -> None:
        from dailyreach.tui.screens.exchange_forms import import_into

        import_into(self, typed)

    def action_snooze(self) -> None:
        contact = self._selected_contact()
        if contact is not None:
            from dailyreach.tui.screens.snooze_form import snooze_on_main

            snooze_on_main(self, contact)

    def action_open_profile(self) -> None:
        contact = self._selected_contact()
        if contact is not None:
            self.open_profile(contact)

    def action_draft(self) -> None:
        contact = self._selected_contact()
        if contact is not None and self.agenda is not None:
            from dailyreach.tui.screens.draft import open_draft

            reason = next((item.reason for item in self.agenda.items if item.contact.id == contact.id), None)
            open_draft(self, contact, reason)

    async def action_filter(self) -> None:
        # The pane shown, when none has the focus: in a short terminal the panes take turns.
        table = self._focused_pane() or self.pane(self.current)
        self.filter_pane = table.id or "today"
        box = next(self.query("#filter").results(FilterBox), None)
        if box is None:
            box = FilterBox(
                id="filter", placeholder=_("filter: type to narrow the pane, Enter keeps, Escape clears")
            )
            await self.mount(box, before="#pane_tabs")
        with box.prevent(Input.Changed):  # the pane is narrowed by it already
            box.value = table.needle
        box.add_class("shown")
        # At once, not after the keys already queued (Widget.focus waits its turn): what is typed right
        # after / is the filter.
        self.set_focus(box)

    @on(Input.Changed, "#filter")
    def narrow(self, event: Input.Changed) -> None:
        self.pane(self.filter_pane).narrow(event.value)
        # A pane narrowed to no rows highlights none, and says so: the strip must not go on showing one.
        self._show_detail()

    def action_keep_filter(self) -> None:
        self._leave_filter()

    def action_clear_filter(self) -> None:
        self.pane(self.filter_pane).narrow("")
        self._show_detail()
        self._leave_filter()

    def action_clear_kept_filter(self) -> None:
        pane = self._focused_pane()
        if pane is not None:
            pane.narrow("")
            self._show_detail()

    def _leave_filter(self) -> None:
        self.query_one("#filter", Input).remove_class("shown")
        # At once as well: a key typed right after Enter or Escape is for the pane.
        self.set_focus(self.pane(self.filter_pane))

    def _move_to_next_due_reply(self, logged: str, kind: str) -> None:
        """After a log in Pending, the cursor goes to the next reply whose follow-up is due, as Today's goes
        to the next row to write to: after a message, not to one whose closing is offered (no message is
        left to send it); after a thread closed (x), to those too."""
        if self.agenda is None:
            return
        pending = self.pane("pending")
        due = due_on(self.agenda.pending, self.agenda.day)
        if kind == "no_response":
            due |= {reply.contact.id for reply in self.agenda.pending if reply.give_up_offered}
        due -= {logged}
        pending.move_to_next(lambda index: pending.ordered_rows[index].key.value in due)

    def move_to_next_open_item(self) -> None:
        """After logging, the cursor goes to the next Today row that still needs something."""
        today = self.pane("today")
        today.move_to_next(lambda index: str(today.get_row_at(index)[0]) == TO_DO_MARK)
