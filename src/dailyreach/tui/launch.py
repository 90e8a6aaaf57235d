"""Opening the app from the command line (the only place the CLI imports textual)."""

from __future__ import annotations

from pathlib import Path

import click


def run_app(db: Path, *, demo: bool = False) -> None:
    if demo:
        raise click.ClickException("--demo is not built yet")
    from dailyreach.core.store import Store
    from dailyreach.tui.app import DailyReachApp

    DailyReachApp(Store(db)).run()
