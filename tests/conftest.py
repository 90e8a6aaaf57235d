from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pendulum
import pytest

from dailyreach.core.records.clock import FixedClock
from dailyreach.core.records.model import TEXT_REQUIRED_KINDS, Contact, Interaction, Settings
from dailyreach.core.store.store import Store

TOKYO = "Asia/Tokyo"
FIXTURES = Path(__file__).parent / "fixtures" / "imports"
DAILYREACH = shutil.which("dailyreach", path=str(Path(sys.executable).parent)) or "dailyreach"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(pendulum.datetime(2026, 11, 23, 9, 0, tz=TOKYO))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database in a data folder of its own, as the default one is (the store makes no folder it is
    not asked to)."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder / "dailyreach.json"


@pytest.fixture
def store(db_path: Path, clock: FixedClock) -> Store:
    opened = Store(db_path, clock=clock)
    opened.save_settings(Settings(timezone=TOKYO))
    opened.history.clear()
    return opened


def add_contact(store: Store, name: str, **fields) -> Contact:
    return store.save_contact(Contact.from_dict({"name": name, **fields}))


def log(
    store: Store, contact: Contact, kind: str, at=None, channel: str = "x", text: str | None = None
) -> Interaction:
    """Log ``kind`` with ``contact`` now (or ``at``); a note is its text, so one is given a text unless
    the test says which (an empty one is refused)."""
    moment = at if at is not None else store.now()
    if text is None:
        text = "A note" if kind in TEXT_REQUIRED_KINDS else ""
    return store.add_interaction(
        Interaction(contact_id=contact.id, kind=kind, at=moment.isoformat(), channel=channel, text=text)
    )


def run_cli(*args: str, db: Path, check: bool = True, env: dict | None = None, **kwargs):
    """Run the installed ``dailyreach`` command on ``db``."""
    environment = {**os.environ, "DAILYREACH_DB": str(db), "TZ": "UTC", **(env or {})}
    result = subprocess.run(
        [DAILYREACH, *args], capture_output=True, text=True, env=environment, timeout=60, **kwargs
    )
    if check and result.returncode != 0:
        raise AssertionError(f"dailyreach {' '.join(args)} failed:\n{result.stderr}")
    return result


def cli_json(*args: str, db: Path):
    return json.loads(run_cli(*args, "--json", db=db).stdout)
