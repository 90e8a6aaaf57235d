"""Several processes writing one database: nothing acknowledged is ever lost, even when killed."""

import json
import random
import signal
import subprocess
import sys
import time

from dailyreach.core.store.store import Store

WRITER = """
import sys
from dailyreach.core.records.model import Contact
from dailyreach.core.store.store import Store

store = Store(sys.argv[1])
count = int(sys.argv[2])
index = 0
while count < 0 or index < count:
    contact = store.save_contact(Contact(name=f"{sys.argv[3]}-{index}"))
    print(contact.id, flush=True)  # acknowledged: the write is on disk
    index += 1
"""


def start_writer(db_path, count: int, tag: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), str(count), tag], stdout=subprocess.PIPE, text=True
    )


def test_two_processes_writing_at_once_lose_nothing(store, db_path):
    writers = [start_writer(db_path, 60, tag) for tag in ("a", "b")]
    acknowledged = set()
    for writer in writers:
        out, _ = writer.communicate(timeout=120)
        assert writer.returncode == 0
        acknowledged |= set(out.split())
    assert len(acknowledged) == 120
    assert {c.id for c in Store(db_path).contacts()} == acknowledged


def test_writers_killed_at_random_moments_leave_a_valid_file_with_every_acknowledged_write(store, db_path):
    rng = random.Random(20261123)
    acknowledged = set()
    for _ in range(15):
        writers = [start_writer(db_path, -1, tag) for tag in ("a", "b")]
        time.sleep(rng.uniform(0.35, 0.9))
        for writer in writers:
            writer.send_signal(signal.SIGKILL)
        for writer in writers:
            out, _ = writer.communicate()
            acknowledged |= set(out.split())
        json.loads(db_path.read_bytes())  # never half-written
        assert acknowledged <= {c.id for c in Store(db_path).contacts()}
    assert len(acknowledged) > 30, "the writers should have managed some writes before being killed"
