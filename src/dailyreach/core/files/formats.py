"""The file formats dailyreach reads and writes (kept light: the command line imports it at start-up)."""

from dailyreach.i18n import N_

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
