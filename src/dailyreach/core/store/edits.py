"""A contact edited in a form, saved over what another window or command saved since the form opened:
what the user changed goes in, what the other changed stays, and a field changed both ways is refused,
naming it, so that neither change is lost without a word."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from dailyreach.core.errors import ValidationError
from dailyreach.core.records.model import Contact
from dailyreach.core.records.text import shown
from dailyreach.i18n import _

# A contact's fields a form edits, one by one; its handles are merged platform by platform.
EDITED_FIELDS = (
    "name",
    "call_name",
    "why",
    "notes",
    "tags",
    "priority",
    "followers",
    "cadence_days",
    "archived",
)


class EditConflict(ValidationError):
    """``field`` was changed both in this form and, since it opened, by someone else, who left ``stored``."""

    def __init__(self, field_name: str, theirs: Any, stored: Contact) -> None:
        value = ", ".join(theirs) if isinstance(theirs, list) else theirs
        super().__init__(
            field_name,
            _(
                "changed in another window or command since this form opened, to {value}: Enter saves yours over it"
            ).format(value=shown("" if value is None else value)),
        )
        self.stored = stored


def edited_over(based_on: Contact, edited: Contact, stored: Contact) -> Contact:
    """``edited`` (``based_on`` as the form changed it) saved over ``stored``; EditConflict for a field both
    changed to different values."""
    fields = {
        name: _merged(name, getattr(based_on, name), getattr(edited, name), getattr(stored, name), stored)
        for name in EDITED_FIELDS
    }
    # The form's order first: the first handle is the contact's main channel.
    platforms = dict.fromkeys([*edited.handles, *stored.handles, *based_on.handles])
    handles = {}
    for platform in platforms:
        handle = _merged(
            platform,
            based_on.handles.get(platform),
            edited.handles.get(platform),
            stored.handles.get(platform),
            stored,
        )
        if handle:
            handles[platform] = handle
    return replace(edited, **fields, handles=handles)


def _merged(field_name: str, base: Any, mine: Any, theirs: Any, stored: Contact) -> Any:
    if mine == base:
        return theirs
    if theirs in (base, mine):
        return mine
    raise EditConflict(field_name, theirs, stored)
