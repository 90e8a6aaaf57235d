"""``dailyreach settings``, installed, on a real file: the settings printed, changed in one step and
printed again, as JSON, and a value refused with the file left as it was."""

import json
import re

import pytest

from tests.conftest import cli_json, run_cli


def lines(text: str) -> dict[str, str]:
    """Each printed setting's label and value, checking that the values start in one column."""
    rows = [re.fullmatch(r"\s*(.*?\S)\s{2,}(\S.*)", row) for row in text.rstrip("\n").splitlines()]
    assert all(rows) and len({row.start(2) for row in rows if row}) == 1, text
    return {row[1]: row[2] for row in rows if row}


def test_the_settings_are_printed_aligned_and_as_json(db):
    shown = run_cli("settings", db=db).stdout
    assert lines(shown) == {
        "Daily goal": "5",
        "Days before a follow-up": "3",
        "Follow-ups before giving up": "2",
        "Week starts on": "Monday",
        "Timezone": "the system's (UTC)",
        "Currency": "USD",
        "Your name": "(not set)",
    }
    assert cli_json("settings", db=db) == {
        "daily_goal": 5,
        "followup_days": 3,
        "followup_days_by_channel": {},
        "followups_before_giving_up": 2,
        "week_start": "monday",
        "timezone": None,
        "currency": "USD",
        "my_name": "",
    }


def test_several_settings_are_set_at_once_and_printed_as_they_now_are(db):
    changed = run_cli(
        "settings",
        "--goal", "3",
        "--followup-days", "4",
        "--follow-ups", "1",
        "--week-start", "sunday",
        "--timezone", "Asia/Tokyo",
        "--currency", "jpy",
        "--my-name", "佐藤 健",
        db=db,
    ).stdout  # fmt: skip
    assert lines(changed) == {
        "Daily goal": "3",
        "Days before a follow-up": "4",
        "Follow-ups before giving up": "1",
        "Week starts on": "Sunday",
        "Timezone": "Asia/Tokyo",
        "Currency": "JPY",
        "Your name": "佐藤 健",
    }
    assert changed == run_cli("settings", db=db).stdout
    assert cli_json("settings", db=db) | {"followup_days_by_channel": None} == {
        "daily_goal": 3,
        "followup_days": 4,
        "followup_days_by_channel": None,
        "followups_before_giving_up": 1,
        "week_start": "sunday",
        "timezone": "Asia/Tokyo",
        "currency": "JPY",
        "my_name": "佐藤 健",
    }
    # What the other commands go by.
    assert cli_json("today", db=db)["goal"] == 3
    assert cli_json("stats", db=db)["week_start"] == "sunday"
    assert run_cli("status", db=db).stdout.startswith("dr 0/3")
    # The JSON after a change is the JSON of the settings as they now are.
    after = json.loads(run_cli("settings", "--timezone", "system", "--json", db=db).stdout)
    assert after["timezone"] is None and after["daily_goal"] == 3


def test_the_labels_are_in_the_interfaces_language(db):
    shown = run_cli("settings", "--week-start", "saturday", db=db, env={"DAILYREACH_LANG": "ja"}).stdout
    assert "1日の目標" in shown and "タイムゾーン" in shown and "Saturday" not in shown


def test_a_channels_own_follow_up_days_are_added_and_removed(db):
    shown = run_cli("settings", "--followup-days-on", "email=7", "--followup-days-on", "X=5", db=db).stdout
    assert "  on e-mail" in shown and "  on X" in shown
    assert cli_json("settings", db=db)["followup_days_by_channel"] == {"email": 7, "x": 5}
    run_cli("settings", "--followup-days-on", "email=", db=db)
    assert cli_json("settings", db=db)["followup_days_by_channel"] == {"x": 5}
    run_cli("settings", "--followup-days-on", "x=", db=db)
    settings = cli_json("settings", db=db)
    assert settings["followup_days_by_channel"] == {} and settings["followup_days"] == 3


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--goal", "0"), "Error: Daily goal: must be between 1 and 200, not 0"),
        (("--goal", "three"), "Error: Daily goal: 'three' is not a whole number"),
        (("--follow-ups", "21"), "Error: Follow-ups before giving up: must be between 0 and 20, not 21"),
        (("--week-start", "friday"), "Week starts on: 'friday' is not one of monday, sunday, saturday"),
        (("--timezone", "Mars/Olympus"), "Error: Timezone: 'Mars/Olympus' is not a known timezone"),
        (("--currency", "JPYX"), "Error: Currency: 'JPYX' is not a three-letter code such as USD or JPY"),
        (
            ("--currency", "dollars"),
            "Error: Currency: 'dollars' is not a three-letter code such as USD or JPY",
        ),
        (("--currency", "12"), "Error: Currency: '12' is not a three-letter code such as USD or JPY"),
        (
            ("--followup-days-on", "email=0"),
            "Error: Days before a follow-up, by channel (email): must be between 1 and 365, not 0",
        ),
        (
            ("--followup-days-on", "linkdin=3"),
            "Error: Days before a follow-up, by channel: 'linkdin' is not one of x, linkedin",
        ),
        (("--followup-days-on", "linkdin="), "'linkdin' is not one of x, linkedin"),
        (("--followup-days-on", "email"), "'email' is not CHANNEL=DAYS"),
        # One refused value refuses the whole change.
        (("--goal", "3", "--week-start", "friday"), "'friday' is not one of"),
    ],
)
def test_a_value_refused_is_said_in_one_line_and_nothing_changes(db, args, said):
    run_cli("settings", "--my-name", "Ken", "--followup-days-on", "email=4", db=db)
    before = db.read_bytes()
    refused = run_cli("settings", *args, db=db, check=False)
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert len(refused.stderr.splitlines()) == 1 and said in refused.stderr
    assert db.read_bytes() == before


@pytest.mark.parametrize("empty", ["", "  "])
def test_an_empty_currency_is_refused_not_taken_for_the_default(db, empty):
    # '' turned EUR into USD without a word: only the timezone says that empty resets it.
    run_cli("settings", "--currency", "EUR", db=db)
    before = db.read_bytes()
    refused = run_cli("settings", "--currency", empty, db=db, check=False)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == "Error: Currency: '' is not a three-letter code such as USD or JPY\n"
    assert db.read_bytes() == before


def test_an_empty_name_unsets_it_as_its_help_says(db):
    # A name may be left unset, as it is at first; the help says how, as the timezone's does.
    run_cli("settings", "--my-name", "Ken", db=db)
    assert lines(run_cli("settings", "--my-name", "", db=db).stdout)["Your name"] == "(not set)"
    assert "empty unsets it" in " ".join(run_cli("settings", "--help", db=db).stdout.split())
