"""The store as the command line opens it: with or without click, a command says when opening made the
database file."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from dailyreach.core.store.store import Store
from dailyreach.paths import is_default_db


def open_store(db: str | Path) -> Store:
    """The store at ``db`` (the default one's folder made on a first run), saying on stderr when opening
    made its file: a mistyped ``--db`` otherwise shows an empty store, and leaves a new file behind,
    without a word."""
    store = Store(Path(db), make_folder=is_default_db(db), on_wait=waiting_notice(db))
    if store.made:
        from dailyreach.core.records.text import terminal_safe
        from dailyreach.wording import made_text

        print(terminal_safe(made_text(store)), file=sys.stderr)
    return store


def refuse_missing(db: str | Path) -> None:
    """StoreError when there is no database at ``db`` to export: an export from a mistyped --db made an
    empty database and wrote its empty export, and a backup job said it had."""
    if not Path(db).expanduser().exists():
        from dailyreach.core.errors import StoreError
        from dailyreach.i18n import _

        raise StoreError(
            _("no database at {db}: nothing to export (check --db or DAILYREACH_DB)").format(db=db)
        )


def waiting_notice(db: str | Path) -> Callable[[], None]:
    """What opening says on stderr when another dailyreach keeps the database locked a moment: without
    it, nothing happens for up to ten seconds before the command says the database is busy."""

    def say() -> None:
        from dailyreach.core.records.text import terminal_safe
        from dailyreach.core.store.journal import LOCK_WAIT_SECONDS
        from dailyreach.i18n import _

        notice = _("{path} is busy: waiting up to {seconds} s for another dailyreach to let go of it…")
        print(
            terminal_safe(notice.format(path=db, seconds=f"{LOCK_WAIT_SECONDS:.0f}")),
            file=sys.stderr,
            flush=True,
        )

    return say
