"""A config file whose language cannot be read is said on stderr by every command, which goes on in the
language chosen without it: the app says its config's problems itself."""

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ('language = "fr"\n', 'language \'fr\' is none of "en" and "ja"'),
        ('language = "ja\n', "; its language is not read"),
    ],
)
def test_a_language_the_config_cannot_give_is_said_and_the_command_runs(tmp_path, content, said):
    config = tmp_path / "config.toml"
    config.write_text(content)
    done = run_cli("--config", str(config), "today", db=tmp_path / "db.json")
    assert done.stdout.startswith(tuple("0123456789"))  # the plan, in English
    assert done.stderr.splitlines()[0].startswith(f"{config}: ") and said in done.stderr


def test_a_config_without_a_language_says_nothing(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('theme = "nord"\n[keys]\nquit = "Q"\n')
    assert "config.toml" not in run_cli("--config", str(config), "today", db=tmp_path / "db.json").stderr
