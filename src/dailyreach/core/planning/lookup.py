"""Finding the contact or invitation a person means by an id, a handle, a name or the start of one."""

from __future__ import annotations

import unicodedata
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


def folded(text: str) -> str:
    """Text as a lookup compares it: any case, full-width letters as ASCII and half-width kana as
    full-width (NFKC), and Latin letters without their accents (José as jose, as typed on any keyboard;
    kana keep their voicing marks: ガ is not カ), as the contacts list searches."""
    bare = "".join(
        character
        for character in unicodedata.normalize("NFKD", text)
        if not "\u0300" <= character <= "\u036f"  # the combining accents of Latin letters
    )
    return unicodedata.normalize("NFKC", bare).casefold()


def _separates(character: str) -> bool:
    return character.isspace() or unicodedata.category(character).startswith("P")


def word_starts(text: str) -> list[int]:
    """Where each word of ``text`` begins: after a space or a punctuation mark ("Ann-Marie", "(Bob)")."""
    return [
        index
        for index, character in enumerate(text)
        if not _separates(character) and (index == 0 or _separates(text[index - 1]))
    ]


def _from_a_word(name: str, wanted: str) -> bool:
    """Whether ``name`` goes on as ``wanted`` from the start of one of its words: "太郎" in "山田 太郎",
    "family em" in "👨‍👩‍👧 family emoji" (both folded)."""
    return any(name.startswith(wanted, index) for index in word_starts(name))


def _whole_word_at(text: str, start: int, length: int) -> bool:
    """Whether the ``length`` characters from ``start`` of ``text`` end where a word does."""
    end = start + length
    return end == len(text) or _separates(text[end])


def _holds_whole_word(name: str, wanted: str) -> bool:
    """Whether ``name`` holds ``wanted`` as a whole word: "ann" in "Ann Smith", not in "Anna Lee"."""
    return any(
        name.startswith(wanted, start) and _whole_word_at(name, start, len(wanted))
        for start in word_starts(name)
    )


def _whole_words_first(matches: list[tuple[Contact, bool]]) -> list[Contact]:
    """The contacts of ``matches`` (each with whether it matched a whole word) that matched a whole word,
    when any did; else all of them."""
    whole = [contact for contact, is_whole in matches if is_whole]
    return whole or [contact for contact, _is_whole in matches]


def _bare_handle(handle: str) -> str:
    """A handle as lookups compare it: folded, without its "@" or a web address's scheme."""
    text = folded(handle)
    for prefix in ("https://", "http://", "www.", "@"):
        text = text.removeprefix(prefix)
    return text


def _word_or_handle_match(contact: Contact, name: str, wanted: str, bare: str) -> tuple[Contact, bool] | None:
    """``contact`` and whether it matched a whole word, when a word of its (folded) ``name`` starts
    with ``wanted`` or one of its handles with ``bare`` (the query as ``_bare_handle``); a handle's
    words end as a name's do ("red" is whole in @red@mastodon.social), so a name and a handle that match
    alike tie rather than the name winning."""
    handles = [
        handle for handle in map(_bare_handle, contact.handles.values()) if bare and handle.startswith(bare)
    ]
    if not handles and not _from_a_word(name, wanted):
        return None
    whole = _holds_whole_word(name, wanted) or any(_whole_word_at(handle, 0, len(bare)) for handle in handles)
    return contact, whole


def _without_spaces(names: list[tuple[Contact, str]], wanted: str) -> list[Contact]:
    """The contacts whose name starts as ``wanted`` once the spaces are gone from both, the whole name
    first: Japanese names are often typed without the space between the family and given name (山田太郎
    for 山田 太郎)."""
    squeezed = "".join(wanted.split())
    spaceless = [(contact, "".join(name.split())) for contact, name in names]
    return [contact for contact, name in spaceless if name == squeezed] or [
        contact for contact, name in spaceless if name.startswith(squeezed)
    ]


def find_contact(contacts: list[Contact], query: str, *, exactly: bool = False) -> Contact:
    """The one contact ``query`` names. An exact match wins: its id; then one of its handles or its
    name, alike; then the start of its name; then the start of any word of its name or of one of its
    handles (so the lookups that found one contact before still find it). Among the contacts a step
    finds, those whose name or handle holds ``query`` as a whole word come first: "ann" is Ann Smith, not
    Anna Lee; "red" is both Ann Red and @red@mastodon.social, so it is ambiguous. Names and handles are
    compared ``folded``: any case, full-width or half-width. Last, a name typed without its spaces.
    ``exactly``: by the exact match alone, for a deletion, where the start of a name may be someone else."""
    text = query.strip()
    for contact in contacts:
        if contact.id == text:
            return contact
    # Handles in any case, as two contacts' handles are told apart (``contact_with_same_handle``).
    handles = {(platform, handle.casefold()) for platform, handle in matching_handles(text).items()}
    wanted = folded(text)
    names = [(contact, folded(contact.name)) for contact in contacts] if wanted else []
    # A handle and a name named exactly are alike: "ann" is the GitHub user ann and everyone named Ann,
    # whatever the case it is typed in, so a bare word never picks one of them unsaid.
    found = [
        contact
        for contact, name in names
        if name == wanted or any((p, handle.casefold()) in handles for p, handle in contact.handles.items())
    ]
    if exactly and not found:
        raise NotFound(_("no contact is {query} (by id, handle or whole name)").format(query=repr(query)))
    found = found or _whole_words_first(
        [(contact, _holds_whole_word(name, wanted)) for contact, name in names if name.startswith(wanted)]
    )
    bare = _bare_handle(text)
    found = found or _whole_words_first(
        [match for contact, name in names if (match := _word_or_handle_match(contact, name, wanted, bare))]
    )
    found = found or _without_spaces(names, wanted)
    if not found:
        raise NotFound(_("no contact matches {query} (by id, handle or name)").format(query=repr(query)))
    return _one(query, "contacts", found, describe)


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
