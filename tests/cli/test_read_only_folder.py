"""A data folder this user may read but not write (another user's, ``chmod a-w``): `today`, `pending`
and `export` to stdout work; a write is refused in one line and changes nothing (issue 11, point 10).

Root writes into any folder, so as root the commands run as the user ``nobody`` (``setpriv``), to
whom the folder really is read-only: these tests fail whenever the permissions would."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.conftest import DAILYREACH, run_cli

NOBODY = 65534


def as_reader(*args: str, db: Path, home: Path, tz: str = "UTC") -> subprocess.CompletedProcess:
    """``dailyreach ARGS`` as a user who may read the data folder but not write to it."""
    switch = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to run as another user than root"
        switch = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    environment = {**os.environ, "DAILYREACH_DB": str(db), "TZ": tz, "HOME": str(home)}
    environment.pop("XDG_CONFIG_HOME", None)
    return subprocess.run(
        [*switch, DAILYREACH, *args], capture_output=True, text=True, env=environment, timeout=60
    )


def tree(folder: Path) -> dict[str, bytes | None]:
    return {
        str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture
def place():
    """A folder the other user can reach (pytest's own are root's alone), with a home of its own."""
    folder = Path(tempfile.mkdtemp(prefix="dailyreach-read-only-"))
    folder.chmod(0o755)
    (folder / "home").mkdir()
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(stat.S_IRWXU)
    shutil.rmtree(folder)


def make_read_only(data: Path, home: Path) -> None:
    """The folder and its files become the reader's, and the folder read-only (as ``chmod a-w``)."""
    if os.geteuid() == 0:
        for path in [data, *data.rglob("*"), home]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
    data.chmod(0o555)


@pytest.mark.parametrize("lock_file", ["kept", "missing"])
def test_reading_commands_work_in_a_read_only_data_folder_and_change_nothing(place, lock_file):
    data = place / "data"
    data.mkdir()
    db = data / "db.json"
    run_cli("add", "Ann Target", "--x", "ann", db=db)
    run_cli("add", "Bob Waiting", "--x", "bob", db=db)
    run_cli("log", "Bob", "dm_sent", "--at", "-2d", db=db)
    # Today's plan is not made yet, so `today` wants to save it; and a folder copied from elsewhere
    # or shared by another user may have no lock file.
    if lock_file == "missing":
        (data / "db.json.lock").unlink()
    make_read_only(data, place / "home")
    before = tree(data)

    today = as_reader("today", db=db, home=place / "home")
    assert (today.returncode, today.stderr) == (0, "")
    assert "Ann Target" in today.stdout
    pending = as_reader("pending", db=db, home=place / "home")
    assert (pending.returncode, pending.stderr) == (0, "")
    assert "Bob Waiting" in pending.stdout
    exported = as_reader("export", db=db, home=place / "home")
    assert (exported.returncode, exported.stderr) == (0, "")
    assert {c["name"] for c in json.loads(exported.stdout)["contacts"]} == {"Ann Target", "Bob Waiting"}
    assert as_reader("today", "--json", db=db, home=place / "home").returncode == 0
    assert tree(data) == before


def test_status_in_a_read_only_data_folder_prints_its_figures_without_keeping_them(place):
    """The figures' record could not be written beside the database: the prompt printed nothing."""
    data = place / "data"
    data.mkdir()
    db = data / "db.json"
    run_cli("add", "Ann Target", "--x", "ann", db=db)
    run_cli("log", "Ann", "dm_sent", "--at", "-2d", db=db)
    line = run_cli("status", db=db).stdout
    (data / "db.json.status").unlink()
    make_read_only(data, place / "home")
    before = tree(data)
    shown = as_reader("status", db=db, home=place / "home")
    assert (shown.returncode, shown.stdout, shown.stderr) == (0, line, "")
    told = as_reader("status", "--verbose", db=db, home=place / "home")
    assert told.stdout == line and "db.json.status" in told.stderr
    assert tree(data) == before


def test_a_reader_in_another_timezone_works_out_the_summaries_without_saving_them(place):
    """With no timezone in the settings, the days with outreach are the reader's local days: the
    summaries are worked out again for this run, in memory, as the file cannot take them."""
    data = place / "data"
    data.mkdir()
    db = data / "db.json"
    run_cli("add", "Bob Waiting", "--x", "bob", db=db)
    run_cli("log", "Bob", "dm_sent", "--at", "-2d", db=db)
    make_read_only(data, place / "home")
    (data / "backups").chmod(0o555)  # all of it, as ``chmod -R a-w``: a new day's backup cannot go
    before = tree(data)
    for command in ("pending", "today", "stats"):
        result = as_reader(command, db=db, home=place / "home", tz="Pacific/Kiritimati")
        assert (result.returncode, result.stderr) == (0, ""), command
    assert "Bob Waiting" in as_reader("pending", db=db, home=place / "home", tz="Asia/Tokyo").stdout
    assert tree(data) == before


@pytest.mark.parametrize("lock_file", ["kept", "missing"])
def test_a_write_in_a_read_only_data_folder_is_refused_in_one_line(place, lock_file):
    data = place / "data"
    data.mkdir()
    db = data / "db.json"
    run_cli("add", "Ann", "--x", "ann", db=db)
    if lock_file == "missing":
        (data / "db.json.lock").unlink()
    make_read_only(data, place / "home")
    before = tree(data)
    result = as_reader("add", "Bob", "--x", "bob", db=db, home=place / "home")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "read-only" in result.stderr or "Permission denied" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(data) == before


def test_today_shows_the_plan_of_a_database_its_owner_made_read_only(db):
    run_cli("add", "Ann Target", "--x", "ann", db=db)
    db.chmod(0o400)
    before = db.read_bytes()
    try:
        today = run_cli("today", db=db, check=False)
    finally:
        mode = stat.S_IMODE(db.stat().st_mode)
        db.chmod(0o600)
    assert (today.returncode, today.stderr) == (0, "")
    assert "Ann Target" in today.stdout
    assert db.read_bytes() == before and mode == 0o400


def test_templates_and_drafts_are_read_from_a_database_its_owner_made_read_only(db):
    # Their first use adds the default templates: on a read-only store even `template list` failed.
    run_cli("add", "Ann Target", "--x", "ann", db=db)
    db.chmod(0o400)
    before = db.read_bytes()
    try:
        listed = run_cli("template", "list", db=db, check=False)
        shown = run_cli("template", "show", "first DM (en)", db=db, check=False)
        drafted = run_cli("draft", "Ann Target", db=db, check=False)
        added = run_cli(
            "template", "add", "Mine", "--purpose", "first_dm", "--body", "Hi", db=db, check=False
        )
    finally:
        db.chmod(0o600)
    assert (listed.returncode, listed.stderr) == (0, "") and "first DM (en)" in listed.stdout
    assert shown.returncode == 0 and "{call_name}" in shown.stdout
    assert drafted.returncode == 0 and "@ann" in drafted.stdout
    assert added.returncode == 1 and "read-only" in added.stderr
    assert db.read_bytes() == before


def on_read_only_mount(folder: Path, *args: str, db: Path) -> subprocess.CompletedProcess:
    """``dailyreach ARGS`` with ``folder`` bind-mounted read-only, in a mount namespace of its own."""
    user = [] if os.geteuid() == 0 else ["--user", "--map-root-user"]
    mount = 'mount --make-rprivate / && mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"'
    command = ["unshare", *user, "--mount", "sh", "-c", f'{mount} && shift && exec "$@"', "sh", str(folder)]
    environment = {**os.environ, "DAILYREACH_DB": str(db), "TZ": "UTC"}
    return subprocess.run(
        [*command, DAILYREACH, *args], capture_output=True, text=True, env=environment, timeout=60
    )


def test_on_a_read_only_mount_reading_works_even_before_the_days_backup_and_a_write_is_refused(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    db = data / "db.json"
    run_cli("add", "Ann Target", "--x", "ann", db=db)
    for backup in (data / "backups").iterdir():  # so the first look of the day wants to make one
        backup.unlink()
    before = tree(data)
    for command in (["today"], ["pending"], ["export"]):
        result = on_read_only_mount(data, *command, db=db)
        assert (result.returncode, result.stderr) == (0, ""), command
    assert "Ann Target" in on_read_only_mount(data, "today", db=db).stdout
    refused = on_read_only_mount(data, "add", "Bob", "--x", "bob", db=db)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "Read-only file system" in refused.stderr and ".tmp" not in refused.stderr
    assert tree(data) == before


def test_a_temporary_file_a_crash_left_in_a_read_only_folder_does_not_stop_reading(place):
    data = place / "data"
    data.mkdir()
    db = data / "db.json"
    run_cli("add", "Ann Target", "--x", "ann", db=db)
    (data / ".db.json.k1ll3d.tmp").write_text('{"half": ')  # a writer killed before its replace
    make_read_only(data, place / "home")
    before = tree(data)
    today = as_reader("today", db=db, home=place / "home")
    assert (today.returncode, today.stderr) == (0, "")
    assert "Ann Target" in today.stdout
    assert tree(data) == before


def test_a_database_linked_from_a_read_only_folder_is_written_under_the_lock_beside_it(place):
    """The link's folder cannot be written to, the file's can: the lock is taken beside the file, as by
    every other way to it, and the write goes ahead under it."""
    synced, data = place / "synced", place / "data"
    synced.mkdir()
    run_cli("add", "Ann", "--x", "ann", db=synced / "db.json")
    data.mkdir()
    (data / "db.json").symlink_to(synced / "db.json")
    (data / "backups").mkdir()  # writable, so that only the lock's place is in question
    if os.geteuid() == 0:
        for path in [synced, *synced.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)
    make_read_only(data, place / "home")
    result = as_reader("add", "Bob", "--x", "bob", db=data / "db.json", home=place / "home")
    assert result.returncode == 0, result.stderr
    assert (synced / "db.json.lock").exists() and not (data / "db.json.lock").exists()
    assert sorted(
        contact["name"] for contact in json.loads((synced / "db.json").read_text())["contacts"].values()
    ) == [
        "Ann",
        "Bob",
    ]


def test_a_writable_database_in_a_read_only_folder_is_refused_for_its_folder_not_its_backups(place):
    data = place / "data"
    data.mkdir()
    db = data / "db.json"
    run_cli("add", "Ann", "--x", "ann", db=db)
    shutil.rmtree(data / "backups")  # so the day's first change must make backups/ there
    make_read_only(data, place / "home")
    before = tree(data)
    result = as_reader("add", "Bob", "--x", "bob", db=db, home=place / "home")
    assert result.returncode == 1
    assert (
        result.stderr == f"Error: could not save {db}: its folder is read-only for you (Permission denied)\n"
    )
    assert tree(data) == before
