"""Write a dailyreach database with N interactions spread over N/20 contacts, for benchmarks, and a
taskwarrior data folder with N tasks to compare against.

python benchmarks/generate.py 100000 benchmarks/data/100k.json
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pendulum

from dailyreach.core.records.model import INTERACTION_KINDS, Contact, Interaction, Invitation
from dailyreach.core.store.store import Store

NAMES = ["Ann Smith", "山田 太郎", "Bob Lee", "佐藤 花子", "Carla Díaz", "[bold]VIP", "Dmitri K."]


def start_anew(path: Path) -> None:
    """No database at ``path`` and none of its backups, which would have the store refuse to make it anew
    (it takes a database missing beside its backups for one deleted by mistake)."""
    path.unlink(missing_ok=True)
    for backup in (path.parent / "backups").glob(f"{path.stem}-*.json"):
        backup.unlink()


def generate(path: Path, interactions: int, seed: int = 1) -> Store:
    rng = random.Random(seed)
    start_anew(path)
    store = Store(path)
    now = pendulum.now("Asia/Tokyo")
    # Nothing is logged yet today (in the store's time zone), so every Today row starts open and a
    # bench can watch the one it logs turn ✓.
    day_start = store.now().start_of("day").in_timezone("Asia/Tokyo")
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
        contacts[contact.id] = contact.to_dict()
    ids = list(contacts)
    logged = {}
    for _ in range(interactions):
        interaction = Interaction(
            contact_id=rng.choice(ids),
            kind=rng.choice(INTERACTION_KINDS),
            channel="x",
            at=day_start.subtract(minutes=rng.randint(1, 60 * 24 * 400)).isoformat(),
            text="Thanks for the thread on pricing, it changed how I think about ours.",
        )
        logged[interaction.id] = interaction.to_dict()
    declined = [Invitation(title=f"Mixer {n}", status="declined", hours=3, cost=3000) for n in range(50)]
    invitations = {invitation.id: invitation.to_dict() for invitation in declined}
    store.add_records("generate", {"contacts": contacts, "interactions": logged, "invitations": invitations})
    return store


def generate_tasks(folder: Path, tasks: int, seed: int = 1) -> dict[str, str]:
    """A throwaway taskwarrior folder and taskrc holding N pending tasks; returns the variables naming them.

    Each task is as plain as an interaction record (a description, a time, a status and an id).
    """
    rng = random.Random(seed)
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rc = folder / "taskrc"
    # news.version stops taskwarrior 2.6 from asking every command to read its release notes.
    rc.write_text(f"data.location={folder}\nconfirmation=off\nnews.version=2.6.2\n")
    env = {"TASKRC": str(rc), "TASKDATA": str(folder)}
    start = pendulum.now("UTC").subtract(days=400)
    records = [
        {
            "description": f"Reach out to {rng.choice(NAMES)} {index} about pricing",
            "entry": start.add(minutes=rng.randint(0, 60 * 24 * 400)).format("YYYYMMDDTHHmmss[Z]"),
            "status": "pending",
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        }
        for index in range(tasks)
    ]
    subprocess.run(
        ["task", "import"],
        input=json.dumps(records).encode(),
        env={**os.environ, **env},
        check=True,
        capture_output=True,
    )
    return env


if __name__ == "__main__":
    count, target = int(sys.argv[1]), Path(sys.argv[2])
    target.parent.mkdir(parents=True, exist_ok=True)
    generate(target, count)
    print(f"wrote {target} with {count} interactions ({target.stat().st_size / 1e6:.1f} MB)")
