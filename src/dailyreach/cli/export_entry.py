"""``export`` of the JSON export: ``file_commands.export`` runs it through click; ``dailyreach.cli`` runs it
without click when the command line asks for JSON with at most ``-o``, ``--force`` and ``--format json``:
it is the command backups run, and click is a tenth of its time.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dailyreach.core.store.store import Store

# ``export``'s options that take a value, by each of their names, and its flag.
VALUE_OPTIONS = {"-o": "output_name", "--output": "output_name", "--format": "fmt"}
FLAG = "--force"


def deliver(payload: bytes, output_name: str | None, *, db: Path, force: bool) -> None:
    """Write ``payload`` to standard output (``output_name`` None or ``-``), or to that file, readable by
    its owner only and replacing one only when forced (never the database ``db`` or its files), then
    say where it went."""
    from dailyreach.core.records.text import terminal_safe

    if output_name in (None, "-"):
        # Written as it is into a pipe or a file; escaped on a terminal, which the bytes could drive.
        sys.stdout.buffer.write(
            terminal_safe(payload.decode("utf-8", "surrogateescape")).encode("utf-8", "backslashreplace")
            if sys.stdout.isatty()
            else payload
        )
        sys.stdout.buffer.flush()
        return
    from dailyreach.core.files.exchange import write_export
    from dailyreach.i18n import _

    write_export(Path(output_name), payload, db=db, force=force)
    sys.stderr.write(terminal_safe(_("exported to {file}").format(file=output_name)) + "\n")
    sys.stderr.flush()


def read_arguments(args: list[str]) -> tuple[str | None, bool] | None:
    """(the output's name, whether forced) from what follows ``export``, read as click reads them; None
    when click must answer: another format or option, ``--help``, a missing value, an argument, or a
    name click or the command refuses (they say why)."""
    from dailyreach.cli import command_options

    read = command_options(args, VALUE_OPTIONS, (FLAG,))
    if read is None or read[1]:
        return None
    found = read[0]
    output_name = found.get("output_name")
    if found.get("fmt", "json") != "json" or not _takes_json(output_name):
        return None
    return output_name, FLAG in found


def _takes_json(output_name: str | None) -> bool:
    """Whether the command writes JSON to ``output_name`` as it is: its suffix names JSON or no format
    (.csv is written as CSV, and said to clash with ``--format json``), and it names no folder, which
    the command refuses."""
    if output_name is None or output_name == "-":
        return True
    from dailyreach.cli import path_click_takes
    from dailyreach.core.files.formats import suffix_format

    return path_click_takes(output_name) and suffix_format(PurePath(output_name)) in (None, "json")


def export_without_click(db: str, output_name: str | None, force: bool) -> bool:
    """Export as the command would; False, having exported nothing, when the store has records it cannot
    read (the command warns of them first)."""
    from dailyreach.cli.opening import open_store, refuse_missing
    from dailyreach.core.files.exchange import export_json

    refuse_missing(db)
    store = open_store(db)
    with store.reading():
        if store.problems():
            return False
        payload = export_json(store)
    deliver(payload, output_name, db=store.path, force=force)
    warn_if_it_would_not_import(store)
    return True


def warn_if_it_would_not_import(store: Store) -> None:
    from dailyreach.core.store.doctor import export_would_not_import
    from dailyreach.i18n import _

    said = export_would_not_import(store)
    if said is not None:
        print(_("warning: {problem}").format(problem=said), file=sys.stderr)
