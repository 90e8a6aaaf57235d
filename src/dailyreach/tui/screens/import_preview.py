"""The import preview: every row of the file, added, skipped (and why) or bad, before anything is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from dailyreach.report import export_plan_text, handles_text, import_source, plural

if TYPE_CHECKING:
    from dailyreach.core.contact_import import ImportPreview


def preview_summary(preview: ImportPreview) -> str:
    if preview.export_plan is not None:
        return f"{import_source(preview)}\n{export_plan_text(preview.export_plan, 'would add')}"
    counts = (
        f"would add {len(preview.added)}, skip {len(preview.skipped)}, {plural(len(preview.bad), 'bad row')}"
    )
    return f"{import_source(preview)}\n{counts}"


class ImportPreviewScreen(ModalScreen[bool]):
    """Dismisses with True when the user confirms the import."""

    BINDINGS = [
        Binding("enter", "confirm", "Import", priority=True, id="confirm_import"),
        Binding("escape", "cancel", "Cancel", id="cancel_import"),
    ]

    def __init__(self, preview: ImportPreview) -> None:
        super().__init__()
        self.preview = preview

    def compose(self) -> ComposeResult:
        with Vertical(classes="form wide"):
            yield Static("Import preview", classes="title")
            yield Static(preview_summary(self.preview), id="summary", markup=False)
            yield DataTable(id="rows", cursor_type="row", zebra_stripes=True)
            yield Static("\n".join(self.preview.notices), id="notices", classes="hint", markup=False)
            hint = "Enter imports, Escape cancels" if self.preview.adds_anything else "Nothing to add: Escape"
            yield Static(hint, classes="hint")

    def on_mount(self) -> None:
        table = self.query_one("#rows", DataTable)
        table.add_columns("", "Line", "Name", "Details")
        rows = [
            (
                line,
                Text("add", style="green"),
                contact.name,
                handles_text(contact),
            )
            for line, contact in self.preview.added
        ]
        rows += [
            (line, Text("skip", style="yellow"), label, reason)
            for line, label, reason in self.preview.skipped
        ]
        rows += [
            (line, Text("bad", style="bold red"), label, reason) for line, label, reason in self.preview.bad
        ]
        for line, status, label, details in sorted(rows, key=lambda row: row[0]):
            table.add_row(status, Text(str(line)), Text(label), Text(details))

    def action_confirm(self) -> None:
        self.dismiss(self.preview.adds_anything)

    def action_cancel(self) -> None:
        self.dismiss(False)
