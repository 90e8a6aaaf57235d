"""Time the app on big stores: opening, refreshing the panes, and a logged DM (d Enter).

    make bench        (or: python benchmarks/bench_tui.py [20000 100000 ...])

Headless (App.run_test), so the figures are the app's own work, not a terminal's drawing; "d Enter"
includes the Pilot's own wait for the form to open and close (about 0.5 s on any store) and the save.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

from dailyreach.tui.app import DailyReachApp  # noqa: E402

DATA = Path(__file__).parent / "data"
LOGGED = 5


async def measure(path: Path) -> tuple[float, float, float, int]:
    store = generate(path, int(path.stem))
    start = time.perf_counter()
    app = DailyReachApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        opened = time.perf_counter() - start
        rows = sum(app.screen.query_one(f"#{pane}").row_count for pane in ("today", "pending", "invitations"))
        refreshes = []
        for _ in range(LOGGED):
            start = time.perf_counter()
            app.screen.reload()
            refreshes.append(time.perf_counter() - start)
        samples = []
        for _ in range(LOGGED):
            start = time.perf_counter()
            await pilot.press("d", "enter")
            await pilot.pause()
            samples.append(time.perf_counter() - start)
    return opened, statistics.median(refreshes), statistics.median(samples), rows


def main(sizes: list[int]) -> None:
    DATA.mkdir(exist_ok=True)
    print(f"{'interactions':>12}  {'rows':>6}  {'open ms':>8}  {'refresh ms':>10}  {'d Enter ms':>10}")
    for size in sizes:
        opened, refreshed, logged, rows = asyncio.run(measure(DATA / f"{size}.json"))
        print(
            f"{size:>12,}  {rows:>6,}  {opened * 1000:>8.0f}  {refreshed * 1000:>10.0f}  {logged * 1000:>10.0f}"
        )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 20000, 100000])
