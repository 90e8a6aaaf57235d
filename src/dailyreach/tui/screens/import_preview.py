"""The import preview: every row of the file, added, skipped (and why) or bad, before anything is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from dailyreach.i18n import N_, _, ngettext
from dailyreach.tui.columns import Column, fit_widths, set_columns
from dailyreach.tui.styles import FORMS_CSS
from dailyreach.tui.translated import Table, TranslatedBindings
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.wording import export_plan_text, handles_text, import_source

if TYPE_CHECKING:
    from dailyreach.core.files.contact_import import ImportPreview


def preview_summary(preview: ImportPreview) -> str:
    if preview.export_plan is not None:
        return f"{import_source(preview)}\n{export_plan_text(preview.export_plan, _('would add'))}"
    counts = _("would add {added}, skip {skipped}, {bad}").format(
        added=len(preview.added),
        skipped=len(preview.skipped),
        bad=ngettext("{count} bad row", "{count} bad rows", len(preview.bad)).format(count=len(preview.bad)),
    )
    return f"{import_source(preview)}\n{counts}"


COLUMNS = (
    Column("status", "", width=4, fits=lambda: [_("add"), _("skip"), _("bad")]),
    Column("line", N_("Line"), width=5),
    Column("name", N_("Name"), least=8, most=20),
    Column("details", N_("Details"), least=8),
)
SCROLLBAR = 1
# A table of 300,000 rows kept the app busy for 25 s once shown: the preview lists this many, the bad and
# skipped rows first (they are what to look at), and says how many it leaves out; the summary counts all.
LISTED_ROWS = 1_000


def _cell(text: str, style: str = "") -> Text:
    # One line, cut with an ellipsis at the column's width: the table never scrolls sideways.
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


class ImportPreviewScreen(TranslatedBindings, ModalScreen[bool]):
    """Dismisses with True when the user confirms the import."""

    CSS_PATH = FORMS_CSS

    BINDINGS = [
        Binding("enter", "confirm", N_("Import"), priority=True, id="confirm_import"),
        Binding("escape", "cancel", N_("Cancel"), id="cancel_import"),
    ]

    def __init__(self, preview: ImportPreview) -> None:
        super().__init__()
        self.preview = preview
        self.listed = self._rows()

    def compose(self) -> ComposeResult:
        with Vertical(classes="form wide"):
            yield Static(_("Import preview"), classes="title")
            yield Static(preview_summary(self.preview), id="summary", markup=False)
            yield Table(id="rows", cursor_type="row", zebra_stripes=True)
            notices = list(self.preview.notices)
            unlisted = self._row_count() - len(self.listed)
            if unlisted:
                notices.append(
                    ngettext(
                        "{count} more row is not listed: the summary counts it",
                        "{count} more rows are not listed: the summary counts them",
                        unlisted,
                    ).format(count=unlisted)
                )
            yield Static("\n".join(notices), id="notices", classes="hint", markup=False)
            if not self.preview.adds_anything:
                yield Static(_("Nothing to add: Escape goes back"), classes="hint")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(KeyFooter).release()
        self.call_after_refresh(self._fit_rows)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_rows)

    def _fit_rows(self) -> None:
        table = self.query_one("#rows", DataTable)
        widths = fit_widths(COLUMNS, table.scrollable_content_region.width - SCROLLBAR)
        if set_columns(table, COLUMNS, widths):
            for line, status, label, details in self.listed:
                table.add_row(status, _cell(str(line)), _cell(label), _cell(details))

    def _row_count(self) -> int:
        return len(self.preview.added) + len(self.preview.skipped) + len(self.preview.bad)

    def _rows(self) -> list[tuple[int, Text, str, str]]:
        """The rows listed, in the file's order: every skipped and bad one (up to ``LISTED_ROWS``), then
        the first rows to add the rest of the room takes."""
        flagged = [
            (line, _cell(_("skip"), "yellow"), label, reason) for line, label, reason in self.preview.skipped
        ]
        flagged += [
            (line, _cell(_("bad"), "bold red"), label, reason) for line, label, reason in self.preview.bad
        ]
        flagged = sorted(flagged, key=lambda row: row[0])[:LISTED_ROWS]
        added = [
            (line, _cell(_("add"), "green"), contact.name, handles_text(contact))
            for line, contact in self.preview.added[: LISTED_ROWS - len(flagged)]
        ]
        return sorted(flagged + added, key=lambda row: row[0])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # With nothing to add, Enter does nothing and the footer does not offer it.
        return self.preview.adds_anything or action != "confirm"

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
