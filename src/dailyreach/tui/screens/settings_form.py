"""ctrl+p "Settings": the store's settings in a form, each field checked as the command line's
``settings`` checks it, and saved by the screen under the form as one change that ``u`` undoes.

A channel's own days before a follow-up are typed as the command line's ``--followup-days-on`` takes
them, CHANNEL=DAYS, all of them in one field: ``email=7, linkedin=5``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dailyreach.core.records.model import (
    Settings,
    currency_code,
    followup_days_on,
    known_currency,
    typed_timezone,
)
from dailyreach.core.records.zones import local_zone
from dailyreach.core.store.store import Store
from dailyreach.core.store.threads import zone_name
from dailyreach.i18n import N_, _
from dailyreach.tui.checks import Check
from dailyreach.tui.screens.base import StoreScreen
from dailyreach.tui.screens.fields_form import Field, FieldsForm
from dailyreach.wording import WEEK_START_NAMES

if TYPE_CHECKING:
    from dailyreach.tui.app import DailyReachApp

SAVED = N_("Settings saved.")
FOLLOWUP_DAYS, MAX_FOLLOWUPS = N_("Follow-up days"), N_("Max follow-ups")
ON_CHANNELS = N_("On channels")
# The fields whose labels are shorter than the command line's names for them, to fit the form's label
# column: the form gives them ids of its own, so that a problem is said under the label the form shows
# ("Follow-up days: 'abc' is not a whole number"), not under a name the form does not.
FORM_IDS = {
    "followup_days": "followup_days_in_form",
    "followup_days_by_channel": "followup_days_on_in_form",
    "followups_before_giving_up": "max_followups_in_form",
}
SETTING_NAMES = {form_id: name for name, form_id in FORM_IDS.items()}


def _settings_check(field_id: str, *, optional: bool = False) -> Check:
    """The settings' own check of one field, as the command line's ``settings`` makes it."""
    return Check(lambda value: Settings.from_dict({field_id: value.strip()}), optional=optional)


def typed_channel_days(text: str) -> dict[str, object]:
    """``email=7, linkedin=5`` as the channels' own days (checked as the settings check them)."""
    days = followup_days_on([item for item in text.split(",") if item.strip()], {})
    Settings.from_dict({"followup_days_by_channel": days})
    return days


def settings_fields(settings: Settings) -> list[Field]:
    return [
        Field("daily_goal", value=str(settings.daily_goal), validators=[_settings_check("daily_goal")]),
        # Labels a form's label column holds; what they count is said in full when the field is empty.
        Field(
            FORM_IDS["followup_days"],
            _(FOLLOWUP_DAYS),
            str(settings.followup_days),
            _("days without a reply before a follow-up is due"),
            validators=[_settings_check("followup_days")],
        ),
        Field(
            FORM_IDS["followup_days_by_channel"],
            _(ON_CHANNELS),
            ", ".join(
                f"{channel}={days}" for channel, days in sorted(settings.followup_days_by_channel.items())
            ),
            _("email=7, linkedin=5: their own days"),
            validators=[Check(typed_channel_days)],
        ),
        Field(
            FORM_IDS["followups_before_giving_up"],
            _(MAX_FOLLOWUPS),
            str(settings.followups_before_giving_up),
            _("follow-ups sent before giving up (0: none)"),
            validators=[_settings_check("followups_before_giving_up")],
        ),
        Field(
            "week_start",
            value=settings.week_start,
            choices=tuple((_(name), day) for day, name in WEEK_START_NAMES.items()),
        ),
        Field(
            "timezone",
            value=settings.timezone or "",
            placeholder=_("Asia/Tokyo; empty: the system's ({zone})").format(zone=zone_name(local_zone())),
            validators=[Check(typed_timezone, optional=True)],
        ),
        Field(
            "currency",
            value=settings.currency,
            placeholder="JPY, USD, EUR",
            validators=[Check(lambda value: known_currency(currency_code(value.strip())))],
        ),
        Field("my_name", value=settings.my_name, validators=[_settings_check("my_name", optional=True)]),
    ]


def save_answers(store: Store, edited: dict[str, str]) -> Settings:
    """The fields the user edited (by the form's ids) over the settings as they are in the file, saved as
    one change; the others are left as the file has them, which another process may have changed while
    the form was open. ValidationError (nothing saved) when one is refused."""
    changes: dict[str, object] = {SETTING_NAMES.get(name, name): value for name, value in edited.items()}
    if "followup_days_by_channel" in changes:
        changes["followup_days_by_channel"] = typed_channel_days(edited[FORM_IDS["followup_days_by_channel"]])
    if "timezone" in changes:
        changes["timezone"] = typed_timezone(edited["timezone"]) if edited["timezone"].strip() else None
    return store.change_settings(lambda _current: changes)


def open_settings_form(app: DailyReachApp, typed: dict[str, str] | None = None) -> None:
    """The form over whatever screen the palette was opened on; the store screen nearest the top saves
    it, so that the screens refresh once it is saved."""
    screen = next(under for under in reversed(app.screen_stack) if isinstance(under, StoreScreen))
    fields = settings_fields(app.store.settings())
    shown = {spec.id: spec.value for spec in fields}

    def save(answers: dict[str, str] | None) -> None:
        edited = {name: value for name, value in (answers or {}).items() if value != shown[name]}
        if answers is None or not edited:
            return
        screen.run_saving(
            lambda: save_answers(app.store, edited),
            lambda _saved: app.notify(_(SAVED)),
            failed=lambda: open_settings_form(app, answers),
        )

    app.push_screen(FieldsForm(_("Settings"), fields, typed), save)
