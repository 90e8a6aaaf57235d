"""The rows of the main screen's three panes, read from the agenda; user text is never markup."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from rich.text import Text

from dailyreach.core.planning.agenda import Agenda, TodayItem
from dailyreach.core.planning.planner import PendingReply
from dailyreach.core.records.dates import ago, day_text
from dailyreach.core.records.model import Invitation
from dailyreach.i18n import N_, _
from dailyreach.report import contact_summary, where_to_reach
from dailyreach.tui.columns import Column
from dailyreach.tui.rows import Row
from dailyreach.tui.words import LONGEST_DAY, iso_day_text
from dailyreach.wording import (
    INVITATION_KIND_LABELS,
    REASONS,
    channel_label,
    invitation_kind_label,
    next_step_day,
    reason_text,
    saved_text,
    then_give_up,
)

TODAY_COLUMNS = (
    Column("mark", "", width=1),
    Column("name", N_("Name"), least=8, most=20, weight=2),
    Column("reason", N_("Reason"), width=13, fits=lambda: [reason_text(r, 9) for r in REASONS]),
    Column("handle", N_("Handle"), least=10, most=36, weight=3),
    Column("why", N_("Why")),
)
PENDING_COLUMNS = (
    # Twelve cells tell people apart: in a narrow pane (the keys panel open at 80 columns) the columns
    # after the name give way before it goes under them.
    Column("name", N_("Name"), least=12, most=28),
    Column("waited", N_("Waiting"), width=14),
    Column("nudges", N_("Nudges"), width=6),
    Column("due", N_("Follow-up"), width=10, fits=lambda: [then_give_up(day_text(LONGEST_DAY))]),
    Column("channel", N_("Channel"), least=9),
)
INVITATION_COLUMNS = (
    Column("mark", "", width=1),
    Column("title", N_("Title"), least=10, most=44, weight=3),
    Column("date", N_("Date"), width=10, fits=lambda: [day_text(LONGEST_DAY)]),
    # Whole, or not at all: an amount cut short reads as another amount ("3,00…" for 3,000円).
    Column("saved", N_("Saved"), width=20),
    Column("kind", N_("Kind"), width=11, fits=lambda: map(invitation_kind_label, INVITATION_KIND_LABELS)),
    # Who invited: kept at 80 columns too, for t (the host as a target) to be read before it is pressed.
    Column("host", N_("From"), least=8),
)
PANE_COLUMNS = {"today": TODAY_COLUMNS, "pending": PENDING_COLUMNS, "invitations": INVITATION_COLUMNS}


def cell(text: str, style: str = "") -> Text:
    """One line that ends in an ellipsis when its column is too narrow for it."""
    return Text(text.replace("\n", " "), style=style, no_wrap=True, overflow="ellipsis", end="")


# Today's first column: written to today; nothing due today (waiting for an answer, or closed); still to
# write to.
DONE_MARK, NOTHING_DUE_MARK, TO_DO_MARK = "✓", "–", "·"


def today_mark(item: TodayItem) -> Text:
    if item.done:
        return cell(DONE_MARK, style="green")
    return cell(TO_DO_MARK) if item.to_do else cell(NOTHING_DUE_MARK, style="dim")


def today_row(item: TodayItem) -> Row:
    summary = contact_summary(item.contact)
    return (
        item.contact.id,
        [
            today_mark(item),
            cell(item.contact.name),
            cell(reason_text(item.reason, item.follow_up_number)),
            cell(where_to_reach(summary, channel_label)),
            cell(item.contact.why),
        ],
    )


def today_rows(agenda: Agenda) -> list[Row]:
    return [today_row(item) for item in agenda.items]


def pending_row(reply: PendingReply, agenda: Agenda, now: datetime) -> Row:
    """``now`` is the agenda's, as a plain datetime: pendulum's subtraction costs more than the row."""
    style = "bold red" if reply.give_up_offered else ("yellow" if reply.is_due(agenda.day) else "")
    due = _("give up?") if reply.give_up_offered else next_step_day(reply, agenda.day)
    return (
        reply.contact.id,
        [
            cell(reply.contact.name, style=style),
            cell(ago(reply.waiting_since, now)),
            cell(str(reply.nudges)),
            cell(due, style=style),
            cell(channel_label(reply.channel)),
        ],
    )


def pending_rows(agenda: Agenda) -> list[Row]:
    now = plain_now(agenda)
    return [pending_row(reply, agenda, now) for reply in agenda.pending]


def plain_now(agenda: Agenda) -> datetime:
    return datetime.fromtimestamp(agenda.now.timestamp(), agenda.now.tzinfo)


def invitation_row(invitation: Invitation, today: date) -> Row:
    """An ✗ for a no already said, a ? for one still to say (x says it)."""
    undecided = invitation.status != "declined"
    return (
        invitation.id,
        [
            cell("?", style="bold yellow") if undecided else cell("✗"),
            cell(invitation.title, style="italic" if undecided else ""),
            cell(iso_day_text(invitation.event_date or "", today)),
            cell(saved_text(invitation)),
            cell(invitation_kind_label(invitation.kind)),
            cell(invitation.host),
        ],
    )


def invitation_rows(agenda: Agenda) -> list[Row]:
    """Undecided invitations first: they are the ones waiting for the user's no."""
    return [invitation_row(invitation, agenda.day) for invitation in [*agenda.undecided, *agenda.declined]]


PANE_ROWS: dict[str, Callable[[Agenda], list[Row]]] = {
    "today": today_rows,
    "pending": pending_rows,
    "invitations": invitation_rows,
}


def agenda_rows(agenda: Agenda, panes: Iterable[str] = PANE_ROWS) -> dict[str, list[Row]]:
    """The rows of each of ``panes`` (default: all three)."""
    return {pane: PANE_ROWS[pane](agenda) for pane in panes}
