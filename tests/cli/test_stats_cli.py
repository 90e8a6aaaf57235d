"""`dailyreach stats`, through the installed command on a real file (the run's timezone is UTC)."""

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from rich.cells import cell_len

from dailyreach.cli.stats_report import sparkline
from dailyreach.core.records.model import Settings
from dailyreach.core.store.store import Store
from dailyreach.stats_calendar import month_row, year_row
from tests.conftest import run_cli

DOCUMENTED_KEYS = {
    "date",
    "timezone",
    "week_start",
    "daily_goal",
    "from",
    "totals",
    "days",
    "weeks",
    "weekdays",
    "reply_rates",
    "funnel",
    "declined",
    "last_week",
}


def history(db):
    """Ann answered a public reply on X after 6 hours; 山田 has had no answer since January; Bob got a DM
    yesterday and one today; two invitations that week in January were declined."""
    ids = {}
    for name, handle in (("Ann", ("--x", "@ann")), ("山田 太郎", ("--mastodon", "@yamada@mstdn.jp"))):
        ids[name] = run_cli("add", name, *handle, db=db).stdout.strip()
    ids["Bob"] = run_cli("add", "Bob", "--email", "bob@example.com", db=db).stdout.strip()
    run_cli("log", ids["Ann"], "public_reply", "--at", "2026-01-05T09:00", db=db)
    run_cli("log", ids["Ann"], "reply_received", "--at", "2026-01-05T15:00", db=db)
    run_cli("log", ids["山田 太郎"], "dm_sent", "--at", "2026-01-06T09:00", db=db)
    run_cli("log", ids["Bob"], "dm_sent", "--at", "yesterday", db=db)
    run_cli("log", ids["Bob"], "dm_sent", db=db)
    for title, on, hours, cost, currency in (
        ("異業種交流会", "2026-01-09", "3", "5000", "JPY"),
        ("Growth Seminar", "2026-01-08", "2", "120", "USD"),
    ):
        run_cli(
            "invite",
            title,
            "--on",
            on,
            "--hours",
            hours,
            "--cost",
            cost,
            "--currency",
            currency,
            "--decline",
            db=db,
        )
    return ids


def stats_json(db, *args):
    return json.loads(run_cli("stats", "--json", *args, db=db).stdout)


def test_stats_json_has_the_documented_shape_and_the_figures(db):
    ids = history(db)
    stats = stats_json(db, "--weeks", "4")
    assert set(stats) == DOCUMENTED_KEYS
    today, first = date.fromisoformat(stats["date"]), date.fromisoformat(stats["from"])
    assert (stats["timezone"], stats["week_start"], stats["daily_goal"]) == ("UTC", "monday", 5)
    # Four weeks from a Monday, this one included, through today.
    assert first.weekday() == 0 and 21 <= (today - first).days <= 27
    assert len(stats["weeks"]) == 4 and len(stats["days"]) == (today - first).days + 1
    assert stats["days"][-1] == {"date": today.isoformat(), "sent": 1, "goal_met": False}
    assert stats["days"][-2]["sent"] == 1
    # Bob's two DMs are the only messages in these weeks; 5 and 6 January were a run of two as well.
    assert stats["totals"] == {
        "sent": 2,
        "days_with_outreach": 2,
        "goal_days": 0,
        "days_counted": len(stats["days"]),  # the history began before these four weeks
        "current_streak": 2,
        "longest_streak": 2,
    }
    assert sum(week["sent"] for week in stats["weeks"]) == 2
    assert stats["reply_rates"]["by_channel"] == [
        {
            "key": "mastodon",
            "label": "Mastodon",
            "contacted": 1,
            "replied": 0,
            "rate": 0.0,
            "median_hours_to_reply": None,
        },
        {"key": "x", "label": "X", "contacted": 1, "replied": 1, "rate": 1.0, "median_hours_to_reply": 6.0},
        {
            "key": "email",
            "label": "e-mail",
            "contacted": 1,
            "replied": 0,
            "rate": 0.0,
            "median_hours_to_reply": None,
        },
    ]
    by_touch = stats["reply_rates"]["by_first_touch"]
    assert [(row["key"], row["contacted"], row["replied"]) for row in by_touch] == [
        ("dm_sent", 2, 0),
        ("public_reply", 1, 1),
    ]
    assert [(step["stage"], step["count"], step["conversion"]) for step in stats["funnel"]] == [
        ("target", 3, None),
        ("contacted", 3, 1.0),
        ("replied", 1, 0.3333),
        ("meeting", 0, 0.0),
        ("met", 0, None),
    ]
    declined = stats["declined"]
    # Both events fall in the week of Monday 5 January, when Ann and 山田 were written to.
    assert declined == {
        "count": 2,
        "hours": 5,
        "money": {"JPY": 5000, "USD": 120},
        "sent_those_weeks": 2,
        "replies_those_weeks": 1,
        "months": [
            {
                "month": "2026-01",
                "count": 2,
                "hours": 5,
                "money": {"JPY": 5000, "USD": 120},
                "sent_those_weeks": 2,
            }
        ],
    }
    follow_ups = stats["last_week"]["follow_ups"]
    assert [(item["contact"]["id"], item["reason"]) for item in follow_ups] == [
        (ids["Ann"], "answered"),
        (ids["山田 太郎"], "follow_up_due"),
    ]
    assert follow_ups[1]["contact"]["url"] == "https://mstdn.jp/@yamada"
    assert follow_ups[0]["since"].startswith("2026-01-05T15:00")
    assert set(stats["last_week"]) == {
        "start",
        "end",
        "sent",
        "replies",
        "meetings",
        "goal_days",
        "days_counted",
        "declined",
        "follow_ups",
    }
    assert stats["last_week"]["days_counted"] == 7  # the history began weeks before


def test_stats_text_aligns_japanese_names_and_draws_the_series(db):
    history(db)
    shown = run_cli("stats", "--weeks", "4", db=db).stdout
    lines = shown.splitlines()
    assert lines[0].startswith("Stats ") and "4 weeks from Monday" in lines[0]
    assert any(line.startswith("Mon  ") for line in lines)
    assert "Streak 2 days · longest 2 days" in shown
    follow_ups = lines[lines.index("Worth a follow-up:") + 1 :]
    columns = {
        cell_len(line[: line.index(reason)])
        for line in follow_ups
        for reason in ("answered", "no answer")
        if reason in line
    }
    assert len(follow_ups) == 2 and len(columns) == 1  # 山田 太郎 takes 9 cells, Ann 3: the reasons line up
    assert "Declined 2 invitations: saved 5 h and 5,000 JPY, 120 USD" in shown
    assert "█" in shown and "\x1b" not in shown  # bars, and no colour codes when piped


def test_stats_on_an_empty_store(db):
    shown = run_cli("stats", db=db).stdout
    assert "26 weeks from Monday" in shown and "Reply rate: no message sent yet." in shown
    assert "Declined invitations: none yet." in shown
    stats = stats_json(db)
    assert len(stats["weeks"]) == 26 and stats["totals"]["sent"] == 0
    assert stats["last_week"]["follow_ups"] == [] and stats["declined"]["months"] == []


def test_weeks_out_of_range_are_refused_without_a_traceback(db):
    for weeks in ("0", "521", "many"):
        result = run_cli("stats", "--weeks", weeks, db=db, check=False)
        assert result.returncode == 2 and "--weeks" in result.stderr
        assert "Traceback" not in result.stderr
    assert not db.exists()  # refused before the store was opened


def test_the_calendar_marks_the_goal_by_people_written_to_not_by_messages(db):
    """With a goal of 2: three days ago a public reply and a DM went to Ann alone (two messages, one
    person); two days ago Ann and Bob were written to. Only the second day met the goal."""
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    bob = run_cli("add", "Bob", "--email", "bob@example.com", db=db).stdout.strip()
    Store(db).save_settings(Settings(daily_goal=2))
    today = datetime.now(UTC).date()
    one_person, two_people = today - timedelta(days=3), today - timedelta(days=2)
    run_cli("log", ann, "public_reply", "--at", f"{one_person}T09:00", db=db)
    run_cli("log", ann, "dm_sent", "--at", f"{one_person}T10:00", db=db)
    run_cli("log", ann, "dm_sent", "--at", f"{two_people}T09:00", db=db)
    run_cli("log", bob, "dm_sent", "--at", f"{two_people}T10:00", db=db)
    stats = stats_json(db, "--weeks", "2")
    days = {day["date"]: day for day in stats["days"]}
    assert days[one_person.isoformat()] == {"date": one_person.isoformat(), "sent": 2, "goal_met": False}
    assert days[two_people.isoformat()] == {"date": two_people.isoformat(), "sent": 2, "goal_met": True}
    assert stats["totals"]["goal_days"] == 1
    # Per weekday, from Monday (the calendar's rows): the first day's two messages, the second's two
    # with the goal met; nothing on the other five.
    weekdays = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    expected = {
        name: {"weekday": name, "sent": 0, "days_with_outreach": 0, "goal_days": 0} for name in weekdays
    }
    expected[weekdays[one_person.weekday()]].update(sent=2, days_with_outreach=1)
    expected[weekdays[two_people.weekday()]].update(sent=2, days_with_outreach=1, goal_days=1)
    assert stats["weekdays"] == list(expected.values())

    lines = run_cli("stats", "--weeks", "2", db=db).stdout.splitlines()
    calendar = lines[lines.index("Outreach per day") + 2 : lines.index("Outreach per day") + 9]
    first = date.fromisoformat(stats["from"])

    def cell(day: date) -> str:
        index = (day - first).days
        return calendar[index % 7][5 + index // 7]

    # Both days had two messages (the darkest shade); only the one with two people has the ✓.
    assert (cell(one_person), cell(two_people)) == ("█", "✓")
    assert sum(line.count("✓") for line in calendar) == 1
    assert "goal met on 1 of " in lines[lines.index("Outreach per day") + 10]
    legend = lines[lines.index("Outreach per day") + 9]
    assert legend.strip() == "· none  ▒ 1  █ 2+ messages  ✓ goal met (2 people)"


def test_a_calendar_wider_than_the_terminal_goes_on_in_blocks_with_its_years(db):
    """60 weeks on a 40-column terminal: no line of the calendar or the series is wider, every week is
    in one block or the next, and the years stand over the first week and over January's."""
    history(db)
    stats = stats_json(db, "--weeks", "60")
    lines = run_cli("stats", "--weeks", "60", db=db, env={"COLUMNS": "40"}).stdout.splitlines()
    start = lines.index("Outreach per day") + 1
    end = next(index for index in range(start, len(lines)) if lines[index].strip().startswith("·"))
    blocks = [[]]
    for line in lines[start:end]:
        if line:
            blocks[-1].append(line)
        else:
            blocks.append([])
    assert [len(block) for block in blocks] == [9, 9]  # years, months, seven weekdays
    assert max(cell_len(line) for block in blocks for line in block) <= 40
    # Each weekday's row, block after block, has a cell per week and the ✓ on the days that met the goal.
    rows = ["".join(block[2 + row][5:].ljust(32) for block in blocks)[:60] for row in range(7)]
    first = date.fromisoformat(stats["from"])
    for day in stats["days"]:
        index = (date.fromisoformat(day["date"]) - first).days
        assert (rows[index % 7][index // 7] == "✓") == day["goal_met"]
    starts = [first + timedelta(weeks=week) for week in range(60)]
    years = "".join(block[0][5:].ljust(32) for block in blocks)
    assert years.startswith(str(starts[0].year))
    # A year is named over the week its January 1st is in, as the month row names January.
    ends = [start + timedelta(days=6) for start in starts]
    january = next(week for week, end in enumerate(ends) if end.year != ends[0].year)
    assert years[january : january + 4] == str(ends[january].year)
    assert years[32:36] == str(ends[32].year) or 32 < january < 37
    sent_from = next(index for index, line in enumerate(lines) if line.startswith("Sent per week"))
    replies_from = next(index for index, line in enumerate(lines) if line.startswith("Replies"))
    series = lines[sent_from:replies_from]
    assert len(series) == 3 and max(cell_len(line) for line in series) <= 40
    assert "".join(line[16:] for line in series) == sparkline([week["sent"] for week in stats["weeks"]])


def test_a_calendar_of_a_year_or_less_has_no_year_row(db):
    history(db)
    lines = run_cli("stats", "--weeks", "52", db=db, env={"COLUMNS": "200"}).stdout.splitlines()
    months = lines[lines.index("Outreach per day") + 1]
    assert months.split()[0] in {
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "May",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Oct",
        "Nov",
        "Dec",
    }
    assert lines[lines.index("Outreach per day") + 2].startswith("Mon")


def test_a_year_the_next_would_run_into_is_left_out():
    from_november = [date(2025, 11, 24) + timedelta(weeks=week) for week in range(7)]
    assert year_row(from_november) == "2025 2026"  # 2026 over the week of Dec 29, which has Jan 1
    from_mid_december = [date(2025, 12, 15) + timedelta(weeks=week) for week in range(6)]
    assert year_row(from_mid_december) == "  2026"


def test_a_month_name_that_would_run_past_the_calendar_is_left_out():
    """In the app the totals' headings follow the calendar: Dec over the last week cut goal to goa."""
    starts = [date(2026, 11, 7) + timedelta(weeks=week) for week in range(4)]  # the last has Dec 1
    assert month_row(starts, 2) == "Nov   Dec"
    assert month_row(starts, 2, width=8) == "Nov"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@pytest.mark.parametrize("weeks", ["5", "26", "52"])
def test_a_month_is_named_over_the_week_its_first_day_is_in(db, weeks):
    """As GitHub's calendar: the week from Nov 30 is December's. The first week's month is named over it
    too when it fits before the next name."""
    first = date.fromisoformat(stats_json(db, "--weeks", weeks)["from"])
    lines = run_cli("stats", "--weeks", weeks, db=db, env={"COLUMNS": "200"}).stdout.splitlines()
    months = lines[lines.index("Outreach per day") + 1]
    named = {found.start() - 5: found[0] for found in re.finditer(r"\S+", months)}
    expected = {}
    for week in range(int(weeks)):
        end = first + timedelta(weeks=week, days=6)
        if end.day <= 7:
            expected[week] = MONTHS[end.month - 1]
    if 0 not in expected and min(expected, default=int(weeks)) >= 4:
        expected[0] = MONTHS[first.month - 1]
    assert named == expected


def prose(lines, first, until):
    """The lines from the one starting with ``first`` up to (not including) the next ``until`` line."""
    start = next(index for index, line in enumerate(lines) if line.startswith(first))
    end = next(index for index in range(start + 1, len(lines)) if until(lines[index]))
    return lines[start:end]


def words(lines):
    """The text of ``lines`` without its spaces: what a wrap keeps whatever it breaks at."""
    return "".join("".join(lines).split())


@pytest.mark.parametrize(("language", "width"), [("en", 40), ("ja", 30)])
def test_the_title_and_summary_lines_are_wrapped_to_the_terminal(db, language, width):
    """The title, the streaks, what declining saved and last week's line fit the terminal as the calendar
    does, each part whole where it can be: nothing is lost, and they are as before on a wide one."""
    history(db)
    env = {"DAILYREACH_LANG": language}
    wide = run_cli("stats", "--weeks", "4", db=db, env={**env, "COLUMNS": "300"}).stdout.splitlines()
    narrow = run_cli("stats", "--weeks", "4", db=db, env={**env, "COLUMNS": str(width)}).stdout.splitlines()
    title, streak, declined, last_week, follow_ups = {
        "en": ("Stats ", "Streak ", "Declined ", "Last week ", "Worth a follow-up:"),
        "ja": ("統計 ", "連続", "誘い", "先週（", "フォローアップしたい相手:"),
    }[language]
    for first, until in (
        (title, lambda line: not line),
        (streak, lambda line: not line),
        (declined, lambda line: line.startswith("  ")),  # the months' table
        (last_week, lambda line: line == follow_ups),
    ):
        before = prose(wide, first, until)
        after = prose(narrow, first, until)
        assert len(before) == 1 and cell_len(before[0]) > width
        assert len(after) > 1 and max(cell_len(line) for line in after) <= width
        assert words(after) == words(before)
    # The calendar's key goes on below, broken between its keys, each whole.
    key_wide, key = (
        [line for line in lines if line.startswith("     ") and any(mark in line for mark in "░✓█")]
        for lines in (wide, narrow)
    )
    assert len(key_wide) == 1 and len(key) > 1 and max(cell_len(line) for line in key) <= width
    assert " ".join(key).split() == key_wide[0].split()
    summary = prose(narrow, streak, lambda line: not line)
    if language == "en":  # broken between its parts, each kept whole
        assert summary[0] == "Streak 2 days · longest 2 days ·"
        assert summary[1].startswith("goal met on 0 of ")


def test_a_declined_event_still_to_come_is_said_to_come_not_zero_sent(db):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    run_cli("invite", "Mixer", "--on", "in 2 weeks", "--hours", "3", "--decline", db=db)
    shown = run_cli("stats", db=db).stdout
    assert "its week is still to come" in shown
    lines = shown.splitlines()
    header = next(index for index, line in enumerate(lines) if line.strip().startswith("Month"))
    assert lines[header + 1].endswith("to come")  # the month's sent those weeks
    figures = stats_json(db)["declined"]
    assert (figures["sent_those_weeks"], figures["months"][0]["sent_those_weeks"]) == (None, None)
