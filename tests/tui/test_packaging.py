"""The stylesheet in styles/ is what the app loads from a checkout and from an installed wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

from dailyreach.tui.styles import stylesheet_path

ROOT = Path(__file__).resolve().parents[2]

CHECK_INSTALLED = """
import asyncio, sys
from dailyreach.core.store.store import Store
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.styles import stylesheet_path

assert str(stylesheet_path()).startswith(sys.argv[1]), stylesheet_path()


async def main():
    app = DailyReachApp(Store(sys.argv[2]))
    async with app.run_test():
        print(app.screen.query_one("#today").styles.border_top[0])


asyncio.run(main())
"""


def test_a_checkout_loads_styles_from_the_styles_folder():
    assert stylesheet_path() == ROOT / "styles" / "dailyreach.tcss"


def test_the_wheel_carries_the_stylesheet_and_the_installed_app_loads_it(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next((tmp_path / "dist").glob("dailyreach-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        packed = archive.read("dailyreach/styles/dailyreach.tcss")
        assert "dailyreach/core/files/export.schema.json" in archive.namelist()
        # The compiled Japanese catalog, as the checkout has it (issue 14).
        compiled = "dailyreach/locale/ja/LC_MESSAGES/dailyreach.mo"
        assert archive.read(compiled) == (ROOT / "src" / compiled).read_bytes()
    assert packed == (ROOT / "styles" / "dailyreach.tcss").read_bytes()
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)],
        check=True,
    )
    result = subprocess.run(
        [sys.executable, "-c", CHECK_INSTALLED, str(target), str(tmp_path / "db.json")],
        env={"PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "round"  # the border set in styles/dailyreach.tcss
