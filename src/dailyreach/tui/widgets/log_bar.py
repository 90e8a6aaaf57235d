"""The one-line form behind each logging key: prefilled, so that the key and Enter log."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import Horizontal
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from dailyreach.core.records.dates import parse_when
from dailyreach.core.records.model import CHANNELS, channel_key, check_required_text
from dailyreach.core.records.text import shown
from dailyreach.i18n import N_, _
from dailyreach.report import clipped
from dailyreach.tui.checks import Check, input_problems
from dailyreach.tui.log_keys import KIND_TITLES
from dailyreach.tui.translated import TextInput, TranslatedBindings, acted_in_turn
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.widgets.note_input import NoteInput
from dailyreach.wording import channel_label

if TYPE_CHECKING:
    from pendulum import DateTime

HINT = N_("Enter logs, Escape cancels")
OPTIONAL = N_("optional")
# A note is its text: the box says so before Enter is refused for an empty one.
REQUIRED = N_("required")
# With the labels gone (a bare bar, at 80 columns), the note's placeholder names its box too.
BARE_NOTE = {OPTIONAL: N_("note, optional"), REQUIRED: N_("note, required")}
# When starts as now, a word the core reads in either language (今), and a box emptied is now again: its
# placeholder says so.
NOW = N_("now")
FIELDS = (("when", N_("When"), NOW), ("channel", N_("Channel"), ""), ("text", N_("Note"), OPTIONAL))

TITLE = N_("{kind}: {name}")
# The note gets the room first: under this many cells for it, the hint gives way (a refused log is also
# said in full), then the title, down to its share of the bar; the kind of log is never cut for the name.
NOTE_USEFUL = 30
# The cells a name is given when the bar decides whether its labels have room.
NAME_ROOM = 12
TITLE_SHARE = 0.28

Answered = Callable[[dict[str, str] | None], None]

# A refusal stays said while the bar is open (the next try or the close takes it back).
REFUSAL_STAYS_SECONDS = 600
# The title of every refusal of a log, the bar's own (a date it cannot read) and the store's alike.
NOT_LOGGED = N_("Not logged")


def log_title(kind: str, name: str, width: int) -> str:
    """The title "kind: name" in ``width`` cells. The kind of log is what Enter does, so it stays whole:
    the name ends in … and, when none of it fits, gives way altogether (the highlighted row shows it)."""
    joined = _(TITLE)
    if cell_len(joined.format(kind=kind, name=name)) <= width:
        return joined.format(kind=kind, name=name)
    name_room = width - cell_len(joined.format(kind=kind, name=""))
    name_shown = clipped(name, name_room)
    if not name_shown.rstrip("…"):
        return clipped(kind, width)
    return joined.format(kind=kind, name=name_shown)


class LogTitle(Widget):
    """The bar's title: what is logged, for whom, on one line whatever its width (see ``log_title``)."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.kind = ""
        self.who = ""

    def show(self, kind: str, who: str) -> None:
        self.kind, self.who = kind, who
        self.refresh(layout=True)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.whole_width

    @property
    def whole_width(self) -> int:
        """The cells the title takes uncut."""
        return cell_len(_(TITLE).format(kind=self.kind, name=self.who))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1

    def render(self) -> Text:
        return Text(log_title(self.kind, self.who, self.content_size.width), no_wrap=True, end="")


class _SubmitsTheBar(Input):
    """A field of the bar whose Enter closes the bar at once, not through a message waiting its turn, and
    which hands on the keys that reach it once the bar is closed: sent to it in the same write as the
    Enter or Escape that closed the bar, they are the pane's (a DM, Enter, then x: the x went into the
    closed bar's hidden field)."""

    async def action_submit(self) -> None:
        self.query_ancestor(LogBar).action_submit()

    async def on_key(self, event: events.Key) -> None:
        bar = self.query_ancestor(LogBar)
        if not bar.is_open:
            # Sent here in the same write as the Enter that closed the bar: where the focus is now.
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        # The bar's own keys (Escape) act here, in turn with the letters around them, as the field's do.
        await acted_in_turn(bar, event)


class _LogField(_SubmitsTheBar, TextInput):
    pass


class _LogNote(_SubmitsTheBar, NoteInput):
    pass


class LogBar(TranslatedBindings, Horizontal):
    """Opened in place of one line of the screen (``replaces``), not over it: opening and closing it
    repaint that line alone, while a form over the screen repaints the panes twice, the slowest part of
    logging. Answers go to the caller, which saves."""

    BINDINGS = [
        # In turn, as Enter (``_SubmitsTheBar``): the letters typed before it in one write are still on
        # their way to the field. Acting as it arrived, it sent them to the pane as its keys.
        Binding("escape", "cancel", N_("Cancel"), show=False, id="cancel_form"),
        # Round the bar's fields, as a form's Tab goes round its own: leaving it would drop what was typed.
        # Priority, as the forms' Tab: the focus moves before the keys that came with Tab in one write
        # (a slow link, tmux send-keys), which a Tab left to bubble up from the field typed into it.
        Binding("tab", "cycle(1)", N_("Next field"), show=False, priority=True),
        Binding("shift+tab", "cycle(-1)", N_("Previous field"), show=False, priority=True),
    ]

    def __init__(self, replaces: str | None = None) -> None:
        super().__init__()
        self.replaces = replaces
        self.answered: Answered | None = None
        self.initial: dict[str, str] = {}
        self.came_from: Widget | None = None
        # Whether the notice over the screen is this bar's refusal, said until the next try or the close.
        self.refused = False
        self.text_required = False

    def _build(self) -> None:
        """The title, the boxes and the hint, made once: after the screen's first frame (``prepare``), or
        by a log key that comes before it. Hidden until then, they were a seventh of that frame."""
        if self.children:
            return
        # By the names the app shows (X, LinkedIn, e-mail) or their keys, in any case, as the core takes them.
        names = ", ".join(channel_label(channel) for channel in CHANNELS)

        def channel(value: str) -> None:
            # Naming what was typed: with the labels gone at 80 columns, a time typed after one Tab too
            # many lands here, and "one of X, LinkedIn…" alone would not say why.
            if channel_key(value) not in CHANNELS:
                raise ValueError(
                    _("{value} is not one of {allowed}").format(value=shown(value), allowed=names)
                )

        parts: list[Widget] = [LogTitle(id="log_title")]
        for field_id, label, placeholder in FIELDS:
            # The note may be a draft of several lines: shown on one line, its line breaks kept.
            kind = _LogNote if field_id == "text" else _LogField
            box = kind(id=field_id, placeholder=_(placeholder) if placeholder else "")
            if field_id == "channel":
                box.validators = [Check(channel, optional=False)]
            parts += [Label(_(label), classes="field"), box]
        parts.append(Static(_(HINT), id="problem", markup=False))
        # Styled as they are mounted (``App._register``): their widths are read at once.
        self.mount_all(parts)

    def on_resize(self) -> None:
        self._share_out()

    def _share_out(self) -> None:
        """The bar's room, note first: at least NOTE_USEFUL cells for it, then the title uncut (or at
        least its share of the bar), beside the hint where the width has room for it (``_fit_classes``).
        The name gives way before the note goes under its least width; the kind of log never does."""
        width = self.content_size.width
        if width <= 0 or not self.children:
            return
        bare, hint_shown, room = self._fit_classes(width)  # room: for the title, the note and the hint
        title = self.query_one(LogTitle)
        whole = title.whole_width
        least_note = self._least_note()
        # Beside the hint, the note keeps its useful width; without it, the title keeps its share.
        beside_note = room - (1 + cell_len(_(HINT)) if hint_shown else 0) - NOTE_USEFUL
        if hint_shown:
            most = min(whole, beside_note)
        else:
            most = max(min(whole, int(width * TITLE_SHARE)), min(whole, beside_note))
        # Bare, the bar is narrow enough that who the log is for comes before a roomy note.
        most = min(whole if bare else most, room - least_note)
        # The kind of log is what Enter does: on a bar too narrow for it and the note, the note gives way.
        most = max(most, cell_len(title.kind))
        # As wide as what is drawn: a name that gave way leaves its cells to the note.
        title.styles.max_width = cell_len(log_title(title.kind, title.who, most))

    def _fit_classes(self, width: int) -> tuple[bool, bool, int]:
        """Whether the labels go (-bare), whether the hint shows (not -narrow), by the width alone, so
        that neither comes and goes from key to key. Too narrow for the longest kind of log and a name
        beside the note at its least, the labels go: "now", "X" and the note's placeholder say what
        their boxes are, and who the log is for must stay in sight. The hint shows only where such a
        title and the note at its useful width leave it room. Then the room the fixed widths leave."""
        longest = max(cell_len(_(TITLE).format(kind=_(kind), name="")) for kind in KIND_TITLES.values())
        bare = width - self._taken(self._fixed(False)) - longest - NAME_ROOM < self._least_note()
        self.set_class(bare, "-bare")
        self._name_the_note()
        room = width - self._taken(self._fixed(bare))
        hint_shown = room - longest - NAME_ROOM - (1 + cell_len(_(HINT))) >= NOTE_USEFUL
        self.set_class(not hint_shown, "-narrow")
        return bare, hint_shown, room

    def _name_the_note(self) -> None:
        """The note's placeholder: optional or required, and on a bare bar what the box is."""
        said = REQUIRED if self.text_required else OPTIONAL
        self.query_one("#text", Input).placeholder = _(BARE_NOTE[said] if self.has_class("-bare") else said)

    def _fixed(self, bare: bool) -> list[Widget]:
        """What keeps its width: the labels (but on a bare bar) and the When and Channel boxes."""
        return [
            child
            for child in self.children
            if not isinstance(child, LogTitle)
            and child.id not in ("text", "problem")
            and not (bare and child.has_class("field"))
        ]

    def _least_note(self) -> int:
        least = self.query_one("#text").styles.min_width
        return int(least.value) if least is not None and least.is_cells else 0

    def prepare(self) -> None:
        """Set, while the app is idle, what the first open would change: the classes for the bar's width
        and the boxes' validity (prefilled, they are valid). Each is a restyle of the bar and its boxes,
        some 10 ms of the first log key otherwise. Hidden, the bar is as wide as the screen's line."""
        self._build()
        for box in self.query(Input).results(Input):
            box.validate(channel_label(CHANNELS[0]) if box.id == "channel" else box.value)
        self._fit_classes(self.screen.size.width - self.styles.gutter.width)

    def _taken(self, fixed: list[Widget]) -> int:
        """The cells ``fixed`` take: the labels and the When and Channel boxes keep their widths, one cell
        between each two."""
        return sum(self._cells(child) for child in fixed) + len(fixed) + 1

    @staticmethod
    def _cells(widget: Widget) -> int:
        width = widget.styles.width
        if width is not None and width.is_cells:
            return int(width.value)
        return widget.get_content_width(Size(0, 0), Size(0, 0))

    @property
    def is_open(self) -> bool:
        return self.answered is not None

    def open(
        self,
        kind: str,
        who: str,
        values: dict[str, str],
        now: Callable[[], DateTime],
        answered: Answered,
        first: str = "when",
        text_required: bool = False,
    ) -> None:
        """Show ``values`` under "``kind``: ``who``", the cursor in the field ``first``; ``answered`` gets
        the fields on Enter, None on Escape. ``text_required``: the kind is its text (a note)."""
        self._build()
        self.text_required = text_required
        self.query_one(LogTitle).show(kind, who)
        self._share_out()  # for this title (the bar's size may be as it was)
        self._name_the_note()
        # The core's own words for a bad time, with what it takes, as the command line says them.
        self.query_one("#when", Input).validators = [Check(lambda value: parse_when(value, now()))]
        text = self.query_one("#text", Input)
        text.validators = [Check(check_required_text, optional=False)] if text_required else []
        self.initial = dict(values)
        with self.prevent(Input.Changed):  # filled in, not edited: nothing to check yet
            for box in self.query(Input).results(Input):
                box.value = values.get(box.id or "", "")
                box.remove_class("touched")
        self._show_problems([])
        if not self.is_open:
            self.came_from = self.screen.focused
        self.answered = answered
        for footer in self.screen.query(KeyFooter):
            footer.hold()
        if self.replaces:
            self.screen.query_one(self.replaces).display = False
        self.display = True
        # At once, not after the keys already queued (Widget.focus waits its turn): d and Enter that
        # arrive together, over a slow link, are a log confirmed, not the table's Enter opening a contact.
        self.screen.set_focus(self.query_one(f"#{first}", Input))

    def _close(self, answers: dict[str, str] | None) -> None:
        answered, self.answered = self.answered, None
        if answered is None:
            return
        self._take_back_refusal()
        self.display = False
        if self.replaces:
            self.screen.query_one(self.replaces).display = True
        if self.came_from is not None and self.came_from.is_attached:
            self.screen.set_focus(self.came_from)  # at once, as the bar opens
        for footer in self.screen.query(KeyFooter):
            footer.release()
        answered(answers)

    def action_cycle(self, step: int) -> None:
        boxes = list(self.query(Input).results(Input))
        focused = self.screen.focused
        at = boxes.index(focused) if focused in boxes else 0
        self.screen.set_focus(boxes[(at + step) % len(boxes)])

    def on_descendant_blur(self) -> None:
        # A click that takes the focus out of the bar leaves it, as Escape does.
        self.call_after_refresh(self._cancel_if_left)

    def _cancel_if_left(self) -> None:
        focused = self.screen.focused
        if self.is_open and (focused is None or self not in focused.ancestors):
            self.action_cancel()

    def on_input_changed(self, event: Input.Changed) -> None:
        # Problems show once a field was edited, not as red on a fresh bar.
        if event.value != self.initial.get(event.input.id or ""):
            event.input.add_class("touched")
        self._show_problems(self.query(".touched").results(Input))

    def _show_problems(self, inputs: Iterable[Input]) -> list[str]:
        problems = input_problems(inputs)
        shown = self.query_one("#problem", Static)
        shown.update("; ".join(problems) or _(HINT))
        shown.set_class(bool(problems), "error")
        return problems

    def action_submit(self) -> None:
        self._take_back_refusal()  # this try is what is said now
        boxes = list(self.query(Input).results(Input))
        problems = self._show_problems(boxes)
        if problems:
            # In full as well, for as long as the bar is open: on a narrow terminal its one line has no
            # room for the reason, and the bad value stays in it to be mended.
            self.notify(
                "\n".join(problems),
                title=_(NOT_LOGGED),
                severity="error",
                markup=False,
                timeout=REFUSAL_STAYS_SECONDS,
            )
            self.refused = True
        else:
            answers = {box.id: box.value for box in boxes if box.id}
            self._close(answers | {"when": answers["when"].strip() or _(NOW)})

    def _take_back_refusal(self) -> None:
        if self.refused:
            self.refused = False
            self.app.clear_notifications()

    def action_cancel(self) -> None:
        self._close(None)
