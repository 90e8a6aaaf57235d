"""Only a file is a database: a device, a pipe or a folder named as one is refused, never read as empty
or replaced by a save (--db /dev/null made a file where the device was; a pipe hung the command)."""

import os
import stat

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize("command", [("today",), ("add", "Ann", "--x", "@ann")], ids=" ".join)
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
