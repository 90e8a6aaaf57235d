"""Opening the app from the command line (the only place the CLI imports textual)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def run_app(db: Path, config_path: Path, *, demo: bool = False) -> None:
    from dailyreach.config import load_config, write_starter_config
    from dailyreach.core.store.store import Store
    from dailyreach.paths import is_default_db
    from dailyreach.tui.app import RESTART, DailyReachApp
    from dailyreach.tui.keymap import binding_ids

    if not demo:
        store = Store(db, make_folder=is_default_db(db))
        if not config_path.exists():  # the ids load every screen: only for the first run's config
            write_starter_config(config_path, binding_ids())
        result = DailyReachApp(store, load_config(config_path), say_made=bool(store.made)).run()
    else:
        from dailyreach.core.planning.demo import fill_demo
        from dailyreach.demo_folder import demo_folder

        with demo_folder() as folder:
            store = Store(Path(folder) / "demo.json")
            fill_demo(store)
            result = DailyReachApp(store, load_config(config_path)).run()
    if result == RESTART:
        start_again()


def start_again() -> None:
    """The same command, in a fresh interpreter: the language just chosen is read as it starts."""
    os.execv(sys.executable, [sys.executable, "-m", "dailyreach", *sys.argv[1:]])
