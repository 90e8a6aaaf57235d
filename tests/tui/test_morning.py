"""Issue 9's morning, counted: add 5 targets (name and handle), DM each, log 2 replies, record and decline a
mixer with a yen cost, export — at most 30 keys besides the typed text, at 80×24 and at 120×40."""

import json

import pytest

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contact_form import contact_fields, name_and_handle
from tests.tui.conftest import Keys, settle

PEOPLE = [
    ("山田 太郎", "@yamada@mstdn.jp", "mastodon"),
    ("佐藤 花子", "https://www.linkedin.com/in/hanako-sato", "linkedin"),
    ("Ann Smith", "@ann", "x"),
    ("Marco Rossi", "https://bsky.app/profile/marco.bsky.social", "bluesky"),
    ("Lee Chen", "lee@example.com", "email"),
]


@pytest.fixture
def home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return home


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_whole_morning_takes_at_most_30_keys(store, home, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("n")
        for number, (name, handle, _) in enumerate(PEOPLE, 1):
            await keys.type(f"{name} {handle}")  # the handle after the name: no Tab to its field
            await keys.press("enter" if number == len(PEOPLE) else "ctrl+n")  # ctrl+n: and another
        targets = keys.count
        for _ in PEOPLE:
            await keys.press("d", "enter")  # the cursor moves on to the next row still to do
        dms = keys.count - targets
        await keys.press("2", "r", "enter", "r", "enter")
        replies = keys.count - targets - dms
        await keys.press("i")
        await keys.type("異業種交流会")
        await keys.press("tab")
        await keys.type("¥5000")
        await keys.press("enter")
        await keys.press("e", "enter")
    assert (targets, dms, replies, keys.count) == (6, 10, 5, 26)
    channels = {contact.name: contact.main_channel for contact in store.contacts()}
    assert channels == {name: platform for name, _, platform in PEOPLE}
    kinds = sorted(interaction.kind for interaction in store.interactions())
    assert kinds == ["dm_sent"] * 5 + ["reply_received"] * 2
    [mixer] = store.invitations()
    assert (mixer.status, mixer.cost, mixer.currency) == ("declined", 5000, "JPY")
    exported = json.loads((home / "Documents" / "dailyreach-export-2026-11-23.json").read_text())
    assert len(exported["interactions"]) == 7


def test_a_name_ends_in_a_handle_only_when_its_last_word_can_be_nothing_else():
    assert name_and_handle("Ann Smith @ann") == ("Ann Smith", "@ann")
    assert name_and_handle("佐藤 花子 hanako@example.com") == ("佐藤 花子", "hanako@example.com")
    assert name_and_handle("Lee https://bsky.app/profile/lee.bsky.social")[1].startswith("https://")
    assert name_and_handle("Ann Smith") is None
    assert name_and_handle("@ann") is None  # a name is still needed
    assert name_and_handle("Dr. Who") is None
    assert name_and_handle("Sam linkedin.com/in/samk") == ("Sam", "linkedin.com/in/samk")
    assert name_and_handle("Dana Lee dana.bsky.social") == ("Dana Lee", "dana.bsky.social")
    assert name_and_handle("Dana Lee bsky.social") is None  # the site itself, not someone on it
    assert name_and_handle("Ann Smith example.com") is None  # a site, not a profile
    assert name_and_handle("Mr. J.R. Smith/Jones") is None
    assert name_and_handle("[bold]Eve[/] [red]Mallory[link=http://evil]x") is None
    assert name_and_handle("Eve HTTPS://x.com/eve") == ("Eve", "HTTPS://x.com/eve")


def test_a_handle_typed_in_its_own_field_keeps_the_name_as_typed():
    answers = {"name": "Ann @ Acme @ann", "handle": "@ann_smith", "platform": "x", "why": "", "notes": ""}
    fields = contact_fields({**answers, "tags": "", "priority": "2", "cadence_days": ""})
    assert (fields["name"], fields["handles"]) == ("Ann @ Acme @ann", {"x": "@ann_smith"})
