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


def test_a_handle_another_process_saved_since_this_one_read_is_refused(db_path, clock):
    """The duplicate check runs inside the lock, on the file as re-read there, not on what a process
    read before (issue 11, point 6)."""
    from dailyreach.core.errors import ValidationError
    from dailyreach.core.records.model import Contact

    first, second = Store(db_path, clock=clock), Store(db_path, clock=clock)
    assert first.contacts() == second.contacts() == []
    first.save_contact(Contact.from_dict({"name": "Bob", "handles": {"x": "@bob"}}))
    try:
        second.save_contact(Contact.from_dict({"name": "Bobby", "handles": {"x": "@BOB"}}))
    except ValidationError as refused:
        assert "@BOB is already the handle of Bob" in str(refused)
    else:
        raise AssertionError("the second process saved a handle the first had just saved")
    assert [contact.name for contact in Store(db_path, clock=clock).contacts()] == ["Bob"]


def test_concurrent_adds_of_one_handle_make_one_contact(db_path):
    """Four `dailyreach add` of one handle at once, as in the adversarial pass (issue 11, point 6)."""
    from tests.conftest import DAILYREACH

    Store(db_path)
    for round_number in range(5):
        adds = [
            subprocess.Popen(
                [
                    DAILYREACH,
                    "--db",
                    str(db_path),
                    "add",
                    f"Bob {round_number}-{index}",
                    "--x",
                    f"@bob{round_number}",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for index in range(4)
        ]
        refusals = [add.communicate(timeout=60)[1] for add in adds]
        assert sorted(add.returncode for add in adds) == [0, 1, 1, 1]
        assert all("is already the handle of" in refusal for refusal in refusals if refusal)
    handles = [contact.handles["x"] for contact in Store(db_path).contacts()]
    assert sorted(handles) == [f"@bob{round_number}" for round_number in range(5)]
