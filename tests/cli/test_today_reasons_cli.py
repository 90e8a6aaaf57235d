"""What `today` says of a planned contact whose thread moved on since the plan was made, through the
installed command."""

from tests.conftest import cli_json, run_cli


def test_an_answer_since_the_plan_reads_answered_and_its_draft_thanks_them(tmp_path):
    db = tmp_path / "db.json"
    dave = run_cli("add", "Dave", "--x", "@dave", db=db).stdout.strip()
    run_cli("log", dave, "dm_sent", "--at", "5 days ago", db=db)
    assert "follow-up #1" in run_cli("today", db=db).stdout
    run_cli("log", dave, "reply_received", db=db)
    assert run_cli("today", db=db).stdout.splitlines()[1].split() == [
        "[",
        "]",
        "Dave",
        "X",
        "@dave",
        "answered",
    ]
    assert [item["reason"] for item in cli_json("today", db=db)["items"]] == ["answered"]
    assert run_cli("draft", "Dave", db=db).stdout.startswith("Thank you so much for your reply, Dave!")


def test_a_follow_up_past_the_lowered_setting_is_no_longer_planned_as_one(tmp_path):
    db = tmp_path / "db.json"
    carol = run_cli("add", "Carol", "--x", "@carol", db=db).stdout.strip()
    for kind, at in (("dm_sent", "12 days ago"), ("follow_up", "8 days ago"), ("follow_up", "4 days ago")):
        run_cli("log", carol, kind, "--at", at, db=db)
    run_cli("settings", "--follow-ups", "3", db=db)
    assert "follow-up #3" in run_cli("today", db=db).stdout
    run_cli("settings", "--follow-ups", "2", db=db)
    shown = run_cli("today", db=db).stdout
    assert "follow-up #3" not in shown and "[-]  Carol  X @carol  sent, waiting" in shown
    assert "give up?" in run_cli("pending", db=db).stdout
    assert run_cli("status", db=db).stdout.strip().endswith("0 due")


def test_someone_who_wrote_first_reads_answered_before_and_after_the_answer(tmp_path):
    db = tmp_path / "db.json"
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    run_cli("add", "Bo", "--x", "@bo", db=db)
    run_cli("today", db=db)  # the day's plan is made: both new
    run_cli("log", ann, "reply_received", db=db)
    assert [item["reason"] for item in cli_json("today", db=db)["items"]] == ["answered", "new"]
    run_cli("log", ann, "dm_sent", db=db)
    items = cli_json("today", db=db)["items"]
    assert [(item["reason"], item["done"]) for item in items] == [("answered", True), ("new", False)]
    # Written to first, and answered after: that first message was new.
    run_cli("log", "Bo", "dm_sent", db=db)
    run_cli("log", "Bo", "reply_received", db=db)
    run_cli("log", "Bo", "dm_sent", db=db)
    assert [item["reason"] for item in cli_json("today", db=db)["items"]] == ["answered", "new"]
