"""What the Stats screen looks like, pinned: empty, the demo's two weeks, and 20k interactions, at 120×40
and 80×24 (update with: pytest tests/tui/test_stats_snapshots.py --snapshot-update)."""

import random

import pytest

from dailyreach.core.planning.demo import fill_demo
from dailyreach.core.records.model import INTERACTION_KINDS, Contact, Interaction, Invitation
from dailyreach.tui.app import DailyReachApp
from tests.tui.conftest import settle, settled_press

WIDE, SMALL = (120, 40), (80, 24)
NAMES = ["Ann [/] Smith", "山田 太郎", "[bold]VIP", "佐藤 花子", "Carla Díaz"]
CHANNELS = ["x", "linkedin", "bluesky", "mastodon", "email"]


def twenty_thousand(store, interactions: int = 20_000, seed: int = 3) -> None:
    """A year of heavy use, the same at every run: 1,000 contacts, interactions over 300 days up to the
    clock's now, declined invitations in three currencies."""
    rng = random.Random(seed)
    now = store.now()
    contacts = {}
    for index in range(interactions // 20):
        contact = Contact(
            name=f"{rng.choice(NAMES)} {index}",
            priority=rng.randint(1, 3),
            created_at=now.subtract(days=300).isoformat(),
            updated_at=now.isoformat(),
        )
        contacts[contact.id] = contact.to_dict()
    ids = sorted(contacts)
    logged = {}
    for _ in range(interactions):
        interaction = Interaction(
            contact_id=rng.choice(ids),
            kind=rng.choice(INTERACTION_KINDS),
            channel=rng.choice(CHANNELS),
            at=now.subtract(minutes=rng.randint(60, 60 * 24 * 300)).isoformat(),
        )
        logged[interaction.id] = interaction.to_dict()
    declined = [
        Invitation(
            title=f"Mixer {n}",
            status="declined",
            event_date=now.subtract(days=7 * n).date().isoformat(),
            hours=3,
            cost=(3000, 40, 25)[n % 3],
            currency=("JPY", "USD", "EUR")[n % 3],
        )
        for n in range(30)
    ]
    records = {"contacts": contacts, "interactions": logged}
    records["invitations"] = {invitation.id: invitation.to_dict() for invitation in declined}
    store.add_records("twenty thousand", records)
    store.history.clear()


async def open_stats(pilot) -> None:
    await settled_press(pilot, "S")


HISTORIES = {"empty": lambda store: None, "demo": fill_demo, "20k": twenty_thousand}


@pytest.mark.parametrize("size", [WIDE, SMALL], ids=["120x40", "80x24"])
@pytest.mark.parametrize("history", list(HISTORIES))
def test_stats_screen(snap_compare, store, history, size):
    HISTORIES[history](store)
    assert snap_compare(DailyReachApp(store), terminal_size=size, run_before=open_stats)


def test_stats_screen_scrolled_to_the_funnel_and_declines(snap_compare, store):
    fill_demo(store)

    async def scroll_down(pilot) -> None:
        await open_stats(pilot)
        await pilot.press("end")
        await settle(pilot)

    assert snap_compare(DailyReachApp(store), terminal_size=WIDE, run_before=scroll_down)


def test_weekly_review_at_80x24(snap_compare, store):
    fill_demo(store)

    async def review(pilot) -> None:
        await open_stats(pilot)
        await pilot.press("w")
        await settle(pilot)

    assert snap_compare(DailyReachApp(store), terminal_size=SMALL, run_before=review)
