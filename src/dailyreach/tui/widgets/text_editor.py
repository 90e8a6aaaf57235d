"""The multi-line text box of drafts and templates, in a module of its own: Textual's TextArea is loaded
with the screens that use it, not with the main screen."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from dailyreach.tui.translated import KEPT_FORMAT_CHARACTERS


class TextEditor(TextArea):
    """A TextArea that takes the joiners and direction marks typed into it, as ``TextInput`` does: where
    messages with emoji are written, 👩‍💻 came apart in two."""

    def on_key(self, event: events.Key) -> None:
        if event.character in KEPT_FORMAT_CHARACTERS and not self.read_only:
            event.stop()
            event.prevent_default()
            self.replace(event.character, *self.selection)
