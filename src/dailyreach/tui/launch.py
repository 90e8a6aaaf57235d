"""Opening the app from the command line (the only place the CLI imports textual)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn


def run_app(db: Path, config_path: Path, *, demo: bool = False) -> None:
    from dailyreach.config import load_config, write_starter_config
    from dailyreach.core.store.store import Store
    from dailyreach.paths import is_default_db
    from dailyreach.tui.app import RESTART, DailyReachApp
    from dailyreach.tui.keymap import binding_ids

    if not demo:
        from dailyreach.cli.opening import waiting_notice

        store = Store(db, make_folder=is_default_db(db), on_wait=waiting_notice(db))
        if not config_path.exists():  # the ids load every screen: only for the first run's config
            write_starter_config(config_path, binding_ids())
        app = DailyReachApp(store, load_config(config_path), say_made=bool(store.made))
        result = app.run()
        if app.crash is not None:
            stopped(app.crash, db)
    else:
        import shutil

        from dailyreach.core.planning.demo import fill_demo
        from dailyreach.demo_folder import KEPT, kept_demo, new_demo_folder

        kept = kept_demo()
        folder = kept or new_demo_folder()
        result = None
        try:
            store = Store(folder / "demo.json")
            if kept is None:
                fill_demo(store)
            app = DailyReachApp(store, load_config(config_path))
            result = app.run()
        finally:
            if result == RESTART and app.crash is None:
                # In the language just chosen, the demo goes on as it was left: its folder is kept for the
                # interpreter execv puts in this one's place, which removes it in its turn.
                os.environ[KEPT] = str(folder)
            else:
                shutil.rmtree(folder, ignore_errors=True)
        if app.crash is not None:
            # The demo's database is gone with it: the report goes to the temporary folder.
            stopped(app.crash, None)
    if result == RESTART:
        start_again()


def stopped(error: BaseException, db: Path | None) -> NoReturn:
    """Say in one line that the app stopped on an unexpected error, its traceback in a crash report
    beside the database: each change was saved as it was made, so what came before is kept."""
    from click import ClickException

    from dailyreach.core.crash import crash_told
    from dailyreach.i18n import _

    raise ClickException(
        crash_told(
            error,
            db,
            with_report=_(
                "the app stopped on an unexpected error ({kind}); every change saved before it is kept; "
                "details in {report} (attach it to a bug report)"
            ),
            without_report=_(
                "the app stopped on an unexpected error ({kind}); every change saved before it is kept "
                "(attach it to a bug report)"
            ),
        )
    )


def start_again() -> None:
    """The same command, in a fresh interpreter: the language just chosen is read as it starts."""
    os.execv(sys.executable, [sys.executable, "-m", "dailyreach", *sys.argv[1:]])
