"""An export's file, written in-process: whole or not at all, never over a file by accident, readable by
its owner only, and no temporary file left (the command's tests see the same from outside)."""

import errno
import os
import stat
import subprocess
import sys

import pytest

from dailyreach.core.errors import NotAFile
from dailyreach.core.files import new_file
from dailyreach.core.files.new_file import write_new_file


def beside(path) -> list[str]:
    return sorted(entry.name for entry in path.parent.iterdir())


def test_a_new_file_is_written_whole_for_its_owner_only_and_nothing_is_left_beside_it(tmp_path):
    target = tmp_path / "export.json"
    write_new_file(target, b'{"a": 1}')
    assert target.read_bytes() == b'{"a": 1}'
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert beside(target) == ["export.json"]


def test_a_file_of_that_name_is_refused_unless_it_may_be_replaced(tmp_path):
    target = tmp_path / "export.json"
    target.write_bytes(b"mine")
    with pytest.raises(FileExistsError) as refused:
        write_new_file(target, b"new")
    assert str(refused.value) == f"{target} already exists; choose another name or replace it with --force"
    assert target.read_bytes() == b"mine" and beside(target) == ["export.json"]
    write_new_file(target, b"new", replace=True)
    assert target.read_bytes() == b"new" and beside(target) == ["export.json"]


def test_a_folder_that_is_not_there_is_named_with_the_file(tmp_path):
    target = tmp_path / "no such folder" / "export.json"
    with pytest.raises(FileNotFoundError) as failed:
        write_new_file(target, b"{}")
    assert failed.value.filename == str(target)
    assert failed.value.strerror.endswith(f"(there is no folder {target.parent})")


def test_without_hard_links_the_name_is_claimed_by_creating_it(tmp_path, monkeypatch):
    def no_links(*_args, **_kwargs):
        raise OSError(errno.EPERM, "hard links are not supported here")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "export.json"
    write_new_file(target, b"whole")
    assert target.read_bytes() == b"whole" and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert beside(target) == ["export.json"]
    with pytest.raises(FileExistsError):
        write_new_file(target, b"again")
    assert target.read_bytes() == b"whole"


def test_another_failure_to_link_is_said_about_the_file(tmp_path, monkeypatch):
    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "link", full)
    target = tmp_path / "export.json"
    with pytest.raises(OSError) as failed:
        write_new_file(target, b"x")
    assert (failed.value.errno, failed.value.filename) == (errno.ENOSPC, str(target))
    assert beside(target) == []


def test_a_killed_writers_temporary_file_is_removed_and_a_running_ones_left(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    dead_pid = int(gone.stdout)
    dead = tmp_path / f".export.json{new_file._MARK}{dead_pid}-abc.tmp"
    alive = tmp_path / f".export.json{new_file._MARK}{os.getpid()}-def.tmp"
    for leftover in (dead, alive):
        leftover.write_bytes(b"half")
    write_new_file(tmp_path / "other.json", b"{}")
    assert sorted(entry.name for entry in tmp_path.iterdir()) == sorted([alive.name, "other.json"])


def test_the_temporary_file_is_beside_the_target_and_named_for_its_writer(tmp_path, monkeypatch):
    linked = []
    real_link = os.link

    def spy(source, destination, **kwargs):
        linked.append(source)
        return real_link(source, destination, **kwargs)

    monkeypatch.setattr(os, "link", spy)
    target = tmp_path / "export.json"
    write_new_file(target, b"{}")
    [temporary] = linked
    assert os.path.dirname(temporary) == str(tmp_path)  # the same file system: the link is one step
    name = os.path.basename(temporary)
    assert name.startswith(f".export.json{new_file._MARK}{os.getpid()}-") and name.endswith(".tmp")


@pytest.mark.parametrize("replace", [False, True])
def test_a_name_that_is_not_a_file_is_refused_as_what_it_is_and_left_as_it_was(tmp_path, replace):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(NotAFile) as caught:
        write_new_file(pipe, b"{}", replace=replace)
    assert (
        str(caught.value) == f"{pipe} is not a file (a folder, a device or a pipe): name a file to export to"
    )
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert os.listdir(tmp_path) == ["pipe"]  # no temporary file left


@pytest.mark.parametrize("replace", [True, False])
def test_a_symlink_is_followed_its_target_written_in_its_own_folder_and_the_link_kept(tmp_path, replace):
    (tmp_path / "synced").mkdir()
    target = tmp_path / "synced" / "export.json"
    if replace:
        target.write_bytes(b"old")
    link = tmp_path / "export.json"
    link.symlink_to(target)
    write_new_file(link, b'{"a": 1}', replace=True)
    assert link.is_symlink() and target.read_bytes() == b'{"a": 1}'
    assert beside(target) == ["export.json"] and beside(link) == ["export.json", "synced"]
    plain = tmp_path / "plain.json"
    write_new_file(plain, b"{}")
    assert not plain.is_symlink() and plain.read_bytes() == b"{}"
