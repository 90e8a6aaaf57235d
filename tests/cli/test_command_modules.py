"""The commands live in modules by what they do, each loaded only when one of its commands runs."""

import click
import pytest

from dailyreach.cli.commands import COMMANDS, cli
from tests.cli.test_startup_imports import SCRIPT, heavy_loaded, script_env
from tests.conftest import run_cli

MODULES = set(COMMANDS.values())


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("modules") / "db.json"
    run_cli("add", "Ann", "--x", "@ann", db=path)
    return path


@pytest.mark.parametrize(
    ("args", "module"),
    [
        (("log", "ann", "note", "--help"), "dailyreach.cli.record_commands"),
        (("add", "Bob", "--x", "@bob"), "dailyreach.cli.record_commands"),
        (("stats", "--json"), "dailyreach.cli.view_commands"),
        (("export", "--format", "csv"), "dailyreach.cli.file_commands"),
        (("doctor",), "dailyreach.cli.file_commands"),
        (("serve", "--help"), "dailyreach.cli.outside_commands"),
        (("template", "list"), "dailyreach.cli.draft_commands"),
    ],
    ids=" ".join,
)
def test_a_command_loads_its_own_module_only(db, args, module):
    assert heavy_loaded(SCRIPT, *args, env=script_env(db), watched=MODULES) == {module}


def test_help_lists_every_command_from_every_module(db):
    listed = {
        line.split()[0] for line in run_cli("--help", db=db).stdout.split("Commands:")[1].splitlines() if line
    }
    assert listed == set(COMMANDS)
    assert heavy_loaded(SCRIPT, "--help", env=script_env(db), watched=MODULES) == MODULES


def test_every_command_is_where_the_table_says():
    for name in COMMANDS:
        command = cli.get_command(click.Context(cli), name)
        assert command is not None and command.name == name


@pytest.mark.parametrize(("typo", "meant"), [("tody", "today"), ("templat", "template"), ("exprt", "export")])
def test_a_typo_is_matched_against_commands_not_loaded_yet(db, typo, meant):
    said = run_cli(typo, db=db, check=False)
    assert said.returncode == 2
    assert f"No such command '{typo}'. Did you mean '{meant}'?" in said.stderr


def test_a_command_that_is_not_a_view_loads_no_view_code(db):
    watched = {"dailyreach.cli.agenda_views", "dailyreach.cli.view_commands"}
    assert (
        heavy_loaded(SCRIPT, "log", "ann", "note", "--text", "hi", env=script_env(db), watched=watched)
        == set()
    )


def test_status_with_an_option_it_does_not_know_is_answered_by_click(db):
    said = run_cli("status", "--bogus", db=db, check=False)
    assert (said.returncode, said.stdout) == (2, "")
    assert "Error: No such option '--bogus'" in said.stderr
