"""Time the commands against their peers, as issue #8's "Done when" asks: taskwarrior 2.6 at 10k tasks
(when installed), the orjson floor of the same file at 100k, and the interpreter's own start-up; then
how the cost grows from 1k to 100k interactions.

    make bench        (or: python benchmarks/bench_cli.py)

Each figure is the median wall time of whole command runs, process start-up included, after one
run that warms the caches. Output goes to /dev/null, on both sides.
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
from figures import DAILYREACH, DATA, ENV, HEADER, PYTHON, row  # noqa: E402
from generate import generate, generate_tasks  # noqa: E402

RUNS = 7
# An import of 100k takes seconds: fewer runs of it keep the bench within minutes.
IMPORT_RUNS = 3
SIZES = (1_000, 10_000, 100_000)
TASK_PEERS = {"log": ["add", "Reach out to Ann Smith"], "export": ["export"], "today": ["next"]}

# The peers write JSON as dailyreach writes its file and its export (indented, for people to read), so
# that the file they read stays the same file as dailyreach's: a compact rewrite is a quarter smaller.
LOAD = "import sys, orjson; orjson.loads(open(sys.argv[1], 'rb').read())"
LOAD_DUMP = (
    "import sys, orjson; sys.stdout.buffer.write(orjson.dumps(orjson.loads(open(sys.argv[1], 'rb').read()),"
    " option=orjson.OPT_INDENT_2))"
)
# The least a durable write of one more record can do: read the file, write it whole to a temporary
# file, fsync it and swap it in.
SAVE = """
import os, sys, orjson
path = sys.argv[1]
with open(path, "rb") as file:
    data = orjson.loads(file.read())
with open(path + ".tmp", "wb") as file:
    file.write(orjson.dumps(data, option=orjson.OPT_INDENT_2))
    file.flush()
    os.fsync(file.fileno())
os.replace(path + ".tmp", path)
"""
ORJSON_PEERS = {"log": SAVE, "today": LOAD, "export": LOAD_DUMP}
# The least a `log` in Python can take with the project's fixed choices, whatever its own code does:
# start Python, import what the store is built on (TinyDB, orjson, dataclasses for the records) and
# write the file durably, its bytes copied without even being parsed.
LOG_FLOOR = """
import dataclasses, os, sys, orjson, tinydb
path = sys.argv[1]
with open(path, "rb") as file:
    data = file.read()
with open(path + ".tmp", "wb") as file:
    file.write(data)
    file.flush()
    os.fsync(file.fileno())
os.replace(path + ".tmp", path)
"""
# what, interactions, command, its peer, the most the ratio may be
FIGURES = [
    ("log CONTACT dm_sent, 10k", 10_000, "log", "task add, 10k tasks", 1.2),
    ("export, 10k", 10_000, "export", "task export, 10k tasks", 0.8),
    ("today, 10k", 10_000, "today", "task next, 10k tasks", 0.8),
    ("today, 100k", 100_000, "today", "orjson load of the same file", 1.5),
    ("export, 100k", 100_000, "export", "orjson load + dump", 1.5),
    ("log CONTACT dm_sent, 100k", 100_000, "log", "load + dump + fsync + replace", 1.2),
]


def medians_ms(*commands: list[str], env: dict[str, str] | None = None, runs: int = RUNS) -> list[float]:
    """Each command's median, run in turns so that a change in the machine's load hits them alike."""
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(runs + 1):
        for command, taken in zip(commands, samples, strict=True):
            start = time.perf_counter()
            done = subprocess.run(
                command, env={**ENV, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
            )
            taken.append(time.perf_counter() - start)
            if done.returncode:
                raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()}")
    return [statistics.median(taken[1:]) * 1000 for taken in samples]


def main() -> None:
    DATA.mkdir(exist_ok=True)
    commands = {}
    imports = {}
    for size in SIZES:
        db = DATA / f"cli-{size}.json"
        contact = generate(db, size).contacts()[0].id
        dailyreach = [DAILYREACH, "--db", str(db)]
        commands[size] = {
            "log": [*dailyreach, "log", contact, "dm_sent"],
            "today": [*dailyreach, "today"],
            "export": [*dailyreach, "export"],
        }
        # The store's own export read into a new database, as a restore on another machine does.
        exported = DATA / f"cli-{size}-export.json"
        subprocess.run(
            [*dailyreach, "export", "-o", str(exported), "--force"], env=ENV, check=True, capture_output=True
        )
        restored = DATA / f"cli-{size}-restored.json"
        # Its backups go too: the store refuses to make anew a database missing beside its backups.
        restore = 'rm -f "$1" "$1".* "${1%/*}/backups/$(basename "$1" .json)"-*.json; exec "$2" --db "$1" import "$3"'
        imports[size] = ["sh", "-c", restore, "restore", str(restored), DAILYREACH, str(exported)]

    env = None
    peers: dict[int, dict[str, list[str]]] = {size: {} for size in SIZES}
    if shutil.which("task"):
        env = generate_tasks(DATA / "taskwarrior-10k", 10_000)
        peers[10_000] = {name: ["task", *args] for name, args in TASK_PEERS.items()}
    else:
        print("taskwarrior is not installed, so its figures are left out: apt-get install taskwarrior\n")
    # The orjson peers read a copy, so the store stays as dailyreach wrote it.
    copy = DATA / "cli-100000-peer.json"
    shutil.copyfile(DATA / "cli-100000.json", copy)
    peers[100_000] = {name: [PYTHON, "-c", code, str(copy)] for name, code in ORJSON_PEERS.items()}

    # The files just generated (hundreds of MB) are still being written back to the disk: a durable
    # write waits for that writeback, which made one run's log at 100k take twice its time.
    os.sync()
    figures: dict[tuple[int, str], tuple[float, float | None]] = {}
    for size in SIZES:
        for name, ours in commands[size].items():
            peer = peers[size].get(name)
            if peer is None:
                figures[size, name] = (medians_ms(ours)[0], None)
            else:
                ours_ms, their_ms = medians_ms(ours, peer, env=env)
                figures[size, name] = (ours_ms, their_ms)
    version, bare = medians_ms([DAILYREACH, "--version"], [PYTHON, "-c", "pass"])
    floor_copy = DATA / "cli-10000-floor.json"
    shutil.copyfile(DATA / "cli-10000.json", floor_copy)
    floor = [PYTHON, "-c", LOG_FLOOR, str(floor_copy)]
    task_add = peers[10_000].get("log")
    floor_ms, task_add_ms = medians_ms(floor, task_add, env=env) if task_add else (medians_ms(floor)[0], None)

    print(f'Issue #8 "Done when": median of {RUNS} whole runs each, taken in turns with the peer\'s')
    print(HEADER)
    for what, size, name, peer_name, at_most in FIGURES:
        ms, peer_ms = figures[size, name]
        print(row(what, ms, peer_name, peer_ms, at_most))
    print(row("--version", version, "python -c pass", bare, 2))
    print("\nThe floor under `log` at 10k: Python, the store's imports and a durable rewrite, no parsing")
    print(row("floor of log CONTACT dm_sent, 10k", floor_ms, "task add, 10k tasks", task_add_ms, 1.2))

    print("\nHow the cost grows (ms)")
    print(f"{'interactions':>12}  {'file MB':>7}  {'log':>6}  {'today':>6}  {'export':>6}  {'import':>6}")
    for size in SIZES:
        megabytes = (DATA / f"cli-{size}.json").stat().st_size / 1e6
        log, today, export = (figures[size, name][0] for name in ("log", "today", "export"))
        [restore] = medians_ms(imports[size], runs=IMPORT_RUNS)
        print(f"{size:>12,}  {megabytes:>7.1f}  {log:>6.0f}  {today:>6.0f}  {export:>6.0f}  {restore:>6.0f}")
    print(f"(import: the export read into a new database, the median of {IMPORT_RUNS} runs)")


if __name__ == "__main__":
    main()
