"""What ``decode_text`` says of each file it reads or refuses, word for word: the command line's and the
app's tests say it too, out of the mutation runs' sight."""

import codecs

import pytest

from dailyreach.core.files.textfile import EncodingProblem, decode_text

UTF16_LE = codecs.BOM_UTF16_LE


@pytest.mark.parametrize(
    ("raw", "encoding", "read"),
    [
        (UTF16_LE + "hé".encode("utf-16-le"), None, ("hé", "UTF-16")),
        (codecs.BOM_UTF8 + "hé".encode(), None, ("hé", "UTF-8 with BOM")),
        ("hé".encode(), None, ("hé", "UTF-8")),
        ("山田".encode("cp932"), None, ("山田", "Shift_JIS (CP932)")),
        (b"caf\xe9", "cp1252", ("café", "cp1252")),
    ],
)
def test_a_file_is_read_as_its_encoding_and_says_which(raw, encoding, read):
    assert decode_text(raw, encoding) == read


NEITHER = (
    "is neither UTF-8 nor Japanese Shift_JIS: save the file as UTF-8, or name its encoding (--encoding cp1252 on "
    "the command line, for example, or Encoding in the app's import form)"
)


@pytest.mark.parametrize(
    ("raw", "encoding", "said"),
    [
        (b"x", "nope", "unknown encoding 'nope'"),
        (b"x", "base64", "unknown encoding 'base64'"),
        (b"ab\n\x81c", "cp1252", "not valid cp1252 at line 2, character 1"),
        (
            b"x",
            "undefined",
            "cannot be read as undefined: decoding with 'undefined' codec failed (UnicodeError: undefined encoding)",
        ),
        (UTF16_LE + b"a\x00\x00\xd8", None, "starts as UTF-16 but is not UTF-16 at line 1, character 2"),
        (codecs.BOM_UTF8 + b"ab\n\xffc", None, "starts as UTF-8 but is not UTF-8 at line 2, character 1"),
        (
            "name,email\n".encode("utf-16-le"),
            None,
            "looks like UTF-16 saved without a byte order mark (every other byte is zero): import it as "
            "utf-16-le (--encoding utf-16-le on the command line, Encoding in the app's import form)",
        ),
        (b"ab\ncd\x80\x80", None, f"line 2, character 3 {NEITHER}"),
    ],
)
def test_a_file_that_cannot_be_read_is_said_word_for_word(raw, encoding, said):
    with pytest.raises(EncodingProblem) as refused:
        decode_text(raw, encoding)
    assert str(refused.value) == said


def test_a_codec_that_cannot_count_the_lines_before_its_bad_byte_is_refused_in_its_own_words():
    # idna takes no errors="replace": placing the é crashed the import.
    with pytest.raises(EncodingProblem, match="^cannot be read as idna: "):
        decode_text("name,x\nRené,rene\n".encode(), "idna")
    with pytest.raises(EncodingProblem, match="^not valid ascii at line 2, character 4$"):
        decode_text("name,x\nRené,rene\n".encode(), "ascii")
