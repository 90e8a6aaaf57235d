"""Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from dailyreach.i18n import _

ROOMY = 100
# The cells a key takes beside its key and name (" d DM "), and compact ("d DM" and a margin); the
# palette's key has a border and padding of its own.
KEY_SPACING, COMPACT_KEY_SPACING = 3, 2
PALETTE_SPACING, COMPACT_PALETTE_SPACING = 5, 3
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

    def on_mount(self) -> None:
        # Textual sends no Resize at times when the keys panel (?) docks beside the footer and narrows it:
        # its width is looked at after each layout of the screen as well.
        self.screen.screen_layout_refresh_signal.subscribe(self, self._fit)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self, _screen: object = None) -> None:
        """Composed again for its width, but not while held: it would show the keys of a bar that has
        the focus for a moment (its release fits it)."""
        if (
            not self.holds
            and self._bindings_ready
            and self._palette_fit() != (self.show_command_palette, self.compact)
        ):
            self.refresh(recompose=True)

    def _palette_fit(self) -> tuple[bool, bool]:
        """Whether the palette's key (ctrl+p) shows, and whether the keys go compact to make room.

        From 100 columns it shows. Under that, on most screens the palette key gives its room to the
        screen's own keys (ctrl+p still works); a screen with ``PALETTE_KEY`` keeps it where it fits, the
        keys compact if they must: the palette is where the settings, the templates and jumping to a
        contact are found. Keys too wide for the footer (a longer language's) go compact too."""
        width = self.size.width
        if not width or width >= ROOMY:
            return True, False
        if not self._bindings_ready:
            return False, False
        active = self.screen.active_bindings
        labels: dict[str, str] = getattr(self.screen, "FOOTER_LABELS", {})
        first_by_action: dict[str, Binding] = {}
        for _node, binding, _enabled, _tooltip in active.values():
            if binding.show:
                first_by_action.setdefault(binding.action, binding)
        named = sum(
            cell_len(self.app.get_key_display(binding))
            + cell_len(_(labels[action]) if action in labels else binding.description)
            for action, binding in first_by_action.items()
        )
        keys = len(first_by_action)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and getattr(self.screen, "PALETTE_KEY", False):
            palette_cells = cell_len(self.app.get_key_display(palette.binding)) + cell_len(
                palette.binding.description
            )
            if named + KEY_SPACING * keys + palette_cells + PALETTE_SPACING <= width:
                return True, False
            if named + COMPACT_KEY_SPACING * keys + palette_cells + COMPACT_PALETTE_SPACING <= width:
                return True, True
        # Without the palette's key, the keys compact if they must still.
        return False, named + KEY_SPACING * keys > width

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._composed = shown_keys(self.screen)
        # A screen may name some keys shorter here than in ? and ctrl+p, to fit its footer in 80 columns.
        labels: dict[str, str] = getattr(self.screen, "FOOTER_LABELS", {})
        show_palette, compact = self._palette_fit()
        self.set_reactive(Footer.show_command_palette, show_palette)
        self.set_reactive(Footer.compact, compact)
        self.set_class(compact, "-compact")
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
            self.call_next(self._fit)
