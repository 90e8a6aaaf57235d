"""Saves run behind the screen: the row shows a log at once, a failed save puts it back, and logging for
one contact reads that contact again, not the whole agenda."""

import asyncio

import pytest
from textual import events

from dailyreach.core.planning import agenda as agenda_module
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens import main
from tests.tui.conftest import SIZE, cells, hold_saves, settle


async def stopped(app) -> None:
    for _ in range(100):
        if not app.is_running:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the app is still running")


def status(app) -> str:
    return str(app.screen.query_one("#status").render())


async def test_the_row_shows_the_log_before_it_is_saved_and_keys_work_meanwhile(store, people, monkeypatch):
    ann, yamada, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        go_on = hold_saves(store, monkeypatch)
        await pilot.press("d", "enter")
        await pilot.pause()
        assert cells(app, "today")[0][0] == "✓" and "1/5 today" in status(app)
        # The store is busy saving; the screen logs the next row from what it shows.
        await pilot.press("d")
        await pilot.pause()
        assert str(app.screen.query_one("#log_title").render()) == "DM sent: 山田 太郎"
        await pilot.press("enter")
        await pilot.pause()
        assert [row[0] for row in cells(app, "today")] == ["✓", "✓", "·"]
        assert "2/5 today" in status(app)
        go_on.set()
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [ann.id, yamada.id]
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith", "山田 太郎"]
        assert [row[0] for row in cells(app, "today")] == ["✓", "✓", "·"]


async def test_a_refused_save_puts_the_row_back_and_says_why(store, people, monkeypatch):
    from dailyreach.core.store.storage import StoreWriteError

    def refuse(*args, **kwargs):
        raise StoreWriteError("could not save db.json: No space left on device")

    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(store, "add_interaction", refuse)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert cells(app, "today")[0][0] == "·" and "0/5 today" in status(app)
        assert cells(app, "pending") == []
        assert any("No space left" in n.message for n in app._notifications)
        assert app.screen.query_one("#when").has_focus


async def test_logging_reads_the_contact_again_not_the_agenda(store, people, monkeypatch):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        built = []
        whole = agenda_module._agenda  # what build_agenda and refresh_contact's fallback both call
        monkeypatch.setattr(agenda_module, "_agenda", lambda store: built.append(1) or whole(store))
        await pilot.press("d", "enter", "2", "r", "enter")
        await settle(pilot)
        assert len(store.interactions()) == 2 and cells(app, "pending") == []
        assert built == []


async def test_no_read_starts_while_a_save_is_under_way_and_quitting_waits_for_it(store, people, monkeypatch):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        go_on = hold_saves(store, monkeypatch)
        read = []
        monkeypatch.setattr(main.MainScreen, "read", lambda screen: read.append(1))
        await pilot.press("d", "enter")
        await pilot.pause()
        app.screen.reload_if_changed()
        await app.run_action("quit")
        await pilot.pause()
        assert app.is_running
        go_on.set()
        await stopped(app)
        assert read == []
    assert [i.contact_id for i in store.interactions()] == [ann.id]


async def test_a_database_its_owner_made_read_only_says_so_as_the_app_opens(store, people):
    """Before the first log is refused, not at it: what the user logs will not be kept."""
    store.path.chmod(0o400)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [str(notice.message) for notice in app._notifications]
        assert f"{store.path} can be read but not saved: it is read-only; make it writable (chmod u+w)" in (
            "\n".join(said)
        )
        await pilot.press("d", "enter")
        await settle(pilot)
        assert cells(app, "today")[0][0] == "·"  # the log refused, the row put back
    assert store.interactions() == []


async def test_a_writable_database_opens_without_a_word_about_it(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any("can be read but not saved" in str(notice.message) for notice in app._notifications)


@pytest.mark.parametrize("quit_key", ["q", "ctrl+q"])
async def test_q_pressed_with_d_enter_before_the_save_starts_saves_the_log_and_quits(store, people, quit_key):
    # Quitting waited for the save inside the app's own message loop, which was to start that save:
    # d Enter q typed together left the app frozen and the log unsaved.
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # In one read, as a burst comes: ctrl+q, Textual's priority key, quit before the Enter had logged.
        for key, character in (("d", "d"), ("enter", "\r"), (quit_key, "q" if quit_key == "q" else "\x11")):
            app.post_message(events.Key(key, character))
        await stopped(app)
    assert [i.contact_id for i in store.interactions()] == [ann.id]
