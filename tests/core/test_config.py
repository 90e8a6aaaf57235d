"""The config file: read leniently, written back without losing the user's comments."""

import stat

from dailyreach.config import Config, load_config, remember_theme


def test_a_missing_file_means_the_defaults(tmp_path):
    config = load_config(tmp_path / "config.toml")
    assert (config.theme, config.keys, config.problems) == (None, {}, [])


def test_theme_and_keys_are_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[keys]\nlog_dm_sent = "D"\nquit = "ctrl+q"\n')
    config = load_config(path)
    assert (config.theme, config.keys, config.problems) == (
        "nord",
        {"log_dm_sent": "D", "quit": "ctrl+q"},
        [],
    )


def test_a_broken_file_is_reported_with_its_line_and_the_defaults_are_used(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\n[keys\n')
    config = load_config(path)
    assert (config.theme, config.keys) == (None, {})
    assert str(path) in config.problems[0] and "line 2" in config.problems[0]


def test_values_of_the_wrong_type_are_reported_one_by_one(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = 3\n[keys]\nlog_dm_sent = 4\nquit = "ctrl+q"\n')
    config = load_config(path)
    assert config.keys == {"quit": "ctrl+q"}
    assert len(config.problems) == 2 and "keys.log_dm_sent" in config.problems[1]


def test_a_setting_kept_in_the_database_or_an_unknown_key_is_said_not_silently_left(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('theme = "nord"\ndaily_goal = 3\nthme = "dracula"\n[status]\nformat = "{done}"\n')
    config = load_config(path)
    assert config.theme == "nord"
    assert config.problems == [
        f"{path}: daily_goal is kept in the database, not here: set it with `dailyreach settings` or "
        "ctrl+p Settings",
        f"{path}: thme is not a config setting; it was left alone",
    ]
    # Added at the end of the starter file, a setting falls under its [keys]: not taken as a key.
    path.write_text('[keys]\nquit = "ctrl+q"\ntimezone = "Asia/Tokyo"\n')
    config = load_config(path)
    assert config.keys == {"quit": "ctrl+q"}
    assert config.problems == [
        f"{path}: timezone is kept in the database, not here: set it with `dailyreach settings` or "
        "ctrl+p Settings"
    ]


def test_remembering_the_theme_keeps_comments_and_keys_and_is_owner_only(tmp_path):
    path = tmp_path / "dailyreach" / "config.toml"
    assert remember_theme(path, "gruvbox")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text('# my keys\ntheme = "gruvbox"\n[keys]\nquit = "ctrl+q"  # muscle memory\n')
    assert remember_theme(path, "nord")
    text = path.read_text()
    assert "# my keys" in text and "# muscle memory" in text
    assert load_config(path).theme == "nord"


def test_a_broken_file_is_never_overwritten(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("[keys\n")
    assert not remember_theme(path, "nord")
    assert path.read_text() == "[keys\n"


def test_a_starter_file_is_written_once_commented_out_and_owner_only(tmp_path):
    from dailyreach.config import write_starter_config

    path = tmp_path / "dailyreach" / "config.toml"
    write_starter_config(path, ["quit", "log_dm_sent"])
    text = path.read_text()
    assert "log_dm_sent, quit" in text and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_config(path) == Config(path=path)
    assert remember_theme(path, "nord") and load_config(path).theme == "nord"
    write_starter_config(path, ["quit"])
    assert load_config(path).theme == "nord"


def test_a_broken_status_table_is_said_with_the_files_other_problems(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('[status]\nformat = 5\nquiet_when_done = "yes"\nqiet = true\n')
    assert load_config(path).problems == [
        f"{path}: status.qiet is not a setting: format, quiet_when_done are",
        f"{path}: status.format must be text in quotes",
        f"{path}: status.quiet_when_done must be true or false",
    ]
