"""Two databases in one folder whose names differ only after the dot (work.json, work.db) each have their
own backups: one's copy is never taken for the other's, nor kept in its place."""

from pathlib import Path

import pytest

from dailyreach.core.errors import StoreError
from dailyreach.core.store.backups import backup_folder, daily_backup, newest_backup, write_kept_backup
from dailyreach.core.store.store import Store
from tests.conftest import add_contact


def test_a_database_named_otherwise_than_json_has_backups_of_its_own(tmp_path: Path):
    json_db, other_db = tmp_path / "work.json", tmp_path / "work.db"
    add_contact(Store(json_db), "Ann", handles={"x": "@ann"})
    assert newest_backup(other_db) is None  # the JSON one's copy is not work.db's
    add_contact(Store(other_db), "Bob", handles={"x": "@bob"})
    copies = {path.name.split("-")[0]: path for path in backup_folder(json_db).iterdir()}
    assert sorted(copies) == ["work", "work.db"]
    assert b"Ann" not in copies["work.db"].read_bytes()  # work.db as it was that day, not work.json
    assert newest_backup(other_db) == copies["work.db"]
    assert newest_backup(json_db) == copies["work"]
    kept = write_kept_backup(other_db, "before-doctor", "20261207T090000")
    assert kept is not None and kept.name == "work.db-before-doctor-20261207T090000.json"


def test_a_missing_database_is_refused_only_for_its_own_backups(tmp_path: Path):
    json_db, other_db = tmp_path / "work.json", tmp_path / "work.db"
    add_contact(Store(json_db), "Ann", handles={"x": "@ann"})
    Store(other_db)  # made anew: no copy of it exists
    other_db.unlink()
    for sidecar in tmp_path.glob("work.db.*"):
        sidecar.unlink()
    daily_backup(json_db, "2026-12-06")
    json_db.unlink()
    with pytest.raises(StoreError, match="work-2026-12-06.json"):
        Store(json_db)


def test_a_name_with_glob_characters_finds_its_own_copies(tmp_path: Path):
    db = tmp_path / "work[1].json"
    add_contact(Store(db), "Ann", handles={"x": "@ann"})
    daily_backup(db, "2026-12-06")
    newest = newest_backup(db)
    assert newest is not None and newest.name == "work[1]-2026-12-06.json"
