"""The contact form (new target, and editing a contact), and turning its answers into a contact's fields."""

from __future__ import annotations

from textual.validation import Function, Integer

from dailyreach.core.handles import PLATFORMS, HandleError, normalise_handle
from dailyreach.tui.screens.fields_form import Field, FieldsForm

FORM_HANDLES = ("x", "linkedin", "bluesky", "mastodon", "email", "web")
PLATFORM_LABELS = {"x": "X", "linkedin": "LinkedIn", "github": "GitHub", "email": "E-mail"}


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


def _is_days_or_empty(value: str) -> bool:
    return not value.strip() or (value.strip().isdigit() and 1 <= int(value) <= 3650)


def _is_count_or_empty(value: str) -> bool:
    return not value.strip() or value.strip().isdigit()


def contact_form(
    values: dict | None = None, title: str = "New target", *, editing: bool = False
) -> FieldsForm:
    """The common platforms, plus any other one the contact already has a handle on; editing adds the
    fields a new target does not need (followers, archived)."""
    values = values or {}
    handles = values.get("handles", {})
    platforms = [p for p in PLATFORMS if p in FORM_HANDLES or p in handles]
    cadence = values.get("cadence_days")
    return FieldsForm(
        title,
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
                    PLATFORM_LABELS.get(platform, platform.capitalize()),
                    handles.get(platform, ""),
                    validators=[Function(_valid_handle(platform), f"not a valid {platform} handle")],
                )
                for platform in platforms
            ),
            Field("why", "Why", values.get("why", ""), "what to learn"),
            Field("notes", "Notes", values.get("notes", "")),
            Field("tags", "Tags", ", ".join(values.get("tags", [])), "comma, separated"),
            Field(
                "priority",
                "Priority",
                str(values.get("priority", 2)),
                validators=[Integer(1, 3, failure_description="1 (high) to 3 (low)")],
            ),
            Field(
                "cadence_days",
                "Keep in touch",
                str(cadence) if cadence else "",
                "every N days (empty: no)",
                validators=[Function(_is_days_or_empty, "a number of days, 1 to 3650")],
            ),
            *(_editing_fields(values) if editing else []),
        ],
    )


def _editing_fields(values: dict) -> list[Field]:
    followers = values.get("followers")
    return [
        Field(
            "followers",
            "Followers",
            "" if followers is None else str(followers),
            validators=[Function(_is_count_or_empty, "a whole number")],
        ),
        Field(
            "archived",
            "Archived",
            "yes" if values.get("archived") else "no",
            "yes hides the contact from the panes",
            validators=[Function(lambda v: v in ("yes", "no"), "yes or no")],
        ),
    ]


def contact_fields(answers: dict[str, str]) -> dict:
    """The form's answers as fields for Contact.from_dict."""
    return {
        "name": answers["name"],
        "handles": {p: answers[p] for p in PLATFORMS if p in answers and answers[p].strip()},
        "why": answers["why"],
        "notes": answers["notes"],
        "tags": [tag.strip() for tag in answers["tags"].split(",") if tag.strip()],
        "priority": int(answers["priority"]),
        "cadence_days": int(answers["cadence_days"]) if answers["cadence_days"].strip() else None,
        **(
            {
                "followers": int(answers["followers"]) if answers["followers"].strip() else None,
                "archived": answers["archived"] == "yes",
            }
            if "archived" in answers
            else {}
        ),
    }
