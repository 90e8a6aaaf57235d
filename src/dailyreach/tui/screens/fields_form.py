"""One modal form for every small form: labelled inputs, validated as you type; the caller saves."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.validation import Validator
from textual.widgets import Input, Label, Static

LONG_FORM = 8


def input_problems(inputs: Iterable[Input]) -> list[str]:
    """What is wrong with each input whose validators refuse its value, one line per input."""
    problems = []
    for box in inputs:
        result = box.validate(box.value)  # None for an input with no validators
        if result is not None and not result.is_valid:
            problems.append(f"{box.id}: {'; '.join(result.failure_descriptions)}")
    return problems


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    value: str = ""
    placeholder: str = ""
    validators: list[Validator] = field(default_factory=list)


class FieldsForm(ModalScreen[dict[str, str] | None]):
    """Dismisses with {field id: text} on Enter when every field is valid, or None on Escape."""

    AUTO_FOCUS = "Input"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_form")]

    def __init__(self, title: str, fields: list[Field], typed: dict[str, str] | None = None) -> None:
        """``typed`` brings back what the user entered when a save failed."""
        super().__init__()
        typed = typed or {}
        self.title_text = title
        self.fields = [replace(spec, value=typed.get(spec.id, spec.value)) for spec in fields]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form long" if len(self.fields) > LONG_FORM else "form"):
            yield Static(self.title_text, classes="title", markup=False)
            for spec in self.fields:
                yield Horizontal(
                    Label(spec.label),
                    Input(spec.value, id=spec.id, placeholder=spec.placeholder, validators=spec.validators),
                    classes="row",
                )
            yield Static("Enter saves, Escape cancels", classes="hint")
            yield Static("", id="problem", classes="error", markup=False)

    def on_input_changed(self, event: Input.Changed) -> None:
        # Problems show once a field was edited, not as a wall of red on a fresh form.
        initial = next(spec.value for spec in self.fields if spec.id == event.input.id)
        if event.value != initial:
            event.input.add_class("touched")
        self._show_problems(self.query(".touched").results(Input))

    def _show_problems(self, inputs: Iterable[Input]) -> list[str]:
        problems = input_problems(inputs)
        self.query_one("#problem", Static).update("\n".join(problems))
        return problems

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not self._show_problems(self.query(Input).results(Input)):
            self.dismiss({box.id: box.value for box in self.query(Input).results(Input) if box.id})

    def action_cancel(self) -> None:
        self.dismiss(None)
