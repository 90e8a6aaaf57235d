"""The words the command line and the app both say: amounts, hours, counts, why someone is planned, when
a follow-up is due, what declining saved, where an import came from. One place for both, and the one place
to translate."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from dailyreach.core.files.formats import IMPORT_TITLES
from dailyreach.core.planning.planner import PendingReply, Savings
from dailyreach.core.records.model import Contact, Invitation

if TYPE_CHECKING:
    from dailyreach.core.files.contact_import import ImportPreview
    from dailyreach.core.files.exchange import ImportPlan

REASONS = {"follow_up": "follow-up", "keep_in_touch": "keep in touch", "new": "new"}


def amount(value: float) -> str:
    """1,234 or 12.5: thousands separated, no trailing zeros."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def money(savings: Savings) -> str:
    return ", ".join(f"{amount(total)} {currency}" for currency, total in savings.money.items()) or "no money"


def hours(value: float) -> str:
    return f"{value:g} h"


def savings_text(savings: Savings) -> str:
    """What declining saved, leaving out what is nothing: '14 h, 13,000 JPY, 169 USD'."""
    parts = [hours(savings.hours)] if savings.hours else []
    parts += [f"{amount(total)} {currency}" for currency, total in savings.money.items()]
    return ", ".join(parts) or "nothing yet"


def saved_text(invitation: Invitation) -> str:
    """What declining one invitation saves: '3 h, 5,000 JPY'."""
    parts = [hours(invitation.hours)] if invitation.hours else []
    if invitation.cost:
        parts.append(f"{amount(invitation.cost)} {invitation.currency}")
    return ", ".join(parts)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def days(count: int) -> str:
    return plural(count, "day")


def reason_text(reason: str, follow_up_number: int) -> str:
    """Why someone is in today's plan: 'new', 'keep in touch', 'follow-up #2'."""
    return f"follow-up #{follow_up_number}" if reason == "follow_up" else REASONS[reason]


def follow_up_text(reply: PendingReply, today: date) -> str:
    """When the next nudge is due, in words."""
    if reply.give_up_offered:
        return f"{reply.nudges} follow-ups without an answer: x closes the thread"
    number = reply.nudges + 1
    late = (today - reply.follow_up_due).days
    if late > 0:
        return f"follow-up #{number} overdue since {reply.follow_up_due.isoformat()} ({days(late)})"
    if late == 0:
        return f"follow-up #{number} due today"
    return f"follow-up #{number} due {reply.follow_up_due.isoformat()} (in {days(-late)})"


def handles_text(contact: Contact) -> str:
    return " ".join(f"{platform} {handle}" for platform, handle in contact.handles.items())


def import_source(preview: ImportPreview) -> str:
    return f"{preview.source}: {IMPORT_TITLES[preview.format]}, read as {preview.encoding}"


def export_plan_text(plan: ImportPlan, verb: str) -> str:
    """What importing a JSON export adds, per table, and how many of its records were already there."""
    tables = ", ".join(f"{count} {table}" for table, count in plan.added.items() if count) or "nothing"
    return f"{verb} {tables}; {sum(plan.already_present.values())} already present"


# Drafts and templates (issue 13).
PURPOSE_TITLES = {
    "first_public_reply": "first public reply",
    "first_dm": "first DM",
    "follow_up_1": "follow-up #1",
    "follow_up_2": "follow-up #2",
    "thanks_reply": "thanks for a reply",
    "meeting_ask": "meeting ask",
    "thanks_met": "thanks after meeting",
}
ANY_CHANNEL, ANY_LANGUAGE = "any channel", "any language"


def template_text(name: str, purpose: str, channel: str | None, language: str) -> str:
    """A template in one line: 'first DM (en) · first DM · any channel · en'."""
    return f"{name} · {PURPOSE_TITLES[purpose]} · {channel or ANY_CHANNEL} · {language or ANY_LANGUAGE}"


def count_text(count: int, limit: int | None) -> str:
    """A draft's length against its channel's limit: '123/280', '301/300, 1 over', '812 characters'."""
    if limit is None:
        return plural(count, "character")
    return f"{count}/{limit}" + (f", {count - limit} over" if count > limit else "")


def missing_text(missing: tuple[str, ...]) -> str:
    """What a draft had nothing to fill in with: 'nothing to fill {why}, {my_name}'."""
    return "nothing to fill " + ", ".join(f"{{{name}}}" for name in missing)
