"""The command-line tests' database: a path in a fresh folder, created by the first command; and what a
command writes to a pseudo-terminal."""

import os

import pytest


@pytest.fixture
def db(tmp_path):
    return tmp_path / "db.json"


def read_terminal(leader: int) -> str:
    """All a command wrote to the pseudo-terminal whose ``leader`` side this is, until it ended (the
    caller has closed the follower side), with the terminal's CR LF read as LF."""
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is gone: the command has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return b"".join(chunks).decode().replace("\r\n", "\n")
