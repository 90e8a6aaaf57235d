"""Opening the app from the command line (the only place the CLI imports textual)."""

from __future__ import annotations

import tempfile
from pathlib import Path


def run_app(db: Path, *, demo: bool = False) -> None:
    from dailyreach.core.store import Store
    from dailyreach.tui.app import DailyReachApp

    if not demo:
        DailyReachApp(Store(db)).run()
        return
    from dailyreach.core.demo import fill_demo

    with tempfile.TemporaryDirectory(prefix="dailyreach-demo-") as folder:
        store = Store(Path(folder) / "demo.json")
        fill_demo(store)
        DailyReachApp(store).run()
