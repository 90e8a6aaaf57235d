"""What the app loads before its main screen first shows what it read: pendulum is not needed for the
agenda, its rows or the panes, and loading it there cost the first frame ~10 ms; nor are the forms, until
one opens (issue 8). The clock is loaded after that frame, unasked: on the first log key it cost ~30 ms."""

import os
import subprocess
import sys

PROBE = """
import asyncio, sys
from pathlib import Path
from dailyreach.core.records.model import Contact
from dailyreach.core.store.store import Store
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.base import StoreScreen

loaded_at_first_frame = []
release = StoreScreen._release_footer

def recorded(self):
    if not self.footer_released:
        forms = "dailyreach.tui.screens.fields_form" in sys.modules
        loaded_at_first_frame.extend(["pendulum" in sys.modules, forms])
    release(self)

StoreScreen._release_footer = recorded

async def main():
    store = Store(Path(sys.argv[1]))
    store.save_contact(Contact.from_dict({"name": "Ann", "handles": {"x": "@ann"}}))
    app = DailyReachApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.footer_released:
            await pilot.pause()
        for _ in range(500):
            if "pendulum" in sys.modules:
                break
            await pilot.pause(0.01)
        print(*loaded_at_first_frame, "pendulum" in sys.modules, app.screen.now().tzinfo is not None)

asyncio.run(main())
"""


def test_the_main_screen_shows_its_first_figures_without_pendulum_or_the_forms_then_loads_the_clock(
    tmp_path,
):
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "db.json")],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": "Asia/Tokyo"},
    )
    assert result.returncode == 0, result.stderr
    # Not at the first frame; after it, with no key pressed; and the screen's own clock works.
    assert result.stdout.split() == ["False", "False", "True", "True"]
