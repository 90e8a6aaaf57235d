"""``dailyreach serve`` in a real Chromium: the keys a user presses, and the store on disk after them."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from dailyreach.core.records.model import Contact
from dailyreach.core.store.store import Store
from tests.served import wait_until

# Set to a path to keep this test's screenshot there too (the README's picture is made this way).
SCREENSHOT_COPY = os.environ.get("DAILYREACH_SERVE_SCREENSHOT")


def on_disk(db: Path) -> Store:
    """The store as a new process reads it from the file now."""
    return Store(db)


def names(db: Path) -> set[str]:
    return {contact.name for contact in on_disk(db).contacts()} if db.exists() else set()


def add_target(tab, name: str, handle: str) -> None:
    tab.press("n")
    tab.type(name)
    tab.press("Tab")  # then wait: keys typed before the focus moves still go to the name
    tab.type(handle)


def test_add_a_target_and_log_a_dm_in_the_browser_the_store_holds_both(served, open_tab, tmp_path):
    tab = open_tab(served.url)
    assert tab.page.title() == "dailyreach"
    add_target(tab, "Ann Example", "@annexample")
    tab.press("Enter")
    wait_until(lambda: names(served.db) == {"Ann Example"}, what="the contact on disk")
    tab.press("d")
    tab.press("Enter")
    wait_until(lambda: len(on_disk(served.db).interactions()) == 1, what="the DM on disk")
    store = on_disk(served.db)
    [ann], [dm] = store.contacts(), store.interactions()
    assert (ann.handles, dm.contact_id, dm.kind, dm.channel) == ({"x": "@annexample"}, ann.id, "dm_sent", "x")
    tab.settle()
    screenshot = tmp_path / "dailyreach-serve.png"
    tab.page.screenshot(path=screenshot)
    print(f"screenshot: {screenshot}")
    if SCREENSHOT_COPY:
        shutil.copy(screenshot, SCREENSHOT_COPY)
    assert tab.outside == []  # the page loads nothing from outside the machine


def test_o_and_a_drafts_compose_link_open_new_tabs_and_e_downloads_the_export(served, open_tab):
    tab = open_tab(served.url)
    add_target(tab, "Ann Example", "@annexample")
    tab.press("Enter")
    wait_until(lambda: names(served.db) == {"Ann Example"}, what="the contact on disk")
    tab.settle()
    with tab.context.expect_page() as opened:
        tab.page.keyboard.press("o")
    opened.value.wait_for_load_state()
    assert tab.outside == ["https://x.com/annexample"]  # the new tab asked for it (and was stopped)
    tab.page.bring_to_front()
    tab.press("e")
    with tab.page.expect_download() as downloading:
        tab.page.keyboard.press("Enter")
    download = downloading.value
    assert download.suggested_filename.startswith("dailyreach-export-")
    exported = json.loads(Path(download.path()).read_text())
    assert [contact["name"] for contact in exported["contacts"]] == ["Ann Example"]
    tab.press("c")  # a draft of the first public reply
    with tab.context.expect_page() as opened:
        tab.page.keyboard.press("Control+s")  # copy it and open where it is posted
    opened.value.wait_for_load_state()
    assert len(tab.outside) == 2
    assert tab.outside[1].startswith("https://x.com/intent/post?text=")


def test_two_browser_sessions_logging_at_once_lose_nothing(served, open_tab):
    first, second = open_tab(served.url), open_tab(served.url)
    add_target(first, "Ann Example", "@annexample")
    add_target(second, "Bo Example", "@boexample")
    first.page.keyboard.press("Enter")
    second.page.keyboard.press("Enter")
    wait_until(lambda: names(served.db) == {"Ann Example", "Bo Example"}, what="both contacts on disk")
    first.settle()
    second.settle()
    first.press("d")
    second.press("d")
    first.page.keyboard.press("Enter")
    second.page.keyboard.press("Enter")
    wait_until(lambda: len(on_disk(served.db).interactions()) == 2, what="both DMs on disk")
    # Each tab sees the other's writes, so which row each d lands on depends on the timing; what
    # matters is that both contacts and both DMs are on disk.
    store = on_disk(served.db)
    dms = store.interactions()
    assert {contact.name for contact in store.contacts()} == {"Ann Example", "Bo Example"}
    assert [dm.kind for dm in dms] == ["dm_sent", "dm_sent"]
    assert len({dm.id for dm in dms}) == 2


def test_in_a_new_tab_today_has_the_keys_so_d_enter_logs_the_first_target(served, open_tab, tmp_path):
    # The first keys in a tab went to no pane: d said "Select a contact in Today or Pending first".
    store = Store(served.db)
    for name in ("Ann Example", "Bo Example"):
        store.save_contact(Contact.from_dict({"name": name, "handles": {"x": "@" + name.split()[0].lower()}}))
    store.close()
    tab = open_tab(served.url)
    tab.press("d")
    tab.page.keyboard.press("Enter")
    wait_until(lambda: len(on_disk(served.db).interactions()) == 1, what="the DM on disk")
    [dm] = on_disk(served.db).interactions()
    assert dm.kind == "dm_sent"
