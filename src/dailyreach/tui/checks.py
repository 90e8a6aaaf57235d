"""What a typed field says is wrong with it, in the core's words: for the forms and the log bar alike
(light, so that the log bar in the first frame does not load the forms)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Label

from dailyreach.core.errors import FIELD_LABELS, ValidationError, field_label


def input_problems(inputs: Iterable[Input]) -> list[str]:
    """What is wrong with each input whose validators refuse its value, one line per input, under the
    field's name: as the command line says it, or else as the label shown before the input."""
    problems = []
    for box in inputs:
        result = box.validate(box.value)  # None for an input with no validators
        if result is not None and not result.is_valid:
            problems.append(f"{_label_of(box)}: {'; '.join(result.failure_descriptions)}")
    return problems


def _label_of(box: Input) -> str:
    name = box.id or ""
    if name in FIELD_LABELS:
        return field_label(name)
    siblings = list(box.parent.children) if box.parent else []
    shown = [widget for widget in siblings[: siblings.index(box)] if isinstance(widget, Label)]
    return str(shown[-1].content) if shown else name


class Check(Validator):
    """Valid when ``parse`` takes the text; otherwise the core's own words for what is wrong, so the form
    says a mistake as the command line does. An empty optional field is not checked."""

    def __init__(self, parse: Callable[[str], object], *, optional: bool = True) -> None:
        super().__init__()
        self.parse = parse
        self.optional = optional

    def validate(self, value: str) -> ValidationResult:
        if self.optional and not value.strip():
            return self.success()
        try:
            self.parse(value)
        except ValidationError as error:
            return self.failure(error.problem)  # the form puts the field's label in front
        except ValueError as error:  # DateParseError, HandleError and the forms' own checks
            return self.failure(str(error))
        return self.success()
