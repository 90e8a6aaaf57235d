"""What the screens look like, pinned (update with: pytest tests/tui --snapshot-update)."""

from dailyreach.core.records.model import Invitation
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact, log
from tests.tui.conftest import settle


def keys(*pressed: str):
    """Wait for the screen to show the store, press ``pressed``, and wait again: screens read the store
    and save off the UI thread."""

    async def press(pilot) -> None:
        await settle(pilot)
        await pilot.press(*pressed)
        await settle(pilot)

    return press


def realistic(store):
    ann = add_contact(
        store, "Ann [/] Smith", handles={"x": "@ann"}, why="Sold her startup to Stripe", priority=1
    )
    add_contact(
        store, "山田 太郎", handles={"mastodon": "@yamada@mstdn.jp"}, why="上場経験あり。採用について"
    )
    add_contact(store, "[bold]VIP", handles={"bluesky": "vip.bsky.social"}, priority=3)
    sato = add_contact(store, "佐藤 花子", handles={"linkedin": "hanako-sato"})
    log(store, sato, "dm_sent", at=store.now().subtract(days=5), channel="linkedin")
    log(store, ann, "public_reply", at=store.now().subtract(hours=3))
    store.save_invitation(
        Invitation(
            title="異業種交流会",
            kind="mixer",
            host="田中",
            event_date="2026-11-28",
            hours=3,
            cost=5000,
            currency="JPY",
        )
    )
    store.decline_invitation(store.invitations()[0].id)


WIDE, SMALL = (120, 40), (80, 24)


def with_undecided(store):
    realistic(store)
    store.save_invitation(
        Invitation.from_dict(
            {"title": "Founder Growth Seminar", "kind": "seminar", "event_date": "2026-12-10", "cost": "$120"}
        )
    )


def test_main_screen(snap_compare, store):
    realistic(store)
    assert snap_compare(DailyReachApp(store), terminal_size=WIDE, run_before=keys())


def test_main_screen_at_80x24(snap_compare, store):
    realistic(store)
    assert snap_compare(DailyReachApp(store), terminal_size=SMALL, run_before=keys())


def test_pending_at_80x24(snap_compare, store):
    realistic(store)
    assert snap_compare(DailyReachApp(store), terminal_size=SMALL, run_before=keys("2"))


def test_invitations_with_an_undecided_one(snap_compare, store):
    with_undecided(store)
    assert snap_compare(DailyReachApp(store), terminal_size=WIDE, run_before=keys("3"))


def test_invitations_at_80x24(snap_compare, store):
    with_undecided(store)
    assert snap_compare(DailyReachApp(store), terminal_size=SMALL, run_before=keys("3"))


def test_empty_first_run(snap_compare, store):
    assert snap_compare(DailyReachApp(store), terminal_size=WIDE, run_before=keys())


def test_empty_first_run_at_80x24(snap_compare, store):
    assert snap_compare(DailyReachApp(store), terminal_size=SMALL, run_before=keys())


def test_help(snap_compare, store):
    realistic(store)
    assert snap_compare(DailyReachApp(store), terminal_size=WIDE, run_before=keys("question_mark"))


def test_contact_screen(snap_compare, store):
    realistic(store)
    assert snap_compare(DailyReachApp(store), terminal_size=(120, 30), run_before=keys("2", "enter"))


def test_contact_screen_at_80x24_with_a_long_message_and_the_log_bar(snap_compare, store):
    """The timeline's note ends in …, its line breaks shown as ⏎; the log bar keeps the name and shows a
    multi-line note on its one line, the border under it whole."""
    realistic(store)
    sato = next(contact for contact in store.contacts() if contact.name == "佐藤 花子")
    text = "佐藤さん\n\nThanks for the talk on pricing: it changed how we sell. Coffee next week?"
    log(store, sato, "note", at=store.now().subtract(days=1), channel="linkedin", text=text)

    async def run_before(pilot) -> None:
        await keys("2", "enter", "f")(pilot)
        pilot.app.screen.query_one("#text").value = "佐藤さん\n\nCoffee?"
        await keys()(pilot)

    assert snap_compare(DailyReachApp(store), terminal_size=SMALL, run_before=run_before)
