"""The snooze form, until which day a contact is left out of Today, and the main screen's s."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dailyreach.core.records.dates import day_text, parse_date
from dailyreach.core.records.model import Contact, Snooze
from dailyreach.core.store.store import Store
from dailyreach.i18n import _
from dailyreach.tui.checks import Check
from dailyreach.tui.screens.fields_form import Field, FieldsForm

if TYPE_CHECKING:
    from dailyreach.tui.screens.main import MainScreen


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
    """Tomorrow, or the day a snooze running now ends: Enter keeps it, not shortens it."""
    tomorrow = store.today().add(days=1).isoformat()
    return FieldsForm(
        _("Snooze: {name}").format(name=contact.name),
        [
            Field(
                "until",
                value=max(store.snoozes().get(contact.id, tomorrow), tomorrow),
                placeholder=_("tomorrow, friday, +10d or YYYY-MM-DD"),
                validators=[Check(_later_day(store), optional=False)],
            )
        ],
        save_label=_("Snooze"),
    )


def snooze(screen: MainScreen, contact: Contact) -> None:
    """The form for ``contact``; saved, Today's cursor takes the place of the row the snooze takes away."""
    store = screen.store

    def save(answers: dict[str, str] | None) -> None:
        if answers is None:
            return
        day = parse_date(answers["until"], store.now())
        until = day.isoformat()
        # Done today, it stays in today's plan (shown done): the snooze keeps it out of later days.
        done = screen.agenda is not None and any(
            item.done and item.contact.id == contact.id for item in screen.agenda.items
        )
        said = (
            _("Done today, so {name} stays in today's plan; snoozed until {day}")
            if done
            else _("Snoozed {name} until {day}")
        )
        today = screen.pane("today")
        if screen.current == "today" and not done and contact.id in today.rows:
            screen.snoozed_row = (contact.id, today.get_row_index(contact.id))

        def not_snoozed() -> None:
            screen.snoozed_row = None

        screen.run_saving(
            lambda: store.snooze(Snooze(contact_id=contact.id, until=until)),
            lambda _result: screen.notify(
                said.format(name=contact.name, day=day_text(day, store.today())), markup=False
            ),
            not_snoozed,
        )

    screen.app.push_screen(snooze_form(store, contact), save)
