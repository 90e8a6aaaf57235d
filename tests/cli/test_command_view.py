"""A command is one view of the store: it looks at the file once, however many reads it makes."""

import pathlib

import pytest

from dailyreach.cli import main
from dailyreach.core.records.model import Contact
from dailyreach.core.store.store import Store


@pytest.mark.parametrize(
    "command",
    [["log", "ANN", "dm_sent"], ["today"], ["invite", "Mixer", "--decline"]],
    ids=["log without click", "today without click (it writes the day's plan)", "through click"],
)
def test_a_command_reads_a_store_just_written_by_another_process_once(tmp_path, monkeypatch, command):
    db = tmp_path / "db.json"
    ann = Store(db).save_contact(Contact(name="Ann", handles={"x": "ann"})).id
    # As if each read came just after another process's write, when a look must read the whole file.
    monkeypatch.setattr("dailyreach.core.store.storage._timestamp_grain", lambda changed_ns: 10**18)
    reads = []
    read_bytes = pathlib.Path.read_bytes

    def counted(path: pathlib.Path) -> bytes:
        if path == db:
            reads.append(path)
        return read_bytes(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", counted)
    try:
        main(["--db", str(db), *(ann if word == "ANN" else word for word in command)])
    except SystemExit as exited:  # click's way of ending a command
        assert exited.code == 0
    # As the store opens, as the command's view of it begins, and under the lock before the write; each
    # of the command's other reads (a dozen, before the view) would have read the whole file again.
    assert len(reads) == 3
