"""A file to import is read off the UI thread: the app keeps taking keys while a large one is read, says
so once the read takes a while, and shows the preview (the notice gone) when it is done."""

import threading
import time

from dailyreach.core.files import contact_import
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.import_preview import ImportPreviewScreen
from tests.conftest import FIXTURES
from tests.tui.conftest import SIZE, settle


async def test_a_slow_read_says_so_keeps_the_app_usable_and_ends_in_the_preview(store, monkeypatch):
    read_in: list[str] = []
    release = threading.Event()
    preview_import = contact_import.preview_import

    def slow_preview(*args, **kwargs):
        read_in.append(threading.current_thread().name)
        release.wait(10)  # a file that takes a while
        return preview_import(*args, **kwargs)

    monkeypatch.setattr(contact_import, "preview_import", slow_preview)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        app.screen.query_one("#path").value = str(FIXTURES / "Connections.csv")
        await pilot.press("enter")
        started = time.monotonic()
        while not any("Reading" in str(notice.message) for notice in app._notifications):
            assert time.monotonic() - started < 5, "the read was never said"
            await pilot.pause(0.05)
        assert read_in and read_in[0] != threading.main_thread().name
        await pilot.press("2")  # the app takes keys meanwhile
        await pilot.pause(0.1)
        assert app.screen.query_one("#pending").has_focus
        release.set()
        await settle(pilot)
        assert isinstance(app.screen, ImportPreviewScreen)
        assert not any("Reading" in str(notice.message) for notice in app._notifications)
