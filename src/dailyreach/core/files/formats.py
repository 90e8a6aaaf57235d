"""The file formats dailyreach reads and writes (kept light: the command line imports it at start-up)."""

from pathlib import PurePath

from dailyreach.i18n import N_, _

IMPORT_FORMATS = ("json", "linkedin", "mastodon", "vcard", "csv")
# Shown through ``_()`` (wording.import_title).
IMPORT_TITLES = {
    "json": N_("dailyreach JSON export"),
    "linkedin": N_("LinkedIn connections"),
    "mastodon": N_("Mastodon follows"),
    "vcard": "vCard",
    "csv": "CSV",
}
EXPORT_FORMATS = ("json", "vcard", "csv", "interactions-csv", "ics")
EXPORT_SUFFIXES = {"json": "json", "vcard": "vcf", "csv": "csv", "interactions-csv": "csv", "ics": "ics"}
# The export formats a file's suffix says it holds: a file called contacts.vcf is a vCard whatever else.
SUFFIX_FORMATS = {
    "json": ("json",),
    "vcf": ("vcard",),
    "vcard": ("vcard",),
    "csv": ("csv", "interactions-csv"),
    "ics": ("ics",),
}
# What the export format is called where a file name's suffix disagrees with it.
FORMAT_NAMES = {"json": "JSON", "vcard": "vCard", "csv": "CSV", "interactions-csv": "CSV", "ics": "iCalendar"}


def suffix_format(path: PurePath) -> str | None:
    """The export format ``path``'s suffix names (.csv: contacts), or None for a suffix of no format."""
    formats = SUFFIX_FORMATS.get(path.suffix.lower().removeprefix("."))
    return formats[0] if formats else None


def suffix_clash(path: PurePath, fmt: str) -> str | None:
    """Why ``fmt`` is not to be written to ``path``, whose suffix names another format; None when the
    suffix agrees, or names no format."""
    formats = SUFFIX_FORMATS.get(path.suffix.lower().removeprefix("."))
    if formats is None or fmt in formats:
        return None
    return _(
        "{file} ends in {suffix}, the suffix of {named} files, but the format is {format}: choose {named} or "
        "another name"
    ).format(file=path, suffix=path.suffix, named=FORMAT_NAMES[formats[0]], format=FORMAT_NAMES[fmt])
