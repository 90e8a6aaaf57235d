"""A draft message for a contact: the template that fits what is due, filled in, counted against the
channel's limit, and the link that opens the channel's compose page. Nothing here sends anything.
"""

from __future__ import annotations

import gettext
import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from dailyreach.core.planning.default_templates import is_default, without_my_name
from dailyreach.core.records.handles import COMPOSE_SCHEMES, HandleError, openable, profile_url
from dailyreach.core.records.model import ANSWER_KINDS, OUTBOUND_KINDS, Contact, Interaction
from dailyreach.core.records.template import PURPOSES, Template, placeholders_in
from dailyreach.core.records.text import family_name_first, is_japanese_name, strip_control
from dailyreach.core.store.threads import read_thread, utc_stamp
from dailyreach.i18n import DOMAIN, LOCALE_FOLDER, N_, SOURCE_LANGUAGE

if TYPE_CHECKING:
    from dailyreach.core.store.store import Store

# Where a first public reply can be posted (a comment or a post that mentions them); elsewhere the first
# message is a DM.
PUBLIC_REPLY_CHANNELS = frozenset({"x", "bluesky", "threads", "mastodon", "linkedin", "instagram"})
# Where a post @-mentions someone by their handle, which {handle} writes; elsewhere the handle (a LinkedIn
# profile's name, an e-mail address, a web page) is no way to address anyone, and {handle} is empty.
MENTION_CHANNELS = frozenset({"x", "bluesky", "threads", "mastodon", "instagram", "github"})
# The most characters a post or a comment may have.
PUBLIC_LIMITS = {
    "x": 280,
    "bluesky": 300,
    "threads": 500,
    "mastodon": 500,
    "linkedin": 1250,
    "instagram": 2200,
}
# The most characters a direct message may have; a LinkedIn connection request's note is 300. E-mail and
# the rest have no limit worth counting against.
MESSAGE_LIMITS = {
    "x": 10_000,
    "bluesky": 1000,
    "threads": 1000,
    "mastodon": 500,
    "linkedin": 8000,
    "instagram": 1000,
}
LINKEDIN_NOTE_LIMIT = 300
# The interaction a sent draft is logged as. Thanks for a reply is the user's turn taken, a message sent
# as the screens ask for ("your turn: c drafts a thanks, d logs the DM"); thanks after a meeting waits
# for no answer, so it is a note.
KIND_FOR_PURPOSE = {
    "first_public_reply": "public_reply",
    "first_dm": "dm_sent",
    "follow_up_1": "follow_up",
    "follow_up_2": "follow_up",
    "thanks_reply": "dm_sent",
    "meeting_ask": "dm_sent",
    "thanks_met": "note",
}

_HONORIFICS = ("さん", "様", "さま", "先生")
# Emoji and other symbols, their skin tones and the joiners between them (categories), and the variation
# selectors after them; not every mark: a Hindi or Thai name is written with them.
_SYMBOLS = frozenset({"So", "Sk", "Cf"})
_VARIATION_SELECTORS = frozenset(map(chr, range(0xFE00, 0xFE10)))
_TITLES = frozenset({"dr", "mr", "mrs", "ms", "mx", "prof", "sir"})


def one_line(text: str) -> str:
    """``text`` as it may go into a draft or a link: no escape sequences, controls or line breaks."""
    return " ".join(strip_control(text).split())


def default_call_name(name: str) -> str:
    """How to address someone by default: family name + さん for a Japanese name (山田 太郎 → 山田さん),
    the whole name for a Korean one (김 민수: its first word is the family name, bare), the given name
    otherwise (Ann Smith → Ann; Smith, Ann → Ann; Dr. Ann Smith → Ann). The emoji and symbols of a
    display name (🚀 Ann Smith 🌸, 花子🌸) are no part of it, nor are words left without a letter."""
    name = one_line(name)
    bare = "".join(
        char
        for char in name
        if unicodedata.category(char) not in _SYMBOLS and char not in _VARIATION_SELECTORS
    )
    name = " ".join(word for word in bare.split() if any(char.isalpha() for char in word)) or name
    if is_japanese_name(name):
        family = name.split()[0]
        return family if family.endswith(_HONORIFICS) else f"{family}さん"
    if family_name_first(name):
        return name
    if "," in name:
        name = name.split(",", 1)[1].strip() or name
    words = [word for word in name.split() if word.rstrip(".").casefold() not in _TITLES]
    return words[0] if words else name


def call_name_for(contact: Contact, language: str = "en") -> str:
    """The contact's own call name, else the default; in Japanese words, anyone is addressed with さん
    (Sam Lee → Samさん), not only a Japanese name."""
    own = one_line(contact.call_name)
    if own:
        return own
    called = default_call_name(contact.name)
    return f"{called}さん" if language == "ja" and not called.endswith(_HONORIFICS) else called


def language_for(contact: Contact) -> str:
    """The language a draft to ``contact`` is in by default: Japanese for a name in Japanese script."""
    return "ja" if is_japanese_name(contact.name) else "en"


def words_language(template: Template, contact: Contact) -> str:
    """The language of a template's words, which ``{days_ago}`` is said in: its own; for a template of
    any language, Japanese when its words are in Japanese script, else English; for one with no words of
    its own (only placeholders), the contact's."""
    if template.language:
        return template.language
    words = "".join(
        literal
        for part in (template.subject, template.body)
        for literal, *_rest in string.Formatter().parse(part)
    )
    if any(character.isalpha() for character in words):
        return "ja" if is_japanese_name(words) else "en"
    return language_for(contact)


def draft_channel(contact: Contact, interactions: Sequence[Interaction]) -> str:
    """Where the conversation is: the channel of the last message sent, else the contact's main one."""
    sent = [interaction for interaction in interactions if interaction.kind in OUTBOUND_KINDS]
    return sent[-1].channel if sent else contact.main_channel


def purpose_for(
    interactions: Sequence[Interaction], channel: str, reason: str | None = None, nudges_allowed: int = 2
) -> str:
    """What the next message is for, from the contact's log (oldest first), today's plan reason and how many
    follow-ups the settings allow before giving up: the last of them says it is the last."""
    if reason == "keep_in_touch":
        return "meeting_ask"
    kinds = [interaction.kind for interaction in interactions if interaction.kind != "note"]
    last = kinds[-1] if kinds else None
    if last == "met":
        return "thanks_met"
    if last in ANSWER_KINDS:
        return "thanks_reply"
    if last is None or last == "no_response":
        return "first_public_reply" if channel in PUBLIC_REPLY_CHANNELS else "first_dm"
    # The messages sent since the last answer (or ever): public replies first, then a DM, then nudges.
    since = len(kinds) - next(
        (i for i, kind in enumerate(reversed(kinds)) if kind not in OUTBOUND_KINDS), len(kinds)
    )
    sent = kinds[since:]
    if all(kind == "public_reply" for kind in sent):
        return "first_dm"
    # Counted as the contact's thread counts them, whichever key logged each message.
    nudges = read_thread((utc_stamp(i.at), i.kind, i.channel) for i in interactions).nudges
    return "follow_up_2" if nudges + 1 >= nudges_allowed else "follow_up_1"


def choose_template(
    templates: Sequence[Template], purpose: str, channel: str, language: str
) -> Template | None:
    """The template for ``purpose`` that fits best, in ``language`` or for any language (never one in
    another: the contact would get words they may not read; the user picks one by hand): made for this
    channel over one for any channel, then the user's own over a default, then in ``language`` over for
    any; among equals, the first. None when there is none."""
    fitting = [
        t
        for t in templates
        if t.purpose == purpose and t.channel in (None, channel) and t.language in (language, "")
    ]
    if not fitting:
        return None
    return max(fitting, key=lambda t: (t.channel == channel, not is_default(t), t.language == language))


def templates_for(templates: Sequence[Template], channel: str, language: str) -> list[Template]:
    """The templates usable on ``channel``, the ones in ``language`` (or any) first, in purpose order: what
    the key that switches template goes through."""

    def rank(template: Template) -> tuple[bool, int, bool]:
        return (
            template.language not in ("", language),
            PURPOSES.index(template.purpose),
            template.channel is None,
        )

    return sorted((t for t in templates if t.channel in (None, channel)), key=rank)


def limit_for(channel: str, purpose: str) -> int | None:
    """The most characters the channel takes for this message; None when it takes a long one."""
    if purpose == "first_public_reply":
        return PUBLIC_LIMITS.get(channel)
    if channel == "linkedin" and purpose == "first_dm":
        return LINKEDIN_NOTE_LIMIT  # a connection request's note
    return MESSAGE_LIMITS.get(channel)


# X counts every link as 23 characters, however long, once shortened.
X_LINK_WEIGHT = 23
_LINK = re.compile(r"https?://\S+")


def _x_weight(character: str) -> int:
    # X counts Latin and common punctuation as 1 and everything else (CJK, emoji) as 2.
    point = ord(character)
    light = (
        point <= 0x10FF or 0x2000 <= point <= 0x200D or 0x2010 <= point <= 0x201F or 0x2032 <= point <= 0x2037
    )
    return 1 if light else 2


def character_count(text: str, channel: str) -> int:
    """The length of ``text`` as the channel counts it: X weighs CJK as two and a link as 23; the others
    count what a reader sees as one character (an accent or an emoji's joiner and modifiers do not add
    one)."""
    text = unicodedata.normalize("NFC", text)
    if channel == "x":
        links = _LINK.findall(text)
        rest = _LINK.sub("", text)
        return X_LINK_WEIGHT * len(links) + sum(_x_weight(character) for character in rest)
    count, joined = 0, False
    for character in text:
        if joined:
            joined = False
            continue
        if character == "\u200d":
            joined = True
        # Marks (accents, enclosing circles, variation selectors: all Mn or Me) and skin tones add none.
        elif not (
            unicodedata.category(character) in ("Mn", "Me") or "\U0001f3fb" <= character <= "\U0001f3ff"
        ):
            count += 1
    return count


def mention(contact: Contact, channel: str) -> str:
    """How a post on ``channel`` mentions the contact: @name, @user@host on Mastodon; "" where the channel
    has no @-mentions or the contact no handle on it."""
    handle = one_line(contact.handles.get(channel, ""))
    if not handle or channel not in MENTION_CHANNELS:
        return ""
    return handle if handle.startswith("@") else f"@{handle}"


def days_since_last(interactions: Sequence[Interaction], now: datetime) -> int | None:
    """Whole local days since the last message sent (else the last interaction); None with no log."""
    sent = [interaction for interaction in interactions if interaction.kind in OUTBOUND_KINDS]
    last = (sent or list(interactions))[-1:] if interactions else []
    if not last:
        return None
    return max((now.date() - last[0].moment.astimezone(now.tzinfo).date()).days, 0)


# How long ago the last message went, in a draft's words ({days_ago}).
TODAY, YESTERDAY = N_("today"), N_("yesterday")


@cache
def _words_in(language: str) -> gettext.NullTranslations:
    """The catalog of ``language``: a draft is in its template's language, whatever the interface's."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_FOLDER, languages=[language], fallback=True)


def days_ago_text(days: int, language: str) -> str:
    """``days`` back from today in words of ``language`` (a code, "" for English): 'today', 'yesterday',
    '3 days ago'; 今日, 昨日, 3日前."""
    words = _words_in(language or SOURCE_LANGUAGE)
    if days == 0:
        return words.gettext(TODAY)
    if days == 1:
        return words.gettext(YESTERDAY)
    ngettext = words.ngettext  # so named, make catalogs finds the words
    return ngettext("{count} day ago", "{count} days ago", days).format(count=days)


@dataclass(frozen=True)
class Draft:
    contact: Contact
    template: Template
    channel: str
    subject: str
    text: str
    # Placeholders that had nothing to fill them (no handle on a channel with mentions, no "why", your name
    # unset), as the template says them (a default that reads without your name still names it here).
    missing: tuple[str, ...]

    @property
    def purpose(self) -> str:
        return self.template.purpose

    @property
    def kind(self) -> str:
        """The interaction to log once it is sent."""
        return KIND_FOR_PURPOSE[self.purpose]

    @property
    def limit(self) -> int | None:
        return limit_for(self.channel, self.purpose)

    def count(self, text: str | None = None) -> int:
        return character_count(self.text if text is None else text, self.channel)

    def link(self, text: str | None = None) -> str | None:
        """The compose page for this draft, with ``text`` (the draft as edited) in it."""
        return compose_link(
            self.contact, self.channel, self.purpose, self.subject, self.text if text is None else text
        )


def fill(template: Template, values: dict[str, str]) -> tuple[str, str]:
    """The template's subject and body with ``values`` put in (its placeholders were checked on save); an
    empty value takes its brackets or a space next to it with it: "your work ({why})" reads "your work",
    "{handle} Thanks" reads "Thanks"."""

    def filled(text: str) -> str:
        for name, value in values.items():
            if not value:
                placeholder = f"{{{name}}}"
                for around in (f" ({placeholder})", f"({placeholder})", f"（{placeholder}）"):
                    text = text.replace(around, "")
                text = text.replace(f"{placeholder} ", "").replace(f" {placeholder}", "")
        return text.format_map(values)

    return filled(template.subject), filled(template.body)


def make_draft(
    template: Template,
    contact: Contact,
    channel: str,
    interactions: Sequence[Interaction],
    now: datetime,
    my_name: str = "",
) -> Draft:
    days = days_since_last(interactions, now)
    language = words_language(template, contact)
    values = {
        "name": one_line(contact.name),
        "call_name": call_name_for(contact, language),
        "handle": mention(contact, channel),
        "why": one_line(contact.why),
        "days_since": "" if days is None else str(days),
        "days_ago": "" if days is None else days_ago_text(days, language),
        "my_name": one_line(my_name),
    }
    # A default that says your name within a sentence has its own words for when it is unset.
    subject, text = fill(template if values["my_name"] else without_my_name(template), values)
    # A subject is an e-mail's: on any other channel nothing sends it, so it is neither shown nor asked for.
    parts = (template.subject, template.body) if channel == "email" else (template.body,)
    used = {name for part in parts for name in placeholders_in(part, "body")}
    # Nothing fills {handle} where there are no mentions, and nothing should.
    expected = used if channel in MENTION_CHANNELS else used - {"handle"}
    missing = tuple(name for name in values if name in expected and not values[name])
    # Stripped: an unset {my_name} at the end would leave blank lines behind.
    return Draft(
        contact, template, channel, one_line(subject) if channel == "email" else "", text.strip(), missing
    )


def _query(**fields: str) -> str:
    # quote, not quote_plus: a mailto: body and the intents read "+" as a plus sign.
    return urlencode(fields, quote_via=quote)


def compose_link(contact: Contact, channel: str, purpose: str, subject: str, text: str) -> str | None:
    """Where the user sends the draft: an e-mail with subject and body; a new post for a public reply on
    Bluesky, Threads, X or Mastodon; otherwise the contact's profile. None when there is nowhere, and
    never anything but an https: or mailto: link."""
    handle = contact.handles.get(channel)
    link: str | None = None
    if channel == "email" and handle:
        # The address is quoted too: "a?cc=b@x.org" must not add a recipient.
        link = f"mailto:{quote(handle, safe='@')}?" + _query(subject=subject, body=text.replace("\n", "\r\n"))
    elif purpose == "first_public_reply" and channel == "x":
        link = "https://x.com/intent/post?" + _query(text=text)
    elif purpose == "first_public_reply" and channel == "bluesky":
        link = "https://bsky.app/intent/compose?" + _query(text=text)
    elif purpose == "first_public_reply" and channel == "threads":
        link = "https://www.threads.net/intent/post?" + _query(text=text)
    elif purpose == "first_public_reply" and channel == "mastodon" and handle and "@" in handle.lstrip("@"):
        # Mastodon has no one home: the share page of the contact's own server.
        host = handle.lstrip("@").split("@", 1)[1]
        link = f"https://{quote(host, safe='.-')}/share?" + _query(text=text)
    else:
        link = profile_link(contact, channel)
    return link if link is not None and openable(link, COMPOSE_SCHEMES) else None


def profile_link(contact: Contact, channel: str) -> str | None:
    """The contact's profile on ``channel`` (a mailto: link for e-mail); None when they have no handle
    there. What a draft opens when there is nothing to compose, and what the calendar links to."""
    handle = contact.handles.get(channel)
    if not handle:
        return None
    try:
        return profile_url(channel, handle)
    except HandleError:
        return None


@dataclass(frozen=True)
class Prepared:
    """What a draft for one contact is made from, so another template can be put in its place."""

    contact: Contact
    channel: str
    purpose: str
    language: str
    interactions: tuple[Interaction, ...]
    now: datetime
    my_name: str
    # The templates usable on the channel, best first for this contact: what "switch template" cycles.
    choices: tuple[Template, ...]
    draft: Draft | None
    # The follow-ups sent without an answer when they are all the settings allow: the thread is offered to
    # be closed as no response rather than nudged again, and no draft is made but of a template named.
    # None while another may be sent.
    nudges_used: int | None = None

    def with_template(self, template: Template) -> Draft:
        return make_draft(template, self.contact, self.channel, self.interactions, self.now, self.my_name)


def prepare_draft(
    store: Store,
    contact: Contact,
    *,
    channel: str | None = None,
    template_name: str | None = None,
    reason: str | None = None,
) -> Prepared:
    """The draft for ``contact`` from the store's templates (the defaults are added on first use): the
    one called ``template_name``, else the one that fits what is due. StoreError for an unknown template
    name, ValidationError for an unknown channel."""
    from dailyreach.core.records.model import CHANNELS, channel_key
    from dailyreach.core.records.validation import choice
    from dailyreach.core.store.templates import ensure_default_templates, template_named, templates

    ensure_default_templates(store)
    interactions = tuple(store.interactions(contact.id))
    where = (
        choice(channel_key(channel), "channel", CHANNELS) if channel else draft_channel(contact, interactions)
    )
    settings = store.settings()
    allowed = settings.followups_before_giving_up
    purpose = purpose_for(interactions, where, reason, allowed)
    thread = store.thread(contact.id)
    nudges_used = thread.nudges if thread.open and thread.nudges >= allowed else None
    language = language_for(contact)
    everything = templates(store)
    if template_name:
        chosen = template_named(store, template_name)
    elif nudges_used is not None:
        chosen = None  # no nudge is due any more: only one asked for by name
    else:
        chosen = choose_template(everything, purpose, where, language)
    choices = templates_for(everything, where, language)
    if thread.last_sent is None:
        # A follow-up brings back a message sent: with none, "my note from {days_ago}" read "from  back".
        choices = [t for t in choices if KIND_FOR_PURPOSE[t.purpose] != "follow_up"]
    if chosen is not None and chosen not in choices:
        choices = [chosen, *choices]
    prepared = Prepared(
        contact=contact,
        channel=where,
        purpose=chosen.purpose if chosen else purpose,
        language=language,
        interactions=interactions,
        now=store.local_now(),
        my_name=settings.my_name,
        choices=tuple(choices),
        draft=None,
        nudges_used=nudges_used,
    )
    return replace(prepared, draft=prepared.with_template(chosen)) if chosen is not None else prepared
