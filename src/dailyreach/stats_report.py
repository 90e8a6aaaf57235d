"""``dailyreach stats``: the figures of ``core/planning/stats.py`` as the documented JSON and as aligned text with
Unicode bars, and the wording the Stats screen shares with it."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from rich.cells import cell_len

from dailyreach import wording
from dailyreach.core.planning.stats import (
    DayCount,
    FollowUp,
    ReplyRate,
    Stats,
    WeekReview,
    weekday_names,
)
from dailyreach.core.records.dates import day_range_text, day_text
from dailyreach.core.store.threads import zone_name
from dailyreach.i18n import N_, _, ngettext
from dailyreach.report import columns, contact_summary, pad
from dailyreach.wording import WEEK_START_NAMES, amount

BAR_WIDTH = 20
EIGHTHS = " ▏▎▍▌▋▊▉█"
SPARKS = "▁▂▃▄▅▆▇█"
# A day's shade in the calendar, by heat_level (messages sent): none, some, half the goal or more, the
# goal or more. A day that met the goal (people written to, as Today counts) shows GOAL_MARK instead.
SHADES = "·░▒█"
GOAL_MARK = "✓"
# What the text is made to fit when the terminal's width is not known (output to a file or a pipe).
DEFAULT_WIDTH = 80
# The calendar's weekday names and the space after them.
CALENDAR_MARGIN = 5
# Past this many weeks a month's name comes round again, and the calendar says the years too.
WEEKS_A_YEAR = 52
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
# Settings.week_start, as a person reads it.


# -- shared wording ----------------------------------------------------------------------------------


def heat_level(sent: int, goal: int) -> int:
    """A day's shade by the messages sent that day: 0 for none, 3 for as many as the goal or more, 2 for
    half of it or more, 1 for less. Whether the day met the goal is not this: the goal counts people
    written to (``DayCount.goal_met``), and two messages to one person are one."""
    if sent <= 0:
        return 0
    if sent >= goal:
        return 3
    return 2 if 2 * sent >= goal else 1


def heat_legend(goal: int) -> list[tuple[int, str]]:
    """(level, how many messages) for each level a day can have with this goal."""
    half = math.ceil(goal / 2)
    ranges = [
        (0, _("none")),
        (1, _span(1, half - 1)),
        (2, _span(half, goal - 1)),
        (3, _("{goal}+ messages").format(goal=goal)),
    ]
    return [(level, words) for level, words in ranges if words]


def goal_mark_words(goal: int) -> str:
    """What the calendar's ✓ means: the day's goal of people written to was met."""
    return ngettext("goal met ({count} person)", "goal met ({count} people)", goal).format(count=goal)


def _span(low: int, high: int) -> str:
    if high < low:
        return ""
    return str(low) if low == high else f"{low}–{high}"


def replies(count: int) -> str:
    return ngettext("{count} reply", "{count} replies", count).format(count=count)


def messages(count: int) -> str:
    return ngettext("{count} message", "{count} messages", count).format(count=f"{count:,}")


def days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)


def _tenths(value: float) -> str:
    """6.5, or 6 for 6.0."""
    return f"{value:.1f}".removesuffix(".0")


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def duration(hours: float | None) -> str:
    """A wait for a person: "45 min", "6.5 h", "3.2 d"."""
    if hours is None:
        return "—"
    if hours < 1:
        return _("{minutes} min").format(minutes=f"{hours * 60:.0f}")
    if hours < 48:
        return _("{hours} h").format(hours=_tenths(hours))
    return _("{days} d").format(days=_tenths(hours / 24))


def money_text(money: dict[str, float]) -> str:
    return " · ".join(wording.money_text(total, currency) for currency, total in money.items())


def hours_text(hours: float) -> str:
    return _("{hours} h").format(hours=amount(hours))


def week_range(start: date, end: date) -> str:
    return day_range_text(start, end)


def review_line(review: WeekReview, goal: int) -> str:
    """Last week in one line: sent, replies, meetings, goal days kept, invitations declined."""
    return " · ".join(
        [
            _("{count} sent").format(count=review.sent),
            replies(review.replies),
            ngettext("{count} meeting", "{count} meetings", review.meetings).format(count=review.meetings),
            _("goal of {goal} kept {count} of 7 days").format(goal=goal, count=review.goal_days),
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


# -- JSON --------------------------------------------------------------------------------------------


def _rate_json(rate: ReplyRate) -> dict[str, Any]:
    return {
        "key": rate.key,
        "label": rate.label,
        "contacted": rate.contacted,
        "replied": rate.replied,
        "rate": round(rate.rate, 4),
        "median_hours_to_reply": None if rate.median_hours is None else round(rate.median_hours, 2),
    }


def _day_json(day: DayCount) -> dict[str, Any]:
    return {"date": day.day.isoformat(), "sent": day.sent, "goal_met": day.goal_met}


def stats_json(stats: Stats) -> dict[str, Any]:
    review = stats.last_week
    declined = stats.declined
    return {
        "date": stats.today.isoformat(),
        "timezone": zone_name(stats.zone),
        "week_start": stats.week_start,
        "daily_goal": stats.goal,
        "from": stats.first_day.isoformat(),
        "totals": {
            "sent": stats.sent,
            "days_with_outreach": stats.days_with_outreach,
            "goal_days": stats.goal_days,
            "current_streak": stats.current_streak,
            "longest_streak": stats.longest_streak,
        },
        "days": [_day_json(day) for day in stats.days],
        "weeks": [
            {
                "start": week.start.isoformat(),
                "sent": week.sent,
                "replies": week.replies,
                "meetings": week.meetings,
                "goal_days": week.goal_days,
            }
            for week in stats.weeks
        ],
        "weekdays": [
            {
                "weekday": row.weekday,
                "sent": row.sent,
                "days_with_outreach": row.days_with_outreach,
                "goal_days": row.goal_days,
            }
            for row in stats.weekdays
        ],
        "reply_rates": {
            "by_channel": [_rate_json(rate) for rate in stats.by_channel],
            "by_first_touch": [_rate_json(rate) for rate in stats.by_first_touch],
        },
        "funnel": [
            {
                "stage": step.stage,
                "label": step.label,
                "count": step.count,
                "conversion": None if step.conversion is None else round(step.conversion, 4),
            }
            for step in stats.funnel
        ],
        "declined": {
            "count": declined.count,
            "hours": declined.hours,
            "money": declined.money,
            "sent_those_weeks": declined.sent_those_weeks,
            "replies_those_weeks": declined.replies_those_weeks,
            "months": [
                {
                    "month": month.month,
                    "count": month.count,
                    "hours": month.hours,
                    "money": month.money,
                    "sent_those_weeks": month.sent_those_weeks,
                }
                for month in declined.months
            ],
        },
        "last_week": {
            "start": review.start.isoformat(),
            "end": review.end.isoformat(),
            "sent": review.sent,
            "replies": review.replies,
            "meetings": review.meetings,
            "goal_days": review.goal_days,
            "declined": review.declined,
            "follow_ups": [
                {
                    "contact": contact_summary(item.contact),
                    "reason": item.reason,
                    "since": item.since.isoformat(),
                    "channel": item.channel,
                    "nudges": item.nudges,
                }
                for item in review.follow_ups
            ],
        },
    }


# -- text --------------------------------------------------------------------------------------------


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    """``value`` as a bar of eighth blocks, ``largest`` filling ``width`` cells."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    return "█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


def sparkline(values: list[int]) -> str:
    largest = max(values, default=0)
    if largest <= 0:
        return SPARKS[0] * len(values)
    return "".join(SPARKS[round(value / largest * (len(SPARKS) - 1))] for value in values)


def calendar_lines(stats: Stats, width: int = DEFAULT_WIDTH) -> list[str]:
    """Outreach per day as a calendar: a row per weekday, a column per week, months above, and the years
    too once a month's name comes round again. A calendar wider than ``width`` goes on below, in as many
    blocks as it takes, so that a terminal never wraps its rows into each other."""
    weeks = [stats.days[index : index + 7] for index in range(0, len(stats.days), 7)]
    with_years = len(weeks) > WEEKS_A_YEAR
    # A month's name over a block's last week runs past it.
    overrun = max(cell_len(month_name(number)) for number in range(1, 13)) - 1
    per_block = max(1, width - CALENDAR_MARGIN - overrun)
    lines: list[str] = []
    for first in range(0, len(weeks), per_block):
        block = weeks[first : first + per_block]
        starts = [week[0].day for week in block]
        if lines:
            lines.append("")
        if with_years:
            lines.append(" " * CALENDAR_MARGIN + year_row(starts))
        lines.append((" " * CALENDAR_MARGIN + month_row(starts)).rstrip())
        for row, name in enumerate(weekday_names(stats.week_start)):
            cells = "".join(day_cell(week[row], stats.goal) if row < len(week) else " " for week in block)
            lines.append(f"{pad(name, 3)}  {cells}".rstrip())
    legend = [f"{SHADES[level]} {words}" for level, words in heat_legend(stats.goal)]
    legend.append(f"{GOAL_MARK} {goal_mark_words(stats.goal)}")
    lines.append("     " + "  ".join(legend))
    return lines


def day_cell(day: DayCount, goal: int) -> str:
    """A day in the text calendar: ✓ when it met the goal (people), else its shade (messages)."""
    return GOAL_MARK if day.goal_met else SHADES[heat_level(day.sent, goal)]


def month_row(week_starts: list[date], cell: int = 1, width: int | None = None) -> str:
    """Month names over the weeks they begin in, ``cell`` characters a week; a name that would run into
    the one before moves on to the month's next week, and is left out only when the month ends first,
    or when it would run past ``width`` (what follows the calendar there). Measured in cells: a
    double-width character fills two (10月 takes four)."""
    row = [" "] * (len(week_starts) * cell + 4)
    free_from, labelled = 0, None
    for index, start in enumerate(week_starts):
        at = index * cell
        if start.month != labelled and at >= free_from:
            name = month_name(start.month)
            # A wide character fills its cell and the next one's, left empty.
            cells = [piece for char in name for piece in ((char, "") if cell_len(char) == 2 else (char,))]
            if width is not None and at + len(cells) > width:
                break
            row[at : at + len(cells)] = cells
            free_from = at + len(cells) + 1
            labelled = start.month
    return "".join(row).rstrip()


def year_row(week_starts: list[date]) -> str:
    """The year over the first week and over the first week of each new year; a year that the next one
    would run into is left out."""
    marks = [
        (index, str(start.year))
        for index, start in enumerate(week_starts)
        if index == 0 or start.year != week_starts[index - 1].year
    ]
    row = [" "] * len(week_starts)
    for (at, year), following in zip(marks, [*marks[1:], None], strict=True):
        if following is None or at + len(year) < following[0]:
            row[at : at + len(year)] = year
    return "".join(row).rstrip()


def folded(label: str, text: str, label_width: int, width: int) -> list[str]:
    """``text`` after ``label``, its rest on the lines below under its start when wider than ``width``."""
    room = max(1, width - label_width)
    pieces = [text[start : start + room] for start in range(0, len(text), room)] or [""]
    return [pad(label if index == 0 else "", label_width) + piece for index, piece in enumerate(pieces)]


def _rates_rows(title: str, rates: list[ReplyRate]) -> list[list[str]]:
    rows = [[title, _("contacted"), _("replied"), _("rate"), _("median wait"), ""]]
    for rate in rates:
        rows.append(
            [
                f"  {_(rate.label)}",
                str(rate.contacted),
                str(rate.replied),
                percent(rate.rate),
                duration(rate.median_hours),
                bar(rate.rate, 1, 10),
            ]
        )
    return rows


def stats_text(stats: Stats, width: int = DEFAULT_WIDTH) -> str:
    """The figures as text; the calendar and the weekly series fit ``width`` (the terminal's), going on
    below when wider."""
    first, today = stats.first_day, stats.today
    week_start = _(WEEK_START_NAMES.get(stats.week_start, stats.week_start.capitalize()))
    sent_label, replies_label = _("Sent per week"), _("Replies")
    label_width = max(13, cell_len(sent_label), cell_len(replies_label)) + 3
    lines = [
        ngettext(
            "Stats {first} – {last} ({weeks} week from {week_start}; goal {goal} a day; {zone})",
            "Stats {first} – {last} ({weeks} weeks from {week_start}; goal {goal} a day; {zone})",
            len(stats.weeks),
        ).format(
            first=day_text(first, today),
            last=day_text(today),
            weeks=len(stats.weeks),
            week_start=week_start,
            goal=stats.goal,
            zone=zone_name(stats.zone),
        ),
        "",
        _("Outreach per day"),
        *calendar_lines(stats, width),
        " · ".join(
            [
                ngettext("Streak {count} day", "Streak {count} days", stats.current_streak).format(
                    count=stats.current_streak
                ),
                ngettext("longest {count} day", "longest {count} days", stats.longest_streak).format(
                    count=stats.longest_streak
                ),
                _("goal met on {count} of {days} days").format(count=stats.goal_days, days=len(stats.days)),
                _("{messages} on {days}").format(
                    messages=messages(stats.sent), days=days(stats.days_with_outreach)
                ),
            ]
        ),
        "",
        *folded(sent_label, sparkline([week.sent for week in stats.weeks]), label_width, width),
        *folded(replies_label, sparkline([week.replies for week in stats.weeks]), label_width, width),
    ]
    largest = max((week.sent for week in stats.weeks), default=0)
    week_rows = [[_("Week of"), _("sent"), "", _("replies"), _("meetings"), _("goal days")]]
    for week in stats.weeks:
        week_rows.append(
            [
                day_text(week.start, today),
                str(week.sent),
                bar(week.sent, largest),
                str(week.replies),
                str(week.meetings),
                f"{week.goal_days}/7",
            ]
        )
    lines += [columns(week_rows), ""]
    if stats.by_channel:
        rows = _rates_rows(_("Reply rate by channel"), stats.by_channel)
        rows += [[""] * 6, *_rates_rows(_("By first message"), stats.by_first_touch)]
        lines += [columns(rows), ""]
    else:
        lines += [_("Reply rate: no message sent yet."), ""]
    targets = stats.funnel[0].count
    funnel_rows = [[_("Funnel"), _("count"), _("of previous"), ""]]
    for step in stats.funnel:
        shown = "" if step.conversion is None and step is stats.funnel[0] else percent(step.conversion)
        funnel_rows.append([f"  {_(step.label)}", str(step.count), shown, bar(step.count, targets)])
    lines += [columns(funnel_rows), ""]
    lines += _declined_lines(stats)
    lines += ["", *review_lines(stats)]
    return "\n".join(lines)


def _declined_lines(stats: Stats) -> list[str]:
    declined = stats.declined
    if not declined.count:
        return [_("Declined invitations: none yet.")]
    saved = (
        _("{hours} and {money}").format(hours=hours_text(declined.hours), money=money_text(declined.money))
        if declined.money
        else hours_text(declined.hours)
    )
    lines = [
        _(
            "Declined {invitations}: saved {saved}; in those weeks you sent {messages} instead "
            "and got {replies}"
        ).format(
            invitations=ngettext("{count} invitation", "{count} invitations", declined.count).format(
                count=declined.count
            ),
            saved=saved,
            messages=messages(declined.sent_those_weeks),
            replies=replies(declined.replies_those_weeks),
        )
    ]
    largest = max(month.hours for month in declined.months)
    rows = [["  " + _("Month"), _("declined"), _("hours"), "", _("money"), _("sent those weeks")]]
    for month in declined.months:
        rows.append(
            [
                f"  {month_label(month.month)}",
                str(month.count),
                hours_text(month.hours),
                bar(month.hours, largest, 10),
                money_text(month.money) or "—",
                str(month.sent_those_weeks),
            ]
        )
    return [*lines, columns(rows)]


def review_lines(stats: Stats) -> list[str]:
    review = stats.last_week
    lines = [
        _("Last week ({days}): {review}").format(
            days=week_range(review.start, review.end), review=review_line(review, stats.goal)
        )
    ]
    if review.follow_ups:
        lines.append(_("Worth a follow-up:"))
        lines.append(
            columns(
                [
                    [f"  {item.contact.name}", follow_up_reason(item, stats.today)]
                    for item in review.follow_ups
                ]
            )
        )
    return lines
