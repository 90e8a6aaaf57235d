"""``today``, ``pending``, ``invitations`` and ``stats``: what the app's panes and Stats screen show, printed
as aligned text or as JSON."""

from __future__ import annotations

import shutil

import click

from dailyreach.cli.agenda_views import print_json, print_view
from dailyreach.cli.commands import Session, echo
from dailyreach.i18n import _

json_option = click.option(
    "--json", "as_json", is_flag=True, help=_("Print JSON (a stable shape, see the README).")
)


@click.command(
    help=_("Print today's plan, progress and streak."),
)
@json_option
@click.pass_obj
def today(session: Session, as_json: bool) -> None:
    print_view(session.store, "today", as_json)


@click.command(
    help=_("Print the messages still waiting for a reply, oldest first."),
)
@json_option
@click.pass_obj
def pending(session: Session, as_json: bool) -> None:
    print_view(session.store, "pending", as_json)


@click.command(
    help=_("Print declined invitations with the time and money saved, and the undecided ones."),
)
@json_option
@click.pass_obj
def invitations(session: Session, as_json: bool) -> None:
    print_view(session.store, "invitations", as_json)


@click.command(
    help=_(
        "Print the habit in figures: outreach per day and week, streaks, reply rates, the funnel, "
        "what declining saved, and last week with the threads most worth a follow-up."
    ),
)
@click.option(
    "--weeks",
    type=click.IntRange(1, 520),
    help=_("Weeks of outreach to show, this one included (default 26, as in the app)."),
)
@json_option
@click.pass_obj
def stats(session: Session, weeks: int | None, as_json: bool) -> None:
    from dailyreach.cli.stats_json import stats_json
    from dailyreach.cli.stats_report import stats_text
    from dailyreach.core.planning.stats import DEFAULT_WEEKS, build_stats

    figures = build_stats(session.store, weeks or DEFAULT_WEEKS)
    if as_json:
        print_json(stats_json(figures))
    else:
        echo(stats_text(figures, shutil.get_terminal_size().columns))
