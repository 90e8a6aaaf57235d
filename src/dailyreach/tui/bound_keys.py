"""The key that does an action, for the hints that name one ("d logs the DM"): the config file may remap
any key with an id, and a hint naming the default would send the user to a key that does nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import App
from textual.binding import Binding

from dailyreach.tui.keymap import class_bindings

if TYPE_CHECKING:
    from dailyreach.tui.app import DailyReachApp


def bound_key(app: App, binding_id: str) -> str:
    """The key that does ``binding_id``, as the footer names it: the first the config file gives it, else
    its default on the topmost screen that has it (on the screen, a widget of it or the app); "" when
    none has it. Not only the keys the focus reaches: x is the Declined pane's decline and the other
    panes' close, and each hint names the one it means."""
    remapped = cast("DailyReachApp", app).config.keys.get(binding_id)
    if remapped:
        return _in_words(app, Binding(remapped.split(",")[0].strip(), ""))
    for screen in reversed(app.screen_stack):
        for node in (screen, *screen.walk_children(), app):
            for binding in class_bindings(type(node)):
                if binding.id == binding_id:
                    return _in_words(app, binding)
    return ""


def _in_words(app: App, binding: Binding) -> str:
    """The key as the footer shows it, but ctrl spelled out in a sentence: "ctrl+l logs it", not "^l"."""
    shown = app.get_key_display(binding)
    return f"ctrl+{shown[1:]}" if shown.startswith("^") and len(shown) > 1 else shown
