"""Where the app's stylesheet is: inside the installed package, or in the checkout's styles/."""

from __future__ import annotations

from pathlib import Path

STYLESHEET = "dailyreach.tcss"


def stylesheet_path(name: str = STYLESHEET) -> Path:
    package = Path(__file__).resolve().parents[1]
    installed = package / "styles" / name
    if installed.exists():
        return installed
    return package.parents[1] / "styles" / name
