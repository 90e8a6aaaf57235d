"""Opening the app from the command line."""

from __future__ import annotations

from pathlib import Path

import click


def run_app(db: Path, *, demo: bool = False) -> None:
    raise click.ClickException(
        "the full-screen app is not built yet; use the subcommands (dailyreach --help)"
    )
