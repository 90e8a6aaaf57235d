"""The new-target form's fields, and turning its answers into a contact's fields."""

from __future__ import annotations

from textual.validation import Function, Integer

from dailyreach.core.handles import HandleError, normalise_handle
from dailyreach.tui.screens.fields_form import Field, FieldsForm

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


def contact_form(values: dict | None = None) -> FieldsForm:
    values = values or {}
    handles = values.get("handles", {})
    return FieldsForm(
        "New target",
        [
            Field(
                "name",
                "Name",
                values.get("name", ""),
                validators=[Function(lambda v: bool(v.strip()), "a name is needed")],
            ),
            *(
                Field(
                    platform,
                    "X" if platform == "x" else platform.capitalize(),
                    handles.get(platform, ""),
                    validators=[Function(_valid_handle(platform), f"not a valid {platform} handle")],
                )
                for platform in FORM_HANDLES
            ),
            Field("why", "Why", values.get("why", ""), "what to learn"),
            Field("tags", "Tags", ", ".join(values.get("tags", [])), "comma, separated"),
            Field(
                "priority",
                "Priority",
                str(values.get("priority", 2)),
                validators=[Integer(1, 3, failure_description="1 (high) to 3 (low)")],
            ),
        ],
    )


def contact_fields(answers: dict[str, str]) -> dict:
    """The form's answers as fields for Contact.from_dict."""
    return {
        "name": answers["name"],
        "handles": {platform: answers[platform] for platform in FORM_HANDLES if answers[platform].strip()},
        "why": answers["why"],
        "tags": [tag.strip() for tag in answers["tags"].split(",") if tag.strip()],
        "priority": int(answers["priority"]),
    }
