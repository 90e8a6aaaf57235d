"""Cleaning what people type or import before it is stored, and escaping what is printed."""

from __future__ import annotations

import re
import unicodedata

# Whole escape sequences first, so no "[31m" is left behind when the ESC byte goes.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
# Embeddings, overrides and isolates: one of them makes a name display reversed ("U+202E"). Marks
# (U+200E, U+200F), the zero-width joiner and variation selectors stay, for scripts and emoji.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Every character strip_control changes or drops: a text with none of them, nearly every text, is kept
# as it is without a look at each character (an import of 100k records cleans 150k texts).
_STRIPPED = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE_OUTPUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Japanese script: kana and the CJK ideographs (and half-width katakana). Ranges, not a regular
# expression: compiling a class of 20,000 ideographs costs every command 2 ms as it starts.
_JAPANESE = (
    ("\u3040", "\u30ff"),
    ("\u3400", "\u4dbf"),
    ("\u4e00", "\u9fff"),
    ("\uf900", "\ufaff"),
    ("\uff66", "\uff9f"),
)
_HANGUL = (("\u1100", "\u11ff"), ("\u3130", "\u318f"), ("\uac00", "\ud7af"))


# The most characters of an invitation's title a sentence about it gives (what was saved, undone):
# a title may run to 500, which filled a notice at 80x24.
TITLE_NAMED_LENGTH = 80


def title_named(title: str) -> str:
    """An invitation's title as a sentence names it: on one line, cut with "…" past TITLE_NAMED_LENGTH."""
    line = " ".join(title.split())
    return line if len(line) <= TITLE_NAMED_LENGTH else line[: TITLE_NAMED_LENGTH - 1].rstrip() + "…"


def strip_control(text: str, *, multiline: bool = False) -> str:
    """``text`` without terminal escape sequences and control characters.

    Newlines and tabs stay in multi-line fields; elsewhere they become spaces, and bidi overrides and
    isolates go too.
    """
    if not _STRIPPED.search(text):
        return text
    text = _ESCAPE_SEQUENCE.sub("", text).replace("\r\n", "\n")
    kept = []
    for character in text:
        if character in "\r\n\t\v\f\u2028\u2029":
            kept.append(character if multiline and character in "\n\t" else " ")
        elif unicodedata.category(character) not in ("Cc", "Cs") and (
            multiline or character not in BIDI_CONTROLS
        ):
            kept.append(character)
    return "".join(kept)


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate: bytes that were not valid UTF-8 (in a file or argv)."""
    return _SURROGATE.search(text) is not None


def terminal_safe(text: str) -> str:
    """``text`` with every control character, bidi override and lone surrogate shown as an escape
    (``\\x1b``), so that nothing printed can drive the terminal; newlines and tabs stay."""
    return _UNSAFE_OUTPUT.sub(
        lambda match: f"\\x{ord(match[0]):02x}" if ord(match[0]) < 0x100 else f"\\u{ord(match[0]):04x}", text
    )


def is_japanese_name(name: str) -> bool:
    """Whether a name is written in Japanese script (kanji, which Chinese names share, or kana): a draft
    then addresses it by its family name + さん."""
    return _written_in(name, _JAPANESE)


def family_name_first(name: str) -> bool:
    """Whether a name in this script is written family name first: Japanese, Chinese or Korean."""
    return is_japanese_name(name) or _written_in(name, _HANGUL)


def _written_in(text: str, script: tuple[tuple[str, str], ...]) -> bool:
    return any(first <= character <= last for character in text for first, last in script)


SHOWN_LIMIT = 60
_JOINERS = frozenset("\u200c\u200d")


def shown(value: object) -> str:
    """A value quoted for an error message: escapes visible, and cut short so a huge one stays readable.
    The joiners that make one emoji of several (a woman and a laptop: a technologist) are shown as typed,
    not escaped."""
    text = repr(value)
    if isinstance(value, str) and _JOINERS.intersection(value):
        text = "'" + "".join(char if char in _JOINERS else repr(char)[1:-1] for char in value) + "'"
    return text if len(text) <= SHOWN_LIMIT else f"{text[: SHOWN_LIMIT - 5]}...{text[-2:]}"
