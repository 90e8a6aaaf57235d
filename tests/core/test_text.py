"""Which script a name is written in: it decides family name first and how a draft addresses it."""

import pytest

from dailyreach.core.records.text import (
    family_name_first,
    has_surrogate,
    is_japanese_name,
    strip_control,
    terminal_safe,
    title_named,
)

# Each range's first and last character, and the character just outside it.
JAPANESE_EDGES = [
    ("\u3040", "\u303f"),
    ("\u30ff", "\u3100"),
    ("\u3400", "\u33ff"),
    ("\u4dbf", "\u4dc0"),
    ("\u4e00", "\u4dff"),
    ("\u9fff", "\ua000"),
    ("\uf900", "\uf8ff"),
    ("\ufaff", "\ufb00"),
    ("\uff66", "\uff65"),
    ("\uff9f", "\uffa0"),
]
HANGUL_EDGES = [
    ("\u1100", "\u10ff"),
    ("\u11ff", "\u1200"),
    ("\u3130", "\u312f"),
    ("\u318f", "\u3190"),
    ("\uac00", "\uabff"),
    ("\ud7af", "\ud7b0"),
]


@pytest.mark.parametrize(("inside", "outside"), JAPANESE_EDGES)
def test_japanese_script_runs_to_the_edges_of_its_ranges(inside, outside):
    assert is_japanese_name(f"Ann {inside}")
    assert family_name_first(inside)
    assert not is_japanese_name(f"Ann {outside}")


@pytest.mark.parametrize(("inside", "outside"), HANGUL_EDGES)
def test_hangul_is_family_name_first_but_not_japanese(inside, outside):
    assert family_name_first(f"Kim {inside}")
    assert not is_japanese_name(inside)
    assert not family_name_first(f"Kim {outside}")


def test_names_in_other_scripts_are_given_name_first():
    assert not family_name_first("Ann Smith")
    assert not family_name_first("")
    assert family_name_first("山田 太郎") and family_name_first("김민준")


# Every character the cleaning takes out or changes: the control characters (C0, DEL and C1), line and
# paragraph separators, bidi embeddings, overrides and isolates, and the edges of the lone surrogates.
CLEANED = [chr(code) for code in (*range(0x20), *range(0x7F, 0xA0))] + [
    *"\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    "\ud800",
    "\udfff",
]


@pytest.mark.parametrize("character", CLEANED, ids=lambda character: f"U+{ord(character):04X}")
def test_each_character_the_cleaning_changes_is_changed_within_a_text(character):
    assert strip_control(f"Ann{character}Smith") != f"Ann{character}Smith"


@pytest.mark.parametrize("character", [" ", "~", "\u00a0", "\u200d", "\u2027", "\u202f", "\u2065"])
def test_the_characters_beside_them_are_kept(character):
    assert strip_control(f"Ann{character}Smith") == f"Ann{character}Smith"


@pytest.mark.parametrize(
    ("character", "lone"), [("\ud7ff", False), ("\ud800", True), ("\udfff", True), ("\ue000", False)]
)
def test_a_lone_surrogate_is_found_within_a_text(character, lone):
    assert has_surrogate(f"Ann{character}Smith") is lone


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Ann\x1b[31m", "Ann\\x1b[31m"),
        ("a\x9fb", "a\\x9fb"),  # C1, under U+0100: two hex digits
        ("\u202eevil", "\\u202eevil"),
        ("bad\udcffbyte", "bad\\udcffbyte"),
        ("line\nnext\ttab Āé 山田", "line\nnext\ttab Āé 山田"),
    ],
)
def test_what_could_drive_the_terminal_is_shown_as_its_escape(text, shown):
    assert terminal_safe(text) == shown


@pytest.mark.parametrize(
    ("text", "multiline", "cleaned"),
    [
        ("XAnn\tSmith\x07", False, "XAnn Smith"),
        ("Ann\u2028Smith\rX", False, "Ann Smith X"),
        ("Ann\tSmith\nX\v\x1b[1m", True, "Ann\tSmith\nX "),
        ("\u202eXevil", True, "\u202eXevil"),  # a note keeps its marks and overrides, as typed
    ],
)
def test_breaks_become_spaces_on_one_line_and_stay_in_a_note(text, multiline, cleaned):
    assert strip_control(text, multiline=multiline) == cleaned


def test_a_title_is_named_on_one_line_cut_past_80_characters():
    assert title_named("  Startup\nmixer ") == "Startup mixer"
    assert title_named("x" * 80) == "x" * 80
    assert title_named("x" * 78 + " yz") == "x" * 78 + "…"  # no space left before the ellipsis
    assert title_named("交流会" * 40) == "交流会" * 26 + "交…"
