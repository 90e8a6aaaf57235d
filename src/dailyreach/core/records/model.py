"""The records dailyreach keeps, each validated on the way in.

Every record is a dataclass with ``from_dict`` (validating, for anything that comes from outside) and
``to_dict`` (the stored and exported shape, whose field names are a contract).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Self

from dailyreach.core.errors import BRAND_NAMES, ValidationError
from dailyreach.core.records.handles import PLATFORMS, HandleError, normalise_handle, profile_url
from dailyreach.core.records.text import shown
from dailyreach.core.records.validation import (
    LONG_LIMIT,
    NAME_LIMIT,
    SHORT_LIMIT,
    TAG_LIMIT,
    amount,
    amount_currency,
    calendar_day,
    choice,
    clean_text,
    draws_nothing,
    follower_count,
    known_keys,
    moment,
    new_id,
    optional_calendar_day,
    optional_whole_number,
    record_id,
    typed_cost,
    whole_number,
    with_meant,
)
from dailyreach.core.records.zones import zone_named
from dailyreach.i18n import LANGUAGES, N_, _, in_language

INTERACTION_KINDS = (
    "public_reply",
    "dm_sent",
    "follow_up",
    "reply_received",
    "meeting_booked",
    "met",
    "no_response",
    "note",
)
# An interaction in words, for undo and confirmations: "DM sent to 山田 太郎" (shown through ``_()``).
INTERACTION_PHRASES = {
    "public_reply": N_("public reply to {name}"),
    "dm_sent": N_("DM sent to {name}"),
    "follow_up": N_("follow-up sent to {name}"),
    "reply_received": N_("reply received from {name}"),
    "meeting_booked": N_("meeting booked with {name}"),
    "met": N_("met {name}"),
    "no_response": N_("{name} closed as no response"),
    "note": N_("note on {name}"),
}
OUTBOUND_KINDS = frozenset({"public_reply", "dm_sent", "follow_up"})
ANSWER_KINDS = frozenset({"reply_received", "meeting_booked", "met"})
CHANNELS = (*PLATFORMS, "in_person", "phone", "other")
# How each channel is shown (through ``_()``: wording.channel_label), in stats and lists.
CHANNEL_LABELS = {
    **BRAND_NAMES,
    "email": N_("e-mail"),
    "web": N_("web"),
    "in_person": N_("in person"),
    "phone": N_("phone"),
    "other": N_("other"),
}


def key_named(typed: Any, labels: dict[str, str], *, every_language: bool = False) -> Any:
    """The key (sales_pitch, linkedin) a label stands for as the app and the command line show it, in
    English or the language in use (with ``every_language``, in any the app speaks, as its Japanese days
    are read), in any case and width; anything else as it was typed, for the record's check to judge."""
    if not isinstance(typed, str):
        return typed
    wanted = unicodedata.normalize("NFKC", typed).strip().casefold()
    speaking = [in_language(language) for language in LANGUAGES] if every_language else [N_, _]
    return next(
        (key for key, label in labels.items() if any(wanted == said(label).casefold() for said in speaking)),
        typed,
    )


def channel_key(typed: Any) -> Any:
    """The channel a name stands for (LinkedIn, e-mail, and in Japanese メール)."""
    return key_named(typed, CHANNEL_LABELS)


INVITATION_KINDS = ("mixer", "seminar", "party", "community", "sales_pitch", "other")
INVITATION_STATUSES = ("undecided", "declined", "accepted")
# The hours an evening, a seminar or a conference takes: more than this is a slip of the keyboard.
MOST_HOURS = 1000


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """The id first, as a person reading an export expects."""
    return {"id": data.pop("id"), **data} if "id" in data else data


@dataclass(kw_only=True)
class Contact:
    """Someone the user means to reach: where (``handles``, by platform), why, how high in the plan
    (``priority``, 1 first) and, with ``cadence_days``, how often to keep in touch."""

    name: str
    # How the user addresses them in a message; empty: worked out from the name (planning/drafts.py).
    call_name: str = ""
    handles: dict[str, str] = field(default_factory=dict)
    why: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    priority: int = 2
    followers: int | None = None
    cadence_days: int | None = None
    archived: bool = False
    created_at: str = ""
    updated_at: str = ""
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        """A validated contact; the store stamps created_at and updated_at when they are missing."""
        data = known_keys(cls, data, "contact")
        handles = data.get("handles") or {}
        if not isinstance(handles, dict):
            raise ValidationError("handles", _("must map platform to handle"))
        normalised = {}
        for platform, raw in handles.items():
            if raw in (None, ""):
                continue
            if platform not in PLATFORMS:
                raise ValidationError(
                    "handles", _("unknown platform {platform}").format(platform=shown(platform))
                )
            try:
                normalised[platform] = normalise_handle(platform, str(raw))
            except HandleError as error:
                raise ValidationError(
                    platform, _("{value}: {problem}").format(value=shown(raw), problem=error)
                ) from None
        tags = data.get("tags") or []
        if isinstance(tags, str):
            tags = [tags]
        if not isinstance(tags, list):
            raise ValidationError("tags", _("must be a list of words"))
        # A comma parts tags wherever they are typed (--tag "a,b", an import's column): the form shows
        # them joined by commas, and a tag holding one came apart at its next save.
        tags = [part for tag in tags for part in (tag.split(",") if isinstance(tag, str) else [tag])]
        clean_tags = []
        for tag in tags:
            if isinstance(tag, str) and len(tag.strip()) > TAG_LIMIT:
                # Said of the one tag, not of the field: "Tags: is 200 characters long" read as all of them.
                raise ValidationError(
                    "tags",
                    _("{tag} is {length} characters long; a tag is at most {limit}").format(
                        tag=shown(tag.strip()), length=len(tag.strip()), limit=TAG_LIMIT
                    ),
                )
            word = clean_text(tag, "tags", limit=TAG_LIMIT).lstrip("#")
            if word and word not in clean_tags:
                clean_tags.append(word)
        archived = data.get("archived", False)
        if not isinstance(archived, bool):
            raise ValidationError("archived", _("must be true or false"))
        return cls(
            id=record_id(data.get("id") or new_id()),
            name=clean_text(data.get("name"), "name", limit=NAME_LIMIT, required=True),
            call_name=clean_text(data.get("call_name"), "call_name", limit=NAME_LIMIT),
            handles=normalised,
            why=clean_text(data.get("why"), "why", limit=LONG_LIMIT, multiline=True),
            notes=clean_text(data.get("notes"), "notes", limit=LONG_LIMIT, multiline=True),
            tags=clean_tags,
            priority=whole_number(data.get("priority", 2), "priority", minimum=1, maximum=3),
            followers=follower_count(data.get("followers")),
            cadence_days=optional_whole_number(
                data.get("cadence_days"), "cadence_days", minimum=1, maximum=3650
            ),
            archived=archived,
            created_at=moment(data["created_at"], "created_at") if data.get("created_at") else "",
            updated_at=moment(data["updated_at"], "updated_at") if data.get("updated_at") else "",
        )

    def to_dict(self) -> dict[str, Any]:
        return _ordered(asdict(self))

    @property
    def profile_urls(self) -> dict[str, str]:
        return {platform: profile_url(platform, handle) for platform, handle in self.handles.items()}

    @property
    def main_channel(self) -> str:
        """The first platform the contact can be reached on, in the order of PLATFORMS."""
        return next((p for p in PLATFORMS if p in self.handles), "other")


# A note is its text: logged with none, it was a bare "Note" in the timeline saying nothing.
TEXT_REQUIRED_KINDS = frozenset({"note"})


def check_required_text(text: str) -> None:
    # As a required name is: a text of zero-width characters alone is a note with nothing to read.
    if draws_nothing(text):
        raise ValidationError("text", _("a note needs its text"))


def check_logged_text(kind: str, text: str) -> None:
    """Checked where an interaction is logged, not on every record read: notes saved empty before stay
    readable."""
    if kind in TEXT_REQUIRED_KINDS:
        check_required_text(text)


@dataclass(kw_only=True)
class Interaction:
    """One thing that happened with a contact (one of ``INTERACTION_KINDS``), when (``at``, ISO 8601
    with its offset) and on which channel."""

    contact_id: str
    kind: str
    at: str
    channel: str = "other"
    text: str = ""
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        data = known_keys(cls, data, "interaction")
        return cls(
            id=record_id(data.get("id") or new_id()),
            contact_id=record_id(data.get("contact_id"), "contact_id"),
            kind=choice(data.get("kind"), "kind", INTERACTION_KINDS),
            channel=choice(channel_key(data.get("channel") or "other"), "channel", CHANNELS),
            at=moment(data.get("at"), "at"),
            text=clean_text(data.get("text"), "text", limit=LONG_LIMIT, multiline=True),
        )

    def to_dict(self) -> dict[str, Any]:
        # Written out rather than asdict(): exports hold up to 100k of these and asdict deep-copies.
        return {
            "id": self.id,
            "contact_id": self.contact_id,
            "kind": self.kind,
            "channel": self.channel,
            "at": self.at,
            "text": self.text,
        }

    @property
    def moment(self) -> datetime:
        """When it happened, as a timezone-aware datetime (parsed by the stdlib: it is fast)."""
        return datetime.fromisoformat(self.at)


@dataclass(kw_only=True)
class Invitation:
    """An event, seminar or pitch the user was invited to, and what declining it saved (``hours``,
    ``cost`` in ``currency``)."""

    title: str
    kind: str = "other"
    host: str = ""
    event_date: str | None = None
    status: str = "undecided"
    hours: float | None = None
    cost: float | None = None
    currency: str = "USD"
    note: str = ""
    decided_at: str | None = None
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        data = known_keys(cls, data, "invitation")
        priced_in = amount_currency(data.get("cost"))
        # Given empty, refused as the settings' is: not taken for the default.
        given = data.get("currency")
        currency = currency_code(given if given is not None else priced_in or "USD")
        if priced_in is not None and priced_in != currency:
            raise ValidationError(
                "cost",
                _("{value} is in {priced_in}, not {currency}").format(
                    value=shown(data.get("cost")), priced_in=priced_in, currency=currency
                ),
            )
        decided_at = data.get("decided_at")
        return cls(
            id=record_id(data.get("id") or new_id()),
            title=clean_text(data.get("title"), "title", limit=SHORT_LIMIT, required=True),
            kind=choice(data.get("kind") or "other", "kind", INVITATION_KINDS),
            host=clean_text(data.get("from", data.get("host")), "from", limit=SHORT_LIMIT),
            event_date=optional_calendar_day(data.get("event_date"), "event_date"),
            status=choice(data.get("status") or "undecided", "status", INVITATION_STATUSES),
            hours=amount(data.get("hours"), "hours", money=False, most=MOST_HOURS),
            cost=typed_cost(data.get("cost"), currency),
            currency=currency,
            note=clean_text(data.get("note"), "note", limit=LONG_LIMIT, multiline=True),
            decided_at=moment(decided_at, "decided_at") if decided_at else None,
        )

    def to_dict(self) -> dict[str, Any]:
        data = _ordered(asdict(self))
        data["from"] = data.pop("host")
        return data


@dataclass(kw_only=True)
class Snooze:
    """A contact left out of the plan until a day (``until``, YYYY-MM-DD)."""

    contact_id: str
    until: str

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        data = known_keys(cls, data, "snooze")
        return cls(
            contact_id=record_id(data.get("contact_id"), "contact_id"),
            until=calendar_day(data.get("until"), "until"),
        )

    def to_dict(self) -> dict[str, Any]:
        return _ordered(asdict(self))


@dataclass(kw_only=True)
class PlanItem:
    """One row of a day's plan: who, and why (a follow-up, keep in touch or new; a follow-up says which
    one it is)."""

    contact_id: str
    reason: str
    follow_up_number: int = 0


@dataclass(kw_only=True)
class DayPlan:
    """The plan fixed the first time a day is planned, so it does not reshuffle during the day."""

    date: str
    items: list[PlanItem] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        data = known_keys(cls, data, "plan")
        items = data.get("items") or []
        if not isinstance(items, list):
            raise ValidationError("items", _("must be a list"))
        plan_items = []
        for item in items:
            item = known_keys(PlanItem, item, "plan item")
            plan_items.append(
                PlanItem(
                    contact_id=record_id(item.get("contact_id"), "contact_id"),
                    reason=choice(item.get("reason"), "reason", ("follow_up", "keep_in_touch", "new")),
                    follow_up_number=whole_number(
                        item.get("follow_up_number", 0),
                        "follow_up_number",
                        minimum=0,
                        maximum=1000,
                    ),
                )
            )
        return cls(date=calendar_day(data.get("date"), "date"), items=plan_items)

    def to_dict(self) -> dict[str, Any]:
        return _ordered(asdict(self))


def week_start_named(typed: Any) -> Any:
    """The week's first day as stored (monday) from its Japanese name too (月曜, 月曜日), which the
    settings show it by in Japanese; anything else as it was, for ``choice`` to take or refuse as typed."""
    from dailyreach.core.records.dates import WEEK_STARTS, WEEKDAYS, japanese_weekday

    index = japanese_weekday(typed) if isinstance(typed, str) else None
    return WEEKDAYS[index] if index is not None and WEEKDAYS[index] in WEEK_STARTS else typed


# What people write for a currency in words, read as its code (in Japanese: 円 is JPY).
CURRENCY_WORDS = {"円": "JPY", "日本円": "JPY", "米ドル": "USD", "ユーロ": "EUR"}


def currency_code(typed: Any) -> str:
    """A three-letter code (JPY, USD) from what was typed or stored; ValidationError for anything else.
    NFKC: full-width "ＪＰＹ", as a Japanese keyboard types it, is the code JPY, not a new currency."""
    if isinstance(typed, str):
        typed = unicodedata.normalize("NFKC", typed)
    # Cut at a short field's length, not at 3: "dollars" is no code, and is told so, not that it is long.
    cleaned = clean_text(typed, "currency", limit=SHORT_LIMIT)
    currency = CURRENCY_WORDS.get(cleaned, cleaned.upper())
    if len(currency) != 3 or not (currency.isascii() and currency.isalpha()):
        raise ValidationError(
            "currency",
            # As typed: "dollars" beside a field that shows dollars, not DOLLARS.
            _("{value} is not a three-letter code such as USD or JPY").format(value=shown(cleaned)),
        )
    return currency


# Three letters people write for a currency that are not its code.
CURRENCY_NICKNAMES = {"YEN": "JPY", "RMB": "CNY", "NTD": "TWD"}


def known_currency(code: str) -> str:
    """``code`` when ISO 4217 has it; ValidationError naming the code meant, when it is a nickname
    (YEN). Only for a currency being set: Babel's tables take ~25 ms to load, too long for every read."""
    from babel.numbers import is_currency

    if code in CURRENCY_NICKNAMES:
        raise ValidationError(
            "currency",
            _("{value} is not a currency code: use {code}").format(value=code, code=CURRENCY_NICKNAMES[code]),
        )
    if not is_currency(code):
        raise ValidationError(
            "currency", _("{value} is not a currency code (ISO 4217) such as USD or JPY").format(value=code)
        )
    return code


# The settings a user sets, in the order they are shown (``dailyreach settings``, the settings form).
USER_SETTINGS = (
    "daily_goal",
    "followup_days",
    "followup_days_by_channel",
    "followups_before_giving_up",
    "week_start",
    "timezone",
    "currency",
    "my_name",
)


def typed_timezone(typed: str) -> str:
    """A timezone as a user types it, named as the zone database names it (utc is UTC, asia/tokyo
    Asia/Tokyo); ValidationError for a name the database has not. "localtime" is not one: a Debian
    link to the system's zone, it names another zone on each machine the settings travel to."""
    zones = _zone_names()
    name = zones.get(typed.strip().casefold())
    if name is None:
        said = _("{value} is not a known timezone").format(value=shown(typed))
        raise ValidationError("timezone", with_meant(said, typed, zones.values()))
    return name


@functools.cache
def _zone_names() -> dict[str, str]:
    """The zone database's names by their folded form: read once (~40 ms), as a form checks each key."""
    from zoneinfo import available_timezones

    return {zone.casefold(): zone for zone in available_timezones() if zone != "localtime"}


def followup_days_on(given: Iterable[str], current: dict[str, int]) -> dict[str, Any]:
    """The channels' own follow-up days with each CHANNEL=DAYS of ``given`` applied (CHANNEL= removes
    one); the days are checked with the rest of the settings."""
    by_channel: dict[str, Any] = dict(current)
    for item in given:
        channel, equals, days = item.partition("=")
        if not equals:
            raise ValidationError(
                "followup_days_by_channel",
                _("{value} is not CHANNEL=DAYS (CHANNEL= removes it)").format(value=shown(item)),
            )
        # Checked even when removing, so that a mistyped channel is said rather than passed over.
        channel = choice(channel.strip().lower(), "followup_days_by_channel", CHANNELS)
        if days.strip():
            by_channel[channel] = days.strip()
        else:
            by_channel.pop(channel, None)
    return by_channel


@dataclass(kw_only=True)
class Settings:
    """What the user sets for the habit (``USER_SETTINGS``), kept in the database so that it travels with
    an export; theme and locale are the app's, written in config.toml."""

    daily_goal: int = 5
    followup_days: int = 3
    followup_days_by_channel: dict[str, int] = field(default_factory=dict)
    followups_before_giving_up: int = 2
    week_start: str = "monday"
    timezone: str | None = None
    theme: str = "textual-dark"
    locale: str = "en"
    currency: str = "USD"
    # The user's own name, for drafts' {my_name}.
    my_name: str = ""
    # The daily goal as it was up to and including each of these days (YYYY-MM-DD -> goal), kept when the
    # goal is changed: a past day is judged by the goal it had, not by the one set since.
    past_goals: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        data = known_keys(cls, data, "settings")
        by_channel = data.get("followup_days_by_channel") or {}
        if not isinstance(by_channel, dict):
            raise ValidationError("followup_days_by_channel", _("must map channel to days"))
        past_goals = data.get("past_goals") or {}
        if not isinstance(past_goals, dict):
            raise ValidationError("past_goals", _("must map a day to the goal it had"))
        timezone = data.get("timezone")
        if timezone is not None:
            try:
                if not isinstance(timezone, str):
                    raise ValueError(timezone)
                zone_named(timezone)
            except ValueError:
                from zoneinfo import available_timezones

                said = _("{value} is not a known timezone").format(value=shown(timezone))
                raise ValidationError("timezone", with_meant(said, timezone, available_timezones())) from None
        return cls(
            daily_goal=whole_number(data.get("daily_goal", 5), "daily_goal", minimum=1, maximum=200),
            followup_days=whole_number(
                data.get("followup_days", 3),
                "followup_days",
                minimum=1,
                maximum=365,
            ),
            followup_days_by_channel={
                choice(channel, "followup_days_by_channel", CHANNELS): whole_number(
                    days,
                    f"followup_days_by_channel.{channel}",
                    minimum=1,
                    maximum=365,
                )
                for channel, days in by_channel.items()
            },
            followups_before_giving_up=whole_number(
                data.get("followups_before_giving_up", 2),
                "followups_before_giving_up",
                minimum=0,
                maximum=20,
            ),
            week_start=choice(
                week_start_named(data.get("week_start", "monday")),
                "week_start",
                ("monday", "sunday", "saturday"),
            ),
            timezone=timezone,
            theme=clean_text(data.get("theme") or "textual-dark", "theme", limit=64),
            locale=clean_text(data.get("locale") or "en", "locale", limit=16),
            # The default only when none is given: an empty one is refused as a mistyped one is, not
            # taken for the default (settings --currency '' turned EUR into USD).
            currency=currency_code(data.get("currency", "USD")),
            my_name=clean_text(data.get("my_name"), "my_name", limit=NAME_LIMIT),
            past_goals={
                calendar_day(day, "past_goals"): whole_number(
                    goal, f"past_goals.{day}", minimum=1, maximum=200
                )
                for day, goal in past_goals.items()
            },
        )

    def to_dict(self) -> dict[str, Any]:
        return _ordered(asdict(self))

    def followup_days_for(self, channel: str) -> int:
        return self.followup_days_by_channel.get(channel, self.followup_days)

    def goal_on(self, day: date) -> int:
        """The daily goal that ``day`` had: the one kept for the first day from it on in ``past_goals``,
        or the goal set now."""
        kept = [kept_until for kept_until in self.past_goals if kept_until >= day.isoformat()]
        return self.past_goals[min(kept)] if kept else self.daily_goal

    def goals_kept_before(self, today: date) -> dict[str, int]:
        """``past_goals`` for a change of the goal made ``today``: the goal set until now kept for the
        days before it, unless an earlier change made today kept theirs already."""
        yesterday = (today - timedelta(days=1)).isoformat()
        if any(kept_until >= yesterday for kept_until in self.past_goals):
            return dict(self.past_goals)
        return {**self.past_goals, yesterday: self.daily_goal}
