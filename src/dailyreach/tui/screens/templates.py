"""The templates screen (ctrl+p Templates): the message templates, each previewed as a real contact would
get it; add, edit, delete (u undoes), and the name drafts are signed with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Label, Static, TextArea

from dailyreach.core.errors import ValidationError
from dailyreach.core.planning.drafts import draft_channel, limit_for, make_draft
from dailyreach.core.records.model import CHANNELS, Contact, Interaction
from dailyreach.core.records.template import LANGUAGES, PURPOSES, Template
from dailyreach.core.store.journal import Change
from dailyreach.core.store.templates import TABLE as TEMPLATES_TABLE
from dailyreach.core.store.templates import (
    delete_template,
    ensure_default_templates,
    save_template,
    templates,
)
from dailyreach.help_format import wrap as wrap_in_cells
from dailyreach.i18n import N_, _, current_language
from dailyreach.tui.bound_keys import bound_key
from dailyreach.tui.columns import Column, fit_widths, set_columns
from dailyreach.tui.rows import TABLE_KEYS
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.screens.fields_form import Choice, Field, FieldsForm
from dailyreach.tui.styles import DRAFTS_CSS
from dailyreach.tui.translated import TextInput, TranslatedBindings
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.widgets.text_editor import TextEditor
from dailyreach.wording import (
    ANY_CHANNEL,
    channel_label,
    count_text,
    language_text,
    missing_text,
    purpose_title,
)

# Shown through ``_`` (they are made at import, before the language is chosen).
TITLE = N_("Templates")
# The form's height with a line between fields.
TALL_ENOUGH = 32
# The preview's padding (a cell each side) and its scrollbar (two cells).
PREVIEW_MARGIN = 4
# The columns by key, each shown by its label.
COLUMNS = ("Name", "For", "Channel", "Language")
COLUMN_LABELS = {"Name": N_("Name"), "For": N_("For"), "Channel": N_("Channel"), "Language": N_("Language")}
# Kept for the list's scrollbar, so that a longer list does not push the last column out of sight.
SCROLLBAR = 1
NO_CONTACT = N_("Add a contact to preview the templates as they would read.")
PREVIEW_TITLE = N_("Preview for {name} on {channel} (p: next contact)")
MY_NAME = N_("Your name: {name} (y changes it)")
NOT_SET = N_("not set")
NEW_TITLE, EDIT_TITLE = N_("New template"), N_("Edit template: {name}")
FORM_HINT = N_(
    "ctrl+s saves, Escape cancels. Placeholders: {name} {call_name} {handle} {why} {days_since} {days_ago} {my_name}"
)
DELETED = N_("Deleted template {name}: {undo} undoes it")
SAVED = N_("Saved template {name}")
LABELS = {
    "name": N_("Name"),
    "for": N_("For"),
    "channel": N_("Channel"),
    "language": N_("Language"),
    "subject": N_("Subject"),
}
MY_NAME_TITLE = N_("Your name, as drafts sign it")


def fitted(text: str, width: int) -> str:
    """``text`` with its lines of wide characters (Japanese) broken in cells to fit ``width``: Textual
    breaks a line only at its spaces, so a Japanese sentence with a name in it (佐藤 健と申します…) broke
    at the name. Other lines are left to Textual, as they were."""
    if width <= 0:
        return text
    lines = []
    for line in text.split("\n"):
        if cell_len(line) > width and cell_len(line) != len(line):
            lines.extend(wrap_in_cells(line, width))
        else:
            lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class TemplatesView:
    templates: list[Template]
    contacts: list[Contact]
    my_name: str


class TemplateForm(TranslatedBindings, ModalScreen[Template | None]):
    """Collects a template (checked as the core checks it, unknown placeholders refused); the caller saves."""

    CSS_PATH = DRAFTS_CSS

    AUTO_FOCUS = "#name"
    BINDINGS = [
        # Not priority: in turn with the body typed before it in one write, which saving ahead of it cut.
        Binding("ctrl+s", "save", N_("Save"), id="save_form"),
        Binding("escape", "cancel", N_("Cancel"), id="cancel_form"),
    ]

    def __init__(self, template: Template | None, typed: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.template = template
        self.values = {**(template.to_dict() if template else {"purpose": "first_dm"}), **(typed or {})}

    def compose(self) -> ComposeResult:
        values = self.values
        title = _(EDIT_TITLE).format(name=self.template.name) if self.template else _(NEW_TITLE)
        labels = {key: _(label) for key, label in LABELS.items()}
        with VerticalScroll(classes="form template-form", can_focus=False):
            yield Static(title, classes="title", markup=False)
            yield Horizontal(
                Label(labels["name"]), TextInput(values.get("name", ""), id="name"), classes="row"
            )
            purposes = tuple((purpose_title(p), p) for p in PURPOSES)
            yield Horizontal(
                Label(labels["for"]), Choice(purposes, values["purpose"], id="purpose"), classes="row"
            )
            channels = ((_(ANY_CHANNEL), ""), *((channel_label(c), c) for c in CHANNELS))
            channel = values.get("channel") or ""
            yield Horizontal(Label(labels["channel"]), Choice(channels, channel, id="channel"), classes="row")
            languages = tuple((language_text(language), language) for language in LANGUAGES)
            language = values.get("language", "")
            yield Horizontal(
                Label(labels["language"]), Choice(languages, language, id="language"), classes="row"
            )
            yield Horizontal(
                Label(labels["subject"]), TextInput(values.get("subject", ""), id="subject"), classes="row"
            )
            yield TextEditor(values.get("body", ""), id="body", soft_wrap=True, tab_behavior="focus")
            yield Static(_(FORM_HINT), id="problem", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(KeyFooter).release()
        self._fit(self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        # As FieldsForm does: no gaps between the fields where the terminal is short, so the body shows.
        self.query_one(".form").set_class(height < TALL_ENOUGH, "long")

    def typed(self) -> dict[str, Any]:
        return {
            "id": self.template.id if self.template else None,
            "name": self.query_one("#name", Input).value,
            "purpose": str(self.query_one("#purpose", Choice).value),
            "channel": str(self.query_one("#channel", Choice).value) or None,
            "language": str(self.query_one("#language", Choice).value),
            "subject": self.query_one("#subject", Input).value,
            "body": self.query_one("#body", TextArea).text,
        }

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        try:
            made = Template.from_dict(self.typed())
        except ValidationError as error:
            problem = self.query_one("#problem", Static)
            problem.update(str(error))
            problem.add_class("error")
            return
        self.dismiss(made)

    def action_cancel(self) -> None:
        self.dismiss(None)


def template_cells(template: Template) -> tuple[str, str, str, str]:
    """A template's row in the list: its name, what it is for, its channel and its language, as shown."""
    channel = channel_label(template.channel) if template.channel else _(ANY_CHANNEL)
    return template.name, purpose_title(template.purpose), channel, language_text(template.language)


def list_columns(templates: list[Template]) -> tuple[Column, ...]:
    """The list's columns: what it is for, the channel and the language as wide as the widest of them
    (with its title) in cells, as Japanese words are wider than they are long; the name takes the rest,
    up to its longest (a wide pane leaves no gap after the names), and ends in an ellipsis when cut."""
    rows = [template_cells(template) for template in templates]
    longest_name = max((cell_len(row[0]) for row in rows), default=0)

    def shown(index: int) -> Callable[[], list[str]]:
        return lambda: [row[index] for row in rows]

    return (
        Column(
            COLUMNS[0],
            COLUMN_LABELS[COLUMNS[0]],
            least=8,
            most=max(longest_name, cell_len(_(COLUMN_LABELS[COLUMNS[0]])), 8),
        ),
        *(
            Column(key, COLUMN_LABELS[key], width=1, fits=shown(index))
            for index, key in enumerate(COLUMNS[1:], start=1)
        ),
    )


def _cell(text: str) -> Text:
    # One line, cut with an ellipsis at the column's width: the list never scrolls sideways.
    return Text(text, no_wrap=True, overflow="ellipsis", end="")


class TemplateList(TranslatedBindings, DataTable, inherit_bindings=False):
    BINDINGS = [*TABLE_KEYS, Binding("enter", "select_cursor", N_("Edit"), id="edit_template")]


class TemplatesScreen(TranslatedBindings, StoreScreen):
    CSS_PATH = DRAFTS_CSS
    BINDINGS = [
        Binding("n", "new", N_("New"), id="new_template"),
        Binding("e", "edit", N_("Edit"), show=False, id="edit_template"),
        Binding("x,delete", "delete", N_("Delete"), id="delete_template"),
        Binding("p", "next_contact", N_("Preview next"), id="preview_next_contact"),
        Binding("y", "my_name", N_("Your name"), id="my_name"),
        Binding("j", "cursor('down')", N_("Down"), show=False, id="cursor_down"),
        Binding("k", "cursor('up')", N_("Up"), show=False, id="cursor_up"),
        Binding("escape,backspace", "app.pop_screen", N_("Back"), id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: TemplatesView | None = None
        self.preview_at = 0
        # The preview contact's log, read off the UI thread: {days_since} comes from it.
        self.preview_log: tuple[str, list[Interaction]] | None = None
        # A template just saved or brought back by undo, whose row takes the cursor once the list is read.
        self.cursor_to: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="templates_box"):
            yield TemplateList(id="template_list", cursor_type="row", zebra_stripes=True)
            yield Static(id="preview_title", markup=False)
            with VerticalScroll(id="preview_scroll"):
                yield Static(id="preview", markup=False)
            yield Static(id="my_name_line", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(TemplateList)
        table.border_title = _(TITLE)
        self.reload_if_changed()

    def read(self) -> TemplatesView:
        ensure_default_templates(self.store)
        people = sorted(self.store.contacts(), key=lambda contact: contact.name.casefold())
        return TemplatesView(templates(self.store, current_language()), people, self.store.settings().my_name)

    def show(self, view: TemplatesView) -> None:
        self.view = view
        self._fill_list()
        name = view.my_name or _(NOT_SET)
        self.query_one("#my_name_line", Static).update(Text(_(MY_NAME).format(name=name), style="dim"))
        self._read_preview_log()
        self._show_preview()

    def _fill_list(self) -> None:
        """The templates in the list, its columns fitted to its width (the selected one kept)."""
        if self.view is None:
            return
        table = self.query_one(TemplateList)
        selected = self.cursor_to or getattr(self._selected(), "id", None)
        self.cursor_to = None
        columns = list_columns(self.view.templates)
        set_columns(table, columns, fit_widths(columns, table.scrollable_content_region.width - SCROLLBAR))
        table.clear()
        for template in self.view.templates:
            table.add_row(*(_cell(text) for text in template_cells(template)), key=template.id)
        ids = [template.id for template in self.view.templates]
        if selected in ids:
            table.move_cursor(row=ids.index(selected))

    def _selected(self) -> Template | None:
        table = self.query_one(TemplateList)
        if self.view is None or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((template for template in self.view.templates if template.id == key), None)

    def _preview_contact(self) -> Contact | None:
        if self.view is None or not self.view.contacts:
            return None
        return self.view.contacts[self.preview_at % len(self.view.contacts)]

    def _read_preview_log(self) -> None:
        contact = self._preview_contact()
        if contact is None or (self.preview_log is not None and self.preview_log[0] == contact.id):
            return

        def read() -> None:
            log = self.store.interactions(contact.id)
            self.from_thread(self._preview_log_read, contact.id, log)

        self.run_worker(read, thread=True, group="preview")

    def _preview_log_read(self, contact_id: str, log: list[Interaction]) -> None:
        self.preview_log = (contact_id, log)
        self._show_preview()

    @on(DataTable.RowHighlighted)
    def _show_preview(self) -> None:
        template, contact = self._selected(), self._preview_contact()
        title = self.query_one("#preview_title", Static)
        shown = self.query_one("#preview", Static)
        if template is None or contact is None or self.view is None:
            title.update("")
            shown.update(Text(_(NO_CONTACT) if template is not None else "", style="dim"))
            return
        log = self.preview_log[1] if self.preview_log and self.preview_log[0] == contact.id else []
        channel = template.channel or draft_channel(contact, log)
        made = make_draft(template, contact, channel, log, self.now(), self.view.my_name)
        title.update(
            Text(_(PREVIEW_TITLE).format(name=contact.name, channel=channel_label(channel)), style="bold")
        )
        # The room a line has: the scroll's, less its padding and a scrollbar.
        width = self.query_one("#preview_scroll").size.width - PREVIEW_MARGIN
        preview = Text()
        if made.subject:
            preview.append(f"{fitted(made.subject, width)}\n\n", style="bold")
        preview.append(fitted(made.text, width))
        limit = limit_for(channel, template.purpose)
        over = limit is not None and made.count() > limit
        preview.append(f"\n\n{count_text(made.count(), limit)}", style="bold red" if over else "dim")
        if made.missing:
            preview.append(f" · {missing_text(made.missing)}", style="yellow")
        shown.update(preview)

    def on_resize(self) -> None:
        self._show_preview()
        self.call_after_refresh(self._fill_list)  # the list's columns fitted to its new width

    def action_cursor(self, direction: str) -> None:
        table = self.query_one(TemplateList)
        table.action_cursor_down() if direction == "down" else table.action_cursor_up()

    def action_next_contact(self) -> None:
        self.preview_at += 1
        self._read_preview_log()
        self._show_preview()

    @on(DataTable.RowSelected)
    def action_edit(self) -> None:
        template = self._selected()
        if template is not None:
            self._open_form(template)

    def action_new(self) -> None:
        self._open_form(None)

    def _open_form(self, template: Template | None, typed: dict[str, Any] | None = None) -> None:
        def save(made: Template | None) -> None:
            if made is None:
                return

            def saved(_saved: Template) -> None:
                self.notify(_(SAVED).format(name=made.name), markup=False)
                self.cursor_to = made.id  # once the list is read again, the cursor goes to it

            self.run_saving(
                lambda: save_template(self.store, made),
                saved,
                failed=lambda: self._open_form(template, made.to_dict()),
            )

        self.app.push_screen(TemplateForm(template, typed), save)

    def undone(self, change: Change) -> None:
        self.cursor_to = change.restored_by_undo(TEMPLATES_TABLE)

    def action_delete(self) -> None:
        template = self._selected()
        if template is None or self.view is None:
            return
        # The cursor stays where it was, on the next one (the one before, from the last row): it went to
        # the top, where a second x deleted a template the user had not looked at.
        shown = self.view.templates
        at = shown.index(template)
        neighbours = shown[at + 1 : at + 2] or shown[max(at - 1, 0) : at]
        self.cursor_to = neighbours[0].id if neighbours else None
        self.run_saving(
            lambda: delete_template(self.store, template),
            lambda _deleted: self.notify(
                _(DELETED).format(name=template.name, undo=bound_key(self.app, "undo")), markup=False
            ),
        )

    def action_my_name(self) -> None:
        current = self.view.my_name if self.view else ""
        form = FieldsForm(_(MY_NAME_TITLE), [Field("my_name", value=current)])
        self.app.push_screen(form, self._save_my_name)

    def _save_my_name(self, answers: dict[str, str] | None) -> None:
        if answers is None:
            return

        self.run_saving(lambda: self.store.change_settings(lambda _settings: {"my_name": answers["my_name"]}))
