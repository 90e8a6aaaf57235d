"""x on a target with nothing sent says there is no thread to close, as the store would, and opens no
log bar."""

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contact import ContactScreen
from dailyreach.tui.widgets.log_bar import LogBar
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, settle


async def test_x_on_a_target_with_nothing_sent_says_so_and_opens_no_bar(store):
    add_contact(store, "Bob Lee", handles={"bluesky": "bob.bsky.social"})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        said = [(notice.title, str(notice.message)) for notice in app._notifications]
        assert any(
            title == "Not logged" and message.startswith("nothing was sent to Bob Lee yet")
            for title, message in said
        ), said
        assert not app.screen.query_one(LogBar).display
    assert store.interactions() == []


async def test_x_on_a_contact_who_answered_says_nothing_waits_and_opens_no_bar(store):
    """From the contact screen, where every contact's x is: a met contact has no thread to close."""
    bob = add_contact(store, "Bob Lee", handles={"bluesky": "bob.bsky.social"})
    log(store, bob, "dm_sent", at=store.now().subtract(days=3))
    log(store, bob, "met", at=store.now().subtract(days=1))
    before = store.interactions()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("4", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ContactScreen)
        await pilot.press("x")
        await settle(pilot)
        said = [str(notice.message) for notice in app._notifications]
        assert any("no message to Bob Lee is waiting for an answer" in message for message in said), said
        assert not app.screen.query_one(LogBar).display
    assert store.interactions() == before
