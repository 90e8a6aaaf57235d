"""Every key id a user can remap in the config file. Knowing them means loading every screen, so they are
asked for only when needed (a first run writes them into the starter config; a config that remaps keys
is checked against them), not on every start."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from textual.binding import Binding
from textual.dom import DOMNode


def screens_with_keys() -> list[tuple[type[DOMNode], ...]]:
    """Each screen with the widgets on it that have keys of their own: where keys can clash."""
    from dailyreach.tui.screens.contact import ContactScreen, Timeline
    from dailyreach.tui.screens.contacts import ContactList, ContactsScreen
    from dailyreach.tui.screens.draft import DraftScreen
    from dailyreach.tui.screens.fields_form import FieldsForm
    from dailyreach.tui.screens.import_preview import ImportPreviewScreen
    from dailyreach.tui.screens.main import ContactPane, MainScreen
    from dailyreach.tui.screens.stats import StatsScreen
    from dailyreach.tui.screens.templates import TemplateForm, TemplateList, TemplatesScreen
    from dailyreach.tui.screens.weekly_review import WeeklyReviewScreen

    return [
        (MainScreen, ContactPane),
        (ContactScreen, Timeline),
        (ContactsScreen, ContactList),
        (FieldsForm,),
        (ImportPreviewScreen,),
        (StatsScreen,),
        (WeeklyReviewScreen,),
        (DraftScreen,),
        (TemplatesScreen, TemplateList, TemplateForm),
    ]


def class_bindings(cls: type[DOMNode]) -> Iterator[Binding]:
    """The bindings ``cls`` and the classes it comes from declare, its own first."""
    for base in cls.__mro__:
        if "BINDINGS" in base.__dict__:
            yield from Binding.make_bindings(base.__dict__["BINDINGS"])


def _keys(keys: str) -> set[str]:
    """``keys`` ("?,ctrl+q") as Textual names each of them (question_mark, ctrl+q)."""
    return {binding.key for binding in Binding.make_bindings([Binding(keys, "")])}


def binding_ids() -> set[str]:
    from dailyreach.tui.app import DailyReachApp

    classes: list[type[DOMNode]] = [DailyReachApp, *(cls for screen in screens_with_keys() for cls in screen)]
    return {binding.id for cls in classes for binding in class_bindings(cls) if binding.id}


def key_clashes(keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(key, the id the config gives it, the action that has it too) for each key the config gives an
    action where another action on the same screen (or the app's) has it, and had it before: one of the
    two keeps it, by Textual's order, and the other silently does nothing. Keys shared by design (x is
    the Declined pane's decline and the other panes' close) are not the config's doing, and not said."""
    from dailyreach.tui.app import DailyReachApp

    found = set()
    for screen in screens_with_keys():
        classes: tuple[type[DOMNode], ...] = (*screen, DailyReachApp)
        bindings = [binding for cls in classes for binding in class_bindings(cls)]
        for given in bindings:
            if not given.id or not keymap.get(given.id):
                continue
            for key in _keys(keymap[given.id]) - _keys(given.key):
                for other in bindings:
                    if other.action == given.action or other.id == given.id:
                        continue
                    if key in _keys(keymap.get(other.id or "", "") or other.key):
                        found.add((key, given.id, other.id or other.action))
    return sorted(found)


MODIFIERS = {"ctrl", "shift", "alt", "meta", "super", "hyper"}


def unknown_keys(keys: str) -> list[str]:
    """The keys of ``keys`` ("ctrl+", "ctlr+d", "F 5") that no key press is named, as Textual names keys:
    given to an action, they left it with no key, and nothing said why."""
    from textual.keys import REPLACED_KEYS, Keys, key_to_character

    named = {key.value for key in Keys}
    unknown = []
    for key in keys.split(","):
        *modifiers, base = key.strip().split("+")
        # Textual's own names for some characters (slash, minus, plus) are not their Unicode names.
        known = len(base) == 1 or base in named or key_to_character(REPLACED_KEYS.get(base, base)) is not None
        if not known or not set(modifiers) <= MODIFIERS:
            unknown.append(key.strip())
    return unknown
