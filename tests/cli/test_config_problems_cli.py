"""A config file whose language cannot be read is said on stderr by every command, which goes on in the
language chosen without it: the app says its config's problems itself."""

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'language = "fr"\n', 'language \'fr\' is none of "en" and "ja"'),
        (b'language = "ja\n', "; its language is not read"),
        (b'language = "ja"\n# \x80\x81\n', "invalid start byte; its language is not read"),  # not UTF-8
    ],
)
def test_a_language_the_config_cannot_give_is_said_and_the_command_runs(tmp_path, content, said):
    config = tmp_path / "config.toml"
    config.write_bytes(content)
    done = run_cli("--config", str(config), "today", db=tmp_path / "db.json")
    assert done.stdout.startswith(tuple("0123456789"))  # the plan, in English
    assert done.stderr.splitlines()[0].startswith(f"{config}: ") and said in done.stderr


@pytest.mark.parametrize("content", [b'theme = "nord"\n[keys]\nquit = "Q"\n', b'theme = "nord"\n# \x80\n'])
def test_a_config_without_a_language_says_nothing(tmp_path, content):
    config = tmp_path / "config.toml"
    config.write_bytes(content)
    assert "config.toml" not in run_cli("--config", str(config), "today", db=tmp_path / "db.json").stderr
