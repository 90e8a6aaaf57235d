"""``dailyreach stats``: the figures of ``core/planning/stats.py`` as aligned text, with Unicode bars and
sparklines for the series, fitted to the terminal's width."""

from __future__ import annotations

from rich.cells import cell_len

from dailyreach.core.planning.stats import Stats
from dailyreach.core.planning.stats_replies import ReplyRate
from dailyreach.core.records.dates import day_text
from dailyreach.core.store.threads import zone_name
from dailyreach.i18n import _, ngettext
from dailyreach.report import columns, pad
from dailyreach.stats_calendar import DEFAULT_WIDTH, calendar_lines
from dailyreach.stats_wording import (
    days,
    duration,
    follow_up_reason,
    hours_text,
    messages,
    money_text,
    month_label,
    percent,
    replies,
    review_line,
    to_come_or,
    week_range,
)
from dailyreach.wording import WEEK_START_NAMES

BAR_WIDTH = 20
EIGHTHS = " ▏▎▍▌▋▊▉█"
SPARKS = "▁▂▃▄▅▆▇█"
# What a summary line puts between its parts, and where it breaks first when too wide for the terminal.
PART_SEPARATOR = " · "


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


def folded(label: str, text: str, label_width: int, width: int) -> list[str]:
    """``text`` after ``label``, its rest on the lines below under its start when wider than ``width``."""
    room = max(1, width - label_width)
    pieces = [text[start : start + room] for start in range(0, len(text), room)] or [""]
    return [pad(label if index == 0 else "", label_width) + piece for index, piece in enumerate(pieces)]


def fitted(text: str, width: int) -> list[str]:
    """``text`` as it is when it fits in ``width`` cells, else wrapped between words, or between wide
    characters (a Japanese one takes two cells)."""
    if cell_len(text) <= width:
        return [text]
    from dailyreach.help_format import wrap  # loads click, as the command line has already

    return wrap(text, width)


def fitted_parts(text: str, width: int) -> list[str]:
    """A summary of parts joined by " · " in lines of at most ``width`` cells, broken between its parts
    (a line that goes on below ends in "·"); a part wider than a line of its own goes on from where the
    line is, wrapped as ``fitted`` wraps."""
    if cell_len(text) <= width:
        return [text]
    mark = PART_SEPARATOR.rstrip()
    parts = text.split(PART_SEPARATOR)
    lines: list[str] = []
    line = ""
    for index, part in enumerate(parts):
        room = max(1, width - (cell_len(mark) if index < len(parts) - 1 else 0))
        joined = f"{line}{PART_SEPARATOR}{part}" if line else part
        if cell_len(joined) <= room:
            line = joined
        elif line and cell_len(part) <= room:
            lines.append(line + mark)
            line = part
        else:
            *whole, line = fitted(joined, room)
            lines += whole
    return [*lines, line]


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
    """The figures as text; the title and summary lines, the calendar and the weekly series fit ``width``
    (the terminal's), going on below when wider."""
    first, today = stats.first_day, stats.today
    week_start = _(WEEK_START_NAMES.get(stats.week_start, stats.week_start.capitalize()))
    sent_label, replies_label = _("Sent per week"), _("Replies")
    label_width = max(13, cell_len(sent_label), cell_len(replies_label)) + 3
    lines = [
        *fitted(
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
            width,
        ),
        "",
        _("Outreach per day"),
        *calendar_lines(stats, width),
        *fitted_parts(
            PART_SEPARATOR.join(
                [
                    ngettext("Streak {count} day", "Streak {count} days", stats.current_streak).format(
                        count=stats.current_streak
                    ),
                    ngettext("longest {count} day", "longest {count} days", stats.longest_streak).format(
                        count=stats.longest_streak
                    ),
                    ngettext(
                        "goal met on {count} of {days} day",
                        "goal met on {count} of {days} days",
                        stats.days_counted,
                    ).format(count=stats.goal_days, days=stats.days_counted),
                    _("{messages} on {days}").format(
                        messages=messages(stats.sent), days=days(stats.days_with_outreach)
                    ),
                ]
            ),
            width,
        ),
        "",
        *folded(sent_label, sparkline([week.sent for week in stats.weeks]), label_width, width),
        *folded(replies_label, sparkline([week.replies for week in stats.weeks]), label_width, width),
    ]
    largest = max((week.sent for week in stats.weeks), default=0)
    week_rows = [[_("Week of"), _("sent"), "", _("replies"), _("booked"), _("goal days")]]
    for week in stats.weeks:
        week_rows.append(
            [
                day_text(week.start, today),
                str(week.sent),
                bar(week.sent, largest),
                str(week.replies),
                str(week.meetings),
                week.goal_text,
            ]
        )
    lines += [columns(week_rows), ""]
    if stats.by_channel:
        rows = _rates_rows(_("Reply rate by channel"), stats.by_channel)
        rows += [[""] * 6, *_rates_rows(_("By first message"), stats.by_first_touch)]
        lines += [columns(rows), ""]
    else:
        lines += [*fitted(_("Reply rate: no message sent yet."), width), ""]
    targets = stats.funnel[0].count
    funnel_rows = [[_("Funnel"), _("count"), _("of previous"), ""]]
    for step in stats.funnel:
        shown = "" if step.conversion is None and step is stats.funnel[0] else percent(step.conversion)
        funnel_rows.append([f"  {_(step.label)}", str(step.count), shown, bar(step.count, targets)])
    lines += [columns(funnel_rows), ""]
    lines += _declined_lines(stats, width)
    lines += ["", *review_lines(stats, width)]
    return "\n".join(lines)


def _declined_lines(stats: Stats, width: int) -> list[str]:
    declined = stats.declined
    if not declined.count:
        return fitted(_("Declined invitations: none yet."), width)
    saved = (
        _("{hours} and {money}").format(hours=hours_text(declined.hours), money=money_text(declined.money))
        if declined.money
        else hours_text(declined.hours)
    )
    invitations = ngettext("{count} invitation", "{count} invitations", declined.count).format(
        count=declined.count
    )
    if declined.sent_those_weeks is None or declined.replies_those_weeks is None:
        said = ngettext(
            "Declined {invitations}: saved {saved}; its week is still to come",
            "Declined {invitations}: saved {saved}; their weeks are still to come",
            len(declined.weeks),
        ).format(invitations=invitations, saved=saved)
    else:
        said = _(
            "Declined {invitations}: saved {saved}; in those weeks you sent {messages} instead and got {replies}"
        ).format(
            invitations=invitations,
            saved=saved,
            messages=messages(declined.sent_those_weeks),
            replies=replies(declined.replies_those_weeks),
        )
    lines = fitted(said, width)
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
                str(to_come_or(month.sent_those_weeks)),
            ]
        )
    return [*lines, columns(rows)]


def review_lines(stats: Stats, width: int) -> list[str]:
    review = stats.last_week
    lines = fitted_parts(
        _("Last week ({days}): {review}").format(
            days=week_range(review.start, review.end), review=review_line(review)
        ),
        width,
    )
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
