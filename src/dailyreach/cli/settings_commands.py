"""``dailyreach settings``: the settings the store keeps (the daily goal, when follow-ups are due, the
week's first day, the timezone, the currency, your name), printed, or changed and printed again.

The interface's language and theme are config.toml's, not these. Loaded by ``cli.commands`` when the
command runs; only click is imported here, the rest when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from dailyreach.cli.commands import Session, echo
from dailyreach.i18n import _

if TYPE_CHECKING:
    from dailyreach.core.records.model import Settings
    from dailyreach.core.store.store import Store

# What --timezone takes for "no zone of its own": the system's.
SYSTEM_ZONE = "system"


def _named(field_name: str, what: str) -> str:
    """An option's help under the name its errors and ``dailyreach settings`` give the setting
    ("Daily goal: people to write to each day"), so that an error is traced to its option."""
    from dailyreach.core.errors import field_label

    return f"{field_label(field_name)}: {what}"


def settings_json(settings: Settings) -> dict[str, Any]:
    """The settings a user sets; theme and locale follow config.toml."""
    from dailyreach.core.records.model import USER_SETTINGS

    stored = settings.to_dict()
    return {name: stored[name] for name in USER_SETTINGS}


def settings_text(settings: Settings, store: Store) -> str:
    """One aligned line per setting, labelled in the interface's language; a channel's own days for a
    follow-up under the days for every other channel."""
    from dailyreach.core.errors import field_label
    from dailyreach.core.store.threads import zone_name
    from dailyreach.report import columns
    from dailyreach.wording import WEEK_START_NAMES, channel_label

    zone = settings.timezone or _("the system's ({zone})").format(zone=zone_name(store.zone))
    rows = [
        [field_label("daily_goal"), str(settings.daily_goal)],
        [field_label("followup_days"), str(settings.followup_days)],
        *(
            ["  " + _("on {channel}").format(channel=channel_label(channel)), str(days)]
            for channel, days in sorted(settings.followup_days_by_channel.items())
        ),
        [field_label("followups_before_giving_up"), str(settings.followups_before_giving_up)],
        [field_label("week_start"), _(WEEK_START_NAMES[settings.week_start])],
        [field_label("timezone"), zone],
        [field_label("currency"), settings.currency],
        [field_label("my_name"), settings.my_name or _("(not set)")],
    ]
    return columns(rows)


@click.command(
    help=_(
        "Print your settings, or change them with the options: the daily goal, when a follow-up is due, "
        "the first day of the week, the timezone, the currency and your name.\n\n"
        "A change is checked whole and saved in one step; the settings are printed as they are then. "
        "The interface's language and theme are set in config.toml."
    )
)
@click.option("--goal", metavar="N", help=_named("daily_goal", _("people to write to each day (1 to 200).")))
@click.option(
    "--followup-days",
    metavar="N",
    help=_named("followup_days", _("days without a reply before a follow-up is due (1 to 365).")),
)
@click.option(
    "--followup-days-on",
    "channel_days",
    metavar="CHANNEL=N",
    multiple=True,
    help=_named(
        "followup_days_by_channel",
        _("CHANNEL=N, e.g. email=7 (repeat for more); CHANNEL= removes it."),
    ),
)
@click.option(
    "--follow-ups",
    metavar="N",
    help=_named("followups_before_giving_up", _("how many to send (0 to 20).")),
)
@click.option("--week-start", metavar="DAY", help=_named("week_start", _("monday, sunday or saturday.")))
@click.option(
    "--timezone",
    metavar="ZONE",
    help=_named(
        "timezone", _("where your days begin and end, e.g. Asia/Tokyo; system (or empty) for the system's.")
    ),
)
@click.option(
    "--currency", metavar="CODE", help=_named("currency", _("a three-letter code for invitations, e.g. JPY."))
)
# Empty said, as the timezone's is: a name may be left unset, as it is at first.
@click.option(
    "--my-name", metavar="NAME", help=_("Your name, as drafts sign it ({my_name}); empty unsets it.")
)
@click.option("--json", "as_json", is_flag=True, help=_("Print JSON (a stable shape, see the README)."))
@click.pass_obj
def settings(
    session: Session,
    goal: str | None,
    followup_days: str | None,
    channel_days: tuple[str, ...],
    follow_ups: str | None,
    week_start: str | None,
    timezone: str | None,
    currency: str | None,
    my_name: str | None,
    as_json: bool,
) -> None:
    from dailyreach.core.records.model import followup_days_on, typed_timezone

    store = session.store
    given = {
        "daily_goal": goal,
        "followup_days": followup_days,
        "followups_before_giving_up": follow_ups,
        "week_start": week_start,
        "currency": currency,
        "my_name": my_name,
    }
    changes: dict[str, Any] = {name: value for name, value in given.items() if value is not None}
    if timezone is not None:
        zone = timezone.strip()
        changes["timezone"] = None if zone.lower() in ("", SYSTEM_ZONE) else typed_timezone(zone)
    if changes or channel_days:

        def with_channel_days(current: Settings) -> dict[str, Any]:
            if not channel_days:
                return changes
            by_channel = followup_days_on(channel_days, current.followup_days_by_channel)
            return {**changes, "followup_days_by_channel": by_channel}

        store.change_settings(with_channel_days)
    if as_json:
        from dailyreach.cli.agenda_views import print_json

        print_json(settings_json(store.settings()))
    else:
        echo(settings_text(store.settings(), store))
