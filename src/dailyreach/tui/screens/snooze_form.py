"""The snooze form: until which day a contact is left out of Today."""

from __future__ import annotations

from collections.abc import Callable

from dailyreach.core.records.dates import day_text, parse_date
from dailyreach.core.records.model import Contact
from dailyreach.core.store.store import Store
from dailyreach.i18n import _
from dailyreach.tui.checks import Check
from dailyreach.tui.screens.fields_form import Field, FieldsForm


def _later_day(store: Store) -> Callable[[str], object]:
    def check(value: str) -> object:
        day = parse_date(value, store.now())
        if day <= store.today():
            raise ValueError(
                _("{value} is not after today ({today})").format(
                    value=repr(value.strip()), today=day_text(store.today())
                )
            )
        return day

    return check


def snooze_form(store: Store, contact: Contact) -> FieldsForm:
    return FieldsForm(
        _("Snooze: {name}").format(name=contact.name),
        [
            Field(
                "until",
                value=store.today().add(days=1).isoformat(),
                placeholder=_("tomorrow, friday, +10d or YYYY-MM-DD"),
                validators=[Check(_later_day(store), optional=False)],
            )
        ],
        save_label=_("Snooze"),
    )
