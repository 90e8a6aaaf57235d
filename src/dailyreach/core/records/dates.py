"""Reading the dates and times people type (ISO 8601, ``today``, ``+3d``, ``friday``, and in Japanese
``今日``, ``3日前``, ``金曜``...) in a timezone (``zones.py``); writing days, times and how long ago
in the language in use (``day_text``, ``moment_text``, ``ago``).

Importing pendulum takes longer than the rest of a ``log`` or ``today``, so the usual cases are worked
out here with the standard library, the way pendulum works them out (the tests compare the two): the
words, the offsets and plain ISO 8601 dates and times. pendulum is loaded for anything else, so what it
accepts is still accepted.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

from dailyreach.core.errors import DateParseError
from dailyreach.core.records.text import shown
from dailyreach.core.records.zones import pendulum_zone
from dailyreach.i18n import N_, _, current_language

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Patterns as text, compiled on first use by re's own cache: compiled as the module loads, the patterns
# of the records' modules cost every command ~5 ms, most of them for input that command never reads.
_OFFSET = r"^([+-])\s*(\d{1,12})\s*(m|min|h|d|w)$"
_MINUTES = {"m": 1, "min": 1, "h": 60}
_DAYS = {"d": 1, "w": 7}
# The same offsets in words, as a person says them: "3 days ago", "an hour ago", "in 2 weeks".
# The offsets' letters too ("2h ago", "in 3d"), as -2h and +3d take them.
_SPOKEN_UNITS = {
    **dict.fromkeys(("minute", "minutes", "min", "mins", "m"), "m"),
    **dict.fromkeys(("hour", "hours", "hr", "hrs", "h"), "h"),
    **dict.fromkeys(("day", "days", "d"), "d"),
    **dict.fromkeys(("week", "weeks", "w"), "w"),
}
_SPOKEN_OFFSET = (
    r"(?:(?P<ahead>in) )?(?P<amount>\d{1,12}|an?) ?"
    rf"(?P<unit>{'|'.join(sorted(_SPOKEN_UNITS, key=len, reverse=True))})(?(ahead)| ago)"
)
HINT = N_(
    "use YYYY-MM-DD, YYYY-MM-DDTHH:MM, now, today, yesterday, tomorrow, +3d, -2h or a weekday, "
    "a day with a time if you like (friday 9pm)"
)
# For a moment that has happened (a log): the words that look ahead would only be refused.
PAST_HINT = N_(
    "use YYYY-MM-DD, YYYY-MM-DDTHH:MM, now, today, yesterday, -2h, -3d or a weekday, "
    "a day with a time if you like (yesterday 9pm)"
)
TIME_OUT_OF_RANGE = N_("{text} is not a time: hours are 00 to 23, minutes and seconds 00 to 59")
# A time of day after a day ("yesterday 9pm", "last friday at 21:00", "昨日 21時") or on its own ("9pm"):
# with am/pm or minutes, so that a bare number is never taken for an hour.
_TIME_OF_DAY = (
    r"(?:(?P<day>.+?)\s+(?:at\s+)?|(?P<japanese_day>.*?\D)(?<!午前)(?<!午後)(?=(?:午前|午後)?\d{1,2}時))?"
    r"(?:(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)"
    r"|(?P<hour24>\d{1,2}):(?P<minute24>\d{2})"
    r"|(?P<japanese_half>午前|午後)?(?P<japanese_hour>\d{1,2})時(?:(?P<japanese_minute>\d{1,2})分|半)?)"
)
# The same words in Japanese, read in every language: days from today, and offsets such as 3日前.
JAPANESE_DAYS = {
    "今": 0,
    "今日": 0,
    "きょう": 0,
    "昨日": -1,
    "きのう": -1,
    "明日": 1,
    "あした": 1,
    "あす": 1,
    "一昨日": -2,
    "おととい": -2,
    "明後日": 2,
    "あさって": 2,
}
JAPANESE_WEEKDAYS = "月火水木金土日"
_JAPANESE_WEEKDAY = r"([月火水木金土日])曜日?"
_JAPANESE_OFFSET = r"(\d{1,12})\s*(分|時間|日|週間)\s*(前|後)"
_JAPANESE_UNITS = {"分": ("m", 1), "時間": ("m", 60), "日": ("d", 1), "週間": ("d", 7)}
# A day as the app writes it in Japanese (12月8日(火), 2027年1月10日(日)), the weekday optional; and a
# weekday of last, this or next week (先週金曜, 来週の金曜日), weeks from Monday as a Japanese diary's.
_JAPANESE_DATE = r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:\s*\(([月火水木金土日])\))?"
_JAPANESE_WEEKS = {"先週": -1, "今週": 0, "来週": 1}
_JAPANESE_WEEK_DAY = r"(先週|今週|来週)の?\s*" + _JAPANESE_WEEKDAY
# The ISO 8601 shapes read without pendulum: a day, or a day and a time, with or without an offset.
_ISO = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.(?P<fraction>\d{1,6}))?)?"
    r"(?P<zone>Z|[+-]\d{2}:\d{2})?)?"
)


def plain(moment: datetime) -> datetime:
    """The standard library's datetime for ``moment`` (pendulum's own adds and subtracts differently)."""
    return datetime(
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
        tzinfo=moment.tzinfo,
        fold=moment.fold,
    )


def at_wall_time(wall: datetime, zone: tzinfo | None) -> datetime:
    """The naive ``wall`` time in ``zone``, as pendulum places it: a time the clocks skipped moves on
    by the gap, and a time they showed twice is the later one."""
    moment = wall.replace(tzinfo=zone, fold=1)
    before, after = moment.replace(fold=0).utcoffset(), moment.utcoffset()
    if before is not None and after is not None and after > before:
        moment += after - before
    return moment


def add_days(moment: datetime, days: int) -> datetime:
    """The same wall time ``days`` later (pendulum's ``add(days=...)``): a day is not always 24 hours."""
    if not days:
        return moment
    return at_wall_time(plain(moment).replace(tzinfo=None) + timedelta(days=days), moment.tzinfo)


def add_minutes(moment: datetime, minutes: int) -> datetime:
    """``minutes`` of real time later (pendulum's ``add(hours=...)``), in ``moment``'s zone."""
    return (plain(moment).astimezone(UTC) + timedelta(minutes=minutes)).astimezone(moment.tzinfo)


def _weekday(word: str) -> int | None:
    if len(word) < 3:
        return None
    for index, name in enumerate(WEEKDAYS):
        if name.startswith(word):
            return index
    return None


def parse_iso(text: str, zone: tzinfo | None) -> datetime | None:
    """A plain ISO 8601 day or time (read in ``zone`` when it has no offset); None for any other text
    or for a value out of range, which pendulum then reads or rejects with its own message."""
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    fields = match.groupdict()
    offset = fields["zone"]
    try:
        moment = datetime(
            int(fields["year"]),
            int(fields["month"]),
            int(fields["day"]),
            int(fields["hour"] or 0),
            int(fields["minute"] or 0),
            int(fields["second"] or 0),
            int((fields["fraction"] or "0").ljust(6, "0")),
        )
    except ValueError:
        return None
    if offset is None:
        return at_wall_time(moment, zone)
    if offset == "Z":
        return moment.replace(tzinfo=UTC)
    sign = -1 if offset[0] == "-" else 1
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    if hours > 23 or minutes > 59:
        return None
    return moment.replace(tzinfo=_fixed(sign * (hours * 60 + minutes)))


def _fixed(minutes: int) -> tzinfo:
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))


# The moments a record may hold: nothing before 1970, nothing more than a century ahead. Anything
# further out leaves the range the planner's date arithmetic can reach, and bricked the store.
EARLIEST_YEAR = 1970
YEARS_AHEAD = 100
TIME_OUT_OF_YEARS = N_("{value} is out of range: use a time between {earliest} and {latest}")
DAY_OUT_OF_YEARS = N_("{value} is out of range: use a day between {earliest} and {latest}")


def latest_year() -> int:
    return datetime.now(UTC).year + YEARS_AHEAD


def record_year(year: int) -> bool:
    """Whether a record may hold a day of ``year``: between 1970 and a century ahead."""
    return EARLIEST_YEAR <= year <= latest_year()


def within_record_years(moment: datetime) -> bool:
    """Whether ``moment`` lies between 1970 and a century ahead, in UTC and as written."""
    try:
        year = moment.astimezone(UTC).year
    except (OverflowError, ValueError):
        year = moment.year
    return record_year(year) and record_year(moment.year)


def parse_when(text: str, now: datetime, *, future: bool = False) -> datetime:
    """A moment from what the user typed, relative to ``now`` and in its timezone, within the years a
    record may hold (refused as typed, not as the time it was read as).

    A bare weekday means the most recent one (the next one when ``future``), today included. The
    Japanese words (今日, 昨日, 3日前, 金曜...) are read whatever the language in use.
    """
    try:
        moment = _typed_moment(text, now, future=future)
    except OverflowError:  # an offset past any year a datetime holds (-100000d)
        raise _out_of_years(text) from None
    if not within_record_years(moment):
        raise _out_of_years(text)
    return moment


def _out_of_years(text: str, message: str = TIME_OUT_OF_YEARS) -> DateParseError:
    """``text`` refused as outside the years a record may hold (``message``: a time's, or a day's)."""
    return DateParseError(
        _(message).format(value=shown(text.strip()), earliest=EARLIEST_YEAR, latest=latest_year())
    )


def _typed_moment(text: str, now: datetime, *, future: bool) -> datetime:
    hint = _(HINT if future else PAST_HINT)
    word = text.strip().lower()
    if not word:
        raise DateParseError(_("empty date: {hint}").format(hint=hint))
    if word in ("now", "today"):
        return now
    if (at_time := _at_time_of_day(word, now, future=future)) is not None:
        return at_time
    if word == "yesterday":
        return add_days(now, -1)
    if word == "tomorrow":
        return add_days(now, 1)
    if offset := _offset(word):
        sign, amount, unit = offset
        signed = int(amount) if sign == "+" else -int(amount)
        if unit in _DAYS:
            return add_days(now, signed * _DAYS[unit])
        return add_minutes(now, signed * _MINUTES[unit])
    last, named = word.startswith("last "), word.removeprefix("last ").removeprefix("next ").strip()
    weekday = _weekday(named)
    if weekday is not None and named != word:
        # "last friday" is before today, "next friday" after it, whatever day today is.
        if last:
            return add_days(now, -((now.weekday() - weekday - 1) % 7 + 1))
        return add_days(now, (weekday - now.weekday() - 1) % 7 + 1)
    if weekday is None:
        japanese = _japanese_moment(word, now) or _japanese_day(word, now, future=future)
        if japanese is not None:
            return japanese
        weekday = japanese_weekday(word)
    if weekday is not None:
        shift = (weekday - now.weekday()) % 7 if future else -((now.weekday() - weekday) % 7)
        return add_days(now, shift)
    parsed = parse_iso(text.strip(), now.tzinfo)
    if parsed is not None:
        return parsed
    if (wrong := _out_of_range(text.strip())) is not None:
        raise DateParseError(wrong)
    if (meant := _meant_word(word, future=future)) is not None:
        raise DateParseError(
            _("{text} is not a date or time: did you mean {meant}?").format(
                text=shown(text.strip()), meant=meant
            )
        )
    return _parse_with_pendulum(text.strip(), now, hint)


def _meant_word(word: str, *, future: bool) -> str | None:
    """The day word a mistyped one was meant as ("tomorow": tomorrow, "last fridy": last friday, "3 dyas
    ago": 3 days ago); None for anything else, a date pendulum may still read among it."""
    spoken = re.fullmatch(r"(in )?(\d{1,5}|an?) ([a-z]{3,})( ago)?", " ".join(word.split()))
    if spoken is not None and bool(spoken[1]) != bool(spoken[4]):
        from difflib import get_close_matches  # only once something was mistyped

        unit = get_close_matches(spoken[3], list(_SPOKEN_UNITS), n=1, cutoff=0.75)
        return f"{spoken[1] or ''}{spoken[2]} {unit[0]}{spoken[4] or ''}" if unit else None
    before, _space, word = word.rpartition(" ")
    if before not in ("", "last", "next") or not word.isalpha() or not word.isascii() or len(word) < 4:
        return None
    from difflib import get_close_matches  # only once something was mistyped

    words = (
        [*WEEKDAYS] if before else ["now", "today", "yesterday", *(["tomorrow"] if future else []), *WEEKDAYS]
    )
    close = get_close_matches(word, words, n=1, cutoff=0.75)
    return f"{before} {close[0]}".lstrip() if close else None


def _out_of_range(text: str) -> str | None:
    """What is out of range in a day or time written as ISO 8601 (2026-13-40, 2026-02-30, 09:75), which
    pendulum would refuse too, only less clearly; None for text of another form."""
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    year, month, day = int(match["year"]), int(match["month"]), int(match["day"])
    if not 1 <= month <= 12:
        return _("{text} is not a date: a month is 01 to 12").format(text=shown(text))
    import calendar  # only for a day that is none

    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:  # a month has 28 days or more: no singular to say
        return _("{text} is not a date: {month} has {days} days").format(
            text=shown(text), month=f"{year:04}-{month:02}", days=days
        )
    if int(match["hour"] or 0) > 23 or int(match["minute"] or 0) > 59 or int(match["second"] or 0) > 59:
        return _(TIME_OUT_OF_RANGE).format(text=shown(text))
    zone = match["zone"]
    if zone not in (None, "Z") and (int(zone[1:3]) > 23 or int(zone[4:6]) > 59):
        return _("{text} is not a time: an offset from UTC is -23:59 to +23:59").format(text=shown(text))
    return None


def _at_time_of_day(word: str, now: datetime, *, future: bool) -> datetime | None:
    """A day and a time of it ("yesterday 9pm", "friday at 21:00", "昨日 21時"), or a time today ("9pm"); None
    when ``word`` ends in no time of day, or in am/pm with an hour that is none (13pm); refused when its
    hour or minute is none (25:00)."""
    match = re.fullmatch(_TIME_OF_DAY, unicodedata.normalize("NFKC", word))
    clock = None if match is None else _clock(match, word)
    if match is None or clock is None:
        return None
    named = match["day"] or match["japanese_day"]
    day = _typed_moment(named, now, future=future) if named else now
    return at_wall_time(datetime.combine(day.date(), time(*clock)), now.tzinfo)


def time_of_day(text: str) -> tuple[int, int] | None:
    """A time of day on its own, typed as a logged time's is ("9am", "9:30 pm", "18:30", "21時", "午後9時半"),
    as (hour, minute); None for anything else, and refused when its hour or minute is none (25:00)."""
    typed = text.strip().lower()
    match = re.fullmatch(_TIME_OF_DAY, unicodedata.normalize("NFKC", typed))
    if match is None or match["day"] or match["japanese_day"]:
        return None
    return _clock(match, typed)


def _clock(match: re.Match[str], word: str) -> tuple[int, int] | None:
    """The hour and minute of a ``_TIME_OF_DAY`` match; None for am/pm with an hour that is none (13pm)."""
    if match["half"]:
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"].startswith("p") else 0)
    elif match["hour24"]:
        hour, minute = int(match["hour24"]), int(match["minute24"])
    else:
        hour = int(match["japanese_hour"])
        minute = 30 if word.endswith("半") else int(match["japanese_minute"] or 0)
        if match["japanese_half"] == "午後" and hour < 12:
            hour += 12
    if hour > 23 or minute > 59:
        raise DateParseError(_(TIME_OUT_OF_RANGE).format(text=shown(word)))
    return hour, minute


def _offset(word: str) -> tuple[str, ...] | None:
    """-3d or +2h, or the same in words ("3 days ago", "in 2 hours"), as (sign, amount, unit letter);
    None for anything else."""
    if match := re.match(_OFFSET, word):
        return match.groups()
    match = re.fullmatch(_SPOKEN_OFFSET, " ".join(word.split()))
    if match is None:
        return None
    amount = "1" if match["amount"] in ("a", "an") else match["amount"]
    return ("+" if match["ahead"] else "-", amount, _SPOKEN_UNITS[match["unit"]])


def _japanese_moment(word: str, now: datetime) -> datetime | None:
    """今日, 昨日, 明日, 一昨日, 今 (and their kana), or an offset such as 3日前, 2時間前, 1週間後; full-width
    digits as typed on a Japanese keyboard are read too. None for anything else."""
    text = unicodedata.normalize("NFKC", word)
    if text in JAPANESE_DAYS:
        return add_days(now, JAPANESE_DAYS[text])
    match = re.fullmatch(_JAPANESE_OFFSET, text)
    if match is None:
        return None
    count, unit, direction = match.groups()
    kind, size = _JAPANESE_UNITS[unit]
    signed = int(count) * size * (-1 if direction == "前" else 1)
    return add_days(now, signed) if kind == "d" else add_minutes(now, signed)


def _japanese_day(word: str, now: datetime, *, future: bool) -> datetime | None:
    """12月8日 or 2027年1月10日 (a weekday after it in brackets, as the app writes a day, checked), or a
    weekday of a week (来週金曜), at ``now``'s time of day; None for anything else. A day without its year
    is the next one when ``future``, else the last one, today included (2月29日: of a leap year)."""
    text = unicodedata.normalize("NFKC", word)
    if match := re.fullmatch(_JAPANESE_WEEK_DAY, text):
        monday = add_days(now, -now.weekday())
        return add_days(monday, 7 * _JAPANESE_WEEKS[match[1]] + JAPANESE_WEEKDAYS.index(match[2]))
    match = re.fullmatch(_JAPANESE_DATE, text)
    if match is None:
        return None
    month, day = int(match[2]), int(match[3])
    today = now.date()
    if match[1]:
        typed = _calendar_day(int(match[1]), month, day, word)
    else:
        year = today.year
        if future and (month, day) < (today.month, today.day):
            year += 1
        elif not future and (month, day) > (today.month, today.day):
            year -= 1
        while (month, day) == (2, 29) and not calendar.isleap(year):
            year += 1 if future else -1
        typed = _calendar_day(year, month, day, word)
        if match[4] and typed.year != today.year:
            # A day as the app writes one of this year, with its weekday: of this year when that holds.
            this_year = _calendar_day(today.year, month, day, word) if (month, day) != (2, 29) else typed
            typed = this_year if JAPANESE_WEEKDAYS[this_year.weekday()] == match[4] else typed
    if match[4] and JAPANESE_WEEKDAYS[typed.weekday()] != match[4]:
        raise DateParseError(
            _("{text} is not that day: {day} is a {weekday}").format(
                text=shown(word.strip()), day=day_text(typed), weekday=weekday_name(typed)
            )
        )
    return add_days(now, (typed - today).days)


def _calendar_day(year: int, month: int, day: int, word: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError(
            _("{text} is not a day of the calendar").format(text=shown(word.strip()))
        ) from None


def japanese_weekday(word: str) -> int | None:
    """月曜 or 月曜日 (Monday) ... 日曜 or 日曜日: the weekday's index; None for anything else."""
    match = re.fullmatch(_JAPANESE_WEEKDAY, unicodedata.normalize("NFKC", word))
    return None if match is None else JAPANESE_WEEKDAYS.index(match[1])


def _parse_with_pendulum(text: str, now: datetime, hint: str) -> datetime:
    import pendulum

    zone = pendulum_zone(now.tzinfo) if now.tzinfo is not None else pendulum.UTC
    try:
        parsed = pendulum.parse(text, tz=zone)
    except (ValueError, TypeError, OverflowError) as error:
        raise DateParseError(
            _("{text} is not a date or time: {hint}").format(text=shown(text), hint=hint)
        ) from error
    # Not exact: a day alone, or a time alone, is read as a DateTime; what else it reads is a span.
    if isinstance(parsed, pendulum.DateTime) and _offset_holds(parsed):
        return parsed
    raise DateParseError(_("{text} is not a date or time: {hint}").format(text=shown(text), hint=hint))


def _offset_holds(moment: datetime) -> bool:
    """Whether ``moment``'s offset from UTC is one a time can have: pendulum reads +24:00, which no
    datetime can then be written or compared with."""
    try:
        moment.utcoffset()
    except ValueError:
        return False
    return True


def parse_date(text: str, now: datetime, *, future: bool = True) -> date:
    """A calendar day from what the user typed; weekdays look ahead unless ``future`` is false."""
    try:
        day = _typed_moment(text, now, future=future).date()
    except OverflowError:  # an offset past any year a date holds (+100000d)
        raise _out_of_years(text, DAY_OUT_OF_YEARS) from None
    if not record_year(day.year):
        raise _out_of_years(text, DAY_OUT_OF_YEARS)
    return day


# The abbreviated weekday names, Monday first, as a calendar's rows and a day's text show them.
WEEKDAY_ABBREVIATIONS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
# How a day is written in each language but English, whose days stay ISO 8601 (2026-11-27): in this
# year, and in another one.
_DAY_FORMATS = {"ja": ("{month}月{day}日({weekday})", "{year}年{month}月{day}日({weekday})")}
# Where a language writes no space between a number and its unit (pendulum's "3 日前" is 3日前).
_UNSPACED_LANGUAGES = frozenset({"ja"})


# date.weekday() of the first day of a week, for each ``Settings.week_start``.
WEEK_STARTS = {"monday": 0, "saturday": 5, "sunday": 6}


def week_start_of(day: date, week_start: str) -> date:
    """The first day of the week ``day`` is in, for weeks starting on ``week_start``."""
    return day - timedelta(days=(day.weekday() - WEEK_STARTS[week_start]) % 7)


def weekday_name(day: date | int) -> str:
    """A day's weekday, abbreviated, in the language in use: Fri, 金 (a date, or 0 for Monday)."""
    return _(WEEKDAY_ABBREVIATIONS[day if isinstance(day, int) else day.weekday()])


def day_text(day: date, today: date | None = None) -> str:
    """A day as the language in use writes it: 2026-11-27 in English; 11月27日(金) in Japanese, with
    its year (2027年1月2日(土)) when ``today`` is given and in another year."""
    formats = _DAY_FORMATS.get(current_language())
    if formats is None:
        return day.isoformat()
    pattern = formats[0] if today is None or today.year == day.year else formats[1]
    return pattern.format(year=day.year, month=day.month, day=day.day, weekday=weekday_name(day))


def moment_text(moment: datetime, today: date | None = None) -> str:
    """A time of day on its day (as ``day_text`` writes it), on the wall clock of ``moment``'s own
    timezone: 2026-11-27 09:30 in English, 11月27日(金) 09:30 in Japanese."""
    if current_language() not in _DAY_FORMATS:
        return moment.strftime("%Y-%m-%d %H:%M")
    return f"{day_text(moment.date(), today)} {moment:%H:%M}"


def day_range_text(start: date, end: date) -> str:
    """A span of days such as a week: Nov 23 – Nov 29 in English, 11月23日(月)〜11月29日(日) in Japanese."""
    if current_language() not in _DAY_FORMATS:
        return f"{start:%b} {start.day} – {end:%b} {end.day}"
    return f"{day_text(start)}〜{day_text(end, start)}"


def ago(then: datetime, now: datetime) -> str:
    """ "just now", "5 minutes ago", "3 days ago" (3日前 in Japanese, in the words of pendulum's locale):
    how long ago for a person. Minutes and hours are real time (a night with a clock change lasts 23 or
    25 hours); a day and more is counted in days of ``now``'s calendar, as the drafts and the weekly
    review count them: a message of the 2nd was 3 days ago on the 5th, whatever the hours."""
    if then.tzinfo is not None and now.tzinfo is not None:
        then = then.astimezone(now.tzinfo)
        # In UTC: two times in one zone would subtract by their wall clocks, whatever the clocks did.
        seconds = (now.astimezone(UTC) - then.astimezone(UTC)).total_seconds()
    else:
        seconds = (now - then).total_seconds()
    # Days as plain numbers: pendulum's dates subtract into an Interval, at a cost the contacts list
    # pays on every row.
    days = now.toordinal() - then.toordinal()
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        # A day of 25 hours (clocks going back) holds 24 hours of one date: those are hours, not days.
        if seconds >= size and (unit != "day" or days >= 1):
            count = days if unit == "day" else int(seconds // size)
            language = current_language()
            if language == "en":
                return f"{count} {unit}{'s' if count != 1 else ''} ago"
            return _relative_past(language, unit, count)
    return _("just now")


def _relative_past(language: str, unit: str, count: int) -> str:
    """``count`` ``unit``s ago in pendulum's words for ``language`` (loaded only for a language other
    than English: pendulum takes longer to import than a status line may)."""
    # The package first: a thread may be importing it (the app loads it in the background), and its
    # submodule imported alone here then deadlocks with that import (Python raises _DeadlockError).
    import pendulum  # noqa: F401
    from pendulum.locales.locale import Locale

    locale = Locale.load(language)
    text = str(locale.translation(f"relative.{unit}.past.{locale.plural(count)}")).format(count)
    return text.replace(" ", "") if language in _UNSPACED_LANGUAGES else text
