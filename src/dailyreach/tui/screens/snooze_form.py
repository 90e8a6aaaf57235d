"""The snooze form, until which day a contact is left out of Today (or today, to end a snooze), and its s."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dailyreach.core.planning.planner import snoozed_until
from dailyreach.core.records.dates import day_text, parse_date
from dailyreach.core.records.model import Contact, Snooze
from dailyreach.core.store.store import Store
from dailyreach.i18n import _
from dailyreach.tui.checks import Check
from dailyreach.tui.screens.fields_form import Field, FieldsForm
from dailyreach.tui.words import iso_day_text

if TYPE_CHECKING:
    from dailyreach.tui.screens.base import StoreScreen
    from dailyreach.tui.screens.main import MainScreen


def _snooze_day(store: Store, running: bool) -> Callable[[str], object]:
    """A day after today; or today, which ends a ``running`` snooze."""

    def check(value: str) -> object:
        day = parse_date(value, store.now())
        if day < store.today() or (day == store.today() and not running):
            problem = (
                _("{value} is before today ({today}): today ends the snooze")
                if running
                else _("{value} is not after today ({today})")
            )
            raise ValueError(problem.format(value=repr(value.strip()), today=day_text(store.today())))
        return day

    return check


def snooze_form(store: Store, contact: Contact) -> FieldsForm:
    """Tomorrow, or the day a snooze running now ends: Enter keeps it, not shortens it; today ends it."""
    tomorrow = store.today().add(days=1).isoformat()
    running = snoozed_until(store.snoozes(), contact.id, store.today())
    title = (
        _("Snooze: {name}, until {day} (today ends the snooze)").format(
            name=contact.name, day=iso_day_text(running, store.today())
        )
        if running
        else _("Snooze: {name}").format(name=contact.name)
    )
    return FieldsForm(
        title,
        [
            Field(
                "until",
                value=max(running or tomorrow, tomorrow),
                placeholder=_("tomorrow, friday, +10d or YYYY-MM-DD"),
                validators=[Check(_snooze_day(store, running is not None), optional=False)],
            )
        ],
        save_label=_("Snooze"),
    )


def snooze(
    screen: StoreScreen,
    contact: Contact,
    *,
    done_today: Callable[[], bool] = lambda: False,
    leaving: Callable[[], None] = lambda: None,
    stayed: Callable[[], None] = lambda: None,
) -> None:
    """The form for ``contact`` on ``screen``, and its save: a snooze, or its end when today is typed.
    Of a snooze, ``done_today`` says whether the contact stays in today's plan, shown done; ``leaving`` is
    told as it is saved and ``stayed`` if the save failed."""
    store = screen.store

    def save(answers: dict[str, str] | None) -> None:
        if answers is None:
            return
        day = parse_date(answers["until"], store.now())
        if day <= store.today():
            screen.run_saving(
                lambda: store.end_snooze(contact.id),
                lambda _result: screen.notify(
                    _("{name}'s snooze ended: back in the plans from today").format(name=contact.name),
                    markup=False,
                ),
            )
            return
        done = done_today()
        said = (
            _("Done today, so {name} stays in today's plan; snoozed until {day}")
            if done
            else _("Snoozed {name} until {day}")
        )
        if not done:
            leaving()
        screen.run_saving(
            lambda: store.snooze(Snooze(contact_id=contact.id, until=day.isoformat())),
            lambda _result: screen.notify(
                said.format(name=contact.name, day=day_text(day, store.today())), markup=False
            ),
            stayed,
        )

    screen.app.push_screen(snooze_form(store, contact), save)


def snooze_on_main(screen: MainScreen, contact: Contact) -> None:
    """``snooze`` on the main screen: done today, the contact stays in today's plan (shown done); a Today
    row the snooze takes away hands its place to the cursor."""

    def done_today() -> bool:
        return screen.agenda is not None and any(
            item.done and item.contact.id == contact.id for item in screen.agenda.items
        )

    def leaving() -> None:
        today = screen.pane("today")
        if screen.current == "today" and contact.id in today.rows:
            screen.snoozed_row = (contact.id, today.get_row_index(contact.id))

    def stayed() -> None:
        screen.snoozed_row = None

    snooze(screen, contact, done_today=done_today, leaving=leaving, stayed=stayed)
