"""`dailyreach export -o FILE`: never over an existing file unless forced, even when two run at once;
no temporary file left behind; errors name the user's path (issue 11, point 9)."""

import json
import os
import resource
import signal
import stat
import subprocess
import sys
import threading

import pytest

from dailyreach.core.files.exchange import write_export
from dailyreach.core.records.model import Contact
from dailyreach.core.store.store import Store
from tests.conftest import DAILYREACH, run_cli

ROUNDS = 6


@pytest.fixture
def filled_db(db):
    """A store whose export takes a few milliseconds to write, so two exports overlap."""
    store = Store(db)
    people = [Contact.from_dict({"name": f"Person {n}", "notes": "n" * 200}) for n in range(3000)]
    store.add_records("fill", {"contacts": {person.id: person.to_dict() for person in people}})
    store.close()
    return db


def export_process(db, target, *extra, limit_bytes=None):
    def limited():
        # Python ignores SIGXFSZ, so a write past the limit fails with EFBIG, as on a full disk.
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.Popen(
        [DAILYREACH, "export", "-o", str(target), *extra],
        env={**os.environ, "DAILYREACH_DB": str(db), "TZ": "UTC"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=limited if limit_bytes else None,
    )


def test_of_two_exports_to_one_name_at_once_exactly_one_writes_and_the_other_says_it_exists(
    filled_db, tmp_path
):
    for round_number in range(ROUNDS):
        target = tmp_path / f"out-{round_number}.json"
        processes = [export_process(filled_db, target) for _ in range(2)]
        results = [(process.wait(60), process.stderr.read()) for process in processes]
        assert sorted(code for code, _ in results) == [0, 1], results
        refused = next(stderr for code, stderr in results if code)
        assert refused == f"Error: {target} already exists; choose another name or replace it with --force\n"
        assert len(json.loads(target.read_text())["contacts"]) == 3000
    assert not [name for name in os.listdir(tmp_path) if name.endswith(".tmp")]


def test_forced_exports_at_once_both_write_a_whole_file(filled_db, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    processes = [export_process(filled_db, target, "--force") for _ in range(2)]
    assert [process.wait(60) for process in processes] == [0, 0]
    assert len(json.loads(target.read_text())["contacts"]) == 3000


def test_an_export_that_fails_midway_leaves_no_temporary_file_and_names_the_users_path(filled_db, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.json"
    process = export_process(filled_db, target, limit_bytes=64 * 1024)
    assert process.wait(60) == 1
    stderr = process.stderr.read()
    assert stderr == f"Error: {target}: File too large\n"
    assert os.listdir(folder) == []


def test_a_killed_export_leaves_a_temporary_file_that_the_next_export_removes(filled_db, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.json"
    # A process killed (SIGKILL) between writing its temporary file and giving it the name.
    killed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, signal, sys; from pathlib import Path; from dailyreach.core.files import new_file; "
            "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL); "
            "new_file.write_new_file(Path(sys.argv[1]), b'{}')",
            str(target),
        ],
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL
    assert [name for name in os.listdir(folder) if name.endswith(".tmp")]
    run_cli("export", "-o", str(target), db=filled_db)
    assert os.listdir(folder) == ["out.json"]


def test_a_missing_folder_is_named_as_the_user_typed_it(db, tmp_path):
    run_cli("add", "Ann", db=db)
    target = tmp_path / "no such folder" / "out.json"
    result = run_cli("export", "-o", str(target), db=db, check=False)
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: {target}: No such file or directory (there is no folder {target.parent})\n"
    )


def test_of_two_writers_of_one_export_name_released_together_exactly_one_wins(tmp_path):
    """The same race as two processes, made certain: both check the name at the same moment."""
    target = tmp_path / "out.json"
    payload = b"x" * (8 << 20)  # long enough to write that both start before either finishes
    start = threading.Barrier(2)
    outcomes = []

    def export() -> None:
        start.wait()
        try:
            write_export(target, payload, db=tmp_path / "db.json")
        except FileExistsError as error:
            outcomes.append(str(error))
        else:
            outcomes.append("written")

    writers = [threading.Thread(target=export) for _ in range(2)]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert sorted(outcomes) == [
        f"{target} already exists; choose another name or replace it with --force",
        "written",
    ]
    assert target.read_bytes() == payload


def test_the_format_follows_the_files_suffix_and_a_format_against_it_is_refused(db, tmp_path):
    run_cli("add", "Ann Smith", "--x", "@ann", db=db)
    run_cli("export", "-o", str(tmp_path / "people.vcf"), db=db)
    assert (tmp_path / "people.vcf").read_text().startswith("BEGIN:VCARD")
    run_cli("export", "-o", str(tmp_path / "people.CSV"), db=db)
    assert (tmp_path / "people.CSV").read_text(encoding="utf-8-sig").startswith("name,")
    run_cli("export", "--format", "interactions-csv", "-o", str(tmp_path / "log.csv"), db=db)
    run_cli("export", "-o", str(tmp_path / "all.txt"), db=db)  # a suffix of no format: JSON, as ever
    assert json.loads((tmp_path / "all.txt").read_text())["format"] == "dailyreach"
    refused = run_cli("export", "--format", "csv", "-o", str(tmp_path / "e2.json"), db=db, check=False)
    assert refused.returncode == 1
    assert "e2.json ends in .json, the suffix of JSON files, but the format is CSV" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not (tmp_path / "e2.json").exists()


def test_dash_is_standard_output_and_dot_slash_dash_a_file_named_dash_readable_by_its_owner(db, tmp_path):
    run_cli("add", "Ann", db=db)
    here = tmp_path / "here"
    here.mkdir()
    to_stdout = run_cli("export", "-o", "-", db=db, cwd=here)
    assert json.loads(to_stdout.stdout)["contacts"][0]["name"] == "Ann"
    assert to_stdout.stderr == "" and os.listdir(here) == []
    assert run_cli("export", "--output=-", "--format", "csv", db=db).stdout.startswith("\ufeffname,")
    to_file = run_cli("export", "-o", "./-", db=db, cwd=here)
    assert to_file.stderr == "exported to ./-\n"
    assert stat.S_IMODE(os.stat(here / "-").st_mode) == 0o600
    assert json.loads((here / "-").read_text())["contacts"] == json.loads(to_stdout.stdout)["contacts"]


def test_an_empty_file_name_is_said_to_be_empty_and_leaves_nothing_behind(db, tmp_path):
    run_cli("add", "Ann", db=db)
    here = tmp_path / "here"
    here.mkdir()
    result = run_cli("export", "-o", "", db=db, cwd=here, check=False)
    assert (result.returncode, result.stderr) == (1, "Error: -o: the file name is empty\n")
    assert os.listdir(here) == []


def test_a_name_ending_in_a_slash_is_refused_as_a_folder_and_nothing_is_written(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    done = run_cli("export", "-o", f"{tmp_path}/out/", db=db, check=False)
    assert (done.returncode, done.stderr) == (
        1,
        f"Error: -o: {tmp_path}/out/ names a folder: name a file in it\n",
    )
    assert not (tmp_path / "out").exists()


def test_a_folder_that_exists_is_refused_as_a_name_ending_in_a_slash_is(tmp_path):
    # Said by the command, as for "out/", not as click's usage error with its other exit status.
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    (tmp_path / "out").mkdir()
    done = run_cli("export", "-o", f"{tmp_path}/out", db=db, check=False)
    assert (done.returncode, done.stderr) == (
        1,
        f"Error: -o: {tmp_path}/out names a folder: name a file in it\n",
    )
    assert os.listdir(tmp_path / "out") == []


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_a_named_pipe_is_refused_as_not_a_file_and_stays_a_pipe(tmp_path, force):
    # Replaced with --force it became a plain file, as /dev/full did for root.
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    done = run_cli("export", "-o", str(pipe), *force, db=db, check=False)
    assert (done.returncode, done.stderr) == (
        1,
        f"Error: {pipe} is not a file (a folder, a device or a pipe): name a file to export to\n",
    )
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".pipe")]  # no temporary file


def test_a_forced_export_to_a_symlink_replaces_its_target_and_keeps_the_link(db, tmp_path):
    # Replaced itself, the link became a copy: /dev/stdout, for root, turned into a plain file.
    run_cli("add", "Ann", "--x", "@ann", db=db)
    (tmp_path / "synced").mkdir()
    target = tmp_path / "synced" / "contacts.json"
    target.write_text("old")
    link = tmp_path / "contacts.json"
    link.symlink_to(target)
    run_cli("export", "-o", str(link), "--force", db=db)
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert [contact["name"] for contact in json.loads(target.read_text())["contacts"]] == ["Ann"]
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert sorted(os.listdir(tmp_path / "synced")) == ["contacts.json"]  # no temporary file left


def test_an_unforced_export_to_a_dangling_symlink_creates_its_target(db, tmp_path):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    link = tmp_path / "latest.json"
    link.symlink_to(tmp_path / "exports-1.json")
    run_cli("export", "-o", str(link), db=db)
    assert link.is_symlink() and "Ann" in (tmp_path / "exports-1.json").read_text()


@pytest.mark.parametrize("name", ["backup.json", "backup.csv"])
def test_an_export_from_a_database_that_is_not_there_fails_and_makes_nothing(tmp_path, name):
    # A mistyped --db made an empty database and wrote its empty export: a backup job said it had.
    db = tmp_path / "typo.json"
    done = run_cli("export", "-o", str(tmp_path / name), db=db, check=False)
    assert (done.returncode, done.stderr) == (
        1,
        f"Error: no database at {db}: nothing to export (check --db or DAILYREACH_DB)\n",
    )
    assert os.listdir(tmp_path) == []


def test_an_export_holding_an_interaction_later_than_now_says_it_would_not_import(tmp_path):
    # It was written without a word, and the import of it refused the record: a backup that did not come back.
    db = tmp_path / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=db)
    assert (
        run_cli("export", "-o", str(tmp_path / "sound.json"), db=db).stderr
        == f"exported to {tmp_path}/sound.json\n"
    )
    data = json.loads(db.read_text())
    [ann] = data["contacts"]
    data["interactions"] = {
        "i1": {
            "id": "i1",
            "contact_id": ann,
            "kind": "dm_sent",
            "channel": "x",
            "at": "2099-01-01T09:00:00+00:00",
            "text": "",
        }
    }
    db.write_text(json.dumps(data))
    warning = (
        "warning: 1 interaction is later than this machine's clock: an import of this export refuses it until "
        "it is fixed (`dailyreach doctor` lists it)\n"
    )
    for args in (["-o", str(tmp_path / "out.json")], ["--format", "json"]):  # without click, and through it
        assert run_cli("export", *args, db=db).stderr.endswith(warning)
    assert run_cli("export", "--format", "csv", db=db).stderr == ""  # no interactions in it
    refused = run_cli("import", str(tmp_path / "out.json"), db=tmp_path / "restored.json", check=False)
    assert refused.returncode == 1 and "later than" in refused.stderr


@pytest.mark.parametrize(
    ("fmt", "suffix", "said"),
    [
        ("json", "", "is the database itself"),
        ("json", ".lock", "is kept beside"),
        ("ics", ".lock", "is kept beside"),
    ],
    ids=["database", "lock", "lock-through-click"],  # a JSON export runs without click
)
def test_export_over_the_database_or_its_lock_is_refused_even_forced(db, fmt, suffix, said):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    run_cli("log", "Ann", "dm_sent", "--at", "yesterday", db=db)
    target = db.with_name(db.name + suffix)
    kept = {path: path.read_bytes() for path in (db, db.with_name(db.name + ".lock"))}
    result = run_cli("export", "--format", fmt, "-o", str(target), "--force", db=db, check=False)
    assert (result.returncode, result.stdout) == (1, ""), result.stderr
    assert result.stderr.startswith(f"Error: {target} {said}")
    assert {path: path.read_bytes() for path in kept} == kept
    assert [contact["name"] for contact in json.loads(run_cli("export", db=db).stdout)["contacts"]] == ["Ann"]
