"""The command-line tests' database: a path in a fresh folder, created by the first command."""

import pytest


@pytest.fixture
def db(tmp_path):
    return tmp_path / "db.json"
