"""ctrl+p "Language: 日本語 / English": the choice is written to config.toml, like the theme, and the app
starts again in it, once every change is saved (issue 14)."""

import os
import shutil
import sys

import pytest

from dailyreach import i18n
from dailyreach.config import load_config
from dailyreach.core.store.store import Store
from dailyreach.demo_folder import KEPT, kept_demo, new_demo_folder
from dailyreach.tui import launch
from dailyreach.tui.app import RESTART, DailyReachApp
from tests.conftest import log
from tests.tui.conftest import SIZE, settle


async def switch_language(app, typed: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *typed)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)


async def test_the_palette_switches_to_japanese_remembers_it_and_asks_to_start_again(store, people, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('# mine\ntheme = "nord"\n')
    app = DailyReachApp(store, load_config(path))
    await switch_language(app, "language")
    assert app.return_value == RESTART
    assert load_config(path).language == "ja"
    assert load_config(path).theme == "nord" and "# mine" in path.read_text()
    # As the next start reads it, whatever the environment says.
    assert i18n.choose_language(load_config(path).language, {"LANG": "en_US.UTF-8"}) == "ja"


async def test_in_japanese_the_palette_switches_back_to_english(store, people, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('language = "ja"\n')
    i18n.use_language("ja")
    try:
        app = DailyReachApp(store, load_config(path))
        await switch_language(app, "言語")
    finally:
        i18n.use_language("en")
    assert app.return_value == RESTART
    assert load_config(path).language == "en"


async def test_a_config_that_cannot_be_written_keeps_the_app_running(store, people, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("language = [\n")  # broken: left alone
    app = DailyReachApp(store, load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"language")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert any("could not be saved" in str(notice.message) for notice in app._notifications)
    assert app.return_value is None
    assert path.read_text() == "language = [\n"


@pytest.mark.parametrize("demo", [False, True])
def test_the_restart_runs_the_same_command_again(tmp_path, monkeypatch, demo):
    """launch.run_app turns the app's RESTART into a fresh start of the same command line."""
    monkeypatch.delenv(KEPT, raising=False)  # the demo's folder, kept for the restart, is named in it
    started = []
    monkeypatch.setattr(DailyReachApp, "run", lambda self: RESTART)
    monkeypatch.setattr(launch.os, "execv", lambda program, args: started.append((program, args)))
    monkeypatch.setattr(sys, "argv", ["/somewhere/bin/dailyreach", "--db", "x.json", "--demo"])
    config = tmp_path / "config.toml"
    config.write_text("")
    launch.run_app(tmp_path / "db.json", config, demo=demo)
    assert started == [(sys.executable, [sys.executable, "-m", "dailyreach", "--db", "x.json", "--demo"])]
    if demo:
        shutil.rmtree(os.environ[KEPT])


def test_no_restart_when_the_app_just_quits(tmp_path, monkeypatch):
    monkeypatch.setattr(DailyReachApp, "run", lambda self: None)
    monkeypatch.setattr(launch.os, "execv", lambda *args: pytest.fail("started again"))
    config = tmp_path / "config.toml"
    config.write_text("")
    launch.run_app(tmp_path / "db.json", config)


async def test_a_language_there_is_none_of_is_said_at_start(store, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('language = "fr"\n')
    app = DailyReachApp(store, load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notices = [str(notice.message) for notice in app._notifications]
    assert any("no language called 'fr': en or ja" in notice for notice in notices)


@pytest.mark.parametrize(
    ("exists", "demo", "said"), [(False, False, True), (True, False, False), (False, True, False)]
)
def test_the_app_is_told_to_say_so_when_opening_made_the_database(tmp_path, monkeypatch, exists, demo, said):
    seen = []
    monkeypatch.setattr(DailyReachApp, "run", lambda self: seen.append(self.say_made))
    config = tmp_path / "config.toml"
    config.write_text("")
    db = tmp_path / "db.json"
    if exists:
        Store(db)
    launch.run_app(db, config, demo=demo)
    assert seen == [said]


async def test_the_app_says_it_made_the_database(tmp_path):
    store = Store(tmp_path / "typo.json")
    app = DailyReachApp(store, say_made=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [notice.message for notice in app._notifications]
    assert f"There was no database at {store.path}, so a new, empty one was made." in said


async def test_the_app_says_an_empty_file_was_made_a_database(tmp_path):
    db = tmp_path / "touched.json"
    db.write_bytes(b"")
    store = Store(db)
    app = DailyReachApp(store, say_made=bool(store.made))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [notice.message for notice in app._notifications]
    assert f"{db} was empty, so it was made a new, empty database." in said


def test_a_demo_started_again_in_a_new_language_goes_on_where_it_was(tmp_path, monkeypatch):
    monkeypatch.setattr(launch.os, "execv", lambda *args: None)
    monkeypatch.delenv(KEPT, raising=False)
    monkeypatch.setattr(sys, "argv", ["dailyreach", "--demo"])
    config = tmp_path / "config.toml"
    config.write_text("")
    seen = []

    def run(app: DailyReachApp) -> str | None:
        seen.append((app.store.path, len(app.store.interactions())))
        if len(seen) == 1:
            log(app.store, app.store.contacts()[0], "note", text="typed in the demo")
            return RESTART
        return None

    monkeypatch.setattr(DailyReachApp, "run", run)
    launch.run_app(tmp_path / "db.json", config, demo=True)
    assert os.environ[KEPT] == str(seen[0][0].parent) and seen[0][0].exists()  # kept for the restart
    launch.run_app(tmp_path / "db.json", config, demo=True)  # the same process, after execv
    assert seen[1] == (seen[0][0], seen[0][1] + 1)
    assert KEPT not in os.environ and not seen[0][0].parent.exists()  # removed as the demo ends


def test_a_demo_folder_is_taken_over_only_when_this_process_made_it(tmp_path, monkeypatch):
    mine = new_demo_folder()
    monkeypatch.setenv(KEPT, str(mine))
    assert kept_demo() == mine and KEPT not in os.environ
    elsewhere = tmp_path / "dailyreach-demo-x"
    elsewhere.mkdir()
    (elsewhere / "pid").write_text(str(os.getpid()))
    another = new_demo_folder()
    (another / "pid").write_text("1")
    for named in (str(elsewhere), str(another), "", str(tmp_path / "none")):
        monkeypatch.setenv(KEPT, named)
        assert kept_demo() is None
    assert elsewhere.exists() and another.exists()  # left alone
    for folder in (mine, another):
        shutil.rmtree(folder)
