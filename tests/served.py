"""``dailyreach serve`` run as a user runs it, for the serve tests (tests/cli and tests/e2e)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from tests.conftest import DAILYREACH


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_processes(server: int) -> list[int]:
    """The app processes a server started, one per browser session."""
    children = Path(f"/proc/{server}/task/{server}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie has exited; only its parent has not collected it yet


class Served:
    """``dailyreach serve`` on a free loopback port, its own process group (as a terminal would start
    it), on a test store and config, with a home of its own; ``before`` are global options (``--demo``)."""

    def __init__(
        self, folder: Path, *args: str, port: int | None = None, before: tuple[str, ...] = ()
    ) -> None:
        self.db = folder / "dailyreach.json"
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        home = folder / "home"
        home.mkdir(exist_ok=True)
        self.process = subprocess.Popen(
            [DAILYREACH, *before, "serve", "--db", str(self.db), "--config", str(folder / "config.toml")]
            + ["--port", str(self.port), *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "TZ": "UTC"},
            start_new_session=True,
        )
        self.first_line = self.process.stdout.readline() if self.process.stdout else ""

    def interrupt(self, *, group: bool = False, timeout: float = 20) -> tuple[int, str, str]:
        """Ctrl+C: to the server alone, or to its whole process group as a terminal sends it; its exit
        status and what it printed."""
        if group:
            os.killpg(self.process.pid, signal.SIGINT)
        else:
            self.process.send_signal(signal.SIGINT)
        try:
            out, err = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise
        return self.process.returncode, self.first_line + out, err

    def kill(self) -> None:
        """Whatever is left of the server and its sessions (after a test, passed or failed)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.communicate(timeout=10)


def wait_until(check, timeout: float = 20, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting {timeout}s for {what or check}")
        time.sleep(0.1)
