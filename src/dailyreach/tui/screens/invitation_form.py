"""The invitation forms: a new invitation, declining one, and its host as a target."""

from __future__ import annotations

from textual.validation import Function, Number

from dailyreach.core.dates import parse_date
from dailyreach.core.errors import DateParseError
from dailyreach.core.model import INVITATION_KINDS, Invitation
from dailyreach.core.store import Store
from dailyreach.tui.screens.fields_form import Field, FieldsForm


def _is_day_or_empty(store: Store):
    def check(value: str) -> bool:
        if not value.strip():
            return True
        try:
            parse_date(value, store.now())
        except DateParseError:
            return False
        return True

    return check


def invitation_form(store: Store, typed: dict[str, str] | None = None) -> FieldsForm:
    currency = store.settings().currency
    return FieldsForm(
        "New invitation",
        [
            Field("title", "Title", validators=[Function(lambda v: bool(v.strip()), "a title is needed")]),
            Field("from", "From", placeholder="who invited you"),
            Field(
                "event_date",
                "Date",
                placeholder="2026-12-01, friday, +10d",
                validators=[Function(_is_day_or_empty(store), "not a date")],
            ),
            Field(
                "kind",
                "Kind",
                "mixer",
                validators=[Function(lambda v: v in INVITATION_KINDS, ", ".join(INVITATION_KINDS))],
            ),
            Field(
                "hours", "Hours", "3", validators=[Number(minimum=0, failure_description="hours, 0 or more")]
            ),
            Field(
                "cost",
                "Cost",
                "",
                f"in {currency}",
                validators=[Function(_is_amount, "an amount, 0 or more")],
            ),
            Field(
                "decline",
                "Decline now",
                "yes",
                validators=[Function(lambda v: v in ("yes", "no"), "yes or no")],
            ),
        ],
        typed,
    )


def _is_amount(value: str) -> bool:
    if not value.strip():
        return True
    try:
        return float(value) >= 0
    except ValueError:
        return False


def invitation_fields(store: Store, answers: dict[str, str]) -> dict:
    """The form's answers as fields for Invitation.from_dict."""
    now = store.now()
    declined = answers["decline"] == "yes"
    event_date = answers["event_date"].strip()
    return {
        "title": answers["title"],
        "from": answers["from"],
        "event_date": parse_date(event_date, now).isoformat() if event_date else None,
        "kind": answers["kind"],
        "hours": answers["hours"],
        "cost": answers["cost"],
        "currency": store.settings().currency,
        "status": "declined" if declined else "undecided",
        "decided_at": now.isoformat() if declined else None,
    }


def decline_form(invitation: Invitation) -> FieldsForm:
    return FieldsForm(f"Decline: {invitation.title}", [Field("note", "Reason", "", "optional")])


def host_as_target(invitation: Invitation) -> dict:
    """The new-target form's values for an invitation's host."""
    return {"name": invitation.host, "why": f"met via: declined {invitation.title}"}
