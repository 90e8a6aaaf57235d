"""Checking single values on their way into a record; every failure names its field."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import fields
from datetime import UTC, date, datetime
from typing import Any

# Re-exported: the records in model.py import it from here, with the checks that raise it.
from dailyreach.core.errors import ValidationError
from dailyreach.core.records.dates import (
    DAY_OUT_OF_YEARS,
    EARLIEST_YEAR,
    TIME_OUT_OF_YEARS,
    latest_year,
    parse_iso,
    record_year,
    within_record_years,
)
from dailyreach.core.records.text import has_surrogate, shown, strip_control
from dailyreach.i18n import N_, _, ngettext

NAME_LIMIT = 200
SHORT_LIMIT = 500
LONG_LIMIT = 10_000
TAG_LIMIT = 50
_TIME_WITH_OFFSET = re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$")
_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"


NOT_UTF8 = N_("is not valid text: it holds bytes that are not UTF-8")
# Letters that draw nothing (the Hangul fillers, the blank Braille pattern): a name of them alone, or of
# combining marks with nothing to combine with, showed as a row with no name.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
NOT_A_DATE = N_("{value} is not a date (YYYY-MM-DD)")
SMALLEST_AMOUNT = 0.001


def new_id() -> str:
    # What secrets.choice uses (os.urandom), without the hashing modules ``import secrets`` loads (~4 ms);
    # imported here because only a write makes an id.
    import random

    return "".join(random.SystemRandom().choice(_ID_ALPHABET) for _ in range(10))


def clean_text(value: Any, name: str, *, limit: int, required: bool = False, multiline: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(name, _("must be text, not {type}").format(type=type(value).__name__))
    if has_surrogate(value):
        raise ValidationError(name, _(NOT_UTF8))
    text = strip_control(value, multiline=multiline).strip()
    if required and draws_nothing(text):
        raise ValidationError(name, _("must not be empty"))
    if len(text) > limit:
        raise ValidationError(
            name,
            _("is {length} characters long; at most {limit} are allowed").format(
                length=len(text), limit=limit
            ),
        )
    return text


def draws_nothing(text: str) -> bool:
    """Whether ``text`` shows nothing on a screen: empty, or only spaces, blank letters, marks and
    invisible format characters (a zero-width space, a soft hyphen)."""
    return all(
        character.isspace()
        or character in _BLANK_LETTERS
        or unicodedata.category(character) in ("Mn", "Me", "Cf")
        for character in text
    )


def choice(value: Any, name: str, allowed: tuple[str, ...]) -> str:
    """``value`` if it is one of ``allowed``, in any case and with spaces around (Sunday: sunday)."""
    if isinstance(value, str) and value not in allowed:
        value = next((option for option in allowed if option.casefold() == value.strip().casefold()), value)
    if not isinstance(value, str) or value not in allowed:
        # An empty choice (a template for any language) is made by giving none: not one to name.
        named = ", ".join(option for option in allowed if option)
        said = _("{value} is not one of {allowed}").format(value=shown(value), allowed=named)
        raise ValidationError(name, with_meant(said, value, allowed))
    return value


def with_meant(problem: str, value: Any, allowed: Iterable[str]) -> str:
    """``problem``, and which of ``allowed`` was meant when one is: the only one ``value`` starts (``dm``:
    dm_sent), else the closest in spelling (Asia/Tokio: Asia/Tokyo)."""
    if not isinstance(value, str):
        return problem
    typed = value.strip().casefold()
    options = list(allowed)
    started = [option for option in options if typed and option.casefold().startswith(typed)]
    if len(started) == 1:
        meant: str | None = started[0]
    else:
        from difflib import get_close_matches  # only once something was mistyped

        by_case = {option.casefold(): option for option in options}
        # Closer than difflib's default asks: "tuesday" is not a mistyped "saturday".
        close = get_close_matches(typed, list(by_case), n=1, cutoff=0.8)
        meant = by_case[close[0]] if close else None
    if meant is None:
        return problem
    return _("{problem}: did you mean {choice}?").format(problem=problem, choice=meant)


def optional_whole_number(value: Any, name: str, *, minimum: int, maximum: int) -> int | None:
    """A whole number in range, or None when the value is missing."""
    if value is None or value == "":
        return None
    return whole_number(value, name, minimum=minimum, maximum=maximum)


# Follower counts as profiles show them (12.3K, 1.2M) and as Japanese ones do (1.2万).
FOLLOWER_SCALES = {"k": 1_000, "m": 1_000_000, "万": 10_000}
MOST_FOLLOWERS = 10**10


def follower_count(value: Any) -> int | None:
    """A follower count, typed as a number (12000, 12,000) or as a profile shows it (12k, 1.2M, 1.2万);
    None when there is none."""
    if isinstance(value, str):
        text = value.strip().replace(",", "")
        scale = FOLLOWER_SCALES.get(text[-1:].casefold())
        if scale is not None:
            try:
                number = float(text[:-1])
            except ValueError:
                number = math.nan
            if not math.isfinite(number):
                raise ValidationError(
                    "followers", _("{value} is not a count: 12000, 12k or 1.2M").format(value=shown(value))
                )
            value = round(number * scale)
        else:
            value = text
    return optional_whole_number(value, "followers", minimum=0, maximum=MOST_FOLLOWERS)


def whole_number(value: Any, name: str, *, minimum: int, maximum: int) -> int:
    if value is None or value == "":
        raise ValidationError(name, _("is required"))
    if isinstance(value, bool):
        raise ValidationError(name, _("must be a whole number"))
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(name, _("{value} is not a whole number").format(value=shown(value))) from None
    if isinstance(value, float) and value != number:
        raise ValidationError(name, _("{value} is not a whole number").format(value=shown(value)))
    if not minimum <= number <= maximum:
        raise ValidationError(
            name,
            _("must be between {minimum} and {maximum}, not {number}").format(
                minimum=minimum, maximum=maximum, number=number
            ),
        )
    return number


# What people type before or after an amount, and the currency it means.
CURRENCY_SIGNS = {"¥": "JPY", "￥": "JPY", "円": "JPY", "$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}
# As text, compiled on first use (see dates.py).
_PRICED = r"^(?P<before>[^\d\s.,-]*)\s*(?P<number>[\d.,]+)\s*(?P<after>[^\d\s.,]*)$"


def amount_currency(value: Any) -> str | None:
    """The currency a typed amount names (``¥5000``, ``5,000円``, ``5000 JPY``, ``$40``), if it names one."""
    if not isinstance(value, str):
        return None
    match = re.match(_PRICED, typed_amount(value))
    if match is None:
        return None
    marks = [mark for mark in (match["before"], match["after"]) if mark]
    if len(marks) != 1:
        return None
    mark = marks[0]
    if mark.isascii() and mark.isalpha() and len(mark) == 3:
        return mark.upper()
    return CURRENCY_SIGNS.get(mark)


def typed_cost(value: Any, currency: str) -> float | int | None:
    """A cost as ``amount`` reads it; typed (text, not a stored number), a fraction finer than its
    currency's smallest unit is refused: ¥1,500.5 was shown as 1,500.50 JPY. A number read from a file is
    taken as it is, so that a record stored before stays readable."""
    cost = amount(value, "cost")
    if not isinstance(value, str) or cost is None or cost == int(cost):
        return cost
    from babel.numbers import get_currency_precision  # a table of some 20 ms: for a fraction only

    digits = get_currency_precision(currency)
    if round(cost, digits) != cost:
        problem = (
            _("{value} is finer than {currency} counts: it has no smaller unit than 1")
            if digits == 0
            else ngettext(
                "{value} is finer than {currency} counts: {count} decimal at most",
                "{value} is finer than {currency} counts: {count} decimals at most",
                digits,
            )
        )
        raise ValidationError("cost", problem.format(value=shown(value), currency=currency, count=digits))
    return cost


def plain_number(typed: str) -> str:
    """``typed`` (digits with ``.`` and ``,``) as Python reads a number, its separators read as people write
    them: with both, the later marks the decimals (``1.234,50`` and ``1,234.50`` are 1234.5); a mark
    repeated, or a comma before three digits, groups thousands (``1.234.567``, ``5,000``); a single comma
    before other digits marks the decimals (``1,5`` is 1.5). Returned unchanged when it is none of these,
    for ``float`` to read (``2.5``) or refuse."""
    marks = [mark for mark in ".," if mark in typed]
    if len(marks) == 2:
        decimal = max(marks, key=typed.rindex)
        whole, _point, fraction = typed.rpartition(decimal)
        if decimal in whole or not _thousands(whole.split("," if decimal == "." else ".")):
            return typed
        return whole.replace(",", "").replace(".", "") + "." + fraction
    if len(marks) == 1:
        groups = typed.split(marks[0])
        if (len(groups) > 2 or marks[0] == ",") and _thousands(groups):
            return "".join(groups)
        if marks[0] == "," and len(groups) == 2:
            return ".".join(groups)
    return typed


def _thousands(groups: list[str]) -> bool:
    """Whether ``groups`` are a number's digits grouped by thousands: 1 to 3 digits, then threes."""
    first, *rest = groups
    return 0 < len(first) <= 3 and not (first.startswith("0") and rest) and all(len(g) == 3 for g in rest)


# Hours as people type them: 2h, 1.5 hours, 90 min, 1h30, 1:30, 2時間, 30分.
_DURATION = (
    r"(?:(?P<hours>\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hour|hours|時間)(?P<half>半)?)?\s*"
    r"(?:(?P<minutes>\d+)\s*(?:m|min|mins|minute|minutes|分)?)?"
)
_CLOCK = r"(?P<hours>\d+):(?P<minutes>[0-5]\d)"
# A space, a no-break or a thin space between groups of three digits: 1 234,50 as French writes it.
_GROUPING_SPACE = r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))"
# One dot before three digits in money: 1.234 is a thousand and more in Europe, one and a bit elsewhere.
_AMBIGUOUS = r"[1-9]\d{0,2}\.\d{3}"


def typed_amount(text: str) -> str:
    """An amount as typed, its full-width digits and signs made plain (１，０００円 is 1,000円) and the spaces
    between its groups of digits taken out."""
    return re.sub(_GROUPING_SPACE, "", unicodedata.normalize("NFKC", text).strip())


def _duration_hours(text: str) -> float | None:
    """``text`` as hours when it names a duration with its units (``2h``, ``90 min``, ``1h30``, ``1:30``,
    ``2時間``); None for anything else, which is read as a number."""
    clock = re.fullmatch(_CLOCK, text)
    match = clock or re.fullmatch(_DURATION, text)
    if match is None or not (match["hours"] or match["minutes"]) or (not clock and text == match["minutes"]):
        return None
    minutes = int(match["minutes"] or 0) + (30 if not clock and match["half"] else 0)
    if match["hours"] and minutes > 59:  # 1h90 is no way to write a time
        return None
    return float(match["hours"].replace(",", ".") if match["hours"] else 0) + minutes / 60


def _not_an_amount(money: bool) -> str:
    return (
        _("{value} is not an amount such as 5000, 5,000, ¥5000 or 40 USD")
        if money
        else _("{value} is not a number of hours such as 2, 1.5 or 1h30")
    )


def amount(value: Any, name: str, *, money: bool = True, most: float = 1e12) -> float | int | None:
    """A non-negative number up to ``most``; typed text may group thousands (``5,000``, ``1 234,50``), be in
    full-width digits, and an amount of ``money`` may name its currency (``¥5,000``); hours may name their
    units (``1h30``)."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValidationError(name, _("must be a number"))
    typed = value
    if isinstance(value, str):
        value = typed_amount(value)
        duration = None if money else _duration_hours(value.casefold())
        if duration is not None:
            value = duration
        elif money and re.fullmatch(_AMBIGUOUS, re.sub(_PRICED, r"\g<number>", value)):
            raise ValidationError(
                name,
                _(
                    "{value} could be a thousand and more or a little over one: write the thousands without a "
                    "dot (1234), or the cents in two digits (1.23)"
                ).format(value=shown(typed)),
            )
        elif not re.match(_PRICED, value) and not re.fullmatch(r"-[\d.,]+", value):
            raise ValidationError(name, _not_an_amount(money).format(value=shown(typed)))
    if isinstance(value, str) and (match := re.match(_PRICED, value)):
        if (match["before"] or match["after"]) and (not money or amount_currency(value) is None):
            raise ValidationError(name, _not_an_amount(money).format(value=shown(typed)))
        value = plain_number(match["number"])
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError(name, _("{value} is not a number").format(value=shown(value))) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValidationError(name, _("must be a finite number"))
    if number < 0:
        raise ValidationError(name, _("must not be negative ({value})").format(value=value))
    if number > most:
        raise ValidationError(
            name, _("{value} is more than {most}").format(value=shown(typed), most=f"{most:,.0f}")
        )
    # Below a thousandth no amount of hours or money is meant, and 1e-320 is not even a normal float.
    if 0 < number < SMALLEST_AMOUNT:
        raise ValidationError(
            name,
            _("{value} is too small: use 0, or at least {smallest}").format(
                value=shown(value), smallest=SMALLEST_AMOUNT
            ),
        )
    return int(number) if number.is_integer() else number


def _in_range(moment: datetime, name: str, value: Any) -> str:
    """``moment`` written out, when it lies between 1970 and a century ahead (in UTC)."""
    if not within_record_years(moment):
        raise ValidationError(
            name,
            _(TIME_OUT_OF_YEARS).format(value=shown(value), earliest=EARLIEST_YEAR, latest=latest_year()),
        )
    return moment.isoformat()


def moment(value: Any, name: str) -> str:
    """An ISO 8601 time that keeps its offset, between 1970 and a century ahead."""
    if isinstance(value, datetime) and value.utcoffset() is not None:
        return _in_range(value, name, value)
    if not isinstance(value, str) or not _TIME_WITH_OFFSET.search(value):
        raise ValidationError(
            name,
            _("{value} is not an ISO 8601 time with its offset (2026-11-23T09:00+09:00)").format(
                value=shown(value)
            ),
        )
    parsed = parse_iso(value, UTC)
    if parsed is not None:
        return _in_range(parsed, name, value)
    import pendulum  # for the ISO 8601 forms parse_iso leaves to it

    try:
        read = pendulum.parse(value)
        # Written out inside: an offset of a day or more is parsed, then refused by the standard library.
        if isinstance(read, pendulum.DateTime):
            read.isoformat()
    except (ValueError, TypeError, OverflowError):
        raise ValidationError(
            name, _("{value} is not an ISO 8601 date and time").format(value=shown(value))
        ) from None
    if not isinstance(read, pendulum.DateTime):
        raise ValidationError(name, _("{value} has no time of day").format(value=shown(value)))
    return _in_range(read, name, value)


def optional_calendar_day(value: Any, name: str) -> str | None:
    """A day as YYYY-MM-DD, or None when the value is missing."""
    if value is None or value == "":
        return None
    return calendar_day(value, name)


def calendar_day(value: Any, name: str) -> str:
    """A day as YYYY-MM-DD, between 1970 and a century ahead."""
    if value is None or value == "":
        raise ValidationError(name, _("is required"))
    day = _day(value, name)
    if not record_year(day.year):
        raise ValidationError(
            name,
            _(DAY_OUT_OF_YEARS).format(value=shown(value), earliest=EARLIEST_YEAR, latest=latest_year()),
        )
    return day.isoformat()


def _day(value: Any, name: str) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if not isinstance(value, str | date):
        raise ValidationError(name, _(NOT_A_DATE).format(value=shown(value)))
    parsed = parse_iso(str(value), UTC)
    if parsed is not None:
        return parsed.date()
    import pendulum  # for the ISO 8601 forms parse_iso leaves to it

    try:
        read = pendulum.parse(str(value))
    except (ValueError, TypeError, OverflowError):
        raise ValidationError(name, _(NOT_A_DATE).format(value=shown(value))) from None
    # pendulum also parses durations ("P3D") and bare times; neither names a day.
    if isinstance(read, pendulum.DateTime):
        return read.date()
    if isinstance(read, pendulum.Date):
        return read
    raise ValidationError(name, _(NOT_A_DATE).format(value=shown(value)))


def record_id(value: Any, name: str = "id") -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= 64 or not value.isprintable():
        raise ValidationError(name, _("must be a short printable text"))
    return value


def known_keys(cls: type[Any], data: Any, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ValidationError(what, _("must be a JSON object"))
    names = {f.name for f in fields(cls)} | {"from"}
    unknown = sorted(set(data) - names)
    if unknown:
        raise ValidationError(what, _("unknown field {name}").format(name=repr(unknown[0])))
    return data
