"""The errors the core reports to the user, in a module with no third-party imports.

The command line names them all in its one error handler; defining them here, rather than beside the
code that raises them, keeps that handler from loading pendulum, TinyDB or the import code at start-up.
"""

from __future__ import annotations

import errno

from dailyreach.i18n import N_, SOURCE_LANGUAGE, _, current_language

PROBLEMS_SHOWN = 10

# The system's reasons a file could not be used, in the words the C library says them in English (its
# own translations are seldom installed and follow the locale, not our language setting).
OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EISDIR: N_("Is a directory"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EEXIST: N_("File exists"),
    errno.ENOSPC: N_("No space left on device"),
    errno.EROFS: N_("Read-only file system"),
}


def os_reason(error: OSError) -> str:
    """Why ``error`` happened, in the interface's language where we know its words."""
    if error.errno in OS_REASONS and current_language() != SOURCE_LANGUAGE:
        return _(OS_REASONS[error.errno])
    return str(error.strerror or error)


class StoreError(Exception):
    """Something about the database file that the user has to hear about."""


class ContactChanged(StoreError):
    """A change the user agreed to for a contact that was changed since they were shown it."""


class ContactGone(StoreError):
    """A change for a contact the store does not hold (deleted since it was read): the store knows only
    its id, a window that showed the contact knows their name."""

    def __init__(self, message: str, contact_id: str) -> None:
        super().__init__(message)
        self.contact_id = contact_id


# The platforms that are brands, each its own name in every language (e-mail and web are words, named
# where they are shown).
BRAND_NAMES = {
    "x": "X",
    "linkedin": "LinkedIn",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "instagram": "Instagram",
    "threads": "Threads",
    "github": "GitHub",
}
# How a record's fields are named to the user, in the command line's errors and the app's forms alike
# (shown through ``field_label``, in the language in use; a brand is its own name).
FIELD_LABELS = {
    "name": N_("Name"),
    "handles": N_("Handles"),
    **BRAND_NAMES,
    "email": N_("E-mail"),
    "web": N_("Web"),
    "why": N_("Why"),
    "notes": N_("Notes"),
    "tags": N_("Tags"),
    "priority": N_("Priority"),
    "followers": N_("Followers"),
    "cadence_days": N_("Keep in touch every (days)"),
    "archived": N_("Archived"),
    "created_at": N_("Created"),
    "updated_at": N_("Updated"),
    "at": N_("When"),
    "kind": N_("Kind"),
    "channel": N_("Channel"),
    "text": N_("Text"),
    "title": N_("Title"),
    "from": N_("From"),
    "event_date": N_("Event date"),
    "status": N_("Status"),
    "hours": N_("Hours"),
    "cost": N_("Cost"),
    "currency": N_("Currency"),
    "note": N_("Note"),
    "decided_at": N_("Decided"),
    "until": N_("Until"),
    "date": N_("Date"),
    "daily_goal": N_("Daily goal"),
    "followup_days": N_("Days before a follow-up"),
    "followup_days_by_channel": N_("Days before a follow-up, by channel"),
    "followups_before_giving_up": N_("Follow-ups before giving up"),
    "week_start": N_("Week starts on"),
    "timezone": N_("Timezone"),
    "call_name": N_("Call them"),
    "my_name": N_("Your name"),
    "purpose": N_("Purpose"),
    "language": N_("Language"),
    "subject": N_("Subject"),
    "body": N_("Body"),
}


# Records and fields no form shows, named in English by their key (as a file holds them) and in
# Japanese by their words: "contact: unknown field 'mood'", "連絡先: 不明な項目 'mood'".
KEY_LABELS = {
    "contact": N_("contact"),
    "interaction": N_("interaction"),
    "invitation": N_("invitation"),
    "snooze": N_("snooze"),
    "plan": N_("plan"),
    "plan item": N_("plan item"),
    "settings": N_("settings"),
    "template": N_("template"),
    "contact_id": N_("contact_id"),
    "reason": N_("reason"),
    "items": N_("items"),
    "follow_up_number": N_("follow_up_number"),
    "followup_days_by_channel": N_("followup_days_by_channel"),
    "theme": N_("theme"),
    "locale": N_("locale"),
}


def field_label(field_name: str) -> str:
    """The field as the user knows it, in the language in use; a field with no label (a record's id)
    is shown as it is. A field's entry (``followup_days_by_channel.email``) is its label and the key."""
    if field_name in FIELD_LABELS:
        return _(FIELD_LABELS[field_name])
    field, dot, key = field_name.partition(".")
    if dot and field in FIELD_LABELS:
        return f"{_(FIELD_LABELS[field])} ({key})"
    return _(KEY_LABELS[field_name]) if field_name in KEY_LABELS else field_name


class ValidationError(ValueError):
    """A value that cannot be stored; ``field`` names where it was (its id; the message uses its label).
    ``problem`` is said in the language in use when the error is made."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_label(field_name)}: {problem}")
        self.field = field_name
        self.problem = problem


class ChangeRefused(ValidationError):
    """A change refused as a whole, not for one of its values (closing a thread that waits for nothing):
    said without a field's label, which would read as a value mistyped."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(field_name, problem)
        self.args = (problem,)


class DateParseError(ValueError):
    """Text that names no date or time."""


class ImportRejected(ValueError):
    """The file cannot be imported; ``problems`` lists what is wrong with it (the first ``PROBLEMS_SHOWN``
    are said, and how many more)."""

    def __init__(self, source: str, problems: list[str]) -> None:
        shown = "\n".join(f"  {problem}" for problem in problems[:PROBLEMS_SHOWN])
        more = (
            "\n  " + _("... and {count} more").format(count=len(problems) - PROBLEMS_SHOWN)
            if len(problems) > PROBLEMS_SHOWN
            else ""
        )
        super().__init__(
            _("{source} was not imported; nothing was changed:").format(source=source) + f"\n{shown}{more}"
        )
        self.problems = problems


class NotAFile(ValueError):
    """The name an export was to replace is not a file: a device, a pipe, a socket or a folder."""


class DatabaseFileNamed(ValueError):
    """The name an export was to write is the database's, that of a file kept beside it or of one in its
    backups."""
