"""``dailyreach stats --json``: the figures of ``core/planning/stats.py`` as the documented JSON."""

from __future__ import annotations

from typing import Any

from dailyreach.core.planning.stats import Stats
from dailyreach.core.planning.stats_days import DayCount
from dailyreach.core.planning.stats_replies import ReplyRate
from dailyreach.core.store.threads import zone_name
from dailyreach.report import contact_summary


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
            "days_counted": stats.days_counted,
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
                "days_counted": week.days_counted,
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
            "days_counted": review.days_counted,
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
