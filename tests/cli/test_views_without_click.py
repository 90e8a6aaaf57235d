"""``today``, ``pending`` and ``invitations`` answer without click when the command line is only one of
them: what they print, and how they fail, is what click's commands print."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import DAILYREACH, run_cli

# The same command line, through click's commands.
THROUGH_CLICK = (
    "import sys\nfrom dailyreach import i18n\ni18n.start(sys.argv[1:])\n"
    "from dailyreach.cli.commands import cli\ncli.main(sys.argv[1:], prog_name='dailyreach')"
)


def run(*args: str, db, click: bool = False, **kwargs) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", THROUGH_CLICK] if click else [DAILYREACH]
    env = {**os.environ, "TZ": "UTC", "DAILYREACH_DB": str(db)}
    output = kwargs or {"capture_output": True}
    return subprocess.run([*command, *args], text=True, env=env, timeout=60, **output)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("views") / "db.json"
    ann = run_cli("add", "Ann", "--x", "@ann", db=path).stdout.strip()
    run_cli("add", "山田 太郎", "--x", "@yamada", "--why", "[bold]not markup[/] \x1b[31m", db=path)
    run_cli("log", ann, "dm_sent", "--at", "2026-01-05T09:30", db=path)
    run_cli("invite", "Mixer at the hub", "--hours", "3", "--cost", "20", "--decline", db=path)
    run_cli("invite", "Seminar", "--on", "2030-01-02", db=path)
    return path


# How each view's text ends its first line, and a key of its JSON.
SHOWN = {
    "today": ("0/5 today  streak 0", "items"),
    "pending": ("name  waiting  nudges  follow-up due  channel", "pending"),
    "invitations": ("Declined 1: saved 3 h, 20 USD", "declined"),
}


@pytest.mark.parametrize("view", list(SHOWN))
@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_a_view_prints_what_its_click_command_prints(db, view, as_json):
    quick = run(view, *(["--json"] if as_json else []), db=db)
    through_click = run(view, *(["--json"] if as_json else []), db=db, click=True)
    assert (quick.returncode, quick.stdout, quick.stderr) == (0, through_click.stdout, "")
    assert through_click.returncode == 0
    first_line, key = SHOWN[view]
    if as_json:
        assert key in json.loads(quick.stdout)
    else:
        assert " ".join(quick.stdout.splitlines()[0].split()).endswith(" ".join(first_line.split()))


def test_global_options_before_the_view_are_read_as_click_reads_them(db, tmp_path):
    elsewhere = tmp_path / "other.json"
    for args in (["--db", str(db), "today"], [f"--db={db}", "today", "--json"]):
        assert run(*args, db=elsewhere).stdout == run(*args, db=elsewhere, click=True).stdout
    assert not elsewhere.exists()


def test_a_store_with_an_unreadable_record_is_warned_of_first(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    data = json.loads(db.read_text())
    next(iter(data["contacts"].values()))["name"] = 123
    db.write_text(json.dumps(data))
    quick = run("today", db=db)
    assert quick.returncode == 0
    assert quick.stderr.startswith("warning: 1 record in ")
    assert quick.stdout == run("today", db=db, click=True).stdout


def test_a_broken_store_is_said_as_click_says_it(tmp_path):
    db = tmp_path / "db.json"
    db.write_text('{"contacts": ')
    quick = run("pending", db=db)
    assert quick.returncode == 1
    assert quick.stderr == run("pending", db=db, click=True).stderr
    assert quick.stderr.startswith("Error: ") and "Traceback" not in quick.stderr
    assert db.read_text() == '{"contacts": '


@pytest.mark.parametrize("args", [["today", "--help"], ["today", "--jsn"], ["today", "extra"]])
def test_anything_else_is_answered_by_click(db, args):
    quick = run(*args, db=db)
    through_click = run(*args, db=db, click=True)
    assert (quick.returncode, quick.stdout, quick.stderr) == (
        through_click.returncode,
        through_click.stdout,
        through_click.stderr,
    )


@pytest.mark.parametrize("command", ["today", "export"])  # a view, and the JSON export without click
def test_a_reader_that_stopped_reading_is_no_error(db, command):
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = run(command, db=db, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")
