"""What the forms look like at 80×24 and 120×40, pinned (update with:
pytest tests/tui/test_form_snapshots.py --snapshot-update, then look at the changed ones as PNGs)."""

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from dailyreach.core.records.model import Invitation
from dailyreach.tui.app import DailyReachApp
from tests.conftest import FIXTURES, add_contact, log
from tests.tui.conftest import settle

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """The export form shows a file in the documents folder: ~/Documents, in a home of the test's own."""
    (tmp_path / "Documents").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)


@pytest.fixture
def morning(store):
    """A few people and invitations, as on a real morning."""
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann"}, why="Sold her startup to Stripe", priority=1)
    add_contact(
        store, "山田 太郎", handles={"mastodon": "@yamada@mstdn.jp"}, why="上場経験あり。採用について"
    )
    sato = add_contact(store, "佐藤 花子", handles={"linkedin": "hanako-sato"})
    log(store, sato, "dm_sent", at=store.now().subtract(days=5), channel="linkedin")
    log(store, ann, "public_reply", at=store.now().subtract(hours=3))
    mixer = store.save_invitation(
        Invitation(title="異業種交流会", kind="mixer", host="田中", hours=3, cost=5000, currency="JPY")
    )
    store.decline_invitation(mixer.id)
    store.save_invitation(Invitation(title="Growth Seminar", kind="seminar", host="Acme", hours=4))
    return store


def steps(*actions: str | tuple[str]):
    """Keys to press (strings) and text to type (1-tuples), in turn, as a terminal would send them."""

    async def run(pilot) -> None:
        await settle(pilot)
        for action in actions:
            if isinstance(action, tuple):
                for character in action[0]:  # Pilot.press drops some signs, ¥ among them
                    pilot.app.post_message(events.Key(character, character))
                    await pilot.pause(0)
            else:
                await pilot.press(action)
        await steady(pilot)

    return run


async def steady(pilot) -> None:
    """Settle, then hold the text cursor on: a blinking one is caught on or off at random."""
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await settle(pilot)


@SIZES
def test_new_target_form(snap_compare, morning, size):
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=steps("n"))


@SIZES
def test_new_target_form_filled_in(snap_compare, morning, size):
    run = steps("n", ("Marco Rossi",), "tab", ("marco.bsky.social",), "tab", ("Built a 10M ARR SaaS",))
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=run)


@SIZES
def test_edit_contact_form(snap_compare, morning, size):
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=steps("enter", "E"))


@SIZES
def test_new_invitation_form(snap_compare, morning, size):
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=steps("i"))


@SIZES
def test_new_invitation_form_with_a_yen_cost_and_the_kinds_open(snap_compare, morning, size):
    run = steps("i", ("異業種交流会",), "tab", ("¥5,000",), "tab", "tab", "space")
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=run)


@SIZES
def test_new_invitation_form_with_mistakes(snap_compare, morning, size):
    run = steps("i", "tab", ("abc",), "tab", ("32/13",), "enter")
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=run)


@SIZES
def test_decline_form(snap_compare, morning, size):
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=steps("3", "x"))


@SIZES
def test_snooze_form(snap_compare, morning, size):
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=steps("s"))


@SIZES
def test_export_form(snap_compare, morning, size):
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=steps("e"))


@SIZES
def test_import_form(snap_compare, morning, size):
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=steps("I"))


@SIZES
def test_log_form(snap_compare, morning, size):
    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=steps("d"))


@SIZES
def test_import_preview(snap_compare, morning, size):
    async def fill_in(pilot):
        await settle(pilot)
        await pilot.press("I")
        await settle(pilot)
        # A relative path keeps the snapshot the same on every machine.
        pilot.app.screen.query_one("#path").value = str(FIXTURES.relative_to(Path.cwd()) / "Connections.csv")
        await pilot.press("enter")
        await steady(pilot)

    assert snap_compare(DailyReachApp(morning), terminal_size=size, run_before=fill_in)
