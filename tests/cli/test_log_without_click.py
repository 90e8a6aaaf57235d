"""``log`` answers without click when the command line is ``log CONTACT KIND`` with its own options:
what it logs, prints and says when it fails is what click's command does."""

import json
import re
import shutil

import pytest

from tests.cli.test_startup_imports import SCRIPT, heavy_loaded, script_env
from tests.cli.test_views_without_click import run
from tests.conftest import run_cli

AT = "2026-01-05T09:30"


@pytest.fixture
def twins(tmp_path):
    """Two copies of one store: one for the command without click, one for click's."""
    quick = tmp_path / "quick.json"
    run_cli("add", "Ann", "--x", "@ann", "--email", "ann@example.com", db=quick)
    through_click = tmp_path / "click.json"
    shutil.copyfile(quick, through_click)
    return quick, through_click


def logged(db):
    """The store's interactions without their ids, which are made at random."""
    return [
        {key: value for key, value in record.items() if key != "id"}
        for record in json.loads(db.read_text()).get("interactions", {}).values()
    ]


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (["ann", "dm_sent", "--at", AT], {"kind": "dm_sent", "channel": "x", "text": ""}),
        (
            ["--at=" + AT, "--text", "first", "@ann", "--text=second", "note"],
            {"kind": "note", "text": "second"},
        ),
        (["Ann", "follow_up", "--channel", "email", "--at", AT], {"kind": "follow_up", "channel": "email"}),
        (["ann", "note", "--text", "-2h means nothing here", "--at", AT], {"text": "-2h means nothing here"}),
    ],
    ids=["plain", "options-first-last-wins", "channel", "value-with-dash"],
)
def test_a_log_is_what_clicks_command_logs(twins, args, shown):
    quick_db, click_db = twins
    quick = run("log", *args, db=quick_db)
    through_click = run("log", *args, db=click_db, click=True)
    assert (quick.returncode, quick.stderr) == (through_click.returncode, through_click.stderr) == (0, "")
    assert re.fullmatch(r"\S+\n", quick.stdout) and re.fullmatch(r"\S+\n", through_click.stdout)
    assert logged(quick_db) == logged(click_db)
    [record] = logged(quick_db)
    assert shown.items() <= record.items()
    assert quick.stdout.strip() in json.loads(quick_db.read_text())["interactions"]


@pytest.mark.parametrize(
    "args",
    [
        ["nobody", "note"],
        ["ann", "bogus_kind"],
        ["ann", "note", "--at", "someday"],
        ["ann", "note", "--channel", "pigeon"],
        ["ann"],
        ["ann", "note", "extra"],
        ["ann", "note", "--at"],
        ["ann", "note", "--bogus", "1"],
        ["ann", "note", "-h"],
        ["-", "note"],
        ["--at", AT, "--", "ann", "note"],
        ["ann", "note", "--help"],
    ],
    ids=" ".join,
)
def test_a_refused_or_unusual_log_is_said_and_done_as_click_does(twins, args):
    quick_db, click_db = twins
    quick = run("log", *args, db=quick_db)
    through_click = run("log", *args, db=click_db, click=True)
    assert (quick.returncode, quick.stderr) == (through_click.returncode, through_click.stderr)
    assert "Traceback" not in quick.stderr
    assert logged(quick_db) == logged(click_db)
    if quick.returncode == 0 and not {"--help", "-h"} & set(args):
        assert re.fullmatch(r"\S+\n", quick.stdout)
    else:
        assert quick.stdout == through_click.stdout


def test_a_store_with_an_unreadable_record_is_warned_of_before_the_log(twins):
    quick_db, _click_db = twins
    data = json.loads(quick_db.read_text())
    data["contacts"]["broken"] = {"name": 123}
    quick_db.write_text(json.dumps(data))
    quick = run("log", "ann", "note", "--text", "hi", db=quick_db)
    assert quick.returncode == 0
    assert quick.stderr.startswith("warning: 1 record in ")
    assert len(logged(quick_db)) == 1


def test_the_log_loads_neither_click_nor_its_command_module(twins):
    quick_db, _click_db = twins
    watched = {"click", "dailyreach.cli.record_commands", "dailyreach.cli.commands"}
    assert (
        heavy_loaded(
            SCRIPT,
            "log",
            "ann",
            "note",
            "--text",
            "hi",
            "--at",
            "-2h",
            env=script_env(quick_db),
            watched=watched,
        )
        == set()
    )


def test_a_note_with_no_text_is_refused_and_saves_nothing(tmp_path):
    db = tmp_path / "db.json"
    run_cli("add", "Hiro", "--x", "@hiro", db=db)
    before = db.read_bytes()
    # Zero-width characters alone draw nothing, as spaces do: refused as add refuses such a name.
    zero_width = ("log", "hiro", "note", "--text", "\u200b\u200d")
    for args in (("log", "hiro", "note"), ("log", "hiro", "note", "--text", "  "), zero_width):
        done = run_cli(*args, db=db, check=False)
        assert (done.returncode, done.stderr) == (1, "Error: Text: a note needs its text\n")
    assert db.read_bytes() == before
    assert run_cli("log", "hiro", "note", "--text", "Prefers mornings", db=db).returncode == 0
