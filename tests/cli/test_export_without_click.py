"""``export`` of JSON answers without click when the command line asks for it with at most ``-o``,
``--force`` and ``--format json``: what it writes, prints and says when it fails is what click's command
does."""

import json
import os
import stat

import pytest

from dailyreach.cli import export_arguments
from tests.cli.test_startup_imports import SCRIPT, heavy_loaded, script_env
from tests.cli.test_views_without_click import run
from tests.conftest import run_cli


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    ann = run_cli(
        "add", "Ann", "--x", "@ann", "--why", "[bold]not markup[/] \x1b[31m", db=path
    ).stdout.strip()
    run_cli("log", ann, "dm_sent", "--at", "2026-01-05T09:30", db=path)
    return path


def exported(text: str) -> dict:
    """An export without the moment it was made, which differs from run to run."""
    bundle = json.loads(text)
    assert bundle.pop("exported_at")
    return bundle


@pytest.mark.parametrize(
    "options", [[], ["--format", "json"], ["--format=json", "-o", "-"], ["--output=-"]], ids=" ".join
)
def test_an_export_to_standard_output_is_what_clicks_command_prints(db, options):
    quick = run("export", *options, db=db)
    through_click = run("export", *options, db=db, click=True)
    assert (quick.returncode, quick.stderr) == (through_click.returncode, through_click.stderr) == (0, "")
    assert exported(quick.stdout) == exported(through_click.stdout)
    assert exported(quick.stdout)["contacts"][0]["name"] == "Ann"


@pytest.mark.parametrize(
    "options",
    [["-o", "{file}"], ["--output={file}", "--force"], ["--force", "--format", "json", "-o", "{file}"]],
)
@pytest.mark.parametrize("name", ["backup.json", "backup"])
def test_an_export_to_a_file_is_what_clicks_command_writes(db, tmp_path, options, name):
    written = {}
    for click in (False, True):
        file = tmp_path / ("click" if click else "quick") / name
        file.parent.mkdir()
        done = run("export", *(option.format(file=file) for option in options), db=db, click=click)
        assert (done.returncode, done.stdout, done.stderr) == (0, "", f"exported to {file}\n")
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
        written[click] = exported(file.read_text())
    assert written[False] == written[True]


@pytest.mark.parametrize(
    "options",
    [
        ["-o", "{file}"],  # it exists, and --force is not given
        ["-o", "{folder}/"],
        ["-o", "{folder}"],
        ["-o", ""],
        ["-o"],
        ["-o={file}"],
        ["--format", "vcard"],
        ["--format", "JSON"],
        ["--format", "json", "-o", "{folder}/out.csv"],
        ["-o", "{folder}/out.vcf"],
        ["--force=yes"],
        ["--help"],
        ["extra"],
        ["--", "-o", "x.json"],
    ],
    ids=" ".join,
)
def test_anything_else_is_said_and_done_as_click_does(db, tmp_path, options):
    results = []
    for click in (False, True):
        folder = tmp_path / ("click" if click else "quick")
        folder.mkdir()
        (folder / "existing.json").write_text("mine")
        args = [option.format(file=folder / "existing.json", folder=folder) for option in options]
        done = run("export", *args, db=db, click=click)
        assert "Traceback" not in done.stderr
        assert (folder / "existing.json").read_text() == "mine"
        results.append(
            (done.returncode, done.stderr.replace(str(folder), "FOLDER"), sorted(os.listdir(folder)))
        )
    assert results[0] == results[1]


def test_the_command_lines_it_takes_are_read_as_click_reads_them(tmp_path):
    db = str(tmp_path / "db.json")
    assert export_arguments(["--db", db, "export"]) == (db, None, False)
    assert export_arguments(["--db", db, "export", "-o", "a.json", "-o", "b", "--force"]) == (db, "b", True)
    assert export_arguments(["--db", db, "export", "--output", "-"]) == (db, "-", False)
    assert export_arguments(["--db", db, "export", "--format", "csv"]) is None
    assert export_arguments(["--db", db, "export", "-o", "people.CSV"]) is None
    assert export_arguments(["--db", db, "export", "-o", str(tmp_path)]) is None
    assert export_arguments(["--db", db, "export", "-ob.json"]) is None
    assert export_arguments(["--db", db, "export", "--force", "--output"]) is None
    assert export_arguments(["--db", db, "import", "x.json"]) is None
    assert export_arguments(["--bogus", "export"]) is None


def test_a_store_with_an_unreadable_record_is_warned_of_before_the_export(db):
    data = json.loads(db.read_text())
    data["contacts"]["broken"] = {"name": 123}
    db.write_text(json.dumps(data))
    quick = run("export", db=db)
    assert quick.returncode == 0
    assert quick.stderr.startswith("warning: 1 record in ")
    assert [contact["name"] for contact in exported(quick.stdout)["contacts"]] == ["Ann"]


def test_a_broken_store_is_said_as_click_says_it(tmp_path):
    db = tmp_path / "db.json"
    db.write_text('{"contacts": ')
    quick = run("export", "-o", str(tmp_path / "out.json"), db=db)
    assert quick.returncode == 1
    assert quick.stderr == run("export", "-o", str(tmp_path / "out.json"), db=db, click=True).stderr
    assert quick.stderr.startswith("Error: ") and "Traceback" not in quick.stderr
    assert not (tmp_path / "out.json").exists()


def test_the_json_export_loads_neither_click_nor_its_command_module(db, tmp_path):
    watched = {"click", "dailyreach.cli.file_commands", "dailyreach.cli.commands"}
    out = str(tmp_path / "out.json")
    assert heavy_loaded(SCRIPT, "export", "-o", out, env=script_env(db), watched=watched) == set()
    assert json.loads((tmp_path / "out.json").read_text())["format"] == "dailyreach"
