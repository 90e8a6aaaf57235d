"""The Japanese catalog holds a translation of every string marked in the source, and nothing else, and
the compiled catalog the app reads is the one written from it (issue 14)."""

import gettext
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from dailyreach import i18n

SOURCE = Path(i18n.__file__).parent
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
CATALOG = i18n.LOCALE_FOLDER / "ja" / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
COMPILED = CATALOG.with_suffix(".mo")


def marked() -> set[str]:
    """Every string marked in the source, as ``make catalogs`` extracts them (a plural by its singular)."""
    found = set()
    for _, _, message, _, _ in extract_from_dir(
        str(SOURCE), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def translations() -> dict[str, object]:
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    return {
        str(entry.id[0] if isinstance(entry.id, tuple) else entry.id): entry for entry in catalog if entry.id
    }


def test_every_marked_string_has_its_japanese_and_the_catalog_no_other():
    catalog = translations()
    untranslated = sorted(
        message
        for message in marked()
        if message not in catalog
        or not all(
            catalog[message].string
            if isinstance(catalog[message].string, tuple)
            else [catalog[message].string]
        )
        or catalog[message].fuzzy
    )
    assert untranslated == [], f"run make catalogs, then translate these in {CATALOG}"
    stale = sorted(set(catalog) - marked())
    assert stale == [], f"no longer in the source: run make catalogs ({CATALOG})"


def test_the_compiled_catalog_says_what_the_catalog_says():
    with COMPILED.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for message, entry in translations().items():
        if isinstance(entry.id, tuple):
            assert compiled.ngettext(entry.id[0], entry.id[1], 1) == entry.string[0], message
        else:
            assert compiled.gettext(message) == entry.string, f"run make catalogs: {message!r}"
