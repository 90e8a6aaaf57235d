"""The file's schema: its format name and version, and the migrations from one version to the next
(``Store`` backs the file up before it runs them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from dailyreach.core.records.dates import UnknownZone, local_zone, zone_named
from dailyreach.core.store.tables import KEY_FIELDS, META_TABLE, SETTINGS_TABLE
from dailyreach.core.store.threads import DAYS_TABLE, DERIVED_KEY, THREADS_TABLE, derive_tables

SCHEMA_VERSION = 2
FORMAT_NAME = "dailyreach"


def stored_zone(settings_body: dict[str, Any] | None) -> tzinfo:
    name = (settings_body or {}).get("timezone")
    try:
        return zone_named(name) if isinstance(name, str) and name else local_zone()
    except UnknownZone:  # a hand-edited name ("Mars/Olympus"): the system's, reported by problems()
        return local_zone()


def _add_derived_tables(tables: dict[str, dict[str, Any]]) -> None:
    """Schema 2: records keep their key field, and each contact's thread and the days with outreach are
    kept beside the log."""
    for table, key_field in KEY_FIELDS.items():
        for record_id, body in tables.get(table, {}).items():
            body[key_field] = record_id
    zone = stored_zone(tables.get(SETTINGS_TABLE, {}).get("settings"))
    derived = derive_tables(tables.get("interactions", {}), zone)
    tables[THREADS_TABLE], tables[DAYS_TABLE] = derived[THREADS_TABLE], derived[DAYS_TABLE]
    tables.setdefault(META_TABLE, {})[DERIVED_KEY] = derived[DERIVED_KEY]


# Migrations from schema N to N+1, each a function of the raw tables.
MIGRATIONS: dict[int, Callable[[dict[str, dict[str, Any]]], None]] = {1: _add_derived_tables}
