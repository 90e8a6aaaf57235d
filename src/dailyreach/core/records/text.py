"""Cleaning what people type or import before it is stored."""

from __future__ import annotations

import re
import unicodedata

# Whole escape sequences first, so no "[31m" is left behind when the ESC byte goes.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def strip_control(text: str, *, multiline: bool = False) -> str:
    """``text`` without terminal escape sequences and control characters.

    Newlines and tabs stay in multi-line fields; elsewhere they become spaces.
    """
    text = _ESCAPE_SEQUENCE.sub("", text).replace("\r\n", "\n")
    kept = []
    for character in text:
        if character in "\r\n\t\v\f\u2028\u2029":
            kept.append(character if multiline and character in "\n\t" else " ")
        elif unicodedata.category(character) not in ("Cc", "Cs"):
            kept.append(character)
    return "".join(kept)
