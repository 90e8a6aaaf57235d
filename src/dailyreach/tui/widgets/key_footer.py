"""Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from dailyreach.i18n import _

ROOMY = 100
ShownKeys = tuple[tuple[str, str, str, bool, str], ...]


def shown_keys(screen: Screen) -> ShownKeys:
    return tuple(
        (binding.key, binding.action, binding.description, enabled, tooltip)
        for _, binding, enabled, tooltip in screen.active_bindings.values()
        if binding.show
    )


class KeyFooter(Footer):
    """Footer mounts a widget per key whenever the focus moves, which costs more than the keypress that
    moved it: this one rebuilds only when the keys differ from those it shows, and not at all while held
    (until the screen first shows its data, and while a bar has the focus for a moment)."""

    _composed: ShownKeys | None = None

    def __init__(self) -> None:
        super().__init__()
        self.holds = 1

    def on_resize(self) -> None:
        # Under 100 columns the palette key gives its room to the screen's own (ctrl+p still works).
        roomy = self.size.width >= ROOMY
        if self.show_command_palette != roomy:
            self.show_command_palette = roomy
            if self._bindings_ready:
                self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed = shown_keys(self.screen)
        # A screen may name some keys shorter here than in ? and ctrl+p, to fit its footer in 80 columns.
        labels: dict[str, str] = getattr(self.screen, "FOOTER_LABELS", {})
        for widget in super().compose():
            if isinstance(widget, FooterKey) and widget.action in labels:
                widget.description = _(labels[widget.action])
            yield widget

    def bindings_changed(self, screen: Screen) -> None:
        if self.holds or (self._composed is not None and shown_keys(screen) == self._composed):
            return
        super().bindings_changed(screen)

    def hold(self) -> None:
        self.holds += 1

    def release(self) -> None:
        """Follow the keys again, from where the focus now is, once nothing holds the footer."""
        self.holds -= 1
        if not self.holds and self.is_attached:
            # From the footer's own queue: its keys bind to it, so it must be the one composing them.
            self.call_next(self.bindings_changed, self.screen)
