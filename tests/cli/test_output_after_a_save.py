"""What a command prints after saving a change cannot fail it, through the installed command: a closed
stdout (``>&-``) and an encoding without the name's characters stopped ``add`` and ``log`` with a crash
report saying "nothing was changed" after the change was saved, and a retry logged it twice."""

import json
import os
import subprocess

import pytest

from tests.conftest import DAILYREACH, run_cli


def entries(db) -> list[str]:
    return [entry["kind"] for entry in json.loads(db.read_text())["interactions"].values()]


def test_a_closed_stdout_takes_nothing_and_the_command_succeeds(tmp_path):
    db = tmp_path / "db.json"
    environment = {**os.environ, "DAILYREACH_DB": str(db), "TZ": "UTC"}
    run_cli("settings", "--goal", "3", db=db)
    for args in (["add", "山田 太郎", "--x", "@yamada"], ["log", "yamada", "dm_sent"], ["today"]):
        # ``>&-``: the command starts with no file descriptor 1.
        done = subprocess.run(
            [DAILYREACH, *args],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=environment,
            preexec_fn=lambda: os.close(1),
            timeout=60,
        )
        assert (done.returncode, done.stderr) == (0, ""), args
    assert entries(db) == ["dm_sent"]
    assert not list(tmp_path.glob("*crash*"))


@pytest.mark.parametrize("args", [("log", "yamada", "follow_up"), ("today",), ("pending",)])
def test_a_name_the_output_encoding_lacks_is_shown_as_question_marks(tmp_path, args):
    db = tmp_path / "db.json"
    run_cli("add", "山田 太郎", "--x", "@yamada", db=db)
    run_cli("log", "yamada", "dm_sent", "--at", "5 days ago", db=db)
    done = run_cli(*args, db=db, env={"PYTHONIOENCODING": "ascii"})
    assert done.stderr == ""
    assert done.stdout.isascii()
    if args[0] == "log":
        assert entries(db) == ["dm_sent", "follow_up"]
    else:
        assert "?? ??" in done.stdout


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="a device that is always full")
@pytest.mark.parametrize("args", [["--version"], ["--help"], ["status"], ["status", "--json"], ["today"]])
def test_output_to_a_full_disk_is_an_error_said_in_one_line_not_a_traceback(tmp_path, args):
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [DAILYREACH, "--db", str(db), *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "TZ": "UTC"},
        )
    assert (done.returncode, done.stderr) == (1, "Error: No space left on device\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="a device that is always full")
def test_a_full_disk_is_said_in_the_configured_language_even_by_version(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('language = "ja"\n')
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [DAILYREACH, "--version"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "DAILYREACH_CONFIG": str(config)},
        )
    assert (done.returncode, done.stderr) == (1, "エラー: ディスクの空きがありません\n")
