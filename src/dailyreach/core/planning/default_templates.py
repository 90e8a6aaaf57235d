"""The templates a new store starts with, in English and Japanese: one per purpose for any channel, and
short variants where a channel's limit calls for one. The user edits or deletes them like their own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from dailyreach.core.records.template import Template
from dailyreach.i18n import LANGUAGES, N_, _, in_language

# (language, purpose, channel, subject, body)
_DEFAULTS: tuple[tuple[str, str, str | None, str, str], ...] = (
    (
        "en",
        "first_public_reply",
        None,
        "",
        "{handle} Thank you for sharing this — it is exactly what I am trying to learn as a first-time "
        "founder.",
    ),
    ("en", "first_public_reply", "x", "", "{handle} Thanks for this — exactly what I needed as a founder."),
    (
        "en",
        "first_dm",
        None,
        "",
        "Hi {call_name},\n\nI'm {my_name}, a first-time founder. I've been following your work "
        "and I'd be grateful to learn from you.\n\nWould you be open to one question by message?\n\n"
        "Thank you,\n{my_name}",
    ),
    (
        "en",
        "first_dm",
        "linkedin",
        "",
        "Hi {call_name}, I'm {my_name}, a first-time founder learning from your work. I'd be grateful to "
        "connect.",
    ),
    (
        "en",
        "first_dm",
        "email",
        "A question from a first-time founder",
        "Hi {call_name},\n\nI'm {my_name}, a first-time founder. I've been following your work "
        "and I'd be grateful to learn from you.\n\nWould you be open to one question by e-mail?\n\n"
        "Thank you,\n{my_name}",
    ),
    (
        "en",
        "follow_up_1",
        None,
        "",
        "Hi {call_name}, bringing my note from {days_ago} back up, in case it got buried. "
        "No pressure at all.\n\n{my_name}",
    ),
    (
        "en",
        "follow_up_2",
        None,
        "",
        "Hi {call_name}, one last nudge on my message: I know you are busy and won't write about it again. "
        "Thank you either way!\n\n{my_name}",
    ),
    (
        "en",
        "thanks_reply",
        None,
        "",
        "Thank you so much for your reply, {call_name}! It really helps.\n\n{my_name}",
    ),
    (
        "en",
        "meeting_ask",
        None,
        "",
        "Hi {call_name}, would you have 20 minutes for a call or a coffee in the coming weeks? I'd love "
        "to hear more about your experience, and I'll fit around your schedule.\n\n{my_name}",
    ),
    (
        "en",
        "thanks_met",
        None,
        "",
        "Thank you for your time, {call_name}. I learned a lot, and I'll let you know how it goes.\n\n"
        "{my_name}",
    ),
    (
        "ja",
        "first_public_reply",
        None,
        "",
        "{handle} 大変参考になりました。初めて起業した身として、まさに学びたかったことです。"
        "ありがとうございます。",
    ),
    (
        "ja",
        "first_dm",
        None,
        "",
        "{call_name}\n\n突然のご連絡失礼いたします。{my_name}と申します。初めての起業に取り組んでおり、"
        "{call_name}のご活動からいつも学ばせていただいております。\n\n"
        "もしよろしければ、一つだけご質問させていただけないでしょうか。\n\n{my_name}",
    ),
    (
        "ja",
        "first_dm",
        "email",
        "初めての起業についてのご相談",
        "{call_name}\n\n突然のご連絡失礼いたします。{my_name}と申します。初めての起業に取り組んでおり、"
        "{call_name}のご活動からいつも学ばせていただいております。\n\n"
        "もしよろしければ、一つだけご質問させていただけないでしょうか。\n\n{my_name}",
    ),
    (
        "ja",
        "follow_up_1",
        None,
        "",
        "{call_name}\n\n{days_ago}のメッセージの件で、念のため再度ご連絡いたしました。"
        "お忙しいところ恐縮です。\n\n{my_name}",
    ),
    (
        "ja",
        "follow_up_2",
        None,
        "",
        "{call_name}\n\n何度も失礼いたします。こちらが最後のご連絡です。ご返信がなくてもまったく問題"
        "ございません。ありがとうございました。\n\n{my_name}",
    ),
    (
        "ja",
        "thanks_reply",
        None,
        "",
        "{call_name}\n\nご返信いただき、本当にありがとうございます。大変励みになります。\n\n{my_name}",
    ),
    (
        "ja",
        "meeting_ask",
        None,
        "",
        "{call_name}\n\nもしご都合がよろしければ、20分ほどオンラインかお茶でお話を伺えないでしょうか。"
        "日程は{call_name}のご都合に合わせます。\n\n{my_name}",
    ),
    (
        "ja",
        "thanks_met",
        None,
        "",
        "{call_name}\n\n本日はお時間をいただき、ありがとうございました。大変学びの多い時間でした。\n\n"
        "{my_name}",
    ),
)

# How a default template is named in lists: "first DM (ja, email)". The name is given in the interface's
# language when the defaults are added to a store, and stays what it was then (the user's to rename).
_PURPOSE_WORDS = {
    "first_public_reply": N_("first public reply"),
    "first_dm": N_("first DM"),
    "follow_up_1": N_("follow-up 1"),
    "follow_up_2": N_("follow-up 2"),
    "thanks_reply": N_("thanks for reply"),
    "meeting_ask": N_("meeting ask"),
    "thanks_met": N_("thanks after meeting"),
}


DEFAULT_ID_PREFIX = "default-"


def is_default(template: Template) -> bool:
    """Whether ``template`` is one of the defaults (edited or not): a user's own is chosen first."""
    return template.id.startswith(DEFAULT_ID_PREFIX)


def default_templates() -> list[Template]:
    """The defaults, named in the interface's language (their words are the same in every language)."""
    return [
        Template(
            id=_default_id(language, purpose, channel),
            name=_default_name(purpose, language, channel, _),
            purpose=purpose,
            channel=channel,
            language=language,
            subject=subject,
            body=body,
        )
        for language, purpose, channel, subject, body in _DEFAULTS
    ]


def as_in_use(template: Template) -> Template:
    """A default template as it reads today: named in the interface's language while the user has not
    renamed it (the store keeps the name it was given in the language of its first day), and in today's
    words while the user has not edited the ones an earlier version added to the store. Any other
    template as it is."""
    made = _MADE.get(template.id)
    if made is None:
        return template
    if template.body in _EARLIER_BODIES.get(template.id, ()):
        template = replace(template, body=_BODIES[template.id])
    if template.name not in _names_in_every_language(made):
        return template
    return replace(template, name=_default_name(*made, _))


def names_of(template: Template) -> set[str]:
    """The names ``template`` answers to: a default not renamed, its name in every language, so that a
    script naming it keeps working whatever the interface's language; any other, its own."""
    made = _MADE.get(template.id)
    if made is None:
        return {template.name}
    names = _names_in_every_language(made)
    return names if template.name in names else {template.name}


def _names_in_every_language(made: tuple[str, str, str | None]) -> set[str]:
    return {_default_name(*made, in_language(code)) for code in LANGUAGES}


def _default_id(language: str, purpose: str, channel: str | None) -> str:
    return f"{DEFAULT_ID_PREFIX}{language}-{purpose}" + (f"-{channel}" if channel else "")


def _default_name(purpose: str, language: str, channel: str | None, translate: Callable[[str], str]) -> str:
    return f"{translate(_PURPOSE_WORDS[purpose])} ({language}" + (f", {channel})" if channel else ")")


# Each default's id, and what its name is made of.
_MADE = {
    _default_id(language, purpose, channel): (purpose, language, channel)
    for language, purpose, channel, _subject, _body in _DEFAULTS
}
_BODIES = {
    _default_id(language, purpose, channel): body for language, purpose, channel, _subject, body in _DEFAULTS
}

# The defaults that say the user's name within a sentence, as they read while it is unset (a bare
# {my_name} signing off on a line of its own goes by itself): "I'm , a first-time founder" and
# "と申します。" with no one before them would not do.
_WITHOUT_MY_NAME = {
    "default-en-first_dm": "Hi {call_name},\n\nI'm a first-time founder. I've been following your work "
    "and I'd be grateful to learn from you.\n\nWould you be open to one question by message?\n\n"
    "Thank you.",
    "default-en-first_dm-linkedin": "Hi {call_name}, I'm a first-time founder learning from your work. "
    "I'd be grateful to connect.",
    "default-en-first_dm-email": "Hi {call_name},\n\nI'm a first-time founder. I've been following your "
    "work and I'd be grateful to learn from you.\n\nWould you be open to one question by "
    "e-mail?\n\nThank you.",
    "default-ja-first_dm": "{call_name}\n\n突然のご連絡失礼いたします。初めての起業に取り組んでおり、"
    "{call_name}のご活動からいつも学ばせていただいております。\n\n"
    "もしよろしければ、一つだけご質問させていただけないでしょうか。",
    "default-ja-first_dm-email": "{call_name}\n\n突然のご連絡失礼いたします。初めての起業に取り組んでおり、"
    "{call_name}のご活動からいつも学ばせていただいております。\n\n"
    "もしよろしければ、一つだけご質問させていただけないでしょうか。",
}

# What earlier versions added to a store as a default's words, where those changed since: a store keeps
# them until the user edits them ({days_since} days ago read "1 days ago" the day after).
_EARLIER_BODIES = {
    # The first DMs said the contact's "why" to them, and it is the user's own note: what they want to
    # learn is in it too ("Took a SaaS to IPO; ask about hiring").
    "default-en-first_dm": (
        "Hi {call_name},\n\nI'm {my_name}, a first-time founder. I've been following your work ({why}) "
        "and I'd be grateful to learn from you.\n\nWould you be open to one question by message?\n\n"
        "Thank you,\n{my_name}",
    ),
    "default-en-first_dm-email": (
        "Hi {call_name},\n\nI'm {my_name}, a first-time founder. I've been following your work ({why}) "
        "and I'd be grateful to learn from you.\n\nWould you be open to one question by e-mail?\n\n"
        "Thank you,\n{my_name}",
    ),
    "default-ja-first_dm": (
        "{call_name}\n\n突然のご連絡失礼いたします。{my_name}と申します。初めての起業に取り組んでおり、"
        "{call_name}のご活動（{why}）からいつも学ばせていただいております。\n\n"
        "もしよろしければ、一つだけご質問させていただけないでしょうか。\n\n{my_name}",
    ),
    "default-ja-first_dm-email": (
        "{call_name}\n\n突然のご連絡失礼いたします。{my_name}と申します。初めての起業に取り組んでおり、"
        "{call_name}のご活動（{why}）からいつも学ばせていただいております。\n\n"
        "もしよろしければ、一つだけご質問させていただけないでしょうか。\n\n{my_name}",
    ),
    "default-en-follow_up_1": (
        "Hi {call_name}, bringing my note from {days_since} days ago back up, in case it got buried. "
        "No pressure at all.\n\n{my_name}",
    ),
    "default-ja-follow_up_1": (
        "{call_name}\n\n{days_since}日前にお送りしたメッセージの件で、念のため再度ご連絡いたしました。"
        "お忙しいところ恐縮です。\n\n{my_name}",
    ),
}


def without_my_name(template: Template) -> Template:
    """``template`` as it reads while the user's name is unset: a default the user has not edited, in
    its own words for that where it says the name within a sentence; any other template as it is (the
    user's own words are theirs)."""
    words = _WITHOUT_MY_NAME.get(template.id)
    if words is None or template.body != _BODIES[template.id]:
        return template
    return replace(template, body=words)
