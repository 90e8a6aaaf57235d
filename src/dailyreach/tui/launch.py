"""Opening the app from the command line (the only place the CLI imports textual)."""

from __future__ import annotations

import tempfile
from pathlib import Path


def run_app(db: Path, config_path: Path, *, demo: bool = False) -> None:
    from dailyreach.config import load_config
    from dailyreach.core.store import Store
    from dailyreach.tui.app import DailyReachApp

    config = load_config(config_path)
    if not demo:
        DailyReachApp(Store(db), config).run()
        return
    from dailyreach.core.demo import fill_demo

    with tempfile.TemporaryDirectory(prefix="dailyreach-demo-") as folder:
        store = Store(Path(folder) / "demo.json")
        fill_demo(store)
        DailyReachApp(store, config).run()
