"""``today``, ``pending`` and ``invitations`` on a terminal: each line fits its width, a long name, why
or title cut with "…" (double-width characters counted as two cells); piped, every line in full."""

import fcntl
import os
import pty
import struct
import subprocess
import termios

import pytest

from dailyreach.report import cells
from tests.cli.conftest import read_terminal
from tests.conftest import DAILYREACH, cli_json, run_cli

LONG_WHY = "Built a marketplace from zero to IPO; ask how she hired the first ten engineers. " * 40
LONG_NAME = "山田 太郎左衛門之助" * 4
LONG_TITLE = "スタートアップ創業者のための異業種交流会と名刺交換会" * 3


def on_terminal(*args: str, db, columns: int, rows: int = 24) -> str:
    """What the installed command prints to a terminal ``columns`` cells wide."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "LINES")}
    env.update(DAILYREACH_DB=str(db), TZ="UTC")
    process = subprocess.Popen(
        [DAILYREACH, *args], stdin=follower, stdout=follower, stderr=subprocess.PIPE, env=env
    )
    os.close(follower)
    assert process.stderr is not None
    shown = read_terminal(leader)
    assert process.wait(timeout=60) == 0, process.stderr.read().decode()
    process.stderr.close()
    return shown


@pytest.fixture
def busy_db(db_path):
    run_cli("settings", "--timezone", "UTC", db=db_path)
    run_cli("add", LONG_NAME, "--x", "@yamada", "--why", LONG_WHY, "--priority", "1", db=db_path)
    run_cli("add", "Ann", "--x", "@ann", "--why", "Short why", db=db_path)
    waiting = run_cli("add", "佐藤 花子" * 8, "--x", "@sato", db=db_path).stdout.strip()
    run_cli("log", waiting, "dm_sent", "--at", "-2d", db=db_path)
    run_cli("invite", LONG_TITLE, "--from", "鈴木 一郎" * 10, "--hours", "3", "--decline", db=db_path)
    run_cli("invite", LONG_TITLE + " 2", "--hours", "2", db=db_path)
    return db_path


@pytest.mark.parametrize("columns", [80, 50])
@pytest.mark.parametrize("view", ["today", "pending", "invitations"])
def test_each_line_fits_the_terminal_with_long_text_cut_by_an_ellipsis(busy_db, view, columns):
    lines = on_terminal(view, db=busy_db, columns=columns).rstrip("\n").split("\n")
    assert max(cells(line) for line in lines) <= columns, "\n".join(lines)
    assert any(line.endswith("…") or "… " in line for line in lines), "\n".join(lines)


def test_today_on_a_terminal_keeps_each_row_on_one_line_and_the_short_ones_whole(busy_db):
    lines = on_terminal("today", db=busy_db, columns=80).rstrip("\n").split("\n")
    assert len(lines) == 3  # the head, then one line per planned contact: no 40 lines of why
    long_row, short_row = lines[1], lines[2]
    assert long_row.startswith("[ ]  山田 太郎") and long_row.endswith("…")
    assert "Built a marketplace" in long_row  # the why is cut, not dropped
    assert short_row.split() == ["[", "]", "Ann", "X", "@ann", "new", "Short", "why"]
    # The columns still line up: the handle starts in the same cell on both rows.
    at = [cells(line[: line.index("@")]) for line in (long_row, short_row)]
    assert at[0] == at[1]


def test_piped_and_json_output_stay_complete(busy_db):
    piped = run_cli("today", db=busy_db).stdout
    assert LONG_WHY.strip() in piped and LONG_NAME in piped
    assert LONG_TITLE in run_cli("invitations", db=busy_db).stdout
    assert "佐藤 花子" * 8 in run_cli("pending", db=busy_db).stdout
    plan = cli_json("today", db=busy_db)
    assert plan["items"][0]["why"] == LONG_WHY.strip() and plan["items"][0]["contact"]["name"] == LONG_NAME


def test_a_why_of_several_lines_is_printed_whole_on_its_row(db_path):
    run_cli("add", "Ann", "--x", "@ann", "--why", "Sold her startup\r\n\r\n  Ask about\tpricing", db=db_path)
    run_cli("add", "Bo", "--x", "@bo", "--why", "Hires", db=db_path)
    piped = run_cli("today", db=db_path).stdout.rstrip("\n").split("\n")
    assert piped[1].endswith("new  Sold her startup Ask about pricing") and len(piped) == 3
    shown = on_terminal("today", db=db_path, columns=60).rstrip("\n").split("\n")
    assert len(shown) == 3 and shown[1].index("new") == shown[2].index("new"), shown


def test_a_column_empty_in_every_row_at_the_end_takes_no_gap():
    from dailyreach.report import fitted_columns

    rows = [["Name", "Why", ""], ["Ann", "pricing", ""]]
    # "Ann   pricing" is 13 cells: it fits 13 whole, the empty last column asking for no gap before it.
    assert fitted_columns(rows, 13, (1,)).split("\n") == ["Name  Why", "Ann   pricing"]
    assert fitted_columns(rows, 12, (1,)).split("\n")[1] == "Ann   prici…"


def test_on_a_narrow_terminal_names_and_titles_keep_a_few_cells_and_the_line_is_cut_at_its_end(busy_db):
    pending = on_terminal("pending", db=busy_db, columns=44).rstrip("\n").split("\n")
    row = next(line for line in pending[1:] if "佐藤" in line)
    assert row.startswith("佐藤 花子佐…  2 days ago")  # 12 cells of the name, not "…" alone
    assert cells(row) <= 44 and row.endswith("…")
    invitations = on_terminal("invitations", db=busy_db, columns=50)
    assert "スタートアッ" in invitations
    from dailyreach.report import fitted_columns

    rows = [["Name", "Channel", "Waiting"], ["Lena Fischer", "LinkedIn", "11 days ago"]]
    assert fitted_columns(rows, 20, (0,)).split("\n")[1] == "Lena Fischer  Linke…"


def test_on_a_narrow_terminal_an_overdue_follow_up_is_still_said_so_and_the_channel_is_cut_first(busy_db):
    run_cli("log", "Ann", "dm_sent", "--at", "-10d", db=busy_db)
    header, overdue, waiting = on_terminal("pending", db=busy_db, columns=60).rstrip("\n").split("\n")
    assert header.endswith("follow-up due       chan…")
    assert overdue.startswith("Ann           10 days ago") and overdue.endswith(" overdue  X")
    assert waiting.startswith("佐藤 花子佐…  2 days ago")


@pytest.mark.parametrize("columns", [18, 20, 25, 28, 30])
def test_a_line_cut_just_after_a_cut_cell_ends_in_one_ellipsis(busy_db, columns):
    """A name cut to its share and the line cut right after it ended in "……"."""
    for view in ("today", "pending", "invitations"):
        shown = on_terminal(view, db=busy_db, columns=columns)
        assert "……" not in shown, shown


def test_clipped_keeps_one_ellipsis_where_the_text_had_one():
    from dailyreach.report import clipped

    assert clipped("[ ]  佐々木 なが…  X @sasaki", 19) == "[ ]  佐々木 なが…"
    assert clipped("Wait… what happened", 6) == "Wait…"
    assert clipped("abcdef", 4) == "abc…"
