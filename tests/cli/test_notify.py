"""``dailyreach notify`` through the installed command, against a real D-Bus session bus.

The test starts ``dbus-daemon --session`` (Debian's ``dbus`` package; ``.ci/run`` installs it) and a
small org.freedesktop.Notifications service on it that writes down every notification it is sent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DAILYREACH, run_cli

DBUS_DAEMON = shutil.which("dbus-daemon")

SERVICE = """
import asyncio, json, sys
from dbus_fast.aio import MessageBus
from dbus_fast.service import ServiceInterface, method

RECORD = sys.argv[1]


class Notifications(ServiceInterface):
    def __init__(self):
        super().__init__("org.freedesktop.Notifications")

    @method()
    def Notify(self, app_name: "s", replaces_id: "u", app_icon: "s", summary: "s", body: "s",
               actions: "as", hints: "a{sv}", expire_timeout: "i") -> "u":
        with open(RECORD, "a", encoding="utf-8") as file:
            file.write(json.dumps({"app": app_name, "summary": summary, "body": body}) + "\\n")
        return 1

    @method()
    def GetCapabilities(self) -> "as":
        return ["body"]

    @method()
    def GetServerInformation(self) -> "ssss":
        return ["recorder", "dailyreach tests", "1", "1.2"]

    @method()
    def CloseNotification(self, id: "u"):
        pass


async def main():
    bus = await MessageBus().connect()
    bus.export("/org/freedesktop/Notifications", Notifications())
    await bus.request_name("org.freedesktop.Notifications")
    print("ready", flush=True)
    await asyncio.Event().wait()


asyncio.run(main())
"""


@pytest.fixture
def session_bus(tmp_path: Path):
    """A session bus with the recording service on it: (its address, the file of notifications)."""
    if DBUS_DAEMON is None:
        pytest.skip("dbus-daemon is missing (Debian: apt-get install dbus), so no session bus to notify on")
    socket = tmp_path / "bus"
    daemon = subprocess.Popen(
        [
            DBUS_DAEMON,
            "--session",
            "--nofork",
            "--nopidfile",
            f"--address=unix:path={socket}",
            "--print-address",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    record = tmp_path / "notifications.jsonl"
    script = tmp_path / "service.py"
    script.write_text(SERVICE)
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
    service = subprocess.Popen(
        [sys.executable, str(script), str(record)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert service.stdout is not None and service.stdout.readline().strip() == "ready"
        yield address, record
    finally:
        service.kill()
        daemon.kill()
        service.wait(10)
        daemon.wait(10)


def notifications(record: Path) -> list[dict[str, str]]:
    if not record.exists():
        return []
    return [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines()]


def notify(*args: str, db: Path, address: str | None) -> subprocess.CompletedProcess:
    env = {"DBUS_SESSION_BUS_ADDRESS": address or "", "DISPLAY": ""}
    return run_cli("notify", *args, db=db, check=False, env=env)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "db.json"
    ann = run_cli("add", "山田 太郎", "--x", "@taro", db=path).stdout.strip()
    run_cli("add", "Ann\x1b[31m Smith", "--x", "@ann", db=path)
    run_cli("log", ann, "dm_sent", "--at", "2026-01-05T09:00", db=path)  # long due a follow-up
    return path


def test_the_morning_notification_reaches_the_notification_service(session_bus, db):
    address, record = session_bus
    result = notify(db=db, address=address)
    assert result.returncode == 0, result.stderr
    expected = "2 to contact today: follow-up to 山田 太郎, 1 new target · start a streak today"
    assert notifications(record) == [{"app": "dailyreach", "summary": "dailyreach", "body": expected}]
    assert result.stdout == expected + "\n"


def test_the_evening_one_is_sent_while_the_goal_is_not_met_and_names_are_cleaned(session_bus, db):
    address, record = session_bus
    assert notify("--evening", db=db, address=address).returncode == 0
    assert [sent["body"] for sent in notifications(record)] == ["0 of 5 done — 5 more meets today's goal"]
    run_cli("log", "@ann", "dm_sent", db=db)
    notify(db=db, address=address)
    assert "\x1b" not in record.read_text(encoding="utf-8")


def test_the_evening_one_stays_silent_once_the_goal_is_met(session_bus, tmp_path):
    from dailyreach.core.records.model import Settings
    from dailyreach.core.store.store import Store

    address, record = session_bus
    db = tmp_path / "db.json"
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    Store(db).save_settings(Settings(daily_goal=1))
    run_cli("log", ann, "dm_sent", db=db)
    result = notify("--evening", db=db, address=address)
    assert (result.returncode, result.stdout) == (0, "")
    time.sleep(0.2)
    assert notifications(record) == []


def test_with_no_service_it_says_so_in_one_line_and_fails_only_when_strict(db, tmp_path):
    nowhere = f"unix:path={tmp_path / 'no-bus'}"
    relaxed = notify(db=db, address=nowhere)
    strict = notify("--strict", db=db, address=nowhere)
    assert (relaxed.returncode, strict.returncode) == (0, 1)
    for result in (relaxed, strict):
        assert (
            result.stderr.startswith("no desktop notification shown, the plan is printed above instead: ")
            and result.stderr.count("\n") == 1
        )
        assert "Traceback" not in result.stderr


def test_no_database_is_not_created(tmp_path):
    db = tmp_path / "none.json"
    result = subprocess.run(
        [DAILYREACH, "--db", str(db), "notify", "--strict"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "no database" in result.stderr
    assert not db.exists()
