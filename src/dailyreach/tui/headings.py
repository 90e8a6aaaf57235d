"""The main screen's status line and its panes' titles, read from the agenda."""

from __future__ import annotations

from dailyreach.core.planning.agenda import Agenda
from dailyreach.core.records.dates import day_text
from dailyreach.i18n import _
from dailyreach.wording import savings_text


def status_text(agenda: Agenda) -> str:
    """The day, its progress toward the goal, the streak, and what declining saved when anything was."""
    figures = {
        "day": day_text(agenda.day),
        "progress": agenda.progress,
        "goal": agenda.goal,
        "streak": agenda.streak,
        "savings": savings_text(agenda.savings),
    }
    if agenda.declined:
        return _("{day}   {progress}/{goal} today   streak {streak}   declining saved {savings}").format(
            **figures
        )
    return _("{day}   {progress}/{goal} today   streak {streak}").format(**figures)


def pane_titles(agenda: Agenda) -> dict[str, str]:
    """Each pane's title with its count: Declined's with the undecided and what declining saved."""
    declined = {
        "declined": len(agenda.declined),
        "undecided": len(agenda.undecided),
        "savings": savings_text(agenda.savings),
    }
    if agenda.undecided:
        invitations = (
            _("3 Declined ({declined}, {undecided} undecided): saved {savings}")
            if agenda.declined
            else _("3 Declined ({declined}, {undecided} undecided)")
        )
    else:
        invitations = (
            _("3 Declined ({declined}): saved {savings}") if agenda.declined else _("3 Declined ({declined})")
        )
    return {
        "today": _("1 Today {progress}/{goal}").format(progress=agenda.progress, goal=agenda.goal),
        "pending": (
            _("2 Pending replies ({count}, {more} more due)").format(count=len(agenda.pending), more=more)
            if (more := agenda.due_beyond_today)
            else _("2 Pending replies ({count})").format(count=len(agenda.pending))
        ),
        "invitations": invitations.format(**declined),
    }
