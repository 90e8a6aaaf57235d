"""A message template: words for one purpose (a first DM, a follow-up...), optionally for one channel and
one language, with placeholders filled in when a draft is made (``planning/drafts.py``).

Placeholders are checked when the template is saved, so a typo (``{nmae}``) is refused then, with the
names that work, and never turns up in a draft sent to someone.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any, Self

from dailyreach.core.errors import ValidationError
from dailyreach.core.records.model import CHANNELS
from dailyreach.core.records.text import shown
from dailyreach.core.records.validation import (
    LONG_LIMIT,
    NAME_LIMIT,
    SHORT_LIMIT,
    choice,
    clean_text,
    known_keys,
    new_id,
    record_id,
)
from dailyreach.i18n import N_, _

# What a message is for, in the order a conversation goes.
PURPOSES = (
    "first_public_reply",
    "first_dm",
    "follow_up_1",
    "follow_up_2",
    "thanks_reply",
    "meeting_ask",
    "thanks_met",
)
PLACEHOLDERS = ("name", "call_name", "handle", "why", "days_since", "days_ago", "my_name")
# "" is a template for any language.
LANGUAGES = ("", "en", "ja")
STRAY_BRACE = N_("has a { or } that opens or closes no placeholder; write {{ or }} for a brace itself")


def placeholders_in(text: str, field_name: str) -> list[str]:
    """The placeholders ``text`` uses; ValidationError for an unknown one, a format spec or a stray brace.

    Only bare names are allowed: ``{name.__class__}`` or ``{name:>999999}`` would let a template reach
    into objects or blow a draft up."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise ValidationError(field_name, _(STRAY_BRACE)) from None
    used = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS:
            raise ValidationError(
                field_name,
                _("unknown placeholder {placeholder}; use {known}").format(
                    placeholder=f"{{{shown(name)[1:-1]}}}",
                    known=_(", ").join(f"{{{known}}}" for known in PLACEHOLDERS),
                ),
            )
        if spec or conversion:
            typed = f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            raise ValidationError(
                field_name,
                _("{typed} takes no format: write it as {placeholder}").format(
                    typed=shown(typed)[1:-1], placeholder=f"{{{name}}}"
                ),
            )
        used.append(name)
    return used


@dataclass(kw_only=True)
class Template:
    name: str
    purpose: str
    body: str
    channel: str | None = None
    language: str = ""
    # The e-mail subject line (a mailto: link carries it); other channels have none.
    subject: str = ""
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        data = known_keys(cls, data, "template")
        body = clean_text(data.get("body"), "body", limit=LONG_LIMIT, required=True, multiline=True)
        subject = clean_text(data.get("subject"), "subject", limit=SHORT_LIMIT)
        placeholders_in(body, "body")
        placeholders_in(subject, "subject")
        channel = data.get("channel")
        return cls(
            id=record_id(data.get("id") or new_id()),
            name=clean_text(data.get("name"), "name", limit=NAME_LIMIT, required=True),
            purpose=choice(data.get("purpose"), "purpose", PURPOSES),
            channel=None if channel in (None, "", "any") else choice(channel, "channel", CHANNELS),
            language=choice(data.get("language") or "", "language", LANGUAGES),
            subject=subject,
            body=body,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "purpose": self.purpose,
            "channel": self.channel,
            "language": self.language,
            "subject": self.subject,
            "body": self.body,
        }
