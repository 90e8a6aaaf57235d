"""Time the Stats screen against the main screen, as issue #12's "Done when" asks: at 20k interactions the
Stats screen opens in at most twice the main screen's refresh.

    make bench        (or: python benchmarks/bench_stats.py)

Both run in the real app, headless at 120x40, on the same store, in turns. The main screen's refresh is
what it does when the database changes under it: read the agenda off the UI thread, then show Today,
Pending and Declined. Opening Stats (S) is from the key's action until its figures are shown. Each
figure ends once the frame after it is drawn.

As a person would, the bench leaves the app alone before pressing S: for three seconds after its first
frame, and after each log until it is idle (the log saved and shown, and nothing left running). The app
uses those moments: two seconds after the main screen first shows its figures, the Stats screen is made
ahead (Plotext loaded, the screen composed, its figures read, laid out and drawn), and each log is read
and drawn by it while hidden. So each opening, the first one and those after a DM logged with d Enter on
the main screen, shows what is drawn already.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

from textual.pilot import Pilot

sys.path.insert(0, str(Path(__file__).parent))
from figures import DATA, HEADER, row  # noqa: E402
from generate import generate  # noqa: E402

from dailyreach.core.store.store import Store  # noqa: E402
from dailyreach.tui.app import DailyReachApp  # noqa: E402
from dailyreach.tui.screens.main import MainScreen  # noqa: E402
from dailyreach.tui.screens.stats import StatsScreen, open_stats  # noqa: E402
from dailyreach.tui.screens.weekly_review import review_marker  # noqa: E402

RUNS = 7
# An app opens Stats for the first time once: that figure is the median of this many apps, each on a fresh
# store made alike.
APPS = 3
SIZE = 20_000
AT_MOST = 2.0
# Seconds between the app's first frame and S, as a person reading the day's plan first.
LEFT_ALONE = 3.0


async def settled(app: DailyReachApp) -> None:
    """Until what runs off the UI thread is done and shown (a read shows what it read before it ends),
    and the frame after it is drawn."""
    while True:
        await app.workers.wait_for_complete()
        drawn = asyncio.get_running_loop().create_future()
        app.screen.call_after_refresh(drawn.set_result, None)
        app.screen.refresh()
        await drawn
        if not app.workers:  # showing what was read can start more
            return


async def log_a_dm(app: DailyReachApp, pilot: Pilot) -> None:
    """d Enter on the main screen: a DM to the first Today row, saved and shown."""
    await pilot.press("d", "enter")
    await app.saves.drained()
    await settled(app)


async def measure(db: Path) -> tuple[list[float], float, list[float]]:
    """Main screen refreshes, the first Stats opening and the later ones, in ms."""
    review_marker(db).unlink(missing_ok=True)  # no weekly review over the main screen
    app = DailyReachApp(Store(db))
    refreshes, openings, first = [], [], 0.0
    async with app.run_test(headless=True, size=(120, 40)) as pilot:
        await settled(app)
        await pilot.pause(LEFT_ALONE)
        main = app.screen
        assert isinstance(main, MainScreen)
        for run in range(RUNS + 1):
            main.shown_revision = None  # as after another program's change
            start = time.perf_counter()
            main.reload_if_changed()
            await settled(app)
            refresh = (time.perf_counter() - start) * 1000
            await log_a_dm(app, pilot)
            start = time.perf_counter()
            await open_stats(app)
            await settled(app)
            opening = (time.perf_counter() - start) * 1000
            assert isinstance(app.screen, StatsScreen) and app.screen.stats is not None
            app.pop_screen()
            await settled(app)
            if run == 0:
                first = opening
            else:
                refreshes.append(refresh)
                openings.append(opening)
    return refreshes, first, openings


def main() -> None:
    DATA.mkdir(exist_ok=True)
    db = DATA / f"stats-{SIZE}.json"
    refreshes, firsts, openings = [], [], []
    for _ in range(APPS):
        generate(db, SIZE)
        app_refreshes, first, app_openings = asyncio.run(measure(db))
        refreshes += app_refreshes
        firsts.append(first)
        openings += app_openings
    refresh = statistics.median(refreshes)
    print(
        f'Issue #12 "Done when": median of {RUNS} runs each in each of {APPS} apps (the first opening: one in '
        "each), in turns, headless at 120x40"
    )
    print(HEADER)
    peer = "main screen refresh, 20k"
    print(row("Stats opens after a log, 20k", statistics.median(openings), peer, refresh, AT_MOST))
    print(row("Stats opens the first time, 20k", statistics.median(firsts), peer, refresh, AT_MOST))


if __name__ == "__main__":
    main()
