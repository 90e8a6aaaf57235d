"""The errors the core reports to the user, in a module with no third-party imports.

The command line names them all in its one error handler; defining them here, rather than beside the
code that raises them, keeps that handler from loading pendulum, TinyDB or the import code at start-up.
"""

from __future__ import annotations

PROBLEMS_SHOWN = 10


class StoreError(Exception):
    """Something about the database file that the user has to hear about."""


# How a record's fields are named to the user, in the command line's errors and the app's forms alike.
FIELD_LABELS = {
    "name": "Name",
    "handles": "Handles",
    "x": "X",
    "linkedin": "LinkedIn",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "instagram": "Instagram",
    "threads": "Threads",
    "github": "GitHub",
    "email": "E-mail",
    "web": "Web",
    "why": "Why",
    "notes": "Notes",
    "tags": "Tags",
    "priority": "Priority",
    "followers": "Followers",
    "cadence_days": "Keep in touch every (days)",
    "archived": "Archived",
    "created_at": "Created",
    "updated_at": "Updated",
    "at": "When",
    "kind": "Kind",
    "channel": "Channel",
    "text": "Text",
    "title": "Title",
    "from": "From",
    "event_date": "Event date",
    "status": "Status",
    "hours": "Hours",
    "cost": "Cost",
    "currency": "Currency",
    "note": "Note",
    "decided_at": "Decided",
    "until": "Until",
    "date": "Date",
    "daily_goal": "Daily goal",
    "followup_days": "Days before a follow-up",
    "followups_before_giving_up": "Follow-ups before giving up",
    "week_start": "Week starts on",
    "timezone": "Timezone",
    "call_name": "Call them",
    "my_name": "Your name",
    "purpose": "Purpose",
    "language": "Language",
    "subject": "Subject",
    "body": "Body",
}


def field_label(field_name: str) -> str:
    """The field as the user knows it; a field with no label (a record's id) is shown as it is."""
    return FIELD_LABELS.get(field_name, field_name)


class ValidationError(ValueError):
    """A value that cannot be stored; ``field`` names where it was (its id; the message uses its label)."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_label(field_name)}: {problem}")
        self.field = field_name
        self.problem = problem


class DateParseError(ValueError):
    """Text that names no date or time."""


class ImportRejected(ValueError):
    """The file cannot be imported; ``problems`` lists the first things wrong with it."""

    def __init__(self, source: str, problems: list[str]) -> None:
        shown = "\n".join(f"  {problem}" for problem in problems[:PROBLEMS_SHOWN])
        more = f"\n  ... and {len(problems) - PROBLEMS_SHOWN} more" if len(problems) > PROBLEMS_SHOWN else ""
        super().__init__(f"{source} was not imported; nothing was changed:\n{shown}{more}")
        self.problems = problems


class NothingToExport(ValueError):
    """The export would be empty in a way its format does not allow."""
