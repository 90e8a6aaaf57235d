"""What the Contacts view looks like, pinned (update with: pytest tests/tui --snapshot-update)."""

from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.contacts import ContactsScreen
from tests.conftest import add_contact, log
from tests.tui.test_contacts_screen import settle


def everyone(store):
    ann = add_contact(
        store,
        "Ann [/] Smith",
        handles={"x": "@ann", "github": "annsmith"},
        why="Sold her startup to Stripe; ask how she found her first ten customers",
        tags=["founder", "saas", "payments"],
        priority=1,
    )
    add_contact(
        store,
        "山田 太郎",
        handles={"mastodon": "@yamada@mstdn.jp"},
        why="上場経験あり。採用について",
        tags=["上場", "採用"],
    )
    add_contact(store, "[bold]VIP", handles={"bluesky": "vip.bsky.social"}, priority=3)
    sato = add_contact(store, "佐藤 花子", handles={"linkedin": "hanako-sato"}, tags=["人事"])
    bob = add_contact(
        store,
        "Bartholomew Alexander Longname-Whitfield",
        handles={"bluesky": "bartholomew.whitfield.bsky.social"},
        tags=["investor", "angel", "fintech", "tokyo"],
        priority=1,
    )
    add_contact(store, "Carol Archer", handles={"x": "@carol"}, tags=["oss"], archived=True)
    log(store, sato, "dm_sent", at=store.now().subtract(days=5), channel="linkedin")
    log(store, sato, "reply_received", at=store.now().subtract(days=2), channel="linkedin")
    log(store, ann, "public_reply", at=store.now().subtract(hours=3))
    log(store, bob, "dm_sent", at=store.now().subtract(days=12), channel="bluesky")


async def open_contacts(pilot):
    await settle(pilot)
    pilot.app.push_screen(ContactsScreen())
    await settle(pilot)


def test_contacts_wide(snap_compare, store):
    everyone(store)

    async def highlight_the_long_name(pilot):
        await open_contacts(pilot)
        await pilot.press("j")

    assert snap_compare(DailyReachApp(store), terminal_size=(120, 40), run_before=highlight_the_long_name)


def test_contacts_narrow_by_last_contact_with_archived(snap_compare, store):
    everyone(store)

    async def sort_and_show_archived(pilot):
        await open_contacts(pilot)
        await pilot.press("S", "a")

    assert snap_compare(DailyReachApp(store), terminal_size=(80, 24), run_before=sort_and_show_archived)
