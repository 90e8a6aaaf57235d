"""What the screens look like in Japanese at 80×24 and 120×40, pinned: the main screen, a form, the keys
panel, the contact screen and Stats (update with: pytest tests/tui/test_japanese_snapshots.py
--snapshot-update, then look at the changed ones as PNGs) (issue 14)."""

import pytest

from dailyreach import i18n
from dailyreach.core.planning.demo import fill_demo
from dailyreach.tui.app import DailyReachApp
from tests.tui.test_snapshots import keys, with_undecided

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@pytest.fixture(autouse=True)
def japanese():
    i18n.use_language("ja")
    yield
    i18n.use_language("en")


@SIZES
def test_main_screen(snap_compare, store, size):
    with_undecided(store)
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=keys())


@SIZES
def test_declined_invitations(snap_compare, store, size):
    with_undecided(store)
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=keys("3"))


@SIZES
def test_new_invitation_form(snap_compare, store, size):
    with_undecided(store)
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=keys("i"))


@SIZES
def test_new_target_form(snap_compare, store, size):
    with_undecided(store)
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=keys("n"))


@SIZES
def test_keys_panel(snap_compare, store, size):
    with_undecided(store)
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=keys("question_mark"))


@SIZES
def test_contact_screen(snap_compare, store, size):
    with_undecided(store)
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=keys("2", "enter"))


@SIZES
def test_stats(snap_compare, store, size):
    fill_demo(store)
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=keys("S"))


@SIZES
def test_contacts_view(snap_compare, store, size):
    fill_demo(store)
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=keys("4"))


@SIZES
def test_empty_first_run(snap_compare, store, size):
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=keys())
