"""The app's edit form and undo, with a second window (another store on the same file) saving meanwhile."""

import json
import os
from dataclasses import replace

import pytest

from dailyreach.core.store.store import Store
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.main import MainScreen
from tests.conftest import log
from tests.tui.conftest import SIZE, cells, settle
from tests.tui.test_contact_screen import open_contact


def saved_elsewhere(store: Store, contact_id: str, **fields) -> None:
    """A save of ``fields`` by a second window: another store on the same file."""
    there = Store(store.path, clock=store.clock)
    shown = there.contact(contact_id)
    assert shown is not None
    there.save_contact(replace(shown, **fields), based_on=shown)


async def open_ann_edit_form(pilot) -> None:
    await settle(pilot)
    await open_contact(pilot, "Ann [/] Smith")
    await pilot.press("E")
    await settle(pilot)


async def test_an_edit_keeps_what_another_window_saved_while_the_form_was_open(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_ann_edit_form(pilot)
        saved_elsewhere(store, ann.id, why="saved there")
        app.screen.query_one("#tags").value = "angel"
        await pilot.press("enter")
        await settle(pilot)
        saved = store.contact(ann.id)
        assert (saved.why, saved.tags) == ("saved there", ["angel"])


@pytest.mark.parametrize(
    "read_meanwhile", [False, True], ids=["saved at once", "saved once the screen read it"]
)
async def test_an_edit_of_a_contact_deleted_in_another_window_is_refused_and_brings_nothing_back(
    store, people, read_meanwhile
):
    # Saved, the edit brought the contact back without its history. And once the contact screen under
    # the form had read the file again and found the contact gone, it dismissed the screen on top: the
    # form closed without a word, its typing lost, and the contact's screen stayed.
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_ann_edit_form(pilot)
        Store(store.path, clock=store.clock).delete_contact(ann.id)
        if read_meanwhile:
            app.screen_stack[-2].reload_if_changed()  # as its timer does, a moment after the deletion
            await settle(pilot)
        app.screen.query_one("#why").value = "typed here"  # the form is still there
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and Store(store.path, clock=store.clock).contact(ann.id) is None
        # No form reopens on a contact that is gone, nor its screen: back where the contact was listed.
        assert isinstance(app.screen, MainScreen)
        said = [(notice.title, notice.message) for notice in app._notifications]
        assert said[-2:] == [
            (
                "Not saved",
                "Ann [/] Smith was deleted in another window or command since this form opened: nothing was saved",
            ),
            ("", "Ann [/] Smith was deleted in another window or command"),
        ]


async def test_a_field_changed_in_both_windows_reopens_the_form_and_enter_then_saves_over(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_ann_edit_form(pilot)
        saved_elsewhere(store, ann.id, why="saved there")
        app.screen.query_one("#why").value = "typed here"
        await pilot.press("enter")
        await settle(pilot)
        assert store.contact(ann.id).why == "saved there"
        assert app.screen.query_one("#why").has_focus and app.screen.query_one("#why").value == "typed here"
        notice = list(app._notifications)[-1]
        assert (notice.title, notice.message) == (
            "Not saved",
            "Why: changed in another window or command since this form opened, to 'saved there': "
            "Enter saves yours over it",
        )
        await pilot.press("enter")
        await settle(pilot)
        assert store.contact(ann.id).why == "typed here"


async def test_u_does_not_undo_an_edit_another_window_changed_since_and_says_so(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_ann_edit_form(pilot)
        app.screen.query_one("#why").value = "typed here"
        await pilot.press("enter")
        await settle(pilot)
        saved_elsewhere(store, ann.id, tags=["there"])
        await pilot.press("u")
        await settle(pilot)
        saved = store.contact(ann.id)
        assert (saved.why, saved.tags) == ("typed here", ["there"])
        notice = list(app._notifications)[-1]
        assert notice.title == "Not undone" and notice.message.endswith(
            "cannot be undone: a record it changed was changed again since, in another window or command"
        )


async def test_a_hand_edit_that_keeps_the_count_of_interactions_is_shown_as_it_is(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=2))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith"]
        data = json.loads(store.path.read_text())
        [entry] = data["interactions"].values()
        entry["kind"] = "note"  # what was a DM is now a note: nothing waits for an answer
        store.path.write_text(json.dumps(data, indent=2))
        os.utime(store.path, ns=(1, 1))
        app.screen.reload_if_changed()
        await settle(pilot)
        assert cells(app, "pending") == []


async def test_a_dm_logged_in_another_window_shows_as_soon_as_the_app_has_the_focus_again(store, people):
    # The change check runs every few seconds: back from the window where Ann was written to, d on her row
    # as it was would log her DM a second time.
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cells(app, "pending") == []
        app.app_focus = False
        await settle(pilot)
        log(Store(store.path, clock=store.clock), ann, "dm_sent")
        app.app_focus = True
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == [ann.name]


@pytest.mark.parametrize("gone", ["emptied", "deleted"])
async def test_a_database_emptied_while_the_app_is_open_is_said_and_nothing_is_written_to_it(
    store, people, gone
):
    # The app showed an empty store without a word, and its next write left a file that neither it nor
    # the command line would open again.
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = cells(app, "today")
        if gone == "emptied":
            store.path.write_bytes(b"")
        else:
            store.path.unlink()
        app.screen.reload_if_changed()
        await settle(pilot)
        notice = list(app._notifications)[-1]
        assert notice.title == "Cannot read the database"
        assert notice.message.startswith(f"{store.path} is gone or empty since dailyreach opened it")
        assert notice.message.endswith(
            "This window still holds what it last read: e on the main screen exports it."
        )
        assert cells(app, "today") == shown
        for key in ("e", "i", "s", "4"):  # keys that read the store on the spot: a crash once
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running, key
            await pilot.press("escape")
            await settle(pilot)
        await pilot.press("d", "enter")
        await settle(pilot)
        if gone == "emptied":
            assert store.path.read_bytes() == b""
        else:
            assert not store.path.exists()
        refused = list(app._notifications)[-1]
        assert (
            refused.title == "Not logged" and "is gone or empty since dailyreach opened it" in refused.message
        )
        await pilot.press("escape")
        for key in ("e", "i", "s"):  # the refused log, made under the lock, once cost the reads the store
            await pilot.press(key)
            await settle(pilot)
            assert app.is_running, key
            await pilot.press("escape")
            await settle(pilot)
