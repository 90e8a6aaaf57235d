"""Last week in review: what was sent, answered, booked and declined, and the threads most worth a
follow-up. Offered once, on the first start of a new week (the settings' week start), over the main
screen; w on the Stats screen shows it again. Escape closes it, Enter opens the highlighted contact.

Which week was last offered is kept beside the database (``dailyreach.json.review``, like its
``.lock``), so that the review follows the data it is about.
"""

from __future__ import annotations

import contextlib
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from dailyreach.core.errors import StoreError
from dailyreach.core.planning.stats import Stats, build_stats
from dailyreach.core.records.dates import week_start_of
from dailyreach.core.store.beside import REVIEW_SUFFIX, beside
from dailyreach.core.store.storage import write_owner_only
from dailyreach.i18n import N_, _, ngettext
from dailyreach.stats_wording import follow_up_reason, review_line, week_range
from dailyreach.tui.styles import stylesheet_path
from dailyreach.tui.translated import Table, TranslatedBindings
from dailyreach.tui.widgets.flow import FlowLine
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.words import emphasised

if TYPE_CHECKING:
    from dailyreach.core.store.store import Store
    from dailyreach.tui.app import DailyReachApp

REVIEW_WEEKS = 2


def review_marker(db: Path) -> Path:
    return beside(db, REVIEW_SUFFIX)


def _week_seen(marker: Path) -> date | None:
    try:
        return date.fromisoformat(json.loads(marker.read_bytes())["week"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def review_to_offer(store: Store) -> Stats | None:
    """The figures for last week's review when this is the first start in a new week and there is
    something to review; this week is remembered either way. The very first start has nothing to look
    back on, and offers nothing."""
    this_week = week_start_of(store.local_today(), store.settings().week_start)
    marker = review_marker(store.path)
    seen = _week_seen(marker)
    if seen == this_week:
        return None
    with contextlib.suppress(OSError):  # a read-only folder: offered again next start, no harm
        write_owner_only(marker, json.dumps({"week": this_week.isoformat()}).encode())
    if seen is None or seen > this_week:
        return None
    stats = build_stats(store, REVIEW_WEEKS)
    return stats if stats.last_week.anything or stats.last_week.follow_ups else None


def offer_weekly_review(app: DailyReachApp) -> None:
    """Look off the UI thread whether last week's review is due, and offer it if it is."""

    def look() -> None:
        try:
            stats = review_to_offer(app.store)
        except StoreError:
            return  # the main screen says what is wrong with the file
        if stats is not None and app.is_running:
            app.call_from_thread(_offer, app, stats)

    app.run_worker(look, thread=True, group="review")


def show_weekly_review(app: App, store: Store) -> None:
    """Last week's review when asked for (w on the main screen, or the palette), its figures read off the
    UI thread: it was found only through the Stats screen."""

    def look() -> None:
        try:
            stats = build_stats(store, REVIEW_WEEKS)
        except StoreError as error:
            app.call_from_thread(app.notify, str(error), severity="error", markup=False)
            return
        if app.is_running:
            app.call_from_thread(app.push_screen, WeeklyReviewScreen(stats))

    app.run_worker(look, thread=True, group="review")


def _offer(app: DailyReachApp, stats: Stats) -> None:
    from dailyreach.tui.screens.main import MainScreen

    if isinstance(app.screen, MainScreen):
        app.push_screen(WeeklyReviewScreen(stats))
    else:  # the user is already in a form or another screen: never in their way
        app.notify(
            _("Last week: {figures}. Stats (S), then w, shows the review.").format(
                figures=review_line(stats.last_week)
            ),
            title=_("Weekly review"),
            markup=False,
            timeout=20,
        )


class FollowUpTable(Table):
    """Who is worth a follow-up and why, one line each: the columns share the table's width, a long
    name or reason cut with an ellipsis, so that the table never scrolls sideways (at 80×24 the longest
    reason is wider than the box)."""

    # Its columns always fit: no room is kept for a scrollbar the first, wider, layout would show.
    DEFAULT_CSS = "FollowUpTable { overflow-x: hidden; }"
    # As in every list of the app: j closed the review offered at start, and moved Today's cursor.
    BINDINGS = [
        Binding("j", "cursor_down", N_("Down"), show=False, id="cursor_down"),
        Binding("k", "cursor_up", N_("Up"), show=False, id="cursor_up"),
    ]
    NAME_SHARE = 3  # a name takes at most a third of the width

    def __init__(self, rows: list[tuple[str, str, str]], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._rows = rows  # (contact id, name, reason)
        self._widths: tuple[int, int] | None = None
        self._fill(None)

    def _fill(self, widths: tuple[int, int] | None) -> None:
        self._widths = widths
        cursor = self.cursor_row
        self.clear(columns=True)
        name_width, reason_width = widths or (None, None)
        self.add_column("who", width=name_width)
        self.add_column("why", width=reason_width)
        for contact_id, name, reason in self._rows:
            self.add_row(
                Text(name, no_wrap=True, overflow="ellipsis", end=""),
                Text(reason, style="dim", no_wrap=True, overflow="ellipsis", end=""),
                key=contact_id,
            )
        self.move_cursor(row=cursor, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width - 4 * self.cell_padding
        if width <= 0:
            return
        longest = max((cell_len(name) for _, name, _ in self._rows), default=0)
        name_width = min(longest, max(1, width // self.NAME_SHARE))
        widths = (name_width, max(1, width - name_width))
        if widths != self._widths:
            self._fill(widths)


class WeeklyReviewScreen(TranslatedBindings, ModalScreen[None]):
    CSS_PATH = stylesheet_path("stats.tcss")
    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="back"),
        Binding("S", "stats", N_("All stats"), id="stats"),
        # With no thread to open, Enter closes too.
        Binding("enter", "close", N_("Close"), show=False),
    ]

    def __init__(self, stats: Stats, *, from_stats: bool = False) -> None:
        super().__init__()
        self.stats = stats
        self.from_stats = from_stats

    def compose(self) -> ComposeResult:
        review = self.stats.last_week
        with Vertical(id="review"):
            yield Static(
                _("Last week · {days}").format(days=week_range(review.start, review.end)),
                classes="title",
                markup=False,
            )
            yield FlowLine(self._figures(), id="figures")
            if review.follow_ups:
                yield Static(_("Worth a follow-up"), classes="subtitle", markup=False)
                yield FollowUpTable(
                    [
                        (item.contact.id, item.contact.name, follow_up_reason(item, self.stats.today))
                        for item in review.follow_ups
                    ],
                    id="follow_ups",
                    cursor_type="row",
                    show_header=False,
                )
            else:
                yield Static(_("No thread waits on you: a good week to reach someone new."), markup=False)
            keys = [_("Enter opens the highlighted contact")] if review.follow_ups else []
            keys.append(_("Escape closes"))
            if not self.from_stats:
                keys.append(_("S all the stats"))
            # On as many lines as the width needs, each key whole.
            yield FlowLine([Text(key, end="") for key in keys], separator=" · ", classes="hint")
        # Its own keys, not the main screen's under it (d DM...), which do nothing here.
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(KeyFooter).release()

    def _figures(self) -> list[Text]:
        """Last week's figures, each whole on a line: at 80 columns they take two."""
        review = self.stats.last_week
        return [
            emphasised(_("{count} sent"), {"count": review.sent}),
            emphasised(
                ngettext("{count} reply", "{count} replies", review.replies), {"count": review.replies}
            ),
            emphasised(
                ngettext("{count} meeting booked", "{count} meetings booked", review.meetings),
                {"count": review.meetings},
            ),
            emphasised(
                _("{days} days at the goal of {goal}"),
                {"days": f"{review.goal_days}/{review.days_counted}"},
                {"goal": review.goal},
            ),
            emphasised(
                ngettext("{count} invitation declined", "{count} invitations declined", review.declined),
                {"count": review.declined},
            ),
        ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "stats" and self.from_stats)

    def on_key(self, event: events.Key) -> None:
        """Offered as the app starts, the review never stands in the way: a key it has no use for (d,
        the first key of a log) closes it and does on the main screen what it does there."""
        if self.from_stats or event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        self.dismiss()
        self.app.simulate_key(event.key)

    def action_close(self) -> None:
        self.dismiss()

    def action_stats(self) -> None:
        from dailyreach.tui.screens.stats import open_stats

        self.dismiss()
        open_stats(self.app)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        from dailyreach.tui.screens.contact import ContactScreen

        contact_id = event.row_key.value
        if contact_id is not None:
            self.dismiss()
            self.app.push_screen(ContactScreen(contact_id))
