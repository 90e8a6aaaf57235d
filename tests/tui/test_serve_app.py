"""The app as ``dailyreach serve`` runs it, in a browser: links open in a new tab, exports download.

Textual's test driver is no web driver, so ``is_web`` is set here; tests/e2e drives the real thing.
"""

import io
import json
import webbrowser
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from dailyreach.tui.app import DailyReachApp
from tests.tui.conftest import SIZE, settle


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, list]:
    """The app as if served: what it hands the browser, and a home whose files it must not touch."""
    handed: dict[str, list] = {"urls": [], "files": []}
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    monkeypatch.setattr(DailyReachApp, "is_web", property(lambda app: True))
    monkeypatch.setattr(
        DailyReachApp, "open_url", lambda app, url, *, new_tab: handed["urls"].append((url, new_tab))
    )

    def deliver(app, file: io.BytesIO, *, save_filename: str, mime_type: str) -> str:
        handed["files"].append((save_filename, mime_type, file.read()))
        return "key"

    monkeypatch.setattr(DailyReachApp, "deliver_binary", deliver)
    monkeypatch.setattr(webbrowser, "open", lambda url: pytest.fail(f"the server's browser opened {url}"))
    return handed


async def test_o_opens_the_profile_in_a_new_browser_tab(store, people, served):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "o")
        await settle(pilot)
    assert served["urls"] == [("https://mstdn.jp/@yamada", True)]


async def test_export_is_a_download_named_for_its_format_and_nothing_is_written(
    store, people, served, tmp_path
):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert app.screen.query_one("#path", Input).value == "dailyreach-export-2026-11-23.json"
        assert not app.screen.query("#replace")  # nothing to replace: the browser saves the file
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e", "tab", "v", "enter")  # vCard
        await settle(pilot)
        assert [n.message for n in app._notifications][-1] == "Downloading dailyreach-contacts-2026-11-23.vcf"
    [(name, media, payload), (vcf_name, vcf_media, vcf)] = served["files"]
    assert (name, media) == ("dailyreach-export-2026-11-23.json", "application/json")
    assert len(json.loads(payload)["contacts"]) == 3
    assert (vcf_name, vcf_media) == ("dailyreach-contacts-2026-11-23.vcf", "text/vcard")
    assert vcf.count(b"BEGIN:VCARD") == 3
    assert [path.name for path in (tmp_path / "home").rglob("*")] == ["Documents"]


async def test_a_download_takes_a_file_name_not_a_path_on_the_server(store, people, served):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", "ctrl+u", *"/etc/x.json", "enter")
        await settle(pilot)
        assert str(app.screen.query_one("#problem").render()) == (
            "File name: a file name only: the browser asks where to save it"
        )
    assert served["files"] == []


async def test_keys_that_arrive_with_enter_are_all_saved(store):
    """A browser tab (and a paste, or a terminal over SSH) hands the app several keys at once: Enter
    must save what the keys before it typed, not what the field had taken so far."""
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Ann Example", "tab")
        await settle(pilot)
        for key in [*"@annexample", "enter"]:  # as the driver posts one read of its input
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        await settle(pilot)
    [ann] = store.contacts()
    assert (ann.name, ann.handles) == ("Ann Example", {"x": "@annexample"})
