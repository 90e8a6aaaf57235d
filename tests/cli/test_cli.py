"""The installed ``dailyreach`` command, on a real file."""

import json
import os
import shlex
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from rich.cells import cell_len

from dailyreach.core.store.store import Store
from tests.conftest import DAILYREACH, add_contact, cli_json, run_cli


def test_help_and_version(db):
    assert "today" in run_cli("--help", db=db).stdout
    version = run_cli("--version", db=db).stdout
    assert version.startswith("dailyreach, version ")
    # Answered before click loads, alone or after the global options; click answers the same.
    assert run_cli("--db", str(db), "--version", db=db).stdout == version


@pytest.mark.parametrize(
    "command", [[], ["today"], ["log"], ["export"], ["status"], ["import"], ["template"]]
)
def test_h_is_help_as_help_is_for_every_command(db, command):
    # -h was "No such option" everywhere, the fast paths' commands too.
    shown = run_cli(*command, "-h", db=db)
    assert shown.stdout == run_cli(*command, "--help", db=db).stdout
    assert shown.stdout.startswith(f"Usage: dailyreach {' '.join(command)}".rstrip() + " [OPTIONS]")
    assert not db.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["--db", "elsewhere.json", "--version"],
        ["--config=c.toml", "--demo", "--db=x.json", "--version"],
        ["--version", "--db", "x.json"],
        ["today", "--version"],
        ["--colour", "--version"],
    ],
)
def test_version_is_answered_as_click_answers_it(tmp_path, args):
    ours = subprocess.run([DAILYREACH, *args], capture_output=True, text=True, cwd=tmp_path)
    click_alone = (
        "import sys\nfrom dailyreach.cli.commands import cli\ncli.main(sys.argv[1:], prog_name='dailyreach')"
    )
    clicks = subprocess.run(
        [sys.executable, "-c", click_alone, *args], capture_output=True, text=True, cwd=tmp_path
    )
    assert (ours.returncode, ours.stdout) == (clicks.returncode, clicks.stdout)


def test_python_dash_m_runs_the_same_command(db):
    import sys

    result = subprocess.run([sys.executable, "-m", "dailyreach", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "dailyreach" in result.stdout


def test_add_log_and_see_today_pending_and_export(db):
    ann = run_cli(
        "add", "Ann Smith", "--x", "@ann", "--why", "Sold her startup", "--priority", "1", db=db
    ).stdout.strip()
    bob = run_cli(
        "add", "Bob", "--bluesky", "Bob.bsky.social", "--tag", "ai", "--tag", "seed", db=db
    ).stdout.strip()
    today = cli_json("today", db=db)
    assert [item["contact"]["name"] for item in today["items"]] == ["Ann Smith", "Bob"]
    assert today["items"][0]["contact"]["url"] == "https://x.com/ann"
    assert (today["progress"], today["goal"], today["streak"]) == (0, 5, 0)
    interaction = run_cli("log", "ann", "dm_sent", "--text", "Hi!", db=db).stdout.strip()
    run_cli("log", "@Bob.bsky.social", "public_reply", "--at", "yesterday", db=db)
    today = cli_json("today", db=db)
    assert [item["done"] for item in today["items"]] == [True, False]  # Bob was reached yesterday
    assert (today["progress"], today["streak"]) == (1, 2)
    pending = cli_json("pending", db=db)["pending"]
    assert [p["contact"]["id"] for p in pending] == [bob, ann]
    assert pending[0]["channel"] == "bluesky" and pending[0]["nudges"] == 0
    exported = json.loads(run_cli("export", db=db).stdout)
    # Records come out in the order they were logged, straight from the store.
    assert exported["interactions"][0] | {"at": None} == {
        "id": interaction,
        "contact_id": ann,
        "kind": "dm_sent",
        "channel": "x",
        "at": None,
        "text": "Hi!",
    }


def test_an_empty_today_says_why_it_is_empty_and_what_to_do(db):
    said = run_cli("today", db=db).stdout.splitlines()[1:]
    assert said == ["Nothing planned: add a target with `dailyreach add NAME --x @handle`."]
    run_cli("add", "Ann", "--x", "@ann", db=db)
    run_cli("log", "Ann", "dm_sent", "--at", "-1d", db=db)  # her follow-up is due in two days
    said = run_cli("today", db=db).stdout.splitlines()[1:]
    assert said == [
        "Nothing due today: 1 message waits for a reply (`dailyreach pending`); "
        "add a target with `dailyreach add NAME --x @handle`."
    ]
    run_cli("add", "Bo", "--x", "@bo", db=db)
    run_cli("log", "Bo", "dm_sent", "--at", "-1d", db=db)
    assert "2 messages wait for a reply" in run_cli("today", db=db).stdout


def test_plain_output_lines_up_double_width_names(db):
    run_cli("add", "山田 太郎", "--x", "@yamada", db=db)
    run_cli("add", "Al", "--x", "@al", db=db)
    run_cli("log", "山田", "dm_sent", db=db)
    run_cli("log", "Al", "dm_sent", db=db)
    lines = run_cli("pending", db=db).stdout.splitlines()
    waiting_columns = {cell_len(line[: line.index(" just now ")]) for line in lines[1:]}
    assert len(lines) == 3 and len(waiting_columns) == 1


def test_plain_output_names_channels_and_kinds_as_people_do(db):
    run_cli("add", "Al", "--linkedin", "al-lee", db=db)
    assert "LinkedIn al-lee" in run_cli("today", db=db).stdout
    run_cli("log", "Al", "dm_sent", db=db)
    run_cli("invite", "Growth hacks webinar", "--kind", "sales_pitch", "--decline", db=db)
    row = run_cli("pending", db=db).stdout.splitlines()[1]
    assert row.startswith("Al ") and row.endswith("  LinkedIn")
    assert "sales pitch" in run_cli("invitations", db=db).stdout


def test_invitations_show_why_each_was_declined_on_its_row(db):
    run_cli("invite", "Founder mixer", "--kind", "mixer", "--hours", "3", db=db)
    run_cli("decline", "Founder mixer", "--reason", "no one\nI want to meet", db=db)
    run_cli("invite", "Pitch night", "--decline", db=db)
    rows = sorted(line.split() for line in run_cli("invitations", db=db).stdout.splitlines()[1:])
    assert rows == [
        ["Founder", "mixer", "mixer", "3", "h", "no", "one", "I", "want", "to", "meet"],
        ["Pitch", "night", "other"],
    ]


def test_invitations_are_recorded_declined_and_totalled(db):
    first = run_cli(
        "invite",
        "異業種交流会",
        "--kind",
        "mixer",
        "--from",
        "Sato",
        "--on",
        "2026-12-01",
        "--hours",
        "3",
        "--cost",
        "5000",
        "--currency",
        "jpy",
        "--decline",
        db=db,
    ).stdout.strip()
    second = run_cli(
        "invite",
        "Growth seminar",
        "--kind",
        "seminar",
        "--hours",
        "2",
        "--cost",
        "40",
        "--currency",
        "USD",
        db=db,
    ).stdout.strip()
    listed = cli_json("invitations", db=db)
    assert [inv["id"] for inv in listed["undecided"]] == [second]
    run_cli("decline", "growth", db=db)
    listed = cli_json("invitations", db=db)
    assert {inv["id"] for inv in listed["declined"]} == {first, second}
    assert listed["saved"] == {"hours": 5, "money": {"JPY": 5000, "USD": 40}}
    assert "saved 5 h, 5,000 JPY, 40 USD" in run_cli("invitations", db=db).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", ""), "Name: must not be empty"),
        (("add", "Ann", "--x", "@not-valid"), "X: '@not-valid'"),
        (("log", "Nobody", "dm_sent"), "no contact matches 'Nobody'"),
        (("log", "Andy", "waved"), "Kind: 'waved' is not one of"),
        (
            ("log", "Andy", "dm"),
            "follow_up, reply_received, meeting_booked, met, no_response, note: did you mean dm_sent?",
        ),
        (("log", "Andy", "dm_sent", "--at", "someday"), "'someday' is not a date or time"),
        (("log", "An", "dm_sent"), "'An' matches 2 contacts"),
        (
            ("log", "Andy", "no_response"),
            "Error: nothing was sent to Andy yet, so there is no thread to close",
        ),
        (("invite", "Mixer", "--cost", "-3"), "Cost: must not be negative"),
        (("invite", "Mixer", "--on", "2026-02-30"), "'2026-02-30' is not a date"),
        (("decline", "nothing like this"), "no invitation matches"),
        (("import", "missing.json"), "cannot be read"),
    ],
)
def test_errors_go_to_stderr_with_a_non_zero_exit_and_change_nothing(db, args, message):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    run_cli("add", "Andy", "--x", "@andy", db=db)
    before = db.read_bytes()
    result = run_cli(*args, db=db, check=False)
    assert result.returncode != 0
    assert result.stderr.startswith("Error: ") and message in result.stderr, result.stderr  # no traceback
    assert result.stdout == ""
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "command", [("today",), ("log", "Ann", "dm_sent"), ("export",), ("add", "Bo")], ids=" ".join
)
@pytest.mark.parametrize("named_by", ["--db", "DAILYREACH_DB"])
def test_a_database_path_naming_a_folder_is_said_with_what_named_it(tmp_path, command, named_by):
    folder = tmp_path / "data"
    folder.mkdir()
    given = ("--db", str(folder)) if named_by == "--db" else ()
    result = run_cli(
        *given, *command, db=folder if named_by == "DAILYREACH_DB" else tmp_path / "db.json", check=False
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"Error: {named_by}: {folder} names a folder: name a file in it\n"
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", [("today",), ("log", "Ann", "dm_sent"), ("add", "Bo")], ids=" ".join)
@pytest.mark.parametrize(
    ("option", "named"), [("--db", "~/data"), ("--config", "~/data"), ("--db", "new/")], ids=str
)
def test_a_folder_named_from_home_or_by_a_final_slash_is_said_too(tmp_path, command, option, named):
    (tmp_path / "data").mkdir()
    result = run_cli(
        option,
        named,
        *command,
        db=tmp_path / "db.json",
        check=False,
        env={"HOME": str(tmp_path)},
        cwd=tmp_path,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"Error: {option}: {named} names a folder: name a file in it\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data"]


def test_status_says_why_it_is_quiet_on_a_folder(tmp_path):
    result = run_cli("status", "--verbose", db=tmp_path, check=False)
    assert (result.returncode, result.stdout) == (0, "")
    assert (
        result.stderr == f"dailyreach status: DAILYREACH_DB: {tmp_path} names a folder: name a file in it\n"
    )


def test_a_duplicate_handle_is_refused_naming_the_contact_that_has_it(db):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    result = run_cli("add", "Ann again", "--x", "https://x.com/ann", db=db, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: X: @ann is already the handle of Ann (")


def test_a_corrupt_database_is_reported_with_its_path_and_left_alone(db):
    db.write_text('{"contacts": ')
    result = run_cli("today", db=db, check=False)
    assert result.returncode == 1 and result.stderr.startswith("Error: ")
    assert f"{db} is not valid JSON (line 1, column 14" in result.stderr
    assert db.read_text() == '{"contacts": '


def test_an_export_given_as_the_database_is_said_to_be_one_with_how_to_import_it(db, tmp_path):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    exported = tmp_path / "my export.json"
    run_cli("export", "-o", str(exported), db=db)
    kept = exported.read_bytes()
    result = run_cli("today", db=exported, check=False)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"Error: {exported} is a dailyreach export, not a database: "
        f"dailyreach --db NEW.json import '{exported}' makes a database of it\n"
    )
    assert exported.read_bytes() == kept


def test_export_to_a_file_is_owner_only_and_import_round_trips(db, tmp_path):
    run_cli("add", "Ann [/] Smith", "--x", "@ann", db=db)
    run_cli("log", "Ann", "dm_sent", db=db)
    target = tmp_path / "out.json"
    run_cli("export", "-o", str(target), db=db)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    refused = run_cli("export", "-o", str(target), db=db, check=False)
    assert refused.returncode == 1 and "--force" in refused.stderr
    other = tmp_path / "other.json"
    assert run_cli("import", str(target), "--dry-run", db=other).stdout.startswith(
        "would add 1 contact, 1 interaction"
    )
    assert (
        run_cli("export", db=other, check=False).returncode == 1 and not other.exists()
    )  # dry: made nothing
    assert run_cli("import", str(target), db=other).stdout.startswith("added 1 contact, 1 interaction")
    assert "added nothing; " in run_cli("import", str(target), db=other).stdout
    first, second = (json.loads(run_cli("export", db=path).stdout) for path in (db, other))
    assert first["contacts"] == second["contacts"] and first["interactions"] == second["interactions"]


def test_a_rejected_import_lists_its_problems(db, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"format": "dailyreach", "version": 1, "contacts": [{"name": ""}]}))
    result = run_cli("import", str(broken), db=db, check=False)
    assert result.returncode == 1
    assert "broken.json was not imported; nothing was changed" in result.stderr
    assert "exported_at" in result.stderr


def test_four_scripts_logging_at_once_all_succeed(db):
    run_cli("add", "Ann", "--x", "@ann", db=db)

    def log_many(worker: int) -> list[str]:
        return [
            run_cli("log", "@ann", "note", "--text", f"{worker}-{n}", db=db).stdout.strip() for n in range(5)
        ]

    with ThreadPoolExecutor(4) as pool:
        ids = [i for batch in pool.map(log_many, range(4)) for i in batch]
    exported = json.loads(run_cli("export", db=db).stdout)
    assert sorted(i["id"] for i in exported["interactions"]) == sorted(ids)
    assert len(ids) == 20


def test_the_db_can_be_chosen_with_the_option_as_well_as_the_environment(tmp_path):
    chosen = tmp_path / "chosen.json"
    result = subprocess.run(
        [DAILYREACH, "--db", str(chosen), "add", "Ann"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip()
    assert stat.S_IMODE(chosen.stat().st_mode) == 0o600


def test_the_default_database_lives_in_the_users_data_folder(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DAILYREACH_DB"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data-home")
    subprocess.run([DAILYREACH, "add", "Ann"], env=env, capture_output=True, text=True, check=True)
    default = tmp_path / "data-home" / "dailyreach" / "dailyreach.json"
    assert stat.S_IMODE(default.stat().st_mode) == 0o600


def test_the_default_databases_folder_is_made_even_several_levels_deep(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DAILYREACH_DB"}
    env["XDG_DATA_HOME"] = str(tmp_path / "a" / "fresh" / "machine")
    done = subprocess.run([DAILYREACH, "today"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a" / "fresh" / "machine" / "dailyreach").is_dir()


@pytest.mark.parametrize(
    "args", [["today"], ["pending", "--json"], ["log", "ann", "dm_sent"], ["add", "Ann"], []]
)
@pytest.mark.parametrize("given_by", ["--db", "DAILYREACH_DB"])
def test_a_database_named_in_a_folder_that_is_not_there_is_said_and_nothing_made(tmp_path, args, given_by):
    mistyped = tmp_path / "Dropbx" / "dailyreach.json"
    env = {k: v for k, v in os.environ.items() if k != "DAILYREACH_DB"}
    if given_by == "--db":
        command = [DAILYREACH, "--db", str(mistyped), *args]
    else:
        command, env["DAILYREACH_DB"] = [DAILYREACH, *args], str(mistyped)
    # The app (no command) says it before it takes the terminal, given one (without, it says it needs one).
    terminal, typed_in = os.openpty()
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, stdin=typed_in, timeout=60)
    finally:
        os.close(terminal)
        os.close(typed_in)
    assert done.returncode == 1
    assert done.stderr == (
        f"Error: no folder {mistyped.parent} for the database {mistyped}: check the path, or make the "
        "folder first\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_interaction_in_the_future_is_refused(db):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    result = run_cli("log", "ann", "dm_sent", "--at", "+3d", db=db, check=False)
    assert result.returncode == 1 and "is in the future; log what has already happened" in result.stderr
    assert cli_json("pending", db=db)["pending"] == []


def test_a_cost_in_yen_is_saved_in_yen_whatever_the_default_currency(db):
    run_cli(
        "invite", "異業種交流会", "--kind", "mixer", "--cost", "¥5,000", "--hours", "3", "--decline", db=db
    )
    declined = cli_json("invitations", db=db)["declined"]
    assert (declined[0]["cost"], declined[0]["currency"]) == (5000, "JPY")
    result = run_cli("invite", "Seminar", "--cost", "$40", "--currency", "JPY", db=db, check=False)
    assert result.returncode == 1 and "Cost: '$40' is in USD, not JPY" in result.stderr


def test_an_empty_currency_for_an_invitation_is_refused_not_taken_for_the_settings(db):
    result = run_cli("invite", "Gala", "--cost", "50", "--currency", "", db=db, check=False)
    assert result.returncode == 1 and "Currency: '' is not a three-letter code" in result.stderr
    assert cli_json("invitations", db=db)["undecided"] == []


def test_log_takes_an_id_before_any_name_that_starts_with_it(db):
    first = run_cli("add", "Ann", db=db).stdout.strip()
    run_cli("add", f"{first} fan club", db=db)  # a name that begins with Ann's id
    logged = run_cli("log", f" {first} ", "dm_sent", db=db).stdout.strip()
    exported = json.loads(run_cli("export", db=db).stdout)
    assert [(i["id"], i["contact_id"]) for i in exported["interactions"]] == [(logged, first)]


def test_add_says_a_bad_number_as_the_app_does(db_path):
    for option, value, said in [
        ("--priority", "7", "Priority: must be between 1 and 3, not 7"),
        ("--cadence", "0", "Keep in touch every (days): must be between 1 and 3650, not 0"),
        ("--followers", "x", "Followers: 'x' is not a whole number"),
    ]:
        result = run_cli("add", "Bob", option, value, db=db_path, check=False)
        assert result.returncode == 1 and said in result.stderr
    assert not db_path.exists() or "Bob" not in db_path.read_text()


@pytest.mark.parametrize("command", [("template", "list"), ("today",), ("export",)])
def test_a_reader_that_stops_reading_is_no_error(tmp_path, command):
    """`dailyreach ... | head -1`: the pipe closes early, and nothing is said of it."""
    db = tmp_path / "db.json"
    store = Store(db)
    for index in range(40):  # more than a pipe's first read: the command writes on after head has gone
        add_contact(store, f"Person {index}", handles={"x": f"@person{index}"})
    environment = {**os.environ, "DAILYREACH_DB": str(db), "TZ": "UTC"}
    done = subprocess.run(
        f"{shlex.quote(DAILYREACH)} {' '.join(command)} | head -c 1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "--json"],
        ["pending", "--json"],
        ["log", "Ann Smith", "dm_sent"],
        ["status", "--json"],
        ["notify"],
    ],
)
def test_demo_runs_a_command_on_a_throwaway_store_and_leaves_the_users_alone(tmp_path, args):
    users = tmp_path / "data" / "dailyreach.json"
    users.parent.mkdir()
    run_cli("add", "Only Me", "--x", "@onlyme", db=users)
    run_cli("log", "onlyme", "dm_sent", db=users)
    before = {path.name: path.read_bytes() for path in users.parent.iterdir() if path.is_file()}
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    done = run_cli("--demo", *args, db=users, env={"TMPDIR": str(scratch)})
    if args[0] == "stats":
        assert json.loads(done.stdout)["funnel"][0]["count"] > 10  # the demo's people, not the user's one
    elif args[0] == "pending":
        assert len(json.loads(done.stdout)["pending"]) > 3
    elif args[0] == "status":
        assert json.loads(done.stdout)["done"] == 0  # the user has written to one person today
    elif args[0] == "notify":
        assert done.stdout.startswith("5 to contact today")  # the user's plan has one
    assert {path.name: path.read_bytes() for path in users.parent.iterdir() if path.is_file()} == before
    assert list(scratch.iterdir()) == []  # the throwaway store is gone with the command


def test_an_unexpected_error_under_demo_leaves_no_throwaway_folder_behind(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from dailyreach.cli.commands import cli
    from dailyreach.core.planning import agenda

    def broken(store):
        raise RuntimeError("a bug no check foresaw")

    monkeypatch.setattr(agenda, "build_agenda", broken)
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    result = CliRunner().invoke(cli, ["--demo", "today"])
    assert result.exit_code == 1 and "unexpected error (RuntimeError)" in result.output
    assert [path.name for path in tmp_path.iterdir()] == ["dailyreach-crash-reports"]


def test_a_demo_killed_before_it_could_clean_up_is_cleaned_up_by_the_next(tmp_path):
    """A terminal closed under `dailyreach --demo` leaves its folder; the next --demo removes it, and
    only those of processes gone."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    abandoned = tmp_path / "dailyreach-demo-abandoned"
    alive = tmp_path / "dailyreach-demo-alive"
    being_made = tmp_path / "dailyreach-demo-being-made"
    for folder, owner in ((abandoned, str(gone.pid)), (alive, str(os.getpid())), (being_made, None)):
        folder.mkdir()
        (folder / "demo.json").write_text("{}")
        if owner is not None:
            (folder / "pid").write_text(owner)
    run_cli("--demo", "today", db=tmp_path / "users.json", env={"TMPDIR": str(tmp_path)})
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "dailyreach-demo-alive",
        "dailyreach-demo-being-made",
    ]


def test_pending_says_when_the_last_follow_up_is_sent_and_when_closing_is_offered(db):
    hal = run_cli("add", "Hal Three", "--x", "@hal3", db=db).stdout.strip()
    run_cli("log", hal, "dm_sent", "--at", "-10d", db=db)
    run_cli("log", hal, "follow_up", "--at", "-7d", db=db)
    run_cli("log", hal, "follow_up", "--at", "-1d", db=db)
    [waiting] = cli_json("pending", db=db)["pending"]
    assert (waiting["nudges"], waiting["follow_ups_used_up"], waiting["give_up_offered"]) == (2, True, False)
    assert not waiting["overdue"]
    header, row = run_cli("pending", db=db).stdout.splitlines()
    assert header.split() == ["name", "waiting", "nudges", "follow-up", "due", "channel"]
    assert row.endswith("then give up?  X")


@pytest.mark.parametrize(
    "args",
    [
        ("--demo", "--db", "{typed}", "add", "Demo Person", "--x", "@demop"),
        ("--db={typed}", "--demo", "today"),
    ],
    ids=["add", "today"],
)
def test_demo_with_a_db_typed_for_the_command_is_refused_in_one_line(tmp_path, args):
    typed = tmp_path / "typed.json"
    done = run_cli(*(arg.format(typed=typed) for arg in args), db=tmp_path / "env.json", check=False)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "Error: --demo works on a throwaway store and never touches --db's file: give one or the other\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_demo_leaves_aside_the_database_the_environment_names(tmp_path):
    """DAILYREACH_DB is set once in a shell; --demo on a command there runs and writes nothing to it."""
    added = run_cli("--demo", "add", "Demo Person", "--x", "@demop", db=tmp_path / "env.json")
    assert added.stdout.strip()
    assert list(tmp_path.iterdir()) == []


def test_undecided_invitations_are_listed_soonest_first_those_without_a_date_last(tmp_path):
    db = tmp_path / "db.json"
    for title, on in (("No date", None), ("Later", "2027-03-01"), ("Sooner", "2027-01-15")):
        run_cli("invite", title, *(("--on", on) if on else ()), db=db)
    said = cli_json("invitations", db=db)
    assert [invitation["title"] for invitation in said["undecided"]] == ["Sooner", "Later", "No date"]


def test_import_of_dash_reads_standard_input_as_export_of_dash_writes_it(db, tmp_path):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    exported = run_cli("export", "-o", "-", db=db).stdout
    other = tmp_path / "other.json"
    piped = run_cli("import", "-", db=other, input=exported)
    assert piped.stdout.startswith("added 1 contact")
    csv = run_cli("import", "-", "--dry-run", db=other, input="Name,X\nBob,@bob\n")
    assert "CSV, read as UTF-8" in csv.stdout and "would add 1 contact" in csv.stdout


def test_a_database_this_user_may_not_read_is_said_by_the_store_not_as_a_usage_error(tmp_path, monkeypatch):
    # click's own check said "Invalid value for '--db': File ... is not readable" with the usage text and
    # exit code 2, as for a typo on the command line. As root every file reads: the refusal is played.
    from pathlib import Path

    from click.testing import CliRunner

    from dailyreach.cli.commands import cli

    db = tmp_path / "theirs.json"
    assert CliRunner().invoke(cli, ["--db", str(db), "add", "Ann", "--x", "@ann"]).exit_code == 0
    read_bytes = Path.read_bytes

    def refused(path):
        if path == db:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refused)
    monkeypatch.setattr("os.access", lambda path, mode, **options: False)
    result = CliRunner().invoke(cli, ["--db", str(db), "stats"])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: cannot open {db}: permission denied; make it yours to read and write (chmod u+rw, or chown)\n",
    )


def test_pending_json_counts_days_and_lateness_as_the_table_and_status_do(db):
    run_cli("settings", "--timezone", "UTC", db=db)
    hal = run_cli("add", "Hal Three", "--x", "@hal3", db=db).stdout.strip()
    ivy = run_cli("add", "Ivy", "--x", "@ivy", db=db).stdout.strip()
    # Hal: used up, and closing offered for days; Ivy: a DM late in the day three days back, not yet
    # three periods of 24 hours ago when the day has begun.
    for when, kind in (("-20d", "dm_sent"), ("-17d", "follow_up"), ("-14d", "follow_up")):
        run_cli("log", hal, kind, "--at", when, db=db)
    run_cli("log", ivy, "dm_sent", "--at", "3 days ago 23:59", db=db)
    by_name = {reply["contact"]["name"]: reply for reply in cli_json("pending", db=db)["pending"]}
    assert (by_name["Hal Three"]["give_up_offered"], by_name["Hal Three"]["overdue"]) == (True, False)
    assert cli_json("status", db=db)["overdue"] == 0
    assert by_name["Ivy"]["days_waiting"] == 3
    assert "3 days ago" in next(
        line for line in run_cli("pending", db=db).stdout.splitlines() if "Ivy" in line
    )
