"""What the draft screen, the templates screen and the template form look like at 80×24 and 120×40,
pinned (update with: pytest tests/tui/test_draft_snapshots.py --snapshot-update, then look at the
changed ones as PNGs)."""

import pytest
from textual import events
from textual.widgets import Input, TextArea

from dailyreach.core.records.model import Settings
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact, log
from tests.tui.conftest import settle

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])


@pytest.fixture
def people(store):
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann"}, why="Sold her startup to Stripe", priority=1)
    add_contact(
        store, "山田 太郎", handles={"mastodon": "@yamada@mstdn.jp"}, why="上場経験あり。採用について"
    )
    sato = add_contact(store, "佐藤 花子", handles={"linkedin": "hanako-sato"}, priority=3)
    log(store, sato, "dm_sent", at=store.now().subtract(days=5), channel="linkedin")
    log(store, ann, "public_reply", at=store.now().subtract(hours=3))
    store.save_settings(Settings(timezone="Asia/Tokyo", my_name="Ken Sato"))
    return store


class Pasted(str):
    """Text pasted at once, as a terminal sends a paste: a long text typed key by key takes seconds."""


def steps(*actions: str | tuple[str] | Pasted):
    """Keys to press (strings), text to type (1-tuples) and text pasted, in turn; then the cursors held
    still."""

    async def run(pilot) -> None:
        await settle(pilot)
        for action in actions:
            if isinstance(action, Pasted):
                pilot.app.post_message(events.Paste(action))
            elif isinstance(action, tuple):
                for character in action[0]:
                    pilot.app.post_message(events.Key(character, character))
                    await pilot.pause(0)
            else:
                await pilot.press(action)
            await settle(pilot)
        for widget in pilot.app.screen.query(Input):
            widget.cursor_blink = False
        for area in pilot.app.screen.query(TextArea):
            area.cursor_blink = False
        await settle(pilot)

    return run


@SIZES
def test_draft_screen_follow_up_on_linkedin(snap_compare, people, size):
    assert snap_compare(DailyReachApp(people), terminal_size=size, run_before=steps("c"))


@SIZES
def test_draft_screen_japanese_public_reply_over_the_limit(snap_compare, people, size):
    # Typed on: the count turns red past Mastodon's 500.
    run = steps("j", "c", Pasted("とても" * 149), ("とても",))
    assert snap_compare(DailyReachApp(people), terminal_size=size, run_before=run)


@SIZES
def test_templates_screen(snap_compare, people, size):
    run = steps("ctrl+p", ("Templates",), "enter", "j", "j")
    assert snap_compare(DailyReachApp(people), terminal_size=size, run_before=run)


@SIZES
def test_template_form(snap_compare, people, size):
    run = steps("ctrl+p", ("Templates",), "enter", "j", "j", "enter")
    assert snap_compare(DailyReachApp(people), terminal_size=size, run_before=run)
