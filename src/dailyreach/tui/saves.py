"""Changes saved off the UI thread, one at a time and in the order they were made."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable

from textual.app import App

# Runs in the save thread; returns what to do on the UI thread once it is done (show it, or say why not).
Work = Callable[[], Callable[[], None]]


class SaveQueue:
    def __init__(self, app: App) -> None:
        self.app = app
        self._waiting: deque[Work] = deque()
        self._drained = asyncio.Event()
        self._drained.set()

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def put(self, work: Work) -> None:
        self._waiting.append(work)
        self._drained.clear()
        if len(self._waiting) == 1:
            # After the next frame: the save thread would hold the interpreter while the screen draws
            # what was just done.
            self.app.call_after_refresh(self._start)

    async def drained(self) -> None:
        """Wait until every change put so far is saved (or refused)."""
        await self._drained.wait()

    def _start(self) -> None:
        work = self._waiting[0]

        def run() -> None:
            report = work()
            if self.app.is_running:
                self.app.call_from_thread(self._finish, report)

        self.app.run_worker(run, thread=True, group="save")

    def _finish(self, report: Callable[[], None]) -> None:
        # Reported before the next change starts, so that change reads the screen as this one left it.
        self._waiting.popleft()
        try:
            report()
        finally:
            if self._waiting:
                self._start()
            else:
                self._drained.set()
