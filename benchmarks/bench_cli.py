"""Time `dailyreach log`, `today` and `export` on stores of 1k, 10k and 100k interactions.

    make bench        (or: python benchmarks/bench_cli.py [1000 10000 ...])

Each figure is the median wall time of whole command runs, process start-up included.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

DATA = Path(__file__).parent / "data"
DAILYREACH = shutil.which("dailyreach", path=str(Path(sys.executable).parent)) or "dailyreach"


def timed(args: list[str], db: Path, runs: int) -> float:
    env = {**os.environ, "DAILYREACH_DB": str(db)}
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([DAILYREACH, *args], env=env, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(sizes: list[int]) -> None:
    DATA.mkdir(exist_ok=True)
    contact_of = {}
    print(f"{'interactions':>12}  {'file MB':>7}  {'log ms':>7}  {'today ms':>8}  {'export ms':>9}")
    for size in sizes:
        db = DATA / f"bench-{size}.json"
        store = generate(db, size)
        contact_of[size] = store.contacts()[0].id
        log_ms = timed(["log", contact_of[size], "note", "--text", "bench"], db, 7) * 1000
        today_ms = timed(["today"], db, 5) * 1000
        export_ms = timed(["export"], db, 5) * 1000
        megabytes = db.stat().st_size / 1e6
        print(f"{size:>12}  {megabytes:>7.1f}  {log_ms:>7.0f}  {today_ms:>8.0f}  {export_ms:>9.0f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1_000, 10_000, 100_000])
