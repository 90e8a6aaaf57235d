"""Finding the contact or invitation a person means by an id, a handle, a name or a name's start."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from dailyreach.core.records.handles import matching_handles
from dailyreach.core.records.model import Contact, Invitation
from dailyreach.core.store.storage import StoreError
from dailyreach.i18n import _, ngettext

CANDIDATES_SHOWN = 8
Found = TypeVar("Found", Contact, Invitation)


class NotFound(StoreError):
    pass


class Ambiguous(StoreError):
    pass


def describe(contact: Contact) -> str:
    handle = next(iter(contact.handles.values()), "")
    return f"{contact.name} ({contact.id}{', ' + handle if handle else ''})"


def _one(query: str, what: str, matches: list[Found], label: Callable[[Found], str]) -> Found:
    if len(matches) == 1:
        return matches[0]
    listed = "\n".join(f"  {label(match)}" for match in matches[:CANDIDATES_SHOWN])
    more = (
        "\n  " + _("... and {count} more").format(count=len(matches) - CANDIDATES_SHOWN)
        if len(matches) > CANDIDATES_SHOWN
        else ""
    )
    count = len(matches)
    matching = (
        ngettext(
            "{query} matches {count} contact; use an id:",
            "{query} matches {count} contacts; use an id:",
            count,
        )
        if what == "contacts"
        else ngettext(
            "{query} matches {count} invitation; use an id:",
            "{query} matches {count} invitations; use an id:",
            count,
        )
    )
    raise Ambiguous(matching.format(query=repr(query), count=count) + f"\n{listed}{more}")


def find_contact(contacts: list[Contact], query: str) -> Contact:
    """The one contact ``query`` names: its id, one of its handles, its name, or the start of its name."""
    text = query.strip()
    for contact in contacts:
        if contact.id == text:
            return contact
    handles = matching_handles(text)
    by_handle = [
        contact
        for contact in contacts
        if any(contact.handles.get(platform) == handle for platform, handle in handles.items())
    ]
    if by_handle:
        return _one(query, "contacts", by_handle, describe)
    folded = text.casefold()
    by_name = [contact for contact in contacts if contact.name.casefold() == folded]
    by_name = by_name or [contact for contact in contacts if contact.name.casefold().startswith(folded)]
    if not by_name or not folded:
        raise NotFound(_("no contact matches {query} (by id, handle or name)").format(query=repr(query)))
    return _one(query, "contacts", by_name, describe)


def find_invitation(invitations: list[Invitation], query: str) -> Invitation:
    """The one invitation ``query`` names: its id, its title, or the start of its title."""
    text = query.strip()
    for invitation in invitations:
        if invitation.id == text:
            return invitation
    folded = text.casefold()
    matches = [inv for inv in invitations if inv.title.casefold() == folded]
    matches = matches or [inv for inv in invitations if inv.title.casefold().startswith(folded)]
    if not matches or not folded:
        raise NotFound(_("no invitation matches {query} (by id or title)").format(query=repr(query)))
    return _one(query, "invitations", matches, lambda inv: f"{inv.title} ({inv.id})")


def contact_with_same_handle(contacts: list[Contact], candidate: Contact) -> Contact | None:
    """Another contact with one of ``candidate``'s handles, compared regardless of case."""
    wanted = {(platform, handle.casefold()) for platform, handle in candidate.handles.items()}
    for contact in contacts:
        if contact.id != candidate.id and any(
            (platform, handle.casefold()) in wanted for platform, handle in contact.handles.items()
        ):
            return contact
    return None
