"""Hostile input (issue 11): nothing typed or imported may brick the store, crash a command, or reach
the terminal raw. Each refusal leaves the database file byte for byte as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "db.json"


@pytest.fixture
def alice(db: Path) -> str:
    return run_cli("add", "Alice", "--x", "alice", db=db).stdout.strip()


def refused(*args: str, db: Path) -> str:
    """Run a command that must be refused: exit 1, one message, no traceback, the file unchanged."""
    before = db.read_bytes() if db.exists() else None
    result = run_cli(*args, db=db, check=False)
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert (db.read_bytes() if db.exists() else None) == before
    return result.stderr


def commands_still_work(db: Path) -> None:
    for command in ("today", "pending", "invitations", "stats"):
        result = run_cli(command, db=db, check=False)
        assert result.returncode == 0, result.stderr
    assert run_cli("export", "--format", "ics", db=db, check=False).returncode in (0, 1)


# -- 1. dates that bricked the store ----------------------------------------------------------


@pytest.mark.parametrize(
    "when", ["9999-12-31", "0001-01-01T00:00+14:00", "1969-12-31T23:59Z", "0001-01-01", "1900-05-05T10:00"]
)
def test_log_refuses_a_moment_out_of_range_and_the_store_keeps_working(db, alice, when):
    message = refused("log", "alice", "dm_sent", "--at", when, db=db)
    assert "When:" in message
    commands_still_work(db)


@pytest.mark.parametrize("on", ["9999-12-31", "1901-01-01"])
def test_an_invitation_day_out_of_range_is_refused(db, alice, on):
    assert "Event date" in refused("invite", "Far away", "--on", on, db=db)
    commands_still_work(db)


def _export_with(db: Path, tmp_path: Path, at: str) -> Path:
    exported = json.loads(run_cli("export", db=db).stdout)
    exported["interactions"].append(
        {
            "id": "hostile001",
            "contact_id": exported["contacts"][0]["id"],
            "kind": "dm_sent",
            "channel": "x",
            "at": at,
            "text": "",
        }
    )
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "at", ["0001-01-01T00:00:00+14:00", "9999-12-31T00:00:00+00:00", "2125-01-01T00:00:00+00:00"]
)
def test_an_imported_export_with_a_moment_out_of_range_or_in_the_future_is_refused(db, alice, tmp_path, at):
    path = _export_with(db, tmp_path, at)
    message = refused("import", str(path), db=db)
    assert "interactions[0].at" in message
    commands_still_work(db)
