"""Japanese help laid out in terminal cells, click's own words as click writes them (issue 14), and no
command's help showing the double backquotes its source marks names with."""

from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from rich.cells import cell_len

from dailyreach.cli import click_words
from dailyreach.help_format import short_help, wrap, wrap_paragraphs
from tests.conftest import run_cli

KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}


def test_a_japanese_sentence_is_cut_by_cells_never_before_its_full_stop():
    text = "データベースの隣に置いた小さな記録を読むので、履歴がどれだけ増えても速いままです。"
    lines = wrap(text, 20, "  ", "  ")
    assert "".join(line.strip() for line in lines) == text
    assert all(cell_len(line) <= 20 for line in lines)
    assert not any(line.strip()[0] in "、。" for line in lines)


def test_words_in_latin_letters_are_kept_whole():
    lines = wrap("UTF-8 でも Shift_JIS でもないときのファイルの文字コード (cp1252 など)。", 16)
    assert all(cell_len(line) <= 16 for line in lines)
    assert any("Shift_JIS" in line for line in lines) and any("(cp1252" in line for line in lines)


def test_paragraphs_stay_apart_and_a_word_wider_than_the_line_is_cut():
    assert wrap_paragraphs("一つ目。\n\n二つ目。", 40, "  ") == "  一つ目。\n\n  二つ目。"
    assert wrap("a" * 25, 10) == ["a" * 10, "a" * 10, "a" * 5]


def test_the_command_list_shows_the_first_sentence_cut_to_its_cells():
    command = click.Command("x", help="今日の予定を表示します。それから別のことも。")
    assert short_help(command, 40) == "今日の予定を表示します。"
    cut = short_help(click.Command("y", help="とても長い説明" * 10), 21)
    assert cell_len(cut) <= 21 and cut.endswith("…")


def test_click_words_are_clicks_own_messages():
    """A click upgrade that rewords a message we translate fails here, not silently in English."""
    clicks = {
        message[0] if isinstance(message, tuple) else message
        for _, _, message, _, _ in extract_from_dir(
            str(Path(click.__file__).parent), method_map=[("**.py", "python")], keywords=KEYWORDS
        )
    }
    ours = {
        message[0] if isinstance(message, tuple) else message
        for _, message, _, _ in extract_from_file("python", click_words.__file__, keywords=KEYWORDS)
    }
    # click translates "required" as a variable: _(extra["required"]), the word set in core.py.
    assert 'extra["required"] = "required"' in Path(click.core.__file__).read_text()
    assert ours and ours <= clicks | {"required"}, sorted(ours - clicks)


def every_command(group: click.Group, ctx: click.Context, path: tuple[str, ...] = ()):
    """The command line of every command and subcommand, the group's own first."""
    yield path
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from every_command(command, click.Context(command, parent=ctx), (*path, name))
        else:
            yield (*path, name)


@pytest.mark.parametrize("language", ["en", "ja"])
def test_no_help_shows_the_sources_double_backquotes(language, tmp_path):
    from dailyreach.cli.commands import cli

    commands = list(every_command(cli, click.Context(cli)))
    assert ("remind",) in commands and ("template", "add") in commands
    for command in commands:
        shown = run_cli(*command, "--help", db=tmp_path / "db.json", env={"DAILYREACH_LANG": language}).stdout
        assert shown.startswith(("Usage:", "使い方:")) and "``" not in shown, (command, shown)
