"""Write a dailyreach database with N interactions spread over N/20 contacts, for benchmarks.

python benchmarks/generate.py 100000 benchmarks/data/100k.json
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pendulum

from dailyreach.core.model import INTERACTION_KINDS, Contact, Interaction, Invitation, new_id
from dailyreach.core.store import Store

NAMES = ["Ann Smith", "山田 太郎", "Bob Lee", "佐藤 花子", "Carla Díaz", "[bold]VIP", "Dmitri K."]


def generate(path: Path, interactions: int, seed: int = 1) -> Store:
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    store = Store(path)
    now = pendulum.now("Asia/Tokyo")
    contacts = {}
    for index in range(max(1, interactions // 20)):
        contact = Contact(
            name=f"{rng.choice(NAMES)} {index}",
            handles={"x": f"@user{index}"},
            why="Built and sold a company; ask how they found their first customers.",
            priority=rng.randint(1, 3),
            created_at=now.subtract(days=rng.randint(0, 400)).isoformat(),
            updated_at=now.isoformat(),
        )
        contacts[contact.id] = {k: v for k, v in contact.to_dict().items() if k != "id"}
    ids = list(contacts)
    logged = {}
    for _ in range(interactions):
        interaction = Interaction(
            contact_id=rng.choice(ids),
            kind=rng.choice(INTERACTION_KINDS),
            channel="x",
            at=now.subtract(minutes=rng.randint(0, 60 * 24 * 400)).isoformat(),
            text="Thanks for the thread on pricing, it changed how I think about ours.",
        )
        logged[interaction.id] = {k: v for k, v in interaction.to_dict().items() if k != "id"}
    invitations = {
        new_id(): {
            k: v
            for k, v in Invitation(title=f"Mixer {n}", status="declined", hours=3, cost=3000)
            .to_dict()
            .items()
            if k != "id"
        }
        for n in range(50)
    }
    store.add_records("generate", {"contacts": contacts, "interactions": logged, "invitations": invitations})
    return store


if __name__ == "__main__":
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    target.parent.mkdir(parents=True, exist_ok=True)
    generate(target, count)
    print(f"wrote {target} with {count} interactions ({target.stat().st_size / 1e6:.1f} MB)")
