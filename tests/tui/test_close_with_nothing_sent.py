"""x on a target with nothing sent says there is no thread to close, as the store would, and opens no
log bar."""

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.widgets.log_bar import LogBar
from tests.conftest import add_contact
from tests.tui.conftest import SIZE, settle


async def test_x_on_a_target_with_nothing_sent_says_so_and_opens_no_bar(store):
    add_contact(store, "Bob Lee", handles={"bluesky": "bob.bsky.social"})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        said = [str(notice.message) for notice in app._notifications]
        assert any("nothing was sent to Bob Lee yet" in message for message in said), said
        assert not app.screen.query_one(LogBar).display
    assert store.interactions() == []
