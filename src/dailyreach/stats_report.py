"""``dailyreach stats``: the figures of ``core/planning/stats.py`` as the documented JSON and as aligned text with
Unicode bars, and the wording the Stats screen shares with it."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from dailyreach.core.planning.stats import (
    CHANNEL_LABELS,
    DayCount,
    FollowUp,
    ReplyRate,
    Stats,
    WeekReview,
    weekday_names,
)
from dailyreach.core.store.threads import zone_name
from dailyreach.report import columns, contact_summary
from dailyreach.wording import amount, plural

BAR_WIDTH = 20
EIGHTHS = " ▏▎▍▌▋▊▉█"
SPARKS = "▁▂▃▄▅▆▇█"
# A day's shade in the calendar, by heat_level: none, some, half the goal or more, the goal met.
SHADES = "·░▒█"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# -- shared wording ----------------------------------------------------------------------------------


def heat_level(sent: int, goal: int) -> int:
    """0 for no message, 3 for the goal met, 2 for half of it or more, 1 for less."""
    if sent <= 0:
        return 0
    if sent >= goal:
        return 3
    return 2 if 2 * sent >= goal else 1


def heat_legend(goal: int) -> list[tuple[int, str]]:
    """(level, how many messages) for each level a day can have with this goal."""
    half = math.ceil(goal / 2)
    ranges = [(0, "none"), (1, _span(1, half - 1)), (2, _span(half, goal - 1)), (3, f"{goal}+ goal met")]
    return [(level, words) for level, words in ranges if words]


def _span(low: int, high: int) -> str:
    if high < low:
        return ""
    return str(low) if low == high else f"{low}–{high}"


def replies(count: int) -> str:
    return f"{count} {'reply' if count == 1 else 'replies'}"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}"


def duration(hours: float | None) -> str:
    """A wait for a person: "45 min", "6.5 h", "3.2 d"."""
    if hours is None:
        return "—"
    if hours < 1:
        return f"{hours * 60:.0f} min"
    if hours < 48:
        return f"{hours:.1f} h".replace(".0 h", " h")
    return f"{hours / 24:.1f} d".replace(".0 d", " d")


def money_text(money: dict[str, float]) -> str:
    return " · ".join(f"{amount(total)} {currency}" for currency, total in money.items())


def hours_text(hours: float) -> str:
    return f"{amount(hours)} h"


def week_range(start: date, end: date) -> str:
    return f"{start:%b} {start.day} – {end:%b} {end.day}"


def review_line(review: WeekReview, goal: int) -> str:
    """Last week in one line: sent, replies, meetings, goal days kept, invitations declined."""
    return " · ".join(
        [
            f"{review.sent} sent",
            replies(review.replies),
            plural(review.meetings, "meeting"),
            f"goal of {goal} kept {review.goal_days} of 7 days",
            f"{plural(review.declined, 'invitation')} declined",
        ]
    )


def follow_up_reason(item: FollowUp, today: date) -> str:
    days = (today - item.since.date()).days
    when = "today" if days == 0 else ("yesterday" if days == 1 else f"{days} days ago")
    channel = CHANNEL_LABELS.get(item.channel, item.channel)
    if item.reason == "answered":
        return f"answered {when} on {channel}: your turn"
    nudged = f", {plural(item.nudges, 'follow-up')} sent" if item.nudges else ""
    return f"no answer since {when} on {channel}{nudged}: follow up"


def month_label(month: str | None) -> str:
    if month is None:
        return "no date"
    year, number = month.split("-")
    return f"{MONTHS[int(number) - 1]} {year}"


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


def calendar_lines(stats: Stats) -> list[str]:
    """Outreach per day as a calendar: a row per weekday, a column per week, months above."""
    weeks = [stats.days[index : index + 7] for index in range(0, len(stats.days), 7)]
    lines = [("     " + month_row([week[0].day for week in weeks])).rstrip()]
    for row, name in enumerate(weekday_names(stats.week_start)):
        cells = "".join(
            SHADES[heat_level(week[row].sent, stats.goal)] if row < len(week) else " " for week in weeks
        )
        lines.append(f"{name}  {cells}".rstrip())
    legend = "  ".join(f"{SHADES[level]} {words}" for level, words in heat_legend(stats.goal))
    lines.append(f"     {legend}")
    return lines


def month_row(week_starts: list[date], cell: int = 1) -> str:
    """Month names over the weeks they begin in, ``cell`` characters a week; a name that would run into
    the one before is left out."""
    row = [" "] * (len(week_starts) * cell + 3)
    free_from, previous = 0, None
    for index, start in enumerate(week_starts):
        at = index * cell
        if start.month != previous and at >= free_from:
            row[at : at + 3] = MONTHS[start.month - 1]
            free_from = at + 4
        previous = start.month
    return "".join(row).rstrip()


def _rates_rows(title: str, rates: list[ReplyRate]) -> list[list[str]]:
    rows = [[title, "contacted", "replied", "rate", "median wait", ""]]
    for rate in rates:
        rows.append(
            [
                f"  {rate.label}",
                str(rate.contacted),
                str(rate.replied),
                percent(rate.rate),
                duration(rate.median_hours),
                bar(rate.rate, 1, 10),
            ]
        )
    return rows


def stats_text(stats: Stats) -> str:
    first, today = stats.first_day, stats.today
    span = f"{len(stats.weeks)} weeks from {stats.week_start.capitalize()}"
    lines = [
        f"Stats {first.isoformat()} – {today.isoformat()} ({span}; goal {stats.goal} a day; {zone_name(stats.zone)})",
        "",
        "Outreach per day",
        *calendar_lines(stats),
        f"Streak {plural(stats.current_streak, 'day')} · longest {plural(stats.longest_streak, 'day')} · "
        f"goal met on {stats.goal_days} of {len(stats.days)} days · "
        f"{plural(stats.sent, 'message')} on {plural(stats.days_with_outreach, 'day')}",
        "",
        f"Sent per week   {sparkline([week.sent for week in stats.weeks])}",
        f"Replies         {sparkline([week.replies for week in stats.weeks])}",
    ]
    largest = max((week.sent for week in stats.weeks), default=0)
    week_rows = [["Week of", "sent", "", "replies", "meetings", "goal days"]]
    for week in stats.weeks:
        week_rows.append(
            [
                week.start.isoformat(),
                str(week.sent),
                bar(week.sent, largest),
                str(week.replies),
                str(week.meetings),
                f"{week.goal_days}/7",
            ]
        )
    lines += [columns(week_rows), ""]
    if stats.by_channel:
        rows = _rates_rows("Reply rate by channel", stats.by_channel)
        rows += [[""] * 6, *_rates_rows("By first message", stats.by_first_touch)]
        lines += [columns(rows), ""]
    else:
        lines += ["Reply rate: no message sent yet.", ""]
    targets = stats.funnel[0].count
    funnel_rows = [["Funnel", "count", "of previous", ""]]
    for step in stats.funnel:
        shown = "" if step.conversion is None and step is stats.funnel[0] else percent(step.conversion)
        funnel_rows.append([f"  {step.label}", str(step.count), shown, bar(step.count, targets)])
    lines += [columns(funnel_rows), ""]
    lines += _declined_lines(stats)
    lines += ["", *review_lines(stats)]
    return "\n".join(lines)


def _declined_lines(stats: Stats) -> list[str]:
    declined = stats.declined
    if not declined.count:
        return ["Declined invitations: none yet."]
    saved = [hours_text(declined.hours)] + ([money_text(declined.money)] if declined.money else [])
    lines = [
        f"Declined {plural(declined.count, 'invitation')}: saved {' and '.join(saved)}; "
        f"in those weeks you sent {plural(declined.sent_those_weeks, 'message')} instead "
        f"and got {replies(declined.replies_those_weeks)}"
    ]
    largest = max(month.hours for month in declined.months)
    rows = [["  Month", "declined", "hours", "", "money", "sent those weeks"]]
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
    lines = [f"Last week ({week_range(review.start, review.end)}): {review_line(review, stats.goal)}"]
    if review.follow_ups:
        lines.append("Worth a follow-up:")
        lines.append(
            columns(
                [
                    [f"  {item.contact.name}", follow_up_reason(item, stats.today)]
                    for item in review.follow_ups
                ]
            )
        )
    return lines
