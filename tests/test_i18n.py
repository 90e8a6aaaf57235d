"""Which language a command starts in: config.toml's ``language``, else the environment (issue 14)."""

import subprocess
import sys

import pytest

from dailyreach import i18n
from dailyreach.config import write_starter_config


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("ja", "ja"),
        ("ja_JP.UTF-8", "ja"),
        ("ja-JP", "ja"),
        ("日本語", "ja"),
        ("Japanese", "ja"),
        ("en_US.UTF-8", "en"),
        ("English", "en"),
        ("C", "en"),
        ("POSIX", "en"),
        ("fr_FR.UTF-8", None),
        ("", None),
        (3, None),
        (None, None),
    ],
)
def test_a_language_is_read_from_its_usual_spellings(value, code):
    assert i18n.language_code(value) == code


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "ja_JP.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "ja_JP.UTF-8"}, "ja"),
        ({"LC_ALL": "en_US.UTF-8", "DAILYREACH_LANG": "ja"}, "ja"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),  # a language there is no catalog for: the source's
    ],
)
def test_the_environment_decides_when_the_config_does_not(environ, language):
    assert i18n.choose_language(None, environ) == language


def test_the_config_file_decides_first(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('language = "ja"\n', encoding="utf-8")
    environ = {"DAILYREACH_LANG": "en", "DAILYREACH_CONFIG": str(config)}
    assert i18n.choose_language(i18n.config_language([], environ), environ) == "ja"
    other = tmp_path / "other.toml"
    other.write_text('language = "en"\n', encoding="utf-8")
    assert i18n.config_language(["--config", str(other), "today"], environ) == "en"
    assert i18n.config_language([f"--config={other}"], environ) == "en"


@pytest.mark.parametrize(
    "text",
    [
        '  language = "ja"  # set by hand\n',
        '"language" = "ja"\n',
        'theme = "nord"\r\nlanguage="ja"\r\n',
        '# a comment\nlanguage = "ja" # "en" before\n[keys]\n',
    ],
)
def test_the_language_key_is_read_however_the_line_is_written(tmp_path, text):
    config = tmp_path / "config.toml"
    config.write_bytes(text.encode())
    assert i18n.config_language([], {"DAILYREACH_CONFIG": str(config)}) == "ja"


def test_a_commented_out_language_is_not_read_and_needs_no_toml_parser(tmp_path):
    config = tmp_path / "config.toml"
    write_starter_config(config, ["quit"])
    assert "# language = " in config.read_text(encoding="utf-8")
    probe = (
        "import sys\nfrom dailyreach import i18n\n"
        f"print(i18n.config_language(['--config', {str(config)!r}]), 'tomllib' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["None", "False"], result.stderr


@pytest.mark.parametrize("text", ["", "theme = 'nord'\n", "language = [\n", "language = 3\n"])
def test_a_config_without_a_usable_language_leaves_it_to_the_environment(tmp_path, text):
    config = tmp_path / "config.toml"
    config.write_bytes(text.encode())
    environ = {"LANG": "ja_JP.UTF-8", "DAILYREACH_CONFIG": str(config)}
    assert i18n.choose_language(i18n.config_language([], environ), environ) == "ja"
    assert i18n.config_language([], {"DAILYREACH_CONFIG": str(tmp_path / "missing.toml")}) is None


def test_strings_follow_the_language_in_use():
    try:
        i18n.use_language("ja")
        assert i18n.current_language() == "ja"
        i18n.use_language("xx")
        assert i18n.current_language() == "en"
        assert i18n._("a string no catalog has") == "a string no catalog has"
        assert i18n.ngettext("day", "days", 2) == "days"
    finally:
        i18n.use_language("en")


def test_the_status_line_looks_at_the_variables_the_language_is_chosen_from():
    from dailyreach.cli import status_line

    assert status_line.LANGUAGE_VARIABLES == i18n.ENVIRONMENT
