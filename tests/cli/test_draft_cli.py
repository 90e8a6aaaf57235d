"""dailyreach draft and dailyreach template, through the installed command."""

import json
import os
import stat
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.cli.test_startup_imports import SCRIPT, STORE, heavy_loaded, script_env
from tests.conftest import run_cli


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    run_cli("add", "山田 太郎", "--x", "@yamada", "--why", "上場した", db=path)
    run_cli("add", "Ann Smith", "--email", "ann@example.com", "--call-name", "Annie", db=path)
    return path


def test_a_draft_is_printed_with_its_template_count_and_link(db):
    done = run_cli("draft", "yamada", db=db)
    assert done.stdout.startswith("@yamada 大変参考になりました")
    assert "template: first public reply (ja) · X · " in done.stderr
    link = next(line for line in done.stderr.splitlines() if line.startswith("send from: "))
    query = parse_qs(urlsplit(link.removeprefix("send from: ")).query)
    assert query == {"text": [done.stdout.rstrip("\n")]}


def test_a_first_public_reply_on_linkedin_mentions_no_one(db):
    run_cli("add", "Jane Doe", "--linkedin", "https://www.linkedin.com/in/janedoe", db=db)
    done = run_cli("draft", "Jane", db=db)
    assert done.stdout.startswith("Thank you for sharing this — it is exactly")
    assert "template: first public reply (en) · LinkedIn · " in done.stderr
    assert "nothing to fill" not in done.stderr


def test_the_call_name_given_at_add_and_my_name_sign_an_e_mail(db):
    run_cli("template", "my-name", "Ken Sato", db=db)
    assert run_cli("template", "my-name", db=db).stdout == "Ken Sato\n"
    done = run_cli("draft", "Ann", db=db)
    assert done.stdout.startswith("Hi Annie,\n") and done.stdout.rstrip().endswith("Ken Sato")
    assert "subject: A question from a first-time founder" in done.stderr
    assert "mailto:ann@example.com?subject=" in done.stderr


def test_a_template_of_the_users_own_saying_why_says_when_there_is_nothing_to_fill_it(db):
    body = "Hi {call_name}, I follow your work ({why}). {my_name}"
    run_cli("template", "add", "Mine", "--purpose", "first_dm", "--language", "en", "--body", body, db=db)
    done = run_cli("draft", "Ann", "--template", "Mine", db=db)
    assert "nothing to fill {why}" in done.stderr
    assert done.stdout == "Hi Annie, I follow your work.\n"


def test_a_template_chosen_by_name_and_a_channel_by_option(db):
    done = run_cli("draft", "Ann", "--template", "meeting ask (en)", "--channel", "x", db=db)
    assert done.stdout.startswith("Hi Annie, would you have 20 minutes")
    assert "· X · " in done.stderr and "https://x.com/" not in done.stderr  # no X handle: no link


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("draft", "nobody"), "no contact matches 'nobody'"),
        (("draft", "Ann", "--template", "nope"), "no template called 'nope'"),
        (("draft", "Ann", "--channel", "fax"), "'fax' is not one of"),
        (
            ("template", "add", "Bad", "--purpose", "first_dm", "--body", "Hi {nmae}"),
            "unknown placeholder {nmae}",
        ),
        (("template", "add", "Bad", "--purpose", "hello", "--body", "Hi"), "'hello' is not one of"),
        (("template", "add", "Bad", "--purpose", "first_dm"), "the body is empty"),
        (("template", "remove", "nope"), "no template called 'nope'"),
        (("template", "edit", "first DM (en)"), "nothing to change: give --name, --purpose"),
    ],
)
def test_mistakes_say_what_is_wrong_in_one_line_and_exit_non_zero(db, args, says):
    done = run_cli(*args, db=db, check=False)
    assert done.returncode != 0
    assert says in done.stderr and "Traceback" not in done.stderr


def test_templates_are_added_edited_shown_and_removed(db):
    body = "Hi {call_name},\nthanks for [b]everything[/b].\n{my_name}"
    run_cli(
        "template",
        "add",
        "Mine",
        "--purpose",
        "thanks_reply",
        "--channel",
        "email",
        "--body",
        "-",
        db=db,
        input=body,
    )
    assert "Mine · thanks for a reply · e-mail · any language" in run_cli("template", "list", db=db).stdout
    run_cli("template", "edit", "mine", "--subject", "Thanks, {name}", db=db)
    shown = run_cli("template", "show", "MINE", db=db)
    assert shown.stdout == body + "\n" and "subject: Thanks, {name}" in shown.stderr
    listed = json.loads(run_cli("template", "list", "--json", db=db).stdout)
    assert {"name": "Mine", "subject": "Thanks, {name}", "channel": "email"}.items() <= next(
        t for t in listed if t["name"] == "Mine"
    ).items()
    run_cli("log", "Ann", "dm_sent", "--channel", "email", "--at", "-2h", db=db)
    run_cli("log", "Ann", "reply_received", "--channel", "email", db=db)
    done = run_cli("draft", "Ann", db=db)
    assert done.stdout == "Hi Annie,\nthanks for [b]everything[/b].\n"  # an unset {my_name}: no blank end
    run_cli("template", "remove", "Mine", db=db)
    assert "Mine" not in run_cli("template", "list", db=db).stdout


def test_template_alone_lists_the_templates(db):
    alone = run_cli("template", db=db)
    assert alone.returncode == 0
    assert alone.stdout == run_cli("template", "list", db=db).stdout
    assert "first DM" in alone.stdout


def test_copy_without_a_clipboard_says_so_and_keeps_the_draft(db, tmp_path):
    env = {"PATH": str(tmp_path), "DISPLAY": "", "WAYLAND_DISPLAY": ""}  # no clipboard tool to be found
    done = run_cli("draft", "yamada", "--copy", db=db, check=False, env=env)
    assert done.returncode == 1
    assert done.stdout.startswith("@yamada ")
    assert "not copied: no clipboard tool found" in done.stderr


def test_copy_hands_the_draft_to_the_platform_tool(db, tmp_path):
    tool = tmp_path / "xclip"
    got = tmp_path / "copied.txt"
    tool.write_text(f"#!/bin/sh\ncat > {got}\n")
    tool.chmod(tool.stat().st_mode | stat.S_IEXEC)
    env = {"PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}", "DISPLAY": ":0", "WAYLAND_DISPLAY": ""}
    done = run_cli("draft", "yamada", "--copy", db=db, env=env)
    assert "copied to the clipboard" in done.stderr
    assert got.read_text("utf-8") == done.stdout.rstrip("\n")


def test_a_hostile_name_reaches_the_draft_as_plain_words(tmp_path):
    path = tmp_path / "db.json"
    run_cli("add", "Eve\x1b]52;c;aGk=\x07 [red]x[/]\nNext", "--x", "@eve", db=path)
    done = run_cli("draft", "eve", "--template", "first DM (en)", db=path)
    assert "\x1b" not in done.stdout + done.stderr and "\x07" not in done.stdout + done.stderr
    assert done.stdout.startswith("Hi Eve,")
    done = run_cli("draft", "eve", "--template", "first public reply (en)", db=path)
    assert done.stdout.startswith("@eve Thank you")


DRAFT_MODULES = {"dailyreach.core.planning.drafts", "dailyreach.core.store.templates", "dailyreach.clipboard"}


@pytest.mark.parametrize(
    "args", [("today",), ("log", "Ann", "note", "--text", "hi"), ("status",)], ids=" ".join
)
def test_the_daily_commands_do_not_load_the_drafts(db, args):
    assert heavy_loaded(SCRIPT, *args, env=script_env(db), watched=DRAFT_MODULES) == set()


@pytest.mark.parametrize("args", [("draft", "Ann"), ("template", "list")], ids=" ".join)
def test_draft_and_template_load_only_what_the_store_needs(db, args):
    assert heavy_loaded(SCRIPT, *args, env=script_env(db)) == STORE


def test_a_first_dm_with_your_name_unset_reads_without_it_and_says_how_to_set_it(db):
    done = run_cli("draft", "Ann", db=db)
    assert done.stdout.startswith("Hi Annie,\n\nI'm a first-time founder. I've been following your work")
    assert "I'm," not in done.stdout and done.stdout.rstrip("\n").endswith("by e-mail?\n\nThank you.")
    assert "set your name for {my_name} with: dailyreach template my-name NAME" in done.stderr
    run_cli("template", "my-name", "Ken Sato", db=db)
    signed = run_cli("draft", "Ann", db=db).stdout
    assert "I'm Ken Sato, a first-time founder." in signed and signed.endswith("Thank you,\nKen Sato\n")


@pytest.mark.parametrize(
    ("at", "says"), [("-1d", "from yesterday back up"), ("-2d", "from 2 days ago back up")]
)
def test_a_follow_up_says_how_long_ago_the_dm_went_in_good_english(db, at, says):
    run_cli("log", "Ann", "dm_sent", "--at", at, db=db)
    done = run_cli("draft", "Ann", db=db)
    assert done.stdout.startswith(f"Hi Annie, bringing my note {says}, in case it got buried.")
    assert "1 days" not in done.stdout
    assert "template: follow-up 1 (en) · e-mail · " in done.stderr


def test_my_name_set_to_nothing_says_it_is_not_set(db):
    run_cli("template", "my-name", "Ken", db=db)
    assert run_cli("template", "my-name", "", db=db).stdout == "your name: (not set)\n"
    assert run_cli("template", "my-name", db=db).stdout == "(not set)\n"


def test_with_the_english_template_removed_no_japanese_one_is_drafted_to_an_english_name(db):
    run_cli("log", "Ann", "dm_sent", "--at", "-2d", db=db)
    run_cli("template", "remove", "follow-up 1 (en)", db=db)
    done = run_cli("draft", "Ann", db=db, check=False)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("Error: no template for a follow-up #1 on e-mail")
    chosen = run_cli("draft", "Ann", "--template", "follow-up 1 (ja)", db=db)
    assert chosen.stdout.startswith("Annie\n\n2日前のメッセージの件で")


def test_a_follow_up_in_a_store_from_an_earlier_version_says_it_as_well(db):
    """The default follow-up as earlier versions wrote it into the store ("1 days ago" the next day),
    not edited since, reads today's words; edited, it is the user's and left alone."""
    earlier = (
        "Hi {call_name}, bringing my note from {days_since} days ago back up, in case it got buried. "
        "No pressure at all.\n\n{my_name}"
    )
    run_cli("template", "edit", "follow-up 1 (en)", "--body", earlier, db=db)
    run_cli("log", "Ann", "dm_sent", "--at", "-1d", db=db)
    assert "from yesterday back up" in run_cli("draft", "Ann", db=db).stdout
    run_cli("template", "edit", "follow-up 1 (en)", "--body", earlier.replace("Hi ", "Hello "), db=db)
    assert "Hello Annie, bringing my note from 1 days ago" in run_cli("draft", "Ann", db=db).stdout


def test_draft_for_someone_due_a_word_to_keep_in_touch_is_the_meeting_ask(db):
    """As c on their Today row drafts it: the plan's reason chooses, not their last interaction (met)."""
    kim = run_cli("add", "Kim Lee", "--x", "@kimlee", "--cadence", "7", db=db).stdout.strip()
    run_cli("log", kim, "dm_sent", "--at", "20 days ago", db=db)
    run_cli("log", kim, "reply_received", "--at", "19 days ago", db=db)
    run_cli("log", kim, "met", "--at", "14 days ago", db=db)
    done = run_cli("draft", "Kim", db=db)
    assert "template: meeting ask (en)" in done.stderr
    assert done.stdout.startswith("Hi Kim, would you have 20 minutes")


def test_after_every_follow_up_the_settings_allow_no_draft_is_made_but_how_to_close_is_said(db):
    ann = run_cli("add", "Jane Doe", "--x", "@jane", db=db).stdout.strip()
    for kind, at in (("dm_sent", "9 days ago"), ("follow_up", "6 days ago")):
        run_cli("log", ann, kind, "--at", at, db=db)
    done = run_cli("draft", "Jane", db=db)
    assert "one last nudge" in done.stdout  # the second follow-up is the last the settings allow
    run_cli("log", ann, "follow_up", "--at", "2 days ago", db=db)
    refused = run_cli("draft", "Jane", db=db, check=False)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr == (
        f"Error: 2 follow-ups sent without an answer, no more to send: dailyreach log {ann} "
        "no_response closes the thread as no response. --template NAME drafts one anyway.\n"
    )
    anyway = run_cli("draft", "Jane", "--template", "follow-up 1 (en)", db=db)
    assert anyway.stdout.startswith("Hi Jane, bringing my note")


def test_the_close_suggested_names_a_database_given_with_db(tmp_path, db):
    ann = run_cli("add", "Jane Doe", "--x", "@jane", db=db).stdout.strip()
    for kind, at in (("dm_sent", "9 days ago"), ("follow_up", "6 days ago"), ("follow_up", "2 days ago")):
        run_cli("log", ann, kind, "--at", at, db=db)
    elsewhere = tmp_path / "other.json"
    refused = run_cli("--db", str(db), "draft", "Jane", db=elsewhere, check=False)
    assert f"dailyreach --db {db} log {ann} no_response closes the thread" in refused.stderr
    assert not elsewhere.exists()
