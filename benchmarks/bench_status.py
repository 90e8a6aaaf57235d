"""Time ``dailyreach status`` against the interpreter's own start-up, as issue #17's "Done when" asks:
at 1k, 20k and 100k interactions, at most twice ``python -c pass`` at every size.

    make bench        (or: python benchmarks/bench_status.py)

The status line runs on every shell prompt, so it reads a small record kept beside the store instead
of the store; the figure should not grow with the history. Each figure is the median of whole runs,
taken in turns with ``python -c pass``, after one run that warms the caches (and writes the record).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_cli import medians_ms  # noqa: E402
from figures import DAILYREACH, DATA, HEADER, PYTHON, row  # noqa: E402
from generate import generate  # noqa: E402

SIZES = (1_000, 20_000, 100_000)
AT_MOST = 2.0


def main() -> None:
    DATA.mkdir(exist_ok=True)
    print('Issue #17 "Done when": dailyreach status, median of whole runs taken in turns with the peer\'s')
    print(HEADER)
    for size in SIZES:
        db = DATA / f"status-{size}.json"
        generate(db, size).close()
        ours, bare = medians_ms([DAILYREACH, "--db", str(db), "status"], [PYTHON, "-c", "pass"])
        print(row(f"status, {size // 1000}k", ours, "python -c pass", bare, AT_MOST))


if __name__ == "__main__":
    main()
