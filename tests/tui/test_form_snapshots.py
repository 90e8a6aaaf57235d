"""What the forms look like, pinned (update with: pytest tests/tui/test_form_snapshots.py --snapshot-update)."""

from pathlib import Path

from dailyreach.core.model import Invitation
from dailyreach.tui.app import DailyReachApp
from tests.tui.conftest import settle
from tests.tui.test_snapshots import keys, realistic


def test_log_form(snap_compare, store):
    realistic(store)
    assert snap_compare(DailyReachApp(store), terminal_size=(120, 30), run_before=keys("d"))


def test_new_target_form(snap_compare, store):
    assert snap_compare(DailyReachApp(store), terminal_size=(120, 30), run_before=keys("n"))


def test_new_invitation_form(snap_compare, store):
    assert snap_compare(DailyReachApp(store), terminal_size=(120, 30), run_before=keys("i"))


def test_snooze_form(snap_compare, store):
    realistic(store)
    assert snap_compare(DailyReachApp(store), terminal_size=(120, 30), run_before=keys("s"))


def test_export_form(snap_compare, store):
    assert snap_compare(DailyReachApp(store), terminal_size=(120, 30), run_before=keys("e"))


def test_decline_form(snap_compare, store):
    realistic(store)
    store.save_invitation(Invitation(title="Growth Seminar", kind="seminar", host="Acme", hours=4))
    assert snap_compare(DailyReachApp(store), terminal_size=(120, 30), run_before=keys("3", "x"))


def test_edit_contact_form(snap_compare, store):
    realistic(store)
    assert snap_compare(DailyReachApp(store), terminal_size=(120, 36), run_before=keys("enter", "E"))


def test_import_preview(snap_compare, store):
    from tests.conftest import FIXTURES

    async def fill_in(pilot):
        await settle(pilot)
        await pilot.press("I")
        await pilot.pause()
        # A relative path keeps the snapshot the same on every machine.
        pilot.app.screen.query_one("#path").value = str(FIXTURES.relative_to(Path.cwd()) / "Connections.csv")
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(DailyReachApp(store), terminal_size=(120, 30), run_before=fill_in)
