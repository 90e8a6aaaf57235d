"""Which heavy packages each command loads: most of a command's start-up time is imports.

The table is the record. When a command comes to need a package (or stops needing one), change its row
here, on purpose; an unplanned import fails this test instead of quietly slowing every run down.
"""

import gc
import os
import subprocess
import sys

import pytest

from dailyreach.cli import COMMAND_COLLECTION_THRESHOLD, USUAL_COLLECTION_THRESHOLDS, main
from tests.conftest import run_cli

# What a command that opens the store loads; then the packages only some paths need. pendulum is
# loaded only for a date the standard library does not read, and by the calendar export; filelock only
# where there is no flock.
STORE = {"click", "tinydb", "orjson"}
READ = STORE - {"click"}  # today, pending, invitations, log and the JSON export, alone on the command line
HEAVY = STORE | {"filelock", "pendulum", "textual", "icalendar", "vobject", "jsonschema", "tomlkit"}
HEAVY |= {"textual_serve", "aiohttp"}  # dailyreach serve's web server
LOADED = {
    ("--version",): set(),
    ("--db", "other.json", "--config=c.toml", "--version"): set(),
    ("--help",): {"click"},
    ("today", "--help"): {"click"},
    ("serve", "--help"): {"click"},
    ("today",): READ,
    ("today", "--json"): READ,
    ("pending",): READ,
    ("invitations", "--json"): READ,
    ("stats",): STORE,
    ("stats", "--json", "--weeks", "4"): STORE,
    ("log", "ann", "dm_sent"): READ,
    ("log", "ann", "note", "--text", "hi", "--at", "-2h"): READ,
    ("log", "ann", "note", "--text", "hi", "--at", "2026-01-05T09:30"): READ,
    ("log", "ann", "note", "--text", "hi", "--at", "2026-01-05 09:30:00.25+09:00"): READ,
    ("log", "ann", "note", "--text", "hi", "--at", "20260105T0930"): READ | {"pendulum"},
    ("log", "ann", "note", "--at", "-2h", "--help"): {"click"},
    ("export",): READ,
    ("export", "--format", "csv"): STORE,
    ("export", "--format", "vcard"): STORE,
    ("export", "--format", "ics"): STORE | {"icalendar", "pendulum"},
    ("settings",): STORE,
}


def heavy_loaded(
    code: str, *args: str, env: dict[str, str] | None = None, watched: set[str] = HEAVY
) -> set[str]:
    """The ``watched`` modules a fresh interpreter has loaded when ``code`` (run with ``args``) exits."""
    report = f"print('LOADED', *{watched!r} & set(sys.modules), file=sys.stderr)"
    probe = f"import atexit, sys\natexit.register(lambda: {report})\n{code}"
    result = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return set(result.stderr.splitlines()[-1].split()[1:])


@pytest.fixture(scope="module")
def db_with_ann(tmp_path_factory):
    path = tmp_path_factory.mktemp("startup") / "db.json"
    ann = run_cli("add", "Ann", "--x", "@ann", db=path).stdout.strip()
    run_cli("log", ann, "dm_sent", "--at", "yesterday", db=path)  # so the calendar has a follow-up
    return path


# What the installed ``dailyreach`` script runs.
SCRIPT = "sys.argv[0] = 'dailyreach'\nfrom dailyreach.cli import main\nsys.exit(main())"


def script_env(db: object) -> dict[str, str]:
    return {**os.environ, "DAILYREACH_DB": str(db), "TZ": "Asia/Tokyo"}


@pytest.mark.parametrize("args", list(LOADED), ids=" ".join)
def test_each_command_loads_only_what_it_uses(args, db_with_ann):
    assert heavy_loaded(SCRIPT, *args, env=script_env(db_with_ann)) == LOADED[args]


OTHER_FORMATS = {
    "dailyreach.core.files.contact_export",
    "dailyreach.core.files.contact_import",
    "csv",
    "importlib.resources",
}


@pytest.mark.parametrize(
    "args", [("export",), ("today",), ("log", "ann", "note", "--text", "hi")], ids=" ".join
)
def test_the_json_export_and_daily_commands_load_no_other_formats_code(args, db_with_ann):
    assert heavy_loaded(SCRIPT, *args, env=script_env(db_with_ann), watched=OTHER_FORMATS) == set()


def test_the_app_loads_import_and_export_code_only_when_it_is_used():
    # Nor click (dailyreach.cli opens it) or pendulum (the agenda and its panes need neither).
    assert heavy_loaded("import dailyreach.tui.app").isdisjoint(
        {"icalendar", "vobject", "jsonschema", "tomlkit", "textual_serve", "aiohttp", "click", "pendulum"}
    )


def test_a_command_collects_garbage_rarely_as_it_starts():
    probe = "import atexit, gc, sys\natexit.register(lambda: print('THRESHOLD', gc.get_threshold()[0]))\n"
    result = subprocess.run(
        [sys.executable, "-c", probe + SCRIPT, "today", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == f"THRESHOLD {COMMAND_COLLECTION_THRESHOLD}"


def test_the_app_starts_collecting_garbage_rarely(monkeypatch, tmp_path):
    """Until its first figures are shown (tests/tui/test_startup_collection.py)."""
    seen = []
    monkeypatch.setattr(
        "dailyreach.tui.launch.run_app", lambda *args, **kwargs: seen.append(gc.get_threshold()[0])
    )
    monkeypatch.setattr("dailyreach.cli.no_terminal", lambda: None)
    before = gc.get_threshold()
    try:
        main(["--db", str(tmp_path / "db.json"), "--config", str(tmp_path / "config.toml")])
    finally:
        gc.set_threshold(*before)
    assert USUAL_COLLECTION_THRESHOLDS[0] != COMMAND_COLLECTION_THRESHOLD
    assert seen == [COMMAND_COLLECTION_THRESHOLD]


# The command line with the app replaced (and no terminal asked for): it prints what the app would be
# opened on.
APP_SCRIPT = (
    "import sys\nimport dailyreach.cli\nimport dailyreach.tui.launch as launch\n"
    "dailyreach.cli.no_terminal = lambda: None\n"
    "launch.run_app = lambda db, config, demo: print('APP', db, config, demo)\n" + SCRIPT
)


@pytest.mark.parametrize("args", [(), ("--demo",), ("--config", "c.toml", "--db=other.json")], ids=" ".join)
def test_the_app_starts_without_click(args, db_with_ann):
    assert heavy_loaded(APP_SCRIPT, *args, env=script_env(db_with_ann), watched=HEAVY) == set()


def test_the_app_is_opened_on_what_click_would_read(db_with_ann, tmp_path):
    def opened(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-c", APP_SCRIPT, *args],
            capture_output=True,
            text=True,
            env={**script_env(db_with_ann), "DAILYREACH_CONFIG": ""},
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    default_config = os.path.join(os.path.expanduser("~/.config"), "dailyreach", "config.toml")
    if os.environ.get("XDG_CONFIG_HOME", "").strip():
        default_config = os.path.join(os.environ["XDG_CONFIG_HOME"].strip(), "dailyreach", "config.toml")
    assert opened() == f"APP {db_with_ann} {default_config} False"
    assert opened("--demo", "--config=c.toml") == f"APP {db_with_ann} c.toml True"
    assert opened("--db", "x.json", "--db", "y.json") == f"APP y.json {default_config} False"


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (("--help",), "Usage: dailyreach [OPTIONS] [COMMAND] [ARGS]..."),
        (("--bogus",), "Error: No such option '--bogus'."),
        (("--demo=yes",), "Error: Option '--demo' does not take a value."),
        (("--db",), "Error: Option '--db' requires an argument."),
        (("--db", "FOLDER"), "names a folder: name a file in it"),
        (("--db", "BROKEN"), "is not valid JSON"),
    ],
)
def test_what_the_app_cannot_take_is_said_by_click(args, error, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"x": 1')
    args = tuple({"FOLDER": str(tmp_path), "BROKEN": str(broken)}.get(arg, arg) for arg in args)
    terminal, typed_in = os.openpty()  # the app is refused without one, before its database is read
    try:
        result = run_cli(*args, db=tmp_path / "db.json", check=False, stdin=typed_in)
    finally:
        os.close(terminal)
        os.close(typed_in)
    assert error in result.stdout + result.stderr


@pytest.mark.parametrize("closed", [False, True], ids=["dev-null", "closed"])
def test_the_app_with_no_terminal_to_type_in_says_so_and_makes_nothing(tmp_path, closed):
    db = tmp_path / "new" / "db.json"
    # ``< /dev/null``, or ``<&-``: no standard input at all.
    stdin = {"preexec_fn": lambda: os.close(0)} if closed else {"stdin": subprocess.DEVNULL}
    result = run_cli(db=db, check=False, **stdin)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "Error: the app needs a terminal to type in; from a script use dailyreach today, pending, log or --help\n"
    )
    assert not db.parent.exists()


WRITE_ONLY = {"tempfile", "random"}  # a temporary file to swap in, and the ids of new records


@pytest.mark.parametrize("args", [("today",), ("pending", "--json"), ("invitations",)], ids=" ".join)
def test_a_command_that_only_reads_loads_no_code_for_writing(args, db_with_ann):
    heavy_loaded(SCRIPT, "today", env=script_env(db_with_ann))  # the day's first `today` saves its plan
    assert heavy_loaded(SCRIPT, *args, env=script_env(db_with_ann), watched=WRITE_ONLY) == set()


def test_a_write_loads_it(db_with_ann):
    assert heavy_loaded(
        SCRIPT, "log", "ann", "note", "--text", "hi", env=script_env(db_with_ann), watched=WRITE_ONLY
    ) == {
        "tempfile",
        "random",
    }


def test_plain_text_is_aligned_without_rich_width_tables(db_with_ann):
    assert heavy_loaded(SCRIPT, "today", env=script_env(db_with_ann), watched={"rich"}) == set()
