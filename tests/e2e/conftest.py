"""A real Chromium (Debian's ``chromium`` package) driven through Playwright's Python API.

Skipped, saying why, where Chromium is not installed; ``.ci/run`` installs it, so CI always runs these.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from tests.served import Served

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Said by every test here when it cannot run, and listed by pytest's summary (``-ra``).
NO_CHROMIUM = (
    "Chromium is not installed (apt-get install chromium): the dailyreach serve browser tests are skipped"
)

# Headless, and quiet: no first-run pages, no calls home, no QUIC.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if CHROMIUM is None:
        pytest.skip(NO_CHROMIUM)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    server = Served(tmp_path)
    yield server
    server.kill()


class Tab:
    """A browser tab on the served app, and what it tried to reach outside the machine (blocked)."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        self.outside: list[str] = []
        self.context.route("**/*", self._only_local)
        self.page: Page = self.context.new_page()
        self.page.goto(url)
        self.page.wait_for_selector("body.-first-byte", timeout=30_000)
        self.settle()
        self.page.focus(".xterm-helper-textarea")  # where xterm.js takes the keyboard

    def _only_local(self, route: Route) -> None:
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def shot(self) -> bytes:
        return self.page.locator("#terminal").screenshot(animations="disabled", caret="initial")

    def settle(self, before: bytes | None = None, timeout: float = 20) -> None:
        """Wait until the screen differs from ``before`` (when given) and then holds still: the app has
        drawn what the last keys asked for."""
        deadline = time.monotonic() + timeout
        last = self.shot()
        while last == before and time.monotonic() < deadline:
            self.page.wait_for_timeout(100)
            last = self.shot()
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(250)
            now = self.shot()
            if now == last:
                return
            last = now
        raise AssertionError(f"the screen did not settle in {timeout}s")

    def press(self, *keys: str) -> None:
        """Press keys and wait for the screen to show their effect."""
        before = self.shot()
        for key in keys:
            self.page.keyboard.press(key)
        self.settle(before)

    def type(self, text: str) -> None:
        """Type text, without waiting: an Enter right after it must still save all of it."""
        self.page.keyboard.type(text)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_tab(browser: Browser, tmp_path: Path) -> Iterator:
    """Opens tabs; each one's last screen is kept as tab-N.png in the test's folder, to look at."""
    tabs: list[Tab] = []

    def open_(url: str) -> Tab:
        tabs.append(Tab(browser, url))
        return tabs[-1]

    yield open_
    for number, tab in enumerate(tabs, 1):
        tab.page.screenshot(path=tmp_path / f"tab-{number}.png")
        tab.close()
