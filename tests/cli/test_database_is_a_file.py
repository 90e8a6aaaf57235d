"""Only a file is a database: a device, a pipe or a folder named as one is refused, never read as empty
or replaced by a save (--db /dev/null made a file where the device was; a pipe hung the command)."""

import os
import stat

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(
    "command", [("today",), ("add", "Ann", "--x", "@ann"), ("notify",), ("doctor",)], ids=" ".join
)
def test_a_pipe_named_as_the_database_is_refused_at_once(tmp_path, command):
    pipe = tmp_path / "db.json"
    os.mkfifo(pipe)
    refused = run_cli(*command, db=pipe, check=False)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"Error: {pipe} is not a file (a folder, a device or a pipe): name the database's .json file\n"
    )
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["db.json"]


@pytest.mark.parametrize(
    "command", [("today",), ("add", "Ann"), ()], ids=lambda given: " ".join(given) or "app"
)
def test_an_empty_database_path_is_a_usage_error_not_the_current_folder(tmp_path, command):
    refused = run_cli("--db", "", *command, db=tmp_path / "db.json", check=False, cwd=tmp_path)
    assert refused.returncode == 2
    assert "Invalid value for '--db': an empty path names no file" in refused.stderr
    assert list(tmp_path.iterdir()) == []


def test_status_of_an_empty_database_path_prints_nothing_rather_than_the_default_databases(tmp_path):
    run_cli("add", "Ann", "--x", "@ann", db=tmp_path / "db.json")
    shown = run_cli("--db", "", "status", db=tmp_path / "db.json", check=False)
    assert (shown.returncode, shown.stdout) == (0, "")


def test_status_of_a_pipe_prints_nothing_and_says_with_verbose_that_it_is_no_file(tmp_path):
    pipe = tmp_path / "db.json"
    os.mkfifo(pipe)
    shown = run_cli("status", "--verbose", db=pipe, check=False)
    assert (shown.returncode, shown.stdout) == (0, "")
    assert shown.stderr == (
        f"dailyreach status: {pipe} is not a file (a folder, a device or a pipe): name the database's .json file\n"
    )
