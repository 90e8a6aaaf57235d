"""``log``: the interaction a command line names, logged. ``record_commands.log`` runs it through click;
``dailyreach.cli`` runs it without click when the command line is ``log CONTACT KIND`` with at most its own
options and the global ones: it is the command scripts and shell aliases run all day, and click is a
fifth of its time.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dailyreach.core.records.model import Contact, Interaction
    from dailyreach.core.store.store import Store

# ``log``'s options, each taking a value; the keys are the parameters of ``log_interaction``.
OPTIONS = {"--channel": "channel", "--at": "when", "--text": "text"}


def log_interaction(
    store: Store, contact: str, kind: str, channel: str | None = None, when: str = "now", text: str = ""
) -> tuple[Interaction, Contact]:
    """Log ``kind`` with ``contact`` (an id, a handle or a name) on ``channel`` (default: the contact's
    main one) at ``when`` (as ``parse_when`` reads it); returns the interaction and the contact."""
    from dailyreach.core.planning.lookup import find_contact
    from dailyreach.core.records.dates import parse_when
    from dailyreach.core.records.model import Interaction

    # An id is looked up directly: making every contact to search handles and names takes ~14 ms at 5,000.
    person = store.contact(contact.strip()) or find_contact(store.contacts(include_archived=True), contact)
    interaction = Interaction.from_dict(
        {
            "contact_id": person.id,
            "kind": kind,
            "channel": channel or person.main_channel,
            "at": parse_when(when, store.local_now()).isoformat(),
            "text": text,
        }
    )
    return store.add_interaction(interaction), person


def logged_text(interaction: Interaction, person: Contact, on_terminal: bool) -> str:
    """What ``log`` prints: on a terminal, who got the entry, as the app's undo names it; to a pipe or
    a file, the id alone, which scripts read."""
    if not on_terminal:
        return interaction.id
    from dailyreach.core.records.model import INTERACTION_PHRASES
    from dailyreach.i18n import _

    what = _(INTERACTION_PHRASES[interaction.kind]).format(name=person.name)
    return _("Logged {what} (entry {id})").format(what=what, id=interaction.id)


def read_arguments(args: list[str]) -> dict[str, str] | None:
    """``log_interaction``'s arguments from what follows ``log``, read as click reads them; None when
    click must answer (``--help``, an option it does not take, a missing value or argument, ``--``)."""
    from dailyreach.cli import command_options

    read = command_options(args, OPTIONS)
    if read is None or len(read[1]) != 2:
        return None
    found, (contact, kind) = read
    return {"contact": contact, "kind": kind} | found


def log_without_click(db: str, arguments: dict[str, str]) -> bool:
    """Log as the command would and print what it prints; False, having logged nothing, when the store has
    records it cannot read (the command warns of them first)."""
    from dailyreach.cli.opening import open_store
    from dailyreach.core.records.text import terminal_safe

    store = open_store(db)
    with store.reading():
        if store.problems():
            return False
        logged = logged_text(*log_interaction(store, **arguments), sys.stdout.isatty())
    sys.stdout.write(terminal_safe(logged) + "\n")
    sys.stdout.flush()
    return True
