"""The draft screen, the templates screen and the template form in Japanese, pinned at 80×24 (and the
first two at 120×40) (update with: pytest tests/tui/test_draft_snapshots_japanese.py --snapshot-update,
then look at the changed ones as PNGs) (issue 14)."""

import pytest

from dailyreach import i18n
from dailyreach.core.records.model import Settings
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact, log
from tests.tui.test_draft_snapshots import Pasted, steps

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
# The templates screen on 最初のDM (ja), the second (in Japanese the Japanese ones come first), previewed
# for 佐藤 花子 (p: the second by name).
TEMPLATES = ("ctrl+p", ("テンプレート",), "enter", "j", "p")


@pytest.fixture(autouse=True)
def japanese():
    i18n.use_language("ja")
    yield
    i18n.use_language("en")


@pytest.fixture
def people(store):
    """As in test_draft_snapshots: Ann (a public reply sent), 山田 (nothing yet, on Mastodon), 佐藤 (a
    LinkedIn DM five days ago: a follow-up is due); the user's name set."""
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann"}, why="Sold her startup to Stripe", priority=1)
    add_contact(
        store, "山田 太郎", handles={"mastodon": "@yamada@mstdn.jp"}, why="上場経験あり。採用について"
    )
    sato = add_contact(store, "佐藤 花子", handles={"linkedin": "hanako-sato"}, priority=3)
    log(store, sato, "dm_sent", at=store.now().subtract(days=5), channel="linkedin")
    log(store, ann, "public_reply", at=store.now().subtract(hours=3))
    store.save_settings(Settings(timezone="Asia/Tokyo", my_name="佐藤 健"))
    return store


@SIZES
def test_draft_screen_follow_up_on_linkedin(snap_compare, people, size):
    assert snap_compare(DailyReachApp(people), terminal_size=size, run_before=steps("c"))


def test_draft_screen_public_reply_over_the_limit(snap_compare, people):
    run = steps("j", "c", Pasted("とても" * 149), ("とても",))
    assert snap_compare(DailyReachApp(people), terminal_size=(80, 24), run_before=run)


@SIZES
def test_templates_screen(snap_compare, people, size):
    assert snap_compare(DailyReachApp(people), terminal_size=size, run_before=steps(*TEMPLATES))


def test_template_form(snap_compare, people):
    run = steps(*TEMPLATES, "enter")
    assert snap_compare(DailyReachApp(people), terminal_size=(80, 24), run_before=run)
