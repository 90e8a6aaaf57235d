"""The invitation forms: a new invitation, editing one, declining one, and its host as a target."""

from __future__ import annotations

from textual import on
from textual.widgets import Input

from dailyreach.core.errors import ValidationError
from dailyreach.core.records.dates import parse_date
from dailyreach.core.records.model import INVITATION_KINDS, INVITATION_STATUSES, Contact, Invitation
from dailyreach.core.records.validation import amount_currency
from dailyreach.core.store.store import Store
from dailyreach.i18n import _
from dailyreach.tui.checks import Check
from dailyreach.tui.screens.fields_form import YES, Choice, Field, FieldsForm
from dailyreach.wording import invitation_kind_label, invitation_status_label

# The currencies offered first; any other three-letter code typed with the cost is added to them.
CURRENCIES = ("JPY", "USD", "EUR", "GBP", "CNY", "KRW", "TWD", "HKD", "SGD", "AUD", "CAD", "CHF", "INR")


def _invitation_check(field_id: str, *, optional: bool = True) -> Check:
    """The invitation's own check of one field, as the command line's ``invite`` makes it."""
    return Check(lambda value: Invitation.from_dict({"title": "-", field_id: value}), optional=optional)


def _currency_choices(*first: str) -> tuple[tuple[str, str], ...]:
    codes = dict.fromkeys([*first, *CURRENCIES])
    return tuple((code, code) for code in codes)


def invitation_form(
    store: Store, typed: dict[str, str] | None = None, title: str | None = None, *, editing: bool = False
) -> FieldsForm:
    """Title and cost first: a declined invitation is remembered for what declining it saved. ``typed``:
    the fields as they are shown (an invitation's own, to edit it: ``invitation_values``). A new one
    is declined now or not; one ``editing`` has its status (accepted too: gone from the pane, kept) and
    the reason it was declined for."""
    currency = store.settings().currency
    typed_currency = (typed or {}).get("currency", currency)
    note = Field("note", _("Reason"), placeholder=_("optional"), multiline=True)
    return InvitationForm(
        title or _("New invitation"),
        [
            Field("title", validators=[_invitation_check("title", optional=False)]),
            Field(
                "cost",
                placeholder=_("5000, ¥5,000, 40 USD"),
                validators=[_invitation_check("cost")],
                beside=Field("currency", value=currency, choices=_currency_choices(typed_currency, currency)),
            ),
            Field(
                "event_date",
                placeholder=_("2026-12-01, friday, +10d"),
                validators=[Check(lambda value: parse_date(value, store.now()))],
            ),
            Field(
                "kind",
                value="mixer",
                choices=tuple((invitation_kind_label(kind), kind) for kind in INVITATION_KINDS),
            ),
            Field("hours", value="3", validators=[_invitation_check("hours")]),
            Field("from", placeholder=_("who invited you")),
            *(
                [
                    # Not "status": the main screen's header line has that id, and its style.
                    Field(
                        "decision",
                        _("Status"),
                        value="undecided",
                        choices=tuple(
                            (invitation_status_label(status), status) for status in INVITATION_STATUSES
                        ),
                    ),
                    note,
                ]
                if editing
                else [note, Field("decline", _("Decline now"), YES, switch=True)]
            ),
        ],
        typed,
    )


class InvitationForm(FieldsForm):
    """A cost typed with its currency (¥5000, 5000 JPY) sets the currency beside it."""

    @on(Input.Changed, "#cost")
    def follow_cost(self, event: Input.Changed) -> None:
        code = amount_currency(event.value)
        currencies = self.query_one("#currency", Choice)
        if code is None or code == currencies.value:
            return
        if code not in [value for _, value in currencies.choices]:
            currencies.choices = _currency_choices(code, *(value for _, value in currencies.choices))
            currencies.set_options(currencies.choices)
        currencies.value = code


def invitation_fields(store: Store, answers: dict[str, str]) -> dict:
    """The form's answers as fields for Invitation.from_dict, which checks them."""
    now = store.now()
    status = (
        answers["decision"]
        if "decision" in answers
        else "declined"
        if answers["decline"] == YES
        else "undecided"
    )
    event_date = answers["event_date"].strip()
    return {
        "title": answers["title"],
        "from": answers["from"],
        "event_date": parse_date(event_date, now).isoformat() if event_date else None,
        "kind": answers["kind"],
        "hours": answers["hours"],
        "cost": answers["cost"],
        # A cost typed as ¥5000 is in yen whatever the list beside it says.
        "currency": amount_currency(answers["cost"]) or answers["currency"],
        "status": status,
        "decided_at": None if status == "undecided" else now.isoformat(),
        "note": answers["note"],
    }


def invitation_values(invitation: Invitation) -> dict[str, str]:
    """An invitation's fields as its form shows them, to edit it."""
    return {
        "title": invitation.title,
        # Whole amounts are held as whole numbers (validation.amount): shown as typed, 5000 not 5000.0.
        "cost": "" if invitation.cost is None else str(invitation.cost),
        "currency": invitation.currency,
        "event_date": invitation.event_date or "",
        "kind": invitation.kind,
        "hours": "" if invitation.hours is None else str(invitation.hours),
        "from": invitation.host,
        "decision": invitation.status,
        "note": invitation.note,
    }


def edited_invitation_fields(store: Store, invitation: Invitation, answers: dict[str, str]) -> dict:
    """The form's answers for ``invitation`` edited: its id kept, and when it was decided unless the edit
    changes its status."""
    fields = invitation_fields(store, answers)
    if fields["status"] == invitation.status:
        fields["decided_at"] = invitation.decided_at
    return {**fields, "id": invitation.id}


def decline_form(invitation: Invitation) -> FieldsForm:
    """The reason it held before, when a decline taken back (E) is made again."""
    return FieldsForm(
        _("Decline: {title}").format(title=invitation.title),
        [Field("note", _("Reason"), invitation.note, placeholder=_("optional"), multiline=True)],
        save_label=_("Decline"),
    )


def host_as_target(invitation: Invitation) -> dict:
    """The new-target form's values for an invitation's host: met via the invitation, declined or not yet."""
    met_via = (
        _("met via: declined {title}")
        if invitation.status == "declined"
        else _("met via: invited to {title}")
    )
    return {"name": invitation.host, "why": met_via.format(title=invitation.title)}


def known_host(host: str, contacts: list[Contact]) -> Contact | None:
    """The contact an invitation's host already is: by the handle the host names (``Mike Host @mike``),
    else by the name, in any case. None when the host is nobody yet."""
    from dailyreach.core.planning.lookup import contact_with_same_handle
    from dailyreach.tui.screens.contact_form import likely_platform, name_and_handle

    both = name_and_handle(host)
    name = both[0] if both else host.strip()
    if both is not None:
        try:
            candidate = Contact.from_dict({"name": name, "handles": {likely_platform(both[1], "x"): both[1]}})
        except ValidationError:
            candidate = None
        twin = contact_with_same_handle(contacts, candidate) if candidate else None
        if twin is not None:
            return twin
    return next((contact for contact in contacts if contact.name.casefold() == name.casefold()), None)
