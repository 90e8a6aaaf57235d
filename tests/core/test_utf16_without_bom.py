"""A UTF-16 file saved without its byte order mark is told by where its NUL bytes fall, and the user is
told which --encoding to give; text with a few stray NULs, or a binary file, is not taken for it."""

import pytest

from dailyreach.core.files.textfile import EncodingProblem, decode_text

TEXT = "name,x\nAnn,@ann\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_names_the_encoding_to_give(encoding):
    with pytest.raises(EncodingProblem) as refused:
        decode_text(TEXT.encode(encoding))
    assert f"--encoding {encoding}" in str(refused.value)


def nuls(size: int, even: int, odd: int) -> bytes:
    """``size`` bytes of ASCII with NULs at the first ``even`` even and ``odd`` odd places."""
    raw = bytearray(b"a" * size)
    for index in range(even):
        raw[2 * index] = 0
    for index in range(odd):
        raw[2 * index + 1] = 0
    return bytes(raw)


@pytest.mark.parametrize(
    ("even", "odd", "told"),
    [
        (0, 2, False),  # no more than one in 32 bytes: stray NULs, not UTF-16
        (0, 3, True),
        (1, 4, False),  # a quarter or more on the other side: not one byte order
        (1, 5, True),
        (2, 0, False),
        (3, 0, True),
        (4, 1, False),
        (5, 1, True),
        (4, 4, False),  # on both sides alike: a binary file
    ],
)
def test_the_nuls_must_be_many_and_on_one_side(even, odd, told):
    raw = nuls(64, even, odd)
    if told:
        with pytest.raises(EncodingProblem, match="UTF-16 saved without a byte order mark"):
            decode_text(raw)
    else:
        assert decode_text(raw)[0] == raw.decode("utf-8")


@pytest.mark.parametrize(("odd", "told"), [(2, False), (3, True)])
def test_a_short_file_needs_more_than_two_nuls_on_one_side(odd, told):
    # One in 32 bytes of a 16-byte file is none: a stray NUL was taken for UTF-16.
    raw = nuls(16, 0, odd)
    if told:
        with pytest.raises(EncodingProblem, match="UTF-16 saved without a byte order mark"):
            decode_text(raw)
    else:
        assert decode_text(raw)[0] == raw.decode("utf-8")
