"""Key names in the interface's language: a class's BINDINGS are marked with ``N_`` (they are made at
import, before the language is chosen) and translated as each node is made, where Textual's footer, keys
panel (?) and command palette read ``binding.description``."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual import events
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import DataTable, Input

from dailyreach.i18n import N_, SOURCE_LANGUAGE, _, current_language

# Textual's own keys, as its widgets name them in the keys panel (?): translated with ours.
TEXTUAL_KEYS = (
    N_("Focus Next"),
    N_("Focus Previous"),
    N_("Copy selected text"),
    N_("Scroll Up"),
    N_("Scroll Down"),
    N_("Scroll Left"),
    N_("Scroll Right"),
    N_("Scroll Home"),
    N_("Scroll End"),
    N_("Move cursor left"),
    N_("Move cursor right or accept the completion suggestion"),
    N_("Go to start"),
    N_("Go to end"),
    N_("Page Up"),
    N_("Page Down"),
    N_("Page Left"),
    N_("Page Right"),
    N_("Move cursor left and select"),
    N_("Move cursor left a word"),
    N_("Move cursor left a word and select"),
    N_("Move cursor right and select"),
    N_("Move cursor right a word"),
    N_("Move cursor right a word and select"),
    N_("Delete character left"),
    N_("Select all"),
    N_("Select line start"),
    N_("Select line end"),
    N_("Delete character right"),
    N_("Submit"),
    N_("Delete left to start of word"),
    N_("Delete all to the left"),
    N_("Delete right to start of word"),
    N_("Delete all to the right"),
    N_("Cut selected text"),
    N_("Paste text from the clipboard"),
    N_("First"),
    N_("Last"),
    N_("Select"),
    N_("Dismiss menu"),
    N_("Cursor up"),
    N_("Cursor down"),
    N_("Cursor left"),
    N_("Cursor right"),
    N_("Home"),
    N_("End"),
    N_("Page up"),
    N_("Page down"),
    N_("Top"),
    N_("Bottom"),
)


def translated(binding: Binding) -> Binding:
    if not binding.description and not binding.tooltip:
        return binding
    return replace(
        binding,
        description=_(binding.description) if binding.description else "",
        tooltip=_(binding.tooltip) if binding.tooltip else "",
    )


def translate_bindings(node: DOMNode) -> None:
    """Give ``node`` its bindings in the interface's language. New lists: the class's own are shared by
    every node of the class (``BindingsMap.copy`` is shallow)."""
    if current_language() == SOURCE_LANGUAGE:
        return
    bindings = node._bindings.key_to_bindings
    for key, on_key in bindings.items():
        bindings[key] = [translated(binding) for binding in on_key]


class TranslatedBindings:
    """Mixed in ahead of a Textual class: its bindings are shown in the interface's language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)  # type: ignore[arg-type]


# Joiners and direction marks, which Python does not call printable and Textual's Input therefore drops
# when typed: 👩‍💻 came apart in two emoji, and Persian and Indic words lost a letter-shaping mark. The
# core keeps them (``strip_control``).
KEPT_FORMAT_CHARACTERS = frozenset("\u200c\u200d\u200e\u200f")


class TextInput(TranslatedBindings, Input):
    """A text box whose keys the keys panel names in the interface's language, which takes the joiners
    and direction marks typed into it, and whose own keys act in the order they were typed."""

    async def on_key(self, event: events.Key) -> None:
        if event.character in KEPT_FORMAT_CHARACTERS:
            event.stop()
            event.prevent_default()
            if self.selection.is_empty:
                self.insert_text_at_cursor(event.character)
            else:
                self.replace(event.character, *self.selection)
            return
        # Its own keys (Backspace, ctrl+u...) act here, between the letters around them. Left to bubble
        # up, the app looks them up later, from wherever the focus is by then: a Backspace typed just
        # before a Tab that arrived with it (a form moves the focus as Tab arrives) erased a letter of
        # the next field and left the typo in this one.
        await acted_in_turn(self, event)


async def acted_in_turn(node: DOMNode, event: events.Key) -> bool:
    """Whether one of ``node``'s own bindings of ``event``'s key (not a priority one) acted now, in turn
    with the keys around it, rather than once the key has bubbled up to the app; the key then stops."""
    for binding in node._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await node.app.run_action(binding.action, node):
            event.stop()
            event.prevent_default()
            return True
    return False


class Table(TranslatedBindings, DataTable):
    """A table (with Textual's own keys) whose keys the keys panel names in the interface's language."""


class Scroll(TranslatedBindings, VerticalScroll):
    """A scrolling column whose keys the keys panel names in the interface's language."""
