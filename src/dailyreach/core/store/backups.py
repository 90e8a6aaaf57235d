"""Copies of the database beside it, in ``backups/``: one a day (the last ``BACKUPS_KEPT``), and one before
anything that rewrites the file wholesale (a schema migration; ``doctor --repair``, each kept)."""

from __future__ import annotations

import glob
import re
from datetime import datetime
from pathlib import Path

from dailyreach.core.store.storage import StoreCorrupt, write_owner_only
from dailyreach.i18n import N_, _, ngettext

BACKUPS_KEPT = 7


def backup_folder(db: Path) -> Path:
    return db.parent / "backups"


def backup_name(db: Path) -> str:
    """How ``db``'s copies are named: ``work`` for ``work.json``, and the whole name for a file whose
    name does not end in .json (``work.db``), so that ``work.json`` and ``work.db`` in one folder have
    copies of their own, not each other's."""
    return db.stem if db.suffix == ".json" else db.name


def _copies(db: Path, pattern: str) -> list[Path]:
    """``db``'s copies in ``backups/`` whose name after ``backup_name(db)-`` matches the glob ``pattern``."""
    return sorted(backup_folder(db).glob(f"{glob.escape(backup_name(db))}-{pattern}.json"))


def write_backup(db: Path, label: str) -> Path | None:
    """A copy of ``db`` named by ``label``, readable by the owner only; None when there is no file yet."""
    if not db.exists():
        return None
    folder = backup_folder(db)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{backup_name(db)}-{label}.json"
    write_owner_only(target, db.read_bytes())
    return target


def write_kept_backup(db: Path, label: str, when: str) -> Path | None:
    """A copy of ``db`` named by ``label`` and ``when`` that no later copy replaces, so the one from before
    the first of several runs stays; the copy already holding these bytes when there is one, and None when
    there is no file yet.

    These are not pruned as the daily copies are: the oldest may be the only one of the file as it was
    before anything was repaired. They grow only as the file does between runs, as a run on a file
    that an earlier copy holds writes nothing."""
    if not db.exists():
        return None
    content = db.read_bytes()
    folder = backup_folder(db)
    earlier = _copies(db, f"{glob.escape(label)}-*")
    same = next(
        (copy for copy in earlier if copy.stat().st_size == len(content) and copy.read_bytes() == content),
        None,
    )
    if same is not None:
        return same
    folder.mkdir(mode=0o700, exist_ok=True)
    target, number = folder / f"{backup_name(db)}-{label}-{when}.json", 1
    while target.exists():  # two runs within one second
        number += 1
        target = folder / f"{backup_name(db)}-{label}-{when}-{number}.json"
    write_owner_only(target, content)
    return target


def newest_backup(db: Path) -> Path | None:
    """The copy of ``db`` written last, daily or before a rewrite; None when there is none."""
    copies = [path for path in _copies(db, "*") if is_copy_of(path, db)]
    return max(copies, key=lambda path: path.stat().st_mtime_ns, default=None)


def is_copy_of(path: Path, db: Path) -> bool:
    """Whether ``path`` is one of ``db``'s copies by its name: a day's (``work-2026-12-07.json``) or one
    from before a rewrite (``work-before-doctor-….json``). ``work-old.json``'s copies share the folder and
    the start of the name, and were offered as ``work.json``'s way back."""
    day_or_before = re.fullmatch(
        rf"{re.escape(backup_name(db))}-(\d{{4}}-\d{{2}}-\d{{2}}|before-.+)\.json", path.name
    )
    return day_or_before is not None and path.is_file()


def daily_backup(db: Path, day: str) -> None:
    """The copy of ``day`` (YYYY-MM-DD), made once, and only the last ``BACKUPS_KEPT`` days kept."""
    folder = backup_folder(db)
    if (folder / f"{backup_name(db)}-{day}.json").exists():
        return
    write_backup(db, day)
    dailies = _copies(db, "????-??-??")
    for old in dailies[:-BACKUPS_KEPT]:
        old.unlink(missing_ok=True)


def written_at(path: Path) -> str:
    """When ``path`` was last written, in the machine's time: a daily backup holds the day before it."""
    return datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")


def held_in(backup: Path) -> str | None:
    """How many contacts and interactions ``backup`` holds, as said before someone copies it back: the day's
    first copy of a database made that day holds nothing. None when it cannot be read."""
    import orjson

    try:
        data = orjson.loads(backup.read_bytes())
        contacts, interactions = (len(data.get(table) or {}) for table in ("contacts", "interactions"))
    except (OSError, orjson.JSONDecodeError, AttributeError, TypeError):
        return None
    return _("{contacts} and {interactions}").format(
        contacts=ngettext("{count} contact", "{count} contacts", contacts).format(count=contacts),
        interactions=ngettext("{count} interaction", "{count} interactions", interactions).format(
            count=interactions
        ),
    )


def with_way_back(problem: str, db: Path) -> str:
    """``problem`` with the newest backup of ``db``, what it holds, and how to go back to it, when there is
    one."""
    backup = newest_backup(db)
    if backup is None:
        return problem
    held = held_in(backup)
    if held is None:
        return _(
            "{problem}. Its newest backup is {backup}, written {when}: copy that over {path} to go back to it"
        ).format(problem=problem, backup=backup, when=written_at(backup), path=db)
    return _(
        "{problem}. Its newest backup is {backup}, written {when}, with {held} (what changed after that is "
        "not in it): copy that over {path} to go back to it"
    ).format(problem=problem, backup=backup, when=written_at(backup), held=held, path=db)


def refuse_if_lost(db: Path, *, missing: bool) -> None:
    """StoreCorrupt for a database file found empty, or ``missing``, while ``backups/`` holds a copy of
    it: emptied by a full disk or a sync tool, deleted by mistake, not new. Made anew, its days would be
    lost from view while the copy that holds them sits in backups/, and a week of the new file's daily
    copies would take that copy's place."""
    backup = newest_backup(db)
    if backup is None:
        return
    said = (
        N_(
            "there is no {path}, though {backup}, written {when}, holds a copy of it: copy that to {path} "
            "to go back to it, or move {folder} elsewhere to start anew; nothing was made"
        )
        if missing
        else N_(
            "{path} is empty, though {backup}, written {when}, holds an earlier copy of it: copy that over "
            "it to go back to it, or move {folder} elsewhere to start anew; it was left as it is"
        )
    )
    raise StoreCorrupt(_(said).format(path=db, backup=backup, when=written_at(backup), folder=backup.parent))
