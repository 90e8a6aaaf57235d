"""Time the app in a real terminal against a bare Textual app, as issue #8's "Done when" asks: the first
frame showing data on an empty store and at 20k and 100k interactions, and `d` Enter until the logged
row shows ✓ at 20k and 100k.

    make bench        (or: python benchmarks/bench_tui.py)

Each program runs in a pseudo-terminal of 120x40 (TERM=xterm-256color) and a figure ends when the awaited
text appears in the bytes it writes, so start-up, the store, the layout and the drawing all count. Keys
are sent once the program is idle; each key waits for what it shows before the next is sent, as a person
would. Every run starts on a fresh copy of the store, so each `d` Enter logs the same first Today row.
"""

from __future__ import annotations

import fcntl
import json
import os
import select
import shutil
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).parent))
from figures import DAILYREACH, DATA, ENV, HEADER, PYTHON, row  # noqa: E402
from generate import generate, start_anew  # noqa: E402

# The machine's noise moves one run of the app by 10-30%: a median of nine holds still better than one of five.
RUNS = 9
COLUMNS, ROWS = 120, 40
QUIET = 0.5  # seconds without output after which a program is taken to be idle, ready for keys
TIMEOUT = 60
CONFIG = DATA / "tui-config.toml"
RUN_DB = DATA / "tui-run.json"
APP = [DAILYREACH, "--db", str(RUN_DB)]
BARE_NAME = "Ann Smith"
BARE_APP = [PYTHON, str(Path(__file__).parent / "bare_app.py"), BARE_NAME]
BARE_KEYS = [(b"d", b"pressed d"), (b"\r", b"pressed enter")]
EMPTY_STORE_SHOWS = b"Press n to add your first target"
# The main screen's Textual widgets without dailyreach: what of the empty store's first frame is Textual's.
WIDGETS_APP = [PYTHON, str(Path(__file__).parent / "widgets_app.py"), EMPTY_STORE_SHOWS.decode()]
# interactions: (label, the most the first frame may take as a multiple of the bare app's, the most
# `d` Enter may take beyond the bare app's echo in ms)
TARGETS = {0: ("empty store", 1.3, None), 20_000: ("20k", 1.6, 50), 100_000: ("100k", 2.5, 100)}


class Timing(NamedTuple):
    first_frame: float  # ms from the start until the awaited text is drawn
    keys: float  # ms from the first key until the last key's text is drawn


class Terminal:
    """A program in a pseudo-terminal, and everything it has written so far."""

    def __init__(self, args: list[str]) -> None:
        self.args = args
        self.fd, child = os.openpty()
        fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        env = {**ENV, "TERM": "xterm-256color", "DAILYREACH_CONFIG": str(CONFIG)}
        self.process = subprocess.Popen(
            args, stdin=child, stdout=child, stderr=child, env=env, start_new_session=True
        )
        os.close(child)
        self.output = bytearray()

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.process.kill()
        self.process.wait()
        os.close(self.fd)

    def _read(self, timeout: float) -> bool:
        """Take what the program writes within timeout seconds; False when it wrote nothing."""
        if not select.select([self.fd], [], [], max(timeout, 0))[0]:
            return False
        try:
            self.output += os.read(self.fd, 1 << 16)
        except OSError:  # EIO: the program exited, and its terminal closed
            raise SystemExit(f"{self.args} exited: {self.output[-2000:].decode(errors='replace')}") from None
        return True

    def wait_for(self, text: bytes, since: int = 0) -> None:
        deadline = time.perf_counter() + TIMEOUT
        while self.output.find(text, since) < 0:
            if time.perf_counter() > deadline:
                raise SystemExit(f"{self.args} never showed {text.decode()!r} within {TIMEOUT} s")
            self._read(deadline - time.perf_counter())

    def settle(self) -> None:
        while self._read(QUIET):
            pass

    def press(self, key: bytes, shows: bytes) -> None:
        # Text already on the screen could be drawn again by any repaint, so it proves nothing.
        if shows in self.output:
            raise SystemExit(f"{shows.decode()!r} was on the screen before the key was pressed")
        since = len(self.output)
        os.write(self.fd, key)
        self.wait_for(shows, since)


def run(args: list[str], shows: bytes, keys: list[tuple[bytes, bytes]]) -> Timing:
    start = time.perf_counter()
    with Terminal(args) as terminal:
        terminal.wait_for(shows)
        first_frame = time.perf_counter() - start
        terminal.settle()
        start = time.perf_counter()
        for key, key_shows in keys:
            terminal.press(key, key_shows)
        return Timing(first_frame * 1000, (time.perf_counter() - start) * 1000)


def median(timings: list[Timing]) -> Timing:
    return Timing(*(statistics.median(values) for values in zip(*timings, strict=True)))


def compare(
    fresh: Path, shows: bytes, keys: list[tuple[bytes, bytes]]
) -> tuple[Timing, Timing, Timing | None]:
    """The app's and the bare app's medians, after one run of each that warms the caches, and on the
    empty store the widgets app's.

    They run in turns, so that a change in the machine's load hits them alike; the app starts each run
    on a copy of the fresh store.
    """
    # The store just generated is still being written back to the disk: a save would wait for it.
    os.sync()
    app, bare, widgets = [], [], []
    for _ in range(RUNS + 1):
        shutil.copyfile(fresh, RUN_DB)
        # What dailyreach knows of the file travels with it, as in a user's data folder (checked.py).
        checked = fresh.with_name(fresh.name + ".checked")
        if checked.exists():
            shutil.copyfile(checked, RUN_DB.with_name(RUN_DB.name + ".checked"))
        # Without the week it last started in, the app offers no weekly review over the main screen.
        RUN_DB.with_name(RUN_DB.name + ".review").unlink(missing_ok=True)
        app.append(run(APP, shows, keys))
        bare.append(run(BARE_APP, BARE_NAME.encode(), BARE_KEYS))
        if not keys:
            widgets.append(run(WIDGETS_APP, EMPTY_STORE_SHOWS, []))
    return median(app[1:]), median(bare[1:]), median(widgets[1:]) if widgets else None


def prepare(size: int) -> tuple[Path, bytes, list[tuple[bytes, bytes]]]:
    """A store of this many interactions with today's plan made, what its first frame shows, and its keys.

    An empty store has no contact to show, so its first frame with data is Today's prompt to add one.
    Otherwise `d` Enter logs the first Today row, where the cursor starts; the generated store has
    nothing logged today, so the only ✓ that can be drawn is that row's.
    """
    db = DATA / f"tui-{size}.json"
    if size:
        generate(db, size)
    else:
        start_anew(db)
    shown = subprocess.run(
        [DAILYREACH, "--db", str(db), "today", "--json"], env=ENV, check=True, capture_output=True
    )
    items = json.loads(shown.stdout)["items"]
    if not items:
        return db, EMPTY_STORE_SHOWS, []
    first = items[0]["contact"]["name"]
    return db, first.encode(), [(b"d", f"DM sent: {first}".encode()), (b"\r", "✓".encode())]


def main() -> None:
    DATA.mkdir(exist_ok=True)
    figures = {size: compare(*prepare(size)) for size in TARGETS}

    print(f'Issue #8 "Done when": median of {RUNS} runs each, taken in turns with the bare app\'s,')
    print(f"in a {COLUMNS}x{ROWS} pseudo-terminal")
    print(HEADER)
    for size, (label, frame_at_most, _) in TARGETS.items():
        app, bare, _widgets = figures[size]
        what = f"first frame with data, {label}"
        print(row(what, app.first_frame, "bare Textual app, first frame", bare.first_frame, frame_at_most))
    for size, (label, _, keys_at_most) in TARGETS.items():
        app, bare, _widgets = figures[size]
        if keys_at_most is not None:
            what, peer = f"d Enter until the row shows ✓, {label}", "bare Textual app, echo of d, Enter"
            print(row(what, app.keys, peer, bare.keys, keys_at_most, added=True))
    _app, bare, widgets = figures[0]
    if widgets is not None:
        print("\nThe floor under the empty store's first frame: the main screen's Textual widgets alone")
        what, peer = "first frame, widgets_app.py", "bare Textual app, first frame"
        print(row(what, widgets.first_frame, peer, bare.first_frame, TARGETS[0][1]))


if __name__ == "__main__":
    main()
