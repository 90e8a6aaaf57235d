"""``--help`` in a language written in double-width characters without spaces (Japanese).

click wraps help text by counting characters and breaks lines only at spaces, so a Japanese sentence
runs twice as wide as it should or is cut to "...". Here lines are measured in terminal cells and broken
between any two wide characters (never before 、。」 and the like, nor after 「); words in Latin letters
are kept whole. The command line uses this only when its language is not English: English help is
click's own, unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from gettext import gettext

import click
from rich.cells import cell_len

# A line never starts with these, nor ends with the opening ones.
NO_BREAK_BEFORE = frozenset(
    "、。，．,.:;:!?！？）)]」』】〕〉》ー・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々…"
)
NO_BREAK_AFTER = frozenset("（([「『【〔〈《")
# A run of narrow non-space characters (a word, an option, a path), a run of spaces, or one character.
_UNITS = re.compile(r"[\x21-\x7e]+|\s+|.", re.DOTALL)


def _units(text: str) -> list[str]:
    """``text`` cut where a line may break, each piece kept with what must not be parted from it."""
    units: list[str] = []
    glue = False
    for piece in _UNITS.findall(text):
        if units and not piece.isspace() and (glue or piece[0] in NO_BREAK_BEFORE):
            units[-1] += piece
        else:
            units.append(piece)
        glue = not piece.isspace() and piece[-1] in NO_BREAK_AFTER
    return units


def _cut(unit: str, width: int) -> str:
    """The longest start of ``unit`` that fits in ``width`` cells (one character at least)."""
    cut = unit[0]
    for char in unit[1:]:
        if cell_len(cut + char) > width:
            break
        cut += char
    return cut


def wrap(text: str, width: int, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """One paragraph as lines of at most ``width`` cells, indents included."""
    lines: list[str] = []
    indent, line = initial_indent, ""
    for unit in _units(" ".join(text.split())):
        room = max(width - cell_len(indent), 1)
        if unit.isspace():
            line += " " if line else ""
            continue
        if cell_len(line + unit) <= room:
            line += unit
            continue
        if line.strip():
            lines.append(indent + line.rstrip())
            indent = subsequent_indent
            room = max(width - cell_len(indent), 1)
        while cell_len(unit) > room:  # wider than a whole line: cut it
            head = _cut(unit, room)
            lines.append(indent + head)
            indent, unit = subsequent_indent, unit[len(head) :]
            room = max(width - cell_len(indent), 1)
        line = unit
    lines.append(indent + line.rstrip())
    return lines


def wrap_paragraphs(text: str, width: int, indent: str = "") -> str:
    """Paragraphs (parted by a blank line) wrapped each on its own, a blank line between them."""
    paragraphs = [paragraph for paragraph in re.split(r"\n\s*\n", text.strip()) if paragraph.strip()]
    return "\n\n".join("\n".join(wrap(paragraph, width, indent, indent)) for paragraph in paragraphs)


class CellHelpFormatter(click.HelpFormatter):
    """click's help layout, with text measured in cells and wrapped as ``wrap`` does."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = gettext("Usage:") + " "  # click's own word, translated as click does
        head = f"{' ' * self.current_indent}{prefix}{prog}"
        if not args:
            self.write(f"{head}\n")
            return
        lines = wrap(args, self.width, f"{head} ", " " * (cell_len(head) + 1))
        self.write("\n".join(lines) + "\n")

    def write_text(self, text: str) -> None:
        self.write(wrap_paragraphs(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((cell_len(first) for first, _second in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{' ' * self.current_indent}{first}")
            if not second:
                self.write("\n")
                continue
            if cell_len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cell_len(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            text_width = max(self.width - first_col - 2, 10)
            lines = wrap_paragraphs(second, text_width).splitlines() or [""]
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{' ' * (first_col + self.current_indent) if line else ''}{line}\n")


class CellContext(click.Context):
    formatter_class = CellHelpFormatter


def short_help(command: click.Command, limit: int) -> str:
    """A command's help in the group's list: its first sentence, cut to ``limit`` cells."""
    text = command.short_help or (command.help or "").partition("\n\n")[0]
    text = " ".join(text.split())
    sentence, stop, _rest = text.partition("。")
    text = sentence + stop
    if cell_len(text) <= limit:
        return text
    cut = ""
    for char in text:
        if cell_len(cut + char) > limit - 1:
            break
        cut += char
    return cut.rstrip() + "…"


def use_cell_help(commands: Iterable[click.Command]) -> None:
    """Lay out the help of ``commands`` (and their subcommands) in cells."""
    for command in commands:
        command.context_class = CellContext
        if isinstance(command, click.Group):
            use_cell_help(command.commands.values())
