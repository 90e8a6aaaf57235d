"""What a typed field says is wrong with it, in the core's words: for the forms and the log bar alike
(light, so that the log bar in the first frame does not load the forms)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from rich.console import Console
from rich.text import Text
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Label

from dailyreach.core.errors import FIELD_LABELS, ValidationError, field_label
from dailyreach.i18n import ngettext


def input_problems(inputs: Iterable[Input]) -> list[str]:
    """What is wrong with each input whose validators refuse its value, one line per input, under the
    field's name: as the command line says it, or else as the label shown before the input."""
    problems = []
    for box in inputs:
        result = box.validate(box.value)  # None for an input with no validators
        if result is not None and not result.is_valid:
            problems.append(f"{_label_of(box)}: {'; '.join(result.failure_descriptions)}")
    return problems


def fitted_problems(problems: list[str], lines: int, width: int) -> list[str]:
    """As many of ``problems`` as ``lines`` lines of ``width`` cells show whole, the last line saying how
    many more there are: a form's problems past its room were cut with no sign that any were left."""
    if width <= 0 or _lines_taken(problems, width) <= lines:
        return problems

    def more(count: int) -> str:
        return ngettext("… and {count} more problem", "… and {count} more problems", count).format(
            count=count
        )

    # The first is always said, cut by the box if it alone is too long: a count alone says nothing.
    shown = problems[:1]
    for problem in problems[1:]:
        left = len(problems) - len(shown) - 1
        if _lines_taken([*shown, problem, *([more(left)] if left else [])], width) > lines:
            break
        shown.append(problem)
    return shown + ([more(len(problems) - len(shown))] if len(shown) < len(problems) else [])


def _lines_taken(problems: list[str], width: int) -> int:
    return sum(len(Text(problem).wrap(_measuring(), width)) for problem in problems)


@cache
def _measuring() -> Console:
    """Measures how a problem wraps, as the form's Static draws it (in cells: a Japanese character is
    two)."""
    return Console(width=1000, legacy_windows=False)


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
