"""The file formats dailyreach reads and writes (kept light: the command line imports it at start-up)."""

IMPORT_FORMATS = ("json", "linkedin", "mastodon", "vcard", "csv")
IMPORT_TITLES = {
    "json": "dailyreach JSON export",
    "linkedin": "LinkedIn connections",
    "mastodon": "Mastodon follows",
    "vcard": "vCard",
    "csv": "CSV",
}
EXPORT_FORMATS = ("json", "vcard", "csv", "interactions-csv", "ics")
EXPORT_SUFFIXES = {"json": "json", "vcard": "vcf", "csv": "csv", "interactions-csv": "csv", "ics": "ics"}
