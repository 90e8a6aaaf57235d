"""``today``, ``today --json`` and ``status`` after logs made once the day's plan was fixed: a back-dated
DM turns a new target's row into its follow-up, a reply alone ticks nothing, someone written to outside
the plan gets a done line after it (the header's count and the [x] lines agree), and next is the first
planned person not written to today."""

from tests.conftest import cli_json, run_cli


def test_today_and_status_follow_what_was_logged_after_the_plan_was_fixed(db):
    run_cli("settings", "--goal", "3", "--timezone", "UTC", db=db)
    ann, bob, _cy, dan = (
        run_cli("add", name, "--x", f"@{name.lower()}", "--priority", priority, db=db).stdout.strip()
        for name, priority in (("Ann", "1"), ("Bob", "1"), ("Cy", "2"), ("Dan", "3"))
    )
    run_cli("today", db=db)  # the plan is fixed the first time the day is looked at: Ann, Bob, Cy
    run_cli("log", ann, "dm_sent", "--at", "-5d", db=db)
    run_cli("log", bob, "reply_received", db=db)
    run_cli("log", dan, "dm_sent", db=db)

    plan = cli_json("today", db=db)
    assert [
        (item["contact"]["name"], item["reason"], item["follow_up_number"], item["done"])
        for item in plan["items"]
    ] == [
        ("Ann", "follow_up", 1, False),
        ("Bob", "answered", 0, False),
        ("Cy", "new", 0, False),
        ("Dan", "new", 0, True),
    ]
    lines = run_cli("today", db=db).stdout.splitlines()
    assert "1/3 today" in lines[0]
    assert [line[:3] for line in lines[1:]] == ["[ ]", "[ ]", "[ ]", "[x]"]
    assert "follow-up #1" in lines[1] and "new" not in lines[1]
    status = cli_json("status", db=db)
    assert (status["done"], status["next"]) == (1, "Ann")

    run_cli("log", ann, "follow_up", db=db)
    status = cli_json("status", db=db)
    assert (status["done"], status["next"]) == (2, "Bob")  # Bob replied, but was not written to
    lines = run_cli("today", db=db).stdout.splitlines()
    assert "2/3 today" in lines[0]
    assert [line[:3] for line in lines[1:]] == ["[x]", "[ ]", "[ ]", "[x]"]


def test_a_first_dm_logged_back_dated_leaves_the_row_waiting_and_frees_its_slot(db):
    """Written to yesterday, logged today: nothing is due today, so the row says waiting ([-]), status's
    next passes it, and the goal's slot goes to the next target."""
    run_cli("settings", "--goal", "2", "--timezone", "UTC", db=db)
    ann, _bob, _cy = (
        run_cli("add", name, "--x", f"@{name.lower()}", "--priority", priority, db=db).stdout.strip()
        for name, priority in (("Ann", "1"), ("Bob", "2"), ("Cy", "3"))
    )
    run_cli("today", db=db)  # the plan is fixed: Ann, Bob
    run_cli("log", ann, "dm_sent", "--at", "yesterday", db=db)

    plan = cli_json("today", db=db)
    assert [(item["contact"]["name"], item["reason"], item["done"]) for item in plan["items"]] == [
        ("Ann", "waiting", False),
        ("Bob", "new", False),
        ("Cy", "new", False),
    ]
    lines = run_cli("today", db=db).stdout.splitlines()
    assert [line[:3] for line in lines[1:]] == ["[-]", "[ ]", "[ ]"]
    assert "sent, waiting" in lines[1]
    assert cli_json("status", db=db)["next"] == "Bob"
