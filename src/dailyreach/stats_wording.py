"""The wording ``dailyreach stats`` and the Stats and weekly review screens share: counts, shares, waits,
money, month names and last week in one line."""

from __future__ import annotations

import math
from datetime import date

from dailyreach import wording
from dailyreach.core.planning.stats_review import FollowUp, WeekReview
from dailyreach.core.records.dates import day_range_text
from dailyreach.i18n import N_, _, ngettext
from dailyreach.wording import amount

MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


def replies(count: int) -> str:
    return ngettext("{count} reply", "{count} replies", count).format(count=count)


def messages(count: int) -> str:
    return ngettext("{count} message", "{count} messages", count).format(count=f"{count:,}")


def to_come_or(count: int | None) -> int | str:
    """A count over weeks, or "to come" when none of them has begun yet."""
    return _("to come") if count is None else count


def days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)


def _tenths(value: float) -> str:
    """6.5, or 6 for 6.0."""
    return f"{value:.1f}".removesuffix(".0")


def percent(share: float | None) -> str:
    """A share as a whole percentage, a half rounded up as people round it (1 of 8 is 13%, where Python's
    own rounding to even says 12%); the 1e-9 keeps 29 of 200, 14.4999… as a float, at 15%."""
    return "—" if share is None else f"{math.floor(share * 100 + 0.5 + 1e-9)}%"


def duration(hours: float | None) -> str:
    """A wait for a person: "under a minute", "45 min", "6.5 h", "3.2 d"."""
    if hours is None:
        return "—"
    minutes = round(hours * 60)
    if minutes < 1:  # an answer in seconds: "0 min" read as no wait at all
        return _("under a minute")
    if minutes < 60:  # 59.7 minutes is "1 h", not "60 min"
        return _("{minutes} min").format(minutes=minutes)
    if hours < 48:
        return _("{hours} h").format(hours=_tenths(hours))
    return _("{days} d").format(days=_tenths(hours / 24))


def money_text(money: dict[str, float]) -> str:
    """Sums in several currencies as the header lists them: "5,000 JPY, 120 USD" (in Japanese, 、): a
    " · " read as a break in a Japanese sentence."""
    return _(", ").join(wording.money_text(total, currency) for currency, total in money.items())


def money_lines(money: dict[str, float]) -> str:
    """An amount per currency, one a line: a table cell stays narrow however many currencies there are."""
    return "\n".join(wording.money_text(total, currency) for currency, total in money.items())


def hours_text(hours: float) -> str:
    return _("{hours} h").format(hours=amount(hours))


def week_range(start: date, end: date) -> str:
    return day_range_text(start, end)


def review_line(review: WeekReview) -> str:
    """Last week in one line: sent, replies, meetings booked, goal days kept, invitations declined."""
    return " · ".join(
        [
            _("{count} sent").format(count=review.sent),
            replies(review.replies),
            ngettext("{count} meeting booked", "{count} meetings booked", review.meetings).format(
                count=review.meetings
            ),
            ngettext(
                "goal of {goal} kept {count} of {days} day",
                "goal of {goal} kept {count} of {days} days",
                review.days_counted,
            ).format(goal=review.goal, count=review.goal_days, days=review.days_counted),
            ngettext("{count} invitation declined", "{count} invitations declined", review.declined).format(
                count=review.declined
            ),
        ]
    )


def follow_up_reason(item: FollowUp, today: date) -> str:
    when = wording.days_ago((today - item.since.date()).days)
    channel = wording.channel_label(item.channel)
    if item.reason == "answered":
        return _("answered {when} on {channel}: your turn").format(when=when, channel=channel)
    if not item.nudges:
        return _("no answer since {when} on {channel}: follow up").format(when=when, channel=channel)
    return ngettext(
        "no answer since {when} on {channel}, {count} follow-up sent: follow up",
        "no answer since {when} on {channel}, {count} follow-ups sent: follow up",
        item.nudges,
    ).format(when=when, channel=channel, count=item.nudges)


def month_name(number: int) -> str:
    """A month's short name: Nov, 11月."""
    return _(MONTHS[number - 1])


def month_label(month: str | None) -> str:
    if month is None:
        return _("no date")
    year, number = month.split("-")
    return _("{month} {year}").format(month=month_name(int(number)), year=year)
