"""``dailyreach remind`` under a temporary HOME and XDG_CONFIG_HOME: what it writes, reads back and
removes, and that nothing outside that home is touched."""

from __future__ import annotations

import os
import plistlib
import shutil
import stat
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from dailyreach import remind
from tests.conftest import DAILYREACH


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under ``folder`` with its content (None for a folder)."""
    return {
        str(path.relative_to(folder)): None if path.is_dir() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
    }


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    (folder / "config").mkdir(parents=True)
    (folder / "config" / "kept.conf").write_text("someone else's\n")
    return folder


def run(
    home: Path, *args: str, db: Path | None = None, read_only: Path | None = None
) -> subprocess.CompletedProcess:
    """``dailyreach remind ARGS``; with ``read_only``, that folder cannot be written to: ``chmod a-w``,
    or for root, who writes through that, a read-only bind mount in a mount namespace of its own."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"},  # no user manager to enable
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "DAILYREACH_DB": str(db or home / "db.json"),
    }
    command = [DAILYREACH, "remind", *args]
    if read_only is not None and os.geteuid() == 0:
        mount = 'mount --make-rprivate / && mount --bind "$1" "$1" && mount -o remount,bind,ro "$1"'
        command = [
            "unshare",
            "--mount",
            "sh",
            "-c",
            f'{mount} && shift && exec "$@"',
            "sh",
            str(read_only),
            *command,
        ]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


def test_systemd_timers_are_written_verified_reported_and_removed_without_a_trace(home, tmp_path):
    before = tree(home)
    db = tmp_path / "my data" / "db.json"
    db.parent.mkdir()
    installed = run(home, "--install", "--at", "07:30", "--evening", "18:45", db=db)
    assert installed.returncode == 0, installed.stderr
    units = home / "config" / "systemd" / "user"
    assert sorted(path.name for path in units.iterdir()) == [
        "dailyreach-notify-evening.service",
        "dailyreach-notify-evening.timer",
        "dailyreach-notify.service",
        "dailyreach-notify.timer",
    ]
    timer = (units / "dailyreach-notify.timer").read_text()
    assert "OnCalendar=*-*-* 07:30:00\nPersistent=true\n" in timer  # shown on waking when slept through
    assert "Persistent" not in (units / "dailyreach-notify-evening.timer").read_text()
    evening = (units / "dailyreach-notify-evening.service").read_text()
    assert f'ExecStart={DAILYREACH} --db "{db}" notify --evening' in evening
    if shutil.which("systemd-analyze"):
        verified = subprocess.run(
            ["systemd-analyze", "verify", *map(str, units.iterdir())],
            capture_output=True,
            text=True,
            env={**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "HOME": str(home)},
            timeout=60,
        )
        assert verified.returncode == 0, verified.stderr
    shown = run(home, "--status").stdout
    assert "today's plan: every day at 07:30, next " in shown
    assert "evening check: every day at 18:45" in shown
    # No user manager runs here (no XDG_RUNTIME_DIR): the timers are written, not enabled, and it is said.
    assert shown.rstrip().endswith(
        "no systemd user manager is running: the timers run once enabled with systemctl --user enable "
        "--now dailyreach-notify.timer dailyreach-notify-evening.timer"
    )
    removed = run(home, "--uninstall")
    assert removed.returncode == 0 and removed.stdout.count("removed ") == 4
    assert tree(home) == before
    assert "no reminders installed" in run(home, "--status").stdout


def test_status_names_the_database_the_reminders_are_for_and_says_when_it_is_another(home, tmp_path):
    ours = tmp_path / "my 100% data" / "db.json"
    ours.parent.mkdir()
    other = tmp_path / "other.json"
    assert run(home, "--install", "--at", "07:30", "--evening", "19:00", db=ours).returncode == 0
    shown = run(home, "--status", db=ours).stdout
    assert f"for the database {ours}" in shown and "not this one" not in shown
    shown = run(home, "--status", db=other).stdout
    assert f"for the database {ours}" in shown
    # With the times: without them, following the advice put the morning back to 09:00 and dropped the evening.
    moves = f"dailyreach --db {other} remind --install --at 07:30 --evening 19:00"
    assert f"not this one ({other}): {moves} moves them to it" in shown
    assert run(home, *moves.split()[4:], db=other).returncode == 0
    shown = run(home, "--status", db=other).stdout
    assert "today's plan: every day at 07:30" in shown and "evening check: every day at 19:00" in shown


def test_installing_for_a_database_that_is_not_there_says_so(home, tmp_path):
    # Each morning's notify said so only on a stderr nobody reads: a mistyped --db went unseen.
    typo = tmp_path / "typo.json"
    installed = run(home, "--install", db=typo)
    assert installed.returncode == 0
    assert installed.stderr == (
        f"note: there is no database at {typo} yet: the reminders say nothing until there is one\n"
    )
    assert not typo.exists()


@pytest.mark.parametrize("action", ["--status", "--uninstall"])
def test_a_time_given_with_status_or_uninstall_is_refused(home, action):
    refused = run(home, action, "--at", "25:99")
    assert refused.returncode == 2
    assert "--at and --evening go with --install" in refused.stderr


@pytest.mark.parametrize(
    "actions",
    [("--install", "--uninstall"), ("--status", "--install"), ()],
    ids=lambda given: " ".join(given),
)
def test_not_exactly_one_of_install_status_and_uninstall_is_refused_and_nothing_changes(home, actions):
    run(home, "--install", "--at", "07:30")
    timer = home / "config" / "systemd" / "user" / "dailyreach-notify.timer"
    before = timer.read_text()
    refused = run(home, *actions)
    assert refused.returncode == 2
    assert "give one of --install, --status or --uninstall" in refused.stderr
    assert timer.read_text() == before


def test_installing_again_replaces_and_drops_an_evening_no_longer_wanted(home):
    run(home, "--install", "--evening", "18:00")
    assert run(home, "--install", "--at", "08:00").returncode == 0
    units = home / "config" / "systemd" / "user"
    assert sorted(path.name for path in units.iterdir()) == [
        "dailyreach-notify.service",
        "dailyreach-notify.timer",
    ]
    assert "08:00:00" in (units / "dailyreach-notify.timer").read_text()


def test_installing_again_with_no_time_keeps_the_times_installed(home):
    run(home, "--install", "--at", "08:30", "--evening", "18:00")
    installed = run(home, "--install")
    assert installed.returncode == 0, installed.stderr
    units = home / "config" / "systemd" / "user"
    assert "08:30:00" in (units / "dailyreach-notify.timer").read_text()
    assert "18:00:00" in (units / "dailyreach-notify-evening.timer").read_text()


def test_uninstall_leaves_files_it_did_not_write(home):
    units = home / "config" / "systemd" / "user"
    units.mkdir(parents=True)
    (units / "dailyreach-notify.timer").write_text("[Timer]\nOnCalendar=daily\n")  # the user's own
    assert "nothing to remove" in run(home, "--uninstall").stdout
    assert (units / "dailyreach-notify.timer").exists()


def test_times_are_typed_as_a_logged_time_is(home):
    assert run(home, "--install", "--at", "9am", "--evening", "午後6時半").returncode == 0
    units = home / "config" / "systemd" / "user"
    assert "OnCalendar=*-*-* 09:00:00\n" in (units / "dailyreach-notify.timer").read_text()
    assert "OnCalendar=*-*-* 18:30:00\n" in (units / "dailyreach-notify-evening.timer").read_text()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--install", "--at", "13pm"), "--at '13pm': give a time of day such as 09:00, 18:30 or 9am"),
        (("--install", "--at", "24:00"), "--at '24:00'"),
        (("--install", "--evening", "18:7"), "--evening '18:7'"),
        (("--install", "--at", "-1:00"), "--at '-1:00'"),
    ],
)
def test_a_malformed_time_says_so_and_writes_nothing(home, args, said):
    before = tree(home)
    result = run(home, *args)
    assert result.returncode == 1 and said in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert tree(home) == before


def test_a_huge_time_is_quoted_cut_short_as_every_field_quotes_one(home):
    # It was quoted whole: 100 KB written to the terminal for one mistyped option.
    result = run(home, "--install", "--at", "9" * 100_000)
    assert result.returncode == 1
    assert result.stderr == f"Error: --at '{'9' * 54}...9': give a time of day such as 09:00, 18:30 or 9am\n"


def test_a_read_only_unit_folder_says_so_and_keeps_what_was_there(home):
    run(home, "--install", "--at", "09:00")
    units = home / "config" / "systemd" / "user"
    before = tree(home)
    units.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = run(home, "--install", "--at", "10:00", "--evening", "18:00", read_only=units)
    finally:
        units.chmod(stat.S_IRWXU)
    assert result.returncode == 1 and "could not write the reminders" in result.stderr
    assert result.stderr.count("\n") == 1
    assert tree(home) == before


def test_a_unit_folder_that_cannot_be_made_says_so_in_one_line(home):
    (home / "config" / "systemd").write_text("a file where the folder should be")
    before = tree(home)
    result = run(home, "--install")
    assert result.returncode == 1 and result.stderr.startswith("Error: could not write the reminders")
    assert result.stderr.count("\n") == 1
    assert tree(home) == before


def test_the_launchd_agent_parses_and_uninstall_removes_it(home, monkeypatch):
    monkeypatch.setenv("HOME", str(home))
    before = tree(home)
    chosen = remind.reminders("09:15", "18:00")
    lines = remind.install(chosen, ["/opt/dailyreach", "--db", "/data/db.json"], system="darwin")
    agents = home / "Library" / "LaunchAgents"
    morning = plistlib.loads((agents / "io.dailyreach.notify.plist").read_bytes())
    assert morning["ProgramArguments"] == ["/opt/dailyreach", "--db", "/data/db.json", "notify"]
    assert morning["StartCalendarInterval"] == {"Hour": 9, "Minute": 15}
    evening = plistlib.loads((agents / "io.dailyreach.notify-evening.plist").read_bytes())
    assert evening["ProgramArguments"][-2:] == ["notify", "--evening"]
    assert any("09:15" in line for line in lines)
    now = datetime(2026, 11, 23, 10, 0).astimezone()
    assert "next 2026-11-24 09:15" in "\n".join(remind.status("darwin", now))
    said = remind.status("darwin", now, db=Path("/other/db.json"))
    assert "for the database /data/db.json" in said
    assert any(line.startswith("not this one (/other/db.json)") for line in said)
    remind.uninstall("darwin")
    assert tree(home) == {**before, "Library": None}


def test_elsewhere_the_crontab_lines_are_printed_and_nothing_is_written(home, monkeypatch):
    monkeypatch.setenv("HOME", str(home))
    before = tree(home)
    lines = remind.install(
        remind.reminders("09:05", "18:30"), ["/opt/dr", "--db", "/my data/db.json"], "win32"
    )
    assert lines[1:] == [
        "5 9 * * * /opt/dr --db '/my data/db.json' notify",
        "30 18 * * * /opt/dr --db '/my data/db.json' notify --evening",
    ]
    assert tree(home) == before


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("--at", "19:00", "--evening", "18:00"),
            "Error: the evening check at 18:00 is not after the morning's 19:00: it says what is left of the "
            "day's plan, so it comes later in the day\n",
        ),
        (
            ("--at", "09:00", "--evening", "9am"),
            "Error: the evening check at 09:00 is not after the morning's 09:00",
        ),
        # The morning not given: the default's, not an --at the user never typed.
        (("--evening", "08:00"), "Error: the evening check at 08:00 is not after the morning's 09:00"),
        # Empty: no time, not none given (it installed 09:00 without a word).
        (("--at", ""), "Error: --at '': give a time of day such as 09:00, 18:30 or 9am\n"),
    ],
)
def test_a_schedule_that_makes_no_day_is_refused_and_nothing_is_written(home, args, said):
    before = tree(home)
    refused = run(home, "--install", *args)
    assert refused.returncode == 1 and refused.stderr.startswith(said)
    assert tree(home) == before


def test_an_evening_before_the_mornings_time_in_the_config_is_passed_over_and_said(home):
    (home / "config" / "dailyreach").mkdir()
    config = home / "config" / "dailyreach" / "config.toml"
    config.write_text('[reminders]\nat = "19:00"\nevening = "18:00"\n')
    installed = run(home, "--install")
    assert installed.returncode == 0
    assert f"warning: {config}: reminders.evening 18:00 is not after the morning's 19:00: passed over" in (
        installed.stderr
    )
    units = home / "config" / "systemd" / "user"
    assert "19:00:00" in (units / "dailyreach-notify.timer").read_text()
    assert not (units / "dailyreach-notify-evening.timer").exists()


def test_a_unit_of_the_same_name_not_written_by_an_install_is_kept_and_nothing_is_written(home):
    """It was replaced without a word, and --uninstall then removed it."""
    units = home / "config" / "systemd" / "user"
    units.mkdir(parents=True)
    theirs = units / "dailyreach-notify.timer"
    theirs.write_text("[Timer]\nOnCalendar=*-*-* 07:00:00\n")
    before = tree(home)
    refused = run(home, "--install", "--at", "08:00")
    assert refused.returncode == 1
    assert refused.stderr == (
        f"Error: {theirs} was not written by dailyreach: move it away, then install again; nothing was written\n"
    )
    assert tree(home) == before
    assert run(home, "--uninstall").returncode == 0 and tree(home) == before


def test_a_percent_in_a_crontab_line_is_escaped_as_cron_asks(home, monkeypatch):
    """cron ends the command at a bare %, quoted or not: a database named 50%off.json broke the line."""
    monkeypatch.setenv("HOME", str(home))
    lines = remind.install(remind.reminders("09:05", None), ["/opt/dr", "--db", "/data/50%off.json"], "win32")
    assert lines[1:] == [r"5 9 * * * /opt/dr --db /data/50\%off.json notify"]


def test_the_times_come_from_the_config_file_when_not_given(home):
    (home / "config" / "dailyreach").mkdir()
    (home / "config" / "dailyreach" / "config.toml").write_text(
        '[reminders]\nat = "06:45"\nevening = "20:00"\n'
    )
    assert run(home, "--install").returncode == 0
    units = home / "config" / "systemd" / "user"
    assert "06:45:00" in (units / "dailyreach-notify.timer").read_text()
    assert "20:00:00" in (units / "dailyreach-notify-evening.timer").read_text()
    assert run(home, "--install", "--at", "07:00").returncode == 0
    assert "07:00:00" in (units / "dailyreach-notify.timer").read_text()


def test_install_says_which_time_of_the_config_file_it_passed_over(home):
    (home / "config" / "dailyreach").mkdir()
    config = home / "config" / "dailyreach" / "config.toml"
    config.write_text('[reminders]\nat = "25:00"\n')
    installed = run(home, "--install")
    assert installed.returncode == 0
    assert installed.stderr.startswith(f"warning: {config}: reminders.at")
    assert "09:00:00" in (home / "config" / "systemd" / "user" / "dailyreach-notify.timer").read_text()


def test_a_bad_time_in_the_config_file_is_reported_and_passed_over(tmp_path):
    from dailyreach.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('[reminders]\nat = "7 sharp"\nevening = "7pm"\n[status]\nquiet_when_done = "yes"\n')
    config = load_config(path)
    assert (config.remind_at, config.remind_evening) == (None, "7pm")
    assert len(config.problems) == 2 and "reminders.at" in config.problems[0]


def test_install_refuses_the_demo_and_a_database_in_a_folder_that_is_not_there(home):
    demo = subprocess.run(
        [DAILYREACH, "--demo", "remind", "--install"],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")},
        timeout=60,
    )
    assert demo.returncode == 2 and "reminders are installed for your own database" in demo.stderr
    mistyped = run(home, "--install", db=home / "Dropbx" / "db.json")
    assert mistyped.returncode == 1
    assert mistyped.stderr.startswith(f"Error: no folder {home / 'Dropbx'} for the database")
    assert sorted(path.name for path in (home / "config").iterdir()) == ["kept.conf"]  # nothing installed


def test_a_settings_timezone_other_than_the_machines_is_pointed_out(home, tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # the machine's clock, for the commands run below

    def settings_timezone(zone: str) -> None:
        done = subprocess.run(
            [DAILYREACH, "--db", str(db), "settings", "--timezone", zone],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr

    db = tmp_path / "db.json"
    settings_timezone("Asia/Tokyo")
    installed = run(home, "--install", "--at", "09:00", db=db)
    assert installed.returncode == 0, installed.stderr
    note = installed.stderr.strip().splitlines()[-1]
    assert note.startswith("note: reminders run on this machine's clock (")
    assert "UTC); your settings' day is in Asia/Tokyo, where it is " in note
    assert (
        run(home, "--status", db=db).stderr.strip().startswith("note: reminders run on this machine's clock")
    )
    settings_timezone("UTC")
    assert "note:" not in run(home, "--status", db=db).stderr


def test_the_demo_neither_removes_the_users_reminders_nor_offers_to_move_them_to_itself(home):
    assert run(home, "--install", "--at", "10:00").returncode == 0
    before = tree(home)
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config")}
    env.pop("XDG_RUNTIME_DIR", None)

    def demo(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [DAILYREACH, "--demo", "remind", *args], capture_output=True, text=True, env=env
        )

    removed = demo("--uninstall")
    assert (removed.returncode, removed.stdout) == (2, "")
    assert "--demo is a throwaway store: your own reminders are left as they are" in removed.stderr
    assert tree(home) == before
    shown = demo("--status")
    assert shown.returncode == 0 and f"for the database {home / 'db.json'}" in shown.stdout
    assert "not this one" not in shown.stdout


def test_a_database_path_with_a_line_break_is_refused_and_writes_no_unit(home, tmp_path):
    # The line break wrote a line of its own into the unit: ExecStartPre=touch PWNED.
    folder = tmp_path / "in\nExecStartPre=touch PWNED\n"
    folder.mkdir()
    before = tree(home)
    done = run(home, "--install", "--at", "09:00", db=folder / "db.json")
    assert done.returncode == 1 and "a path holding a line break or another control character" in done.stderr
    assert "Traceback" not in done.stderr
    assert tree(home) == before


def test_status_of_a_unit_with_a_quote_left_open_by_hand_lists_it_without_its_database(home):
    # The unclosed quote crashed every remind --status (shlex: No closing quotation).
    assert run(home, "--install", "--at", "09:00").returncode == 0
    service = home / "config" / "systemd" / "user" / "dailyreach-notify.service"
    service.write_text(service.read_text().replace("ExecStart=", 'ExecStart="/opt/my dailyreach '))
    shown = run(home, "--status")
    assert (shown.returncode, shown.stderr) == (0, "")
    assert "today's plan: every day at 09:00" in shown.stdout and "for the database" not in shown.stdout
