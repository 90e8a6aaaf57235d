"""Two weeks of realistic use, for `dailyreach --demo` to look around in a throwaway store."""

from __future__ import annotations

import random

from dailyreach.core.records.model import Contact, Interaction, Invitation
from dailyreach.core.store.store import Store

PEOPLE = [
    ("山田 太郎", {"x": "@yamada_t"}, "SaaSを上場まで導いた。初期の採用について聞きたい"),
    ("Ann Smith", {"linkedin": "ann-smith"}, "Sold her dev-tools startup; ask how she priced v1"),
    ("佐藤 花子", {"mastodon": "@hanako@mstdn.jp"}, "D2Cブランドを年商10億に"),
    ("Marcus Lee", {"x": "@marcuslee"}, "Raised a seed round without a warm intro"),
    ("鈴木 一郎", {"bluesky": "ichiro.bsky.social"}, "エンジェル投資家。ピッチの受け方"),
    ("Priya Natarajan", {"email": "priya@example.com"}, "Grew a newsletter to 200k readers"),
    ("高橋 美咲", {"x": "@misaki_t"}, "B2B営業の仕組み化"),
    ("Diego Alvarez", {"github": "dalvarez"}, "Maintainer turned founder"),
    ("田中 優", {"x": "@yu_tanaka"}, "医療系スタートアップをシリーズBまで。規制との付き合い方"),
    ("Lena Fischer", {"linkedin": "lena-fischer"}, "Ran sales at a 100-person startup"),
    ("伊藤 健", {"x": "@ken_ito"}, "地方発のスタートアップ"),
    ("Sam O'Brien", {"threads": "@sam.obrien"}, "Bootstrapped to profitability"),
]
TAGS = {
    "山田 太郎": ["saas", "hiring"],
    "Ann Smith": ["saas", "pricing"],
    "佐藤 花子": ["d2c"],
    "Marcus Lee": ["fundraising"],
    "鈴木 一郎": ["investor", "fundraising"],
    "Priya Natarajan": ["newsletter"],
    "高橋 美咲": ["sales"],
    "Lena Fischer": ["sales"],
}
INVITATIONS = [
    ("異業種交流会 in 渋谷", "mixer", "名刺交換会の主催者", 3, 5000, "JPY"),
    ("Founder Growth Seminar", "seminar", "Growth Academy", 4, 120, "USD"),
    ("起業家ナイトパーティー", "party", "知人の紹介", 4, 8000, "JPY"),
    ("'Exclusive' founders community", "community", "LinkedIn DM", 2, 49, "USD"),
    ("Intro call (a sales pitch)", "sales_pitch", "Agency rep", 1, None, "USD"),
]


def fill_demo(store: Store, seed: int = 7) -> None:
    """Contacts, two weeks of outreach with replies and due follow-ups, and declined invitations."""
    rng = random.Random(seed)
    now = store.now()
    start = now.subtract(days=14).replace(hour=9, minute=0)
    contacts = []
    for index, (name, handles, why) in enumerate(PEOPLE):
        contact = Contact.from_dict(
            {
                "name": name,
                "handles": handles,
                "why": why,
                "priority": 1 + index % 3,
                "created_at": start.isoformat(),
                "tags": TAGS.get(name, []),
                # Someone to keep in touch with, and someone set aside: so each has something to show.
                "cadence_days": 30 if name == "山田 太郎" else None,
                "archived": name == "Sam O'Brien",
            }
        )
        contacts.append(store.save_contact(contact, f"demo {name}"))
    with store.transaction("demo"):
        for index, contact in enumerate(contacts[:9]):
            sent = start.add(days=index + rng.randint(0, 2), minutes=rng.randint(0, 300))
            channel = contact.main_channel
            store.add_interaction(
                Interaction(contact_id=contact.id, kind="public_reply", at=sent.isoformat(), channel=channel)
            )
            dm = sent.add(hours=2)
            store.add_interaction(
                Interaction(contact_id=contact.id, kind="dm_sent", at=dm.isoformat(), channel=channel)
            )
            if index % 3 == 0:
                store.add_interaction(
                    Interaction(
                        contact_id=contact.id,
                        kind="reply_received",
                        at=dm.add(days=1).isoformat(),
                        channel=channel,
                    )
                )
                if index == 0:  # the first reply became a coffee: the funnel goes all the way
                    for kind, days in (("meeting_booked", 2), ("met", 5)):
                        store.add_interaction(
                            Interaction(
                                contact_id=contact.id,
                                kind=kind,
                                at=dm.add(days=days).isoformat(),
                                channel=channel,
                            )
                        )
            elif index % 3 == 1 and dm.add(days=3) < now:
                store.add_interaction(
                    Interaction(
                        contact_id=contact.id,
                        kind="follow_up",
                        at=dm.add(days=3).isoformat(),
                        channel=channel,
                    )
                )
        for days_ago, contact in enumerate(contacts[9:11], start=1):
            sent = now.subtract(days=days_ago).replace(hour=10)
            store.add_interaction(
                Interaction(
                    contact_id=contact.id, kind="dm_sent", at=sent.isoformat(), channel=contact.main_channel
                )
            )
        for title, kind, host, hours, cost, currency in INVITATIONS:
            store.save_invitation(
                Invitation(
                    title=title,
                    kind=kind,
                    host=host,
                    event_date=now.add(days=rng.randint(2, 20)).date().isoformat(),
                    status="declined",
                    hours=hours,
                    cost=cost,
                    currency=currency,
                    decided_at=now.subtract(days=rng.randint(1, 13)).isoformat(),
                )
            )
        # One still to answer, to show how an invitation waits for the user's no (x).
        store.save_invitation(
            Invitation(
                title="Startup Networking Night",
                kind="mixer",
                host="Event newsletter",
                event_date=now.add(days=9).date().isoformat(),
                hours=3,
                cost=3000,
                currency="JPY",
            )
        )
    store.history.clear()
