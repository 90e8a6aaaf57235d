"""Reading the text files people have: UTF-8 (with or without a BOM), UTF-16 with its BOM, or Shift_JIS
from Japanese Excel.

The encoding is never guessed silently: UTF-8 is tried strictly first, CP932 (Microsoft's Shift_JIS)
only when every non-ASCII character it yields is Japanese, and anything else asks the user to name the
encoding. The label returned is shown in every import preview, so a wrong guess is seen before saving.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
from pathlib import Path

from dailyreach.core.records.text import shown
from dailyreach.i18n import N_, _

UTF8_BOM = codecs.BOM_UTF8
ZIP_SIGNATURE = b"PK\x03\x04"
# What an import reads at most. A LinkedIn export of 30,000 connections is about 5 MB and a dailyreach
# export of 100,000 interactions about 25 MB; a larger file is refused before it is read, so reading
# and parsing it stay within a few hundred MB of memory.
FILE_LIMIT = 64 * 1024 * 1024
# A single value (a vCard property, a CSV field) longer than this is refused with its line: no note
# dailyreach keeps comes near it (notes are cut at 10,000 characters).
FIELD_LIMIT = 64 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# What a real Shift_JIS file decodes to: ASCII, kana and kanji, full-width forms, and the symbols,
# Greek and Cyrillic of JIS X 0208. Latin-1 text misread as CP932 yields other characters.
_SHIFT_JIS_REPERTOIRE = (
    "\x00-\x7f"
    "\u3000-\u30ff\u3400-\u9fff\uff01-\uffef"
    "\u2010-\u22ff\u2460-\u27ff"
    "\u0391-\u03c9\u0401-\u0451"
    "\u00a7\u00a8\u00b0\u00b1\u00b4\u00b6\u00d7\u00f7"
)
_NOT_JAPANESE = re.compile(f"[^{_SHIFT_JIS_REPERTOIRE}]")
# Shown through ``_()`` (wording.import_source).
ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": N_("UTF-8 with BOM"),
    "utf-16": "UTF-16",
    "cp932": "Shift_JIS (CP932)",
}
# A UTF-16 file says so in its first bytes (Excel's "Unicode Text" and "CSV UTF-16", old Gmail exports).
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class EncodingProblem(ValueError):
    pass


class FileTooLarge(ValueError):
    pass


def _place(raw: bytes, start: int, encoding: str) -> dict[str, int]:
    """Where the byte at ``start``, the first that ``encoding`` cannot read, is in the file, as an editor
    counts: its line and the character on that line, both from 1."""
    before = raw[:start].decode(encoding, errors="replace").removeprefix("\ufeff")
    lines = _LINE_BREAK.split(before)
    return {"line": len(lines), "column": len(lines[-1]) + 1}


def _refusal(raw: bytes, encoding: str, error: ValueError) -> str:
    """Why ``encoding`` cannot read ``raw``: where its first bad byte is, when the codec can count the
    lines before it (idna cannot: it takes no errors="replace"); else in the codec's own words, as
    punycode's and undefined's, which name no byte."""
    if isinstance(error, UnicodeDecodeError):
        with contextlib.suppress(UnicodeError):
            return _("not valid {encoding} at line {line}, character {column}").format(
                encoding=encoding, **_place(raw, error.start, encoding)
            )
    return _("cannot be read as {encoding}: {problem}").format(encoding=encoding, problem=error)


def _utf16_without_bom(raw: bytes) -> str | None:
    """The byte order of a UTF-16 file written without its BOM ("utf-16-le" or "utf-16-be"), told by the
    NUL bytes every ASCII character (a comma, a line break, a Latin letter) has on one side; None for
    other text, which has no NUL bytes at all."""
    sample = raw[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Mostly on one side (a kanji such as 一, U+4E00, has one on the other), and more than a stray few,
    # in a short file too; a binary file has them on both sides alike.
    few = max(len(sample) // 32, 2)
    if odd > few and even * 4 < odd:
        return "utf-16-le"
    if even > few and odd * 4 < even:
        return "utf-16-be"
    return None


def read_limited(path: Path, limit: int = FILE_LIMIT) -> bytes:
    """The file's bytes; FileTooLarge, before reading them, when there are more than ``limit``. At most
    ``limit`` + 1 bytes are read, so a file that grows meanwhile (or a pipe) cannot get past."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        # read(n) sets aside n bytes first: ask for the size the file has, and more only if it grew.
        raw = b"" if size > limit else handle.read(size + 1)
        if len(raw) > size:
            raw += handle.read(limit + 1 - len(raw))
    if size > limit or len(raw) > limit:
        raise FileTooLarge(
            _("is larger than {size} MB, the most dailyreach imports").format(size=limit // 1024 // 1024)
        )
    return raw


def decode_text(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The file's text and a label of the encoding it was read with."""
    if raw.startswith(ZIP_SIGNATURE):
        # Excel's .xlsx, Numbers and LibreOffice files are zip archives: no encoding reads them as text.
        raise EncodingProblem(
            _(
                "is a zip archive, such as a spreadsheet (.xlsx, .ods, .numbers), not text: save it from the "
                "spreadsheet as CSV (UTF-8) and import that"
            )
        )
    if encoding:
        try:
            if not codecs.lookup(encoding)._is_text_encoding:
                raise LookupError(encoding)
            return raw.decode(encoding), encoding
        except LookupError:
            raise EncodingProblem(_("unknown encoding {encoding}").format(encoding=shown(encoding))) from None
        except ValueError as error:  # UnicodeError is one
            raise EncodingProblem(_refusal(raw, encoding, error)) from None
    if raw.startswith(UTF16_BOMS):
        try:
            return raw.decode("utf-16"), ENCODING_LABELS["utf-16"]
        except UnicodeDecodeError as error:
            raise EncodingProblem(
                _("starts as UTF-16 but is not UTF-16 at line {line}, character {column}").format(
                    **_place(raw, error.start, "utf-16")
                )
            ) from None
    if raw.startswith(UTF8_BOM):
        try:
            return raw[len(UTF8_BOM) :].decode("utf-8"), ENCODING_LABELS["utf-8-sig"]
        except UnicodeDecodeError as error:
            raise EncodingProblem(
                _("starts as UTF-8 but is not UTF-8 at line {line}, character {column}").format(
                    **_place(raw, len(UTF8_BOM) + error.start, "utf-8")
                )
            ) from None
    # Read as UTF-8 it would pass (a NUL is valid UTF-8), with a NUL after every letter.
    byte_order = _utf16_without_bom(raw)
    if byte_order is not None:
        raise EncodingProblem(
            _(
                "looks like UTF-16 saved without a byte order mark (every other byte is zero): import it "
                "as {encoding} (--encoding {encoding} on the command line, Encoding in the app's import form)"
            ).format(encoding=byte_order)
        )
    try:
        return raw.decode("utf-8"), ENCODING_LABELS["utf-8"]
    except UnicodeDecodeError as error:
        utf8_problem = _place(raw, error.start, "utf-8")
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        text = ""
    if _JAPANESE.search(text) and not _NOT_JAPANESE.search(text):
        return text, ENCODING_LABELS["cp932"]
    raise EncodingProblem(
        _(
            "line {line}, character {column} is neither UTF-8 nor Japanese Shift_JIS: save the file as "
            "UTF-8, or name its encoding (--encoding cp1252 on the command line, for example, or Encoding "
            "in the app's import form)"
        ).format(**utf8_problem)
    )
