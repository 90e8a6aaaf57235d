"""The file's schema: its format name and version, and the migrations from one version to the next
(``Store`` backs the file up before it runs them)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import Any

import orjson

from dailyreach.core.records.zones import UnknownZone, local_zone, zone_named
from dailyreach.core.store.storage import FORMAT_NAME as FORMAT_NAME
from dailyreach.core.store.storage import StoreCorrupt
from dailyreach.core.store.tables import KEY_FIELDS, META_TABLE, SETTINGS_TABLE
from dailyreach.core.store.threads import DAYS_TABLE, DERIVED_KEY, THREADS_TABLE, derive_tables
from dailyreach.i18n import _

SCHEMA_VERSION = 2


def stored_version(data: dict[str, Any], path: Path) -> int | None:
    """The schema version of the tables read from ``path``; None for a file with no schema yet (new or
    emptied). StoreCorrupt, the file left as it is, for another program's JSON and a newer schema."""
    meta_table = data.get(META_TABLE)
    meta = meta_table.get("schema") if isinstance(meta_table, dict) else meta_table
    if meta is None:
        if any(data.get(name) for name in data):
            raise StoreCorrupt(
                _("{path} is JSON but not a dailyreach database; it was left as it is").format(path=path)
            )
        return None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
        raise StoreCorrupt(_("{path} is not a dailyreach database; it was left as it is").format(path=path))
    version = meta.get("version")
    # Schema 1 is the first there was: a version under it (or true, which Python takes for 1) is not ours.
    if type(version) is not int or version < 1:
        raise StoreCorrupt(
            _("{path} says its schema is {version}, which no dailyreach wrote; it was left as it is").format(
                path=path, version=orjson.dumps(version).decode()
            )
        )
    if version > SCHEMA_VERSION:
        raise StoreCorrupt(
            _(
                "{path} was written by a newer dailyreach (schema {version}); "
                "this one reads up to schema {supported}. Update dailyreach."
            ).format(path=path, version=version, supported=SCHEMA_VERSION)
        )
    return version


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
