"""The new-target form: validated as you type; the caller saves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import Function, Integer
from textual.widgets import Input, Label, Static

from dailyreach.core.handles import HandleError, normalise_handle

FORM_HANDLES = ("x", "linkedin", "bluesky", "mastodon", "email", "web")


def _valid_handle(platform: str):
    def check(value: str) -> bool:
        if not value.strip():
            return True
        try:
            normalise_handle(platform, value)
        except HandleError:
            return False
        return True

    return check


class ContactForm(ModalScreen[dict | None]):
    """Collects a new target's fields as a dict for Contact.from_dict."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel_contact_form")]

    def __init__(self, values: dict | None = None) -> None:
        super().__init__()
        self.values = values or {}

    def _row(self, label: str, field: Input) -> Horizontal:
        return Horizontal(Label(label), field, classes="row")

    def compose(self) -> ComposeResult:
        handles = self.values.get("handles", {})
        with Vertical(classes="form"):
            yield Static("New target", classes="title")
            yield self._row(
                "Name",
                Input(
                    self.values.get("name", ""),
                    id="name",
                    validators=[Function(lambda v: bool(v.strip()), "a name is needed")],
                ),
            )
            for platform in FORM_HANDLES:
                yield self._row(
                    platform.capitalize() if platform != "x" else "X",
                    Input(
                        handles.get(platform, ""),
                        id=platform,
                        validators=[Function(_valid_handle(platform), f"not a valid {platform} handle")],
                    ),
                )
            yield self._row("Why", Input(self.values.get("why", ""), id="why", placeholder="what to learn"))
            yield self._row(
                "Tags",
                Input(", ".join(self.values.get("tags", [])), id="tags", placeholder="comma, separated"),
            )
            yield self._row(
                "Priority",
                Input(
                    str(self.values.get("priority", 2)),
                    id="priority",
                    validators=[Integer(1, 3, failure_description="1 (high) to 3 (low)")],
                ),
            )
            yield Static("Enter saves, Escape cancels", classes="hint")
            yield Static("", id="problem", classes="error", markup=False)

    def on_mount(self) -> None:
        self.initial = {field.id: field.value for field in self.query(Input)}

    def on_input_changed(self, event: Input.Changed) -> None:
        # Problems show once a field was edited, not as a wall of red on an empty form.
        if event.value != self.initial.get(event.input.id):
            event.input.add_class("touched")
        self._show_problems(self.query(".touched").results(Input))

    def _show_problems(self, fields) -> list[str]:
        problems = [
            f"{field.id}: {'; '.join(result.failure_descriptions)}"
            for field in fields
            if field.validators and not (result := field.validate(field.value)).is_valid
        ]
        self.query_one("#problem", Static).update("\n".join(problems))
        return problems

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._show_problems(self.query(Input).results(Input)):
            return
        value = {field.id: field.value for field in self.query(Input)}
        self.dismiss(
            {
                "name": value["name"],
                "handles": {
                    platform: value[platform] for platform in FORM_HANDLES if value[platform].strip()
                },
                "why": value["why"],
                "tags": [tag.strip() for tag in value["tags"].split(",") if tag.strip()],
                "priority": int(value["priority"]),
            }
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
