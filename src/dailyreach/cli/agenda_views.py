"""``today``, ``pending`` and ``invitations``: one view each of the day's agenda, printed as aligned text
(each line fitting a terminal's width; in full to a pipe or a file) or as JSON. Their commands print
through here, and so does ``dailyreach.cli`` without click when the command line is only one of them: they are
the commands run many times a day, and click is a fifth of their time.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dailyreach.core.store.store import Store


def print_view(store: Store, view: str, as_json: bool) -> None:
    """Print ``view`` (a command of ``cli.AGENDA_VIEWS``) of today's agenda, as JSON or as aligned text."""
    from dailyreach import report
    from dailyreach.core.planning.agenda import build_agenda
    from dailyreach.core.records.text import terminal_safe

    to_json, to_text = {
        "today": (report.today_json, report.today_text),
        "pending": (report.pending_json, report.pending_text),
        "invitations": (report.invitations_json, report.invitations_text),
    }[view]
    agenda = build_agenda(store)
    if as_json:
        print_json(to_json(agenda))
    else:
        # Escaped as click's commands escape what they print: a record edited by hand may hold anything.
        sys.stdout.write(terminal_safe(to_text(agenda, terminal_width())) + "\n")
        sys.stdout.flush()


def terminal_width() -> int | None:
    """The width a view's lines fit on a terminal (as ``stats`` reads it: ``COLUMNS``, then the
    terminal's own); None when printed to a pipe or a file, which get every line in full."""
    if not sys.stdout.isatty():
        return None
    import shutil

    return shutil.get_terminal_size().columns


def print_json(data: Any) -> None:
    import orjson

    sys.stdout.buffer.write(orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.buffer.flush()


def print_without_click(db: str, view: str, as_json: bool) -> bool:
    """Print ``view`` as its command would; False, having printed nothing, when the store has records
    it cannot read (the command warns of them before the view)."""
    from dailyreach.cli.opening import open_store

    store = open_store(db)
    with store.reading():
        if store.problems():
            return False
        print_view(store, view, as_json)
    return True
