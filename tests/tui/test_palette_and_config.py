"""The command palette, remapped keys and the remembered theme."""

from pathlib import Path

from textual.command import CommandList
from textual.widgets import DataTable

from dailyreach.config import load_config
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.keymap import class_bindings, screens_with_keys, unknown_keys
from dailyreach.tui.screens.contact import ContactScreen
from dailyreach.tui.screens.main import MainScreen
from tests.conftest import add_contact
from tests.tui.conftest import SIZE, cells, settle


def notices(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def configured_app(store, tmp_path, text: str) -> tuple[DailyReachApp, Path]:
    """The app with a config file of ``text``, and the file's path."""
    path = tmp_path / "config.toml"
    path.write_text(text)
    return DailyReachApp(store, load_config(path)), path


async def test_ctrl_p_jumps_to_a_contact_by_part_of_its_name(store, people):
    _, yamada, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"山田")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == yamada.id


async def test_ctrl_p_finds_a_name_typed_without_its_accents_and_lights_up_the_name_as_written(store):
    # The é of René typed as e and a combining accent: folded, the name is a character shorter.
    rene = add_contact(store, "Rene\u0301 Núñez")
    add_contact(store, "Ann Smith")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"nunez")
        await pilot.pause(0.5)
        hit = app.screen.query_one(CommandList).get_option_at_index(0).prompt
        name = next(line for line in hit.plain.splitlines() if "Núñez" in line)
        lit = {name[span.start : span.end] for span in hit.spans if span.end - span.start == 1}
        assert {"N", "ú", "ñ", "e", "z"} <= lit
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == rene.id


async def test_a_markup_looking_name_is_found_and_opened_in_the_palette(store, people):
    _, _, vip = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"VIP")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.contact_id == vip.id
        assert "[bold]VIP" in str(app.screen.query_one("#details").render())


async def test_the_palette_runs_an_action_on_the_selected_row(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"DM sent")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert [(i.contact_id, i.kind) for i in store.interactions()] == [(ann.id, "dm_sent")]


async def test_keys_remapped_in_the_config_file_replace_the_defaults(store, people, tmp_path):
    app, path = configured_app(store, tmp_path, '[keys]\nlog_dm_sent = "D"\nnot_a_key = "z"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.query_one("#today", DataTable)
        await pilot.press("D", "enter")
        await settle(pilot)
        assert [i.kind for i in store.interactions()] == ["dm_sent"]
        assert cells(app, "today")[0][0] == "✓"
        assert any("no key with the id not_a_key" in notice for notice in notices(app))


async def test_the_readmes_quit_on_ctrl_q_quits_without_a_warning(store, people, tmp_path):
    app, path = configured_app(store, tmp_path, '[keys]\nquit = "ctrl+q"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not [notice for notice in notices(app) if "ctrl+q" in notice]
        await pilot.press("ctrl+q")
        await settle(pilot)
    assert app.return_code == 0 and not app.is_running


async def test_a_key_taken_from_another_action_is_said_once_naming_both(store, people, tmp_path):
    app, path = configured_app(store, tmp_path, '[keys]\nhelp = "ctrl+q"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [notice for notice in notices(app) if "^q" in notice]
        assert said == [
            "^q is given to help in [keys] of the config file, but quit has it too: help keeps its own key"
        ]


async def test_a_key_given_to_an_action_where_another_has_it_by_default_is_said(store, people, tmp_path):
    # d opened the new target form and DM sent had no key left, without a word.
    app, path = configured_app(
        store, tmp_path, '[keys]\nnew_target = "d"\ndecline = "x"\nhelp = "?"\nlog_met = "ctrl+e"\n'
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # x is decline's and close's by default, ? is help's already, ctrl+e is nobody's: none is said.
        assert [notice for notice in notices(app) if "[keys]" in notice] == [
            "d is given to new_target in [keys] of the config file, but log_dm_sent has it too: "
            "new_target keeps its own key"
        ]


async def test_an_action_given_a_key_another_has_keeps_its_own(store, people, tmp_path):
    """quit = "d" left quit with no key at all (d logs a DM), and q did nothing."""
    app, path = configured_app(store, tmp_path, '[keys]\nquit = "d"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert (
            "d is given to quit in [keys] of the config file, but log_dm_sent has it too: quit keeps its own key"
            in notices(app)
        )
        await pilot.press("q")
        await settle(pilot)
    assert not app.is_running


async def test_an_action_back_on_its_own_key_can_leave_another_remap_to_give_way_too(store, people, tmp_path):
    """log_dm_sent = "x" is decline's: it goes back to d, which quit = "d" then has with it."""
    app, path = configured_app(store, tmp_path, '[keys]\nquit = "d"\nlog_dm_sent = "x"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [notice for notice in notices(app) if "keeps its own key" in notice]
        assert any(notice.startswith("x is given to log_dm_sent") for notice in said), said
        assert any(notice.startswith("d is given to quit") for notice in said), said
        await pilot.press("q")
        await settle(pilot)
    assert not app.is_running


def test_every_key_the_app_gives_by_default_is_a_key():
    """slash, minus and plus are Textual's names, not Unicode's: a config giving slash was refused."""
    defaults = {
        binding.key
        for cls in [DailyReachApp, *(cls for screen in screens_with_keys() for cls in screen)]
        for binding in class_bindings(cls)
    }
    assert "slash" in defaults
    assert [key for key in sorted(defaults) if unknown_keys(key)] == []
    assert unknown_keys("minus,plus,ctrl+underscore") == []


async def test_a_key_no_key_press_is_named_is_said_and_the_action_keeps_its_own(store, people, tmp_path):
    """quit = "ctrl+" was taken without a word: the footer showed "^" and q did nothing."""
    app, path = configured_app(store, tmp_path, '[keys]\nquit = "ctrl+"\nhelp = "ctlr+h, f1"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [notice for notice in notices(app) if "is not a key" in notice]
        assert said == [
            f"{path}: keys.quit: 'ctrl+' is not a key (such as D, ctrl+d, f5 or question_mark); "
            "quit keeps its own key",
            f"{path}: keys.help: 'ctlr+h' is not a key (such as D, ctrl+d, f5 or question_mark); "
            "help keeps its own key",
        ]
        await pilot.press("q")
        await settle(pilot)
    assert not app.is_running


async def test_the_theme_comes_from_the_config_and_a_new_choice_is_remembered(store, tmp_path):
    app, path = configured_app(store, tmp_path, '# mine\ntheme = "nord"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
        app.theme = "gruvbox"
        await settle(pilot)
    assert load_config(path).theme == "gruvbox"
    assert path.read_text().startswith("# mine")


async def test_the_main_screen_is_the_first_screen_and_is_built_in_the_configured_theme(
    store, tmp_path, monkeypatch
):
    # Pushed over Textual's blank default screen, the main screen came a frame later (issue 8).
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n')
    themes_at_compose = []
    compose = MainScreen.compose

    def recorded(screen):
        themes_at_compose.append(screen.app.theme)
        return compose(screen)

    monkeypatch.setattr(MainScreen, "compose", recorded)
    app = DailyReachApp(store, load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [type(screen) for screen in app.screen_stack] == [MainScreen]
        assert themes_at_compose == ["nord"]


async def test_a_broken_config_is_reported_and_the_app_runs_with_defaults(store, people, tmp_path):
    app, path = configured_app(store, tmp_path, 'theme = "no-such-theme"\n')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert any("no theme called 'no-such-theme'" in notice for notice in notices(app))
        assert len(cells(app, "today")) == 3


def test_the_readme_lists_every_binding_id_a_user_can_remap():
    import re

    from dailyreach.tui.app import binding_ids

    readme = (Path(__file__).parents[2] / "README.md").read_text()
    listed = readme[readme.index("Ids: ") : readme.index("A broken file")]
    assert set(re.findall(r"`(\w+)`", listed)) == binding_ids()


async def test_an_action_textual_offers_too_is_listed_once_with_its_key(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for typed, title, key in (("Quit", "Quit", "key q, ^q"), ("Keys", "Keys", "key ?")):
            await pilot.press("ctrl+p", *typed)
            await pilot.pause(0.5)
            found = [
                str(option.prompt.plain if hasattr(option.prompt, "plain") else option.prompt)
                for option in app.screen.query_one(CommandList).options
            ]
            titled = [text for text in found if text.splitlines()[0] == title]
            assert len(titled) == 1, found
            assert titled[0].endswith(key), titled
            await pilot.press("escape")


async def test_ctrl_p_finds_a_contact_by_handle_when_the_name_is_in_another_script(store, people):
    _, yamada, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"yamada")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen) and app.screen.contact_id == yamada.id


async def test_a_handle_that_holds_the_letters_together_ranks_above_a_name_that_scatters_them(store, people):
    _, yamada, _ = people
    add_contact(store, "Omar Haddad", handles={"x": "@omar"})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"mada")
        await pilot.pause(0.5)
        found = [str(option.prompt.plain) for option in app.screen.query_one(CommandList).options]
        assert found[0].startswith("山田 太郎") and any(text.startswith("Omar Haddad") for text in found), (
            found
        )
