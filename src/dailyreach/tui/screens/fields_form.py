"""One modal form for every small form: labelled fields, checked as you type; the caller saves.

A choice is picked from a list or switched on and off, never typed. Enter saves from any field, Escape
cancels, Tab and Shift+Tab go round the fields without leaving the form, and the footer shows the form's
own keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.validation import Validator
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, Switch

from dailyreach.core.errors import field_label
from dailyreach.i18n import N_, _
from dailyreach.tui.checks import fitted_problems, input_problems
from dailyreach.tui.styles import FORMS_CSS
from dailyreach.tui.translated import TextInput, TranslatedBindings, translate_bindings
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.widgets.note_input import NoteInput

# Lines a form takes besides its fields (border, title, a line for problems), and the footer's line.
FORM_CHROME = 5
FOOTER = 1
YES, NO = "yes", "no"
# How a switch says which way it is (its answer stays YES or NO).
SWITCH_WORDS = {YES: N_("yes"), NO: N_("no")}


@dataclass(frozen=True)
class Field:
    """A line of the form: text typed in, one of ``choices`` ((shown, value) pairs), or a yes/no
    ``switch``; ``beside`` puts a second field on the same line (a currency beside its amount).
    ``multiline``: text that may hold line breaks (a note), shown on its one line with each as ⏎."""

    id: str
    label: str = ""
    value: str = ""
    placeholder: str = ""
    validators: list[Validator] = field(default_factory=list)
    choices: tuple[tuple[str, str], ...] = ()
    switch: bool = False
    beside: Field | None = None
    multiline: bool = False

    @property
    def shown_label(self) -> str:
        return self.label or field_label(self.id)


class Choice(TranslatedBindings, Select[str], inherit_bindings=False):
    """One of a few values, on one line. Space or an arrow opens the list and a letter picks the next
    choice starting with it; Enter is left to the form, which saves."""

    BINDINGS = [Binding("space,down,up", "show_overlay", N_("Choose"))]

    def __init__(
        self, choices: tuple[tuple[str, str], ...], value: str, *, id: str, classes: str = ""
    ) -> None:
        values = [choice for _, choice in choices]
        start = value if value in values else values[0]
        super().__init__(choices, value=start, allow_blank=False, id=id, classes=classes, compact=True)
        self.choices = choices

    def compose(self) -> ComposeResult:
        # The open list's keys (Escape "Dismiss menu" shows in the footer) in the interface's language.
        for widget in super().compose():
            translate_bindings(widget)
            yield widget

    def on_key(self, event: events.Key) -> None:
        if self.expanded or not (event.character and event.character.isalnum()):
            return
        event.stop()
        letter = event.character.lower()
        values = [value for _, value in self.choices]
        start = values.index(self.value) + 1 if self.value in values else 0
        for shown, value in self.choices[start:] + self.choices[:start]:
            # A choice shown in Japanese is picked by the letter its value starts with.
            named = shown if shown[:1].isascii() else value
            if named.lower().startswith(letter):
                self.value = value
                return


class YesNo(TranslatedBindings, Switch, inherit_bindings=False):
    """Yes or no: space switches it, y and n say which; Enter is left to the form, which saves."""

    BINDINGS = [
        Binding("space", "toggle_switch", N_("Switch")),
        Binding("y", "answer(True)", show=False),
        Binding("n", "answer(False)", show=False),
    ]

    def action_answer(self, yes: bool) -> None:
        self.value = yes


def _control(spec: Field, classes: str = "") -> Widget:
    if spec.choices:
        return Choice(spec.choices, spec.value, id=spec.id, classes=classes)
    if spec.switch:
        return YesNo(spec.value == YES, id=spec.id, animate=False, classes=classes)
    box = NoteInput if spec.multiline else TextInput
    return box(
        spec.value, id=spec.id, placeholder=spec.placeholder, validators=spec.validators, classes=classes
    )


def answer(control: Widget) -> str:
    """A field's answer as text, as the callers read it: a choice's value, yes or no."""
    if isinstance(control, Switch):
        return YES if control.value else NO
    if isinstance(control, Select):
        return str(control.value)
    return control.value if isinstance(control, Input) else ""


class FieldsForm(TranslatedBindings, ModalScreen[dict[str, str] | None]):
    """Dismisses with {field id: text} when every field is valid (Enter, from any field), or None on
    Escape. ``save_label`` names what Enter does in the footer."""

    CSS_PATH = FORMS_CSS

    AUTO_FOCUS = "*"
    BINDINGS = [
        # A priority binding, so that Enter saves from an input, a closed list or a switch alike.
        Binding("enter", "save", N_("Save"), priority=True, id="save_form"),
        Binding("escape", "cancel", N_("Cancel"), id="cancel_form"),
        # Only in a form that says how it is opened again (see ``again``).
        Binding("ctrl+n", "save_and_again", N_("Save, add another"), id="save_and_add_another"),
        # Priority too, so that the focus moves before the keys typed after Tab in the same write: a Tab
        # left to bubble up from the input moved it only after them, into the field it was leaving.
        Binding("tab", "next_field", N_("Focus Next"), show=False, priority=True),
        Binding("shift+tab", "previous_field", N_("Focus Previous"), show=False, priority=True),
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        typed: dict[str, str] | None = None,
        *,
        save_label: str | None = None,
        again: str | None = None,
        focus: str | None = None,
    ) -> None:
        """``typed`` brings back what the user entered when a save failed, and ``focus`` names the field
        to start on (where that save's problem is); ``again`` is the action of the screen below that
        opens this form, for adding several records in a row."""
        super().__init__()
        self.again = again
        self.start_on = focus
        typed = typed or {}

        def as_typed(spec: Field) -> Field:
            beside = as_typed(spec.beside) if spec.beside else None
            return replace(spec, value=typed.get(spec.id, spec.value), beside=beside)

        self.title_text = title
        self.fields = [as_typed(spec) for spec in fields]
        self.initial = {spec.id: spec.value for spec in self._every_field()}
        if save_label is not None:
            for key, bindings in self._bindings.key_to_bindings.items():
                self._bindings.key_to_bindings[key] = [
                    replace(binding, description=save_label) if binding.id == "save_form" else binding
                    for binding in bindings
                ]

    def _every_field(self) -> Iterable[Field]:
        for spec in self.fields:
            yield spec
            if spec.beside:
                yield spec.beside

    def compose(self) -> ComposeResult:
        # The box itself never takes the focus: Tab past the last field comes back to the first.
        with VerticalScroll(classes="form", can_focus=False):
            yield Static(self.title_text, classes="title", markup=False)
            for spec in self.fields:
                controls = [_control(spec)] + ([_control(spec.beside, "beside")] if spec.beside else [])
                if spec.switch:  # a switch alone does not say which way is yes
                    state = _(SWITCH_WORDS[YES if spec.value == YES else NO])
                    controls.append(Label(state, classes="switch-state"))
                yield Horizontal(Label(spec.shown_label, markup=False), *controls, classes="row")
            yield Static("", id="problem", classes="error", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        # Nothing to wait for before showing the keys: the form has no data to read.
        self.query_one(KeyFooter).release()
        self._fit(self.app.size.height)
        if self.start_on is not None:
            for control in self.query(f"#{self.start_on}"):
                control.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        """A line between fields where the terminal has room for them, none where it has not."""
        needed = FORM_CHROME + 2 * len(self.fields)
        self.query_one(".form").set_class(needed > height - FOOTER, "long")

    @property
    def focus_chain(self) -> list[Widget]:
        """Tab goes from field to field, and only then to the choices beside them (the platform beside a
        handle, the currency beside an amount): those follow what is typed, and a Tab too many would
        have the next field's letters pick another choice."""
        chain = super().focus_chain
        return [widget for widget in chain if not widget.has_class("beside")] + [
            widget for widget in chain if widget.has_class("beside")
        ]

    def controls(self) -> list[Widget]:
        return [
            self.query_one(f"#{spec.id}")
            for spec in self._every_field()  # in the order of the form
        ]

    def answers(self) -> dict[str, str]:
        return {control.id: answer(control) for control in self.controls() if control.id}

    def on_input_changed(self, event: Input.Changed) -> None:
        # Problems show once a field was edited, not as a wall of red on a fresh form.
        if event.value != self.initial.get(event.input.id or ""):
            event.input.add_class("touched")
        self.show_problems(self.query(".touched").results(Input))

    def on_switch_changed(self, event: Switch.Changed) -> None:
        if event.switch.parent is not None:
            event.switch.parent.query_one(".switch-state", Label).update(
                _(SWITCH_WORDS[YES if event.value else NO])
            )

    def show_problems(self, inputs: Iterable[Input]) -> list[str]:
        problems = input_problems(inputs)
        box = self.query_one("#problem", Static)
        # The form's width when the box is empty, and so has none of its own yet.
        width = (self.query_one(".form").scrollable_content_region.width) - box.styles.gutter.width
        most = box.styles.max_height
        lines = int(most.value) if most is not None and most.is_cells else len(problems)
        box.update("\n".join(fitted_problems(problems, lines, width)))
        return problems

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Reached only when the save key is mapped to another key than Enter: Enter still saves.
        event.stop()
        self.action_save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_and_again":
            return self.again is not None
        # An open list takes Enter as picking the highlighted choice, and Tab as its own.
        list_open = any(select.expanded for select in self.query(Select))
        return not (list_open and action in ("save", "next_field", "previous_field"))

    def action_save(self) -> None:
        self.after_typed_keys(self.save)

    def action_save_and_again(self) -> None:
        host = self.app.screen_stack[-2]  # the screen that opened the form

        def save_and_open_again() -> None:
            if self.again is not None and self.save():
                host.call_later(host.run_action, self.again)

        self.after_typed_keys(save_and_open_again)

    def after_typed_keys(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the focused field has taken the keys typed before this one. Enter is a
        priority binding, run as it arrives, while those keys may still wait in the field's queue when
        several come at once (a browser tab, a paste, a terminal over SSH)."""
        (self.focused or self).call_later(callback)

    def save(self) -> bool:
        """Dismiss with the answers if every field is valid, else show what is wrong and go to it. What
        was said of the last try goes: this try is what is said now (at 80×24 a refusal left over the
        form covered the problem the form shows of this one)."""
        self.app.clear_notifications()
        inputs = list(self.query(Input).results(Input))
        if self.show_problems(inputs):
            wrong = [box for box in inputs if not box.is_valid]
            for box in wrong:
                box.add_class("touched")
            if wrong and self.focused not in wrong:
                wrong[0].focus()
            return False
        self.dismiss(self.answers())
        return True

    def action_next_field(self) -> None:
        self.focus_next()

    def action_previous_field(self) -> None:
        self.focus_previous()

    def action_cancel(self) -> None:
        self.dismiss(None)
