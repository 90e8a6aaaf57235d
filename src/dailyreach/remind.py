"""``dailyreach remind``: schedule ``dailyreach notify`` every day, with what the system already has.

Linux: a systemd user timer (unit files in the user's systemd folder, enabled with ``systemctl --user``
when a user manager runs). macOS: a launchd agent in ~/Library/LaunchAgents. Elsewhere: the exact
crontab lines to add, printed (a crontab is never edited). Every file written carries ``MARK``, and
``uninstall`` removes only our own file names that carry it. Times are local: systemd's OnCalendar,
launchd's StartCalendarInterval and cron all read them in the machine's timezone.
"""

from __future__ import annotations

import contextlib
import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from dailyreach.config import DEFAULT_MORNING, clock_time
from dailyreach.core.errors import os_reason
from dailyreach.core.records.text import shown
from dailyreach.i18n import N_, _

MARK = "Written by dailyreach remind --install; removed by dailyreach remind --uninstall."
UNIT = "dailyreach-notify"
LAUNCHD_LABEL = "io.dailyreach.notify"


class ReminderError(Exception):
    """A bad time, or a folder that cannot be written: one line for the user; nothing was changed."""


def parse_time(text: str, option: str) -> tuple[int, int]:
    """A time of day ("09:00", "9am", "21時") as (hour, minute)."""
    found = clock_time(text)
    if found is None:
        raise ReminderError(
            _("{option} {text}: give a time of day such as 09:00, 18:30 or 9am").format(
                option=option, text=shown(text)
            )
        )
    return found


@dataclass(frozen=True)
class Reminder:
    """One daily run of ``notify``: the morning plan, or the evening check."""

    name: str
    at: tuple[int, int]
    evening: bool

    @property
    def clock(self) -> str:
        return f"{self.at[0]:02d}:{self.at[1]:02d}"

    def command(self, program: Sequence[str]) -> list[str]:
        return [*program, "notify", *(["--evening"] if self.evening else [])]

    def next_run(self, now: datetime) -> datetime:
        today = now.replace(hour=self.at[0], minute=self.at[1], second=0, microsecond=0)
        return today if today > now else today + timedelta(days=1)


def to_install(at: str | None, evening: str | None) -> tuple[list[Reminder], bool]:
    """The reminders an install sets, and whether they are those installed already. Given times (the
    options, else config.toml's) declare the whole set: an evening not given is dropped. Given none,
    the ones installed stay as they are, so that installing again (the app's palette) keeps a schedule
    set by hand; else the morning at 09:00."""
    if at is None and evening is None:
        installed = installed_times(installed_files())
        if installed:
            morning = next(
                (reminder.clock for reminder in installed if not reminder.evening), DEFAULT_MORNING
            )
            later = next((reminder.clock for reminder in installed if reminder.evening), None)
            return reminders(morning, later), True
    chosen = reminders(DEFAULT_MORNING if at is None else at, evening)
    if len(chosen) == 2 and chosen[1].at <= chosen[0].at:
        # Run before the day's plan, the evening check would say what is left of a plan not yet seen.
        raise ReminderError(_(EVENING_FIRST).format(evening=chosen[1].clock, at=chosen[0].clock))
    return chosen, False


EVENING_FIRST = N_(
    "the evening check at {evening} is not after the morning's {at}: it says what is left of the day's "
    "plan, so it comes later in the day"
)


def reminders(at: str, evening: str | None) -> list[Reminder]:
    found = [Reminder(UNIT, parse_time(at, "--at"), evening=False)]
    if evening is not None:
        found.append(Reminder(f"{UNIT}-evening", parse_time(evening, "--evening"), evening=True))
    return found


DEMO_REFUSED = N_("--demo is a throwaway store: reminders are installed for your own database")
DEMO_KEEPS = N_("--demo is a throwaway store: your own reminders are left as they are")


def program(db: Path, config: Path | None) -> list[str]:
    """This very ``dailyreach``, with the database (and config) it was run with; ReminderError for a
    demo's database, gone as the demo ends (the app's palette offers to install in a demo too)."""
    from dailyreach.demo_folder import in_a_demo

    if in_a_demo(db):
        raise ReminderError(_(DEMO_REFUSED))
    executable = shutil.which("dailyreach", path=str(Path(sys.executable).parent)) or shutil.which(
        "dailyreach"
    )
    found = [executable] if executable else [sys.executable, "-m", "dailyreach"]
    found += ["--db", str(db.expanduser().resolve())]
    if config is not None:
        found += ["--config", str(config.expanduser().resolve())]
    for part in found:
        # A unit file is read line by line: a line break in a path wrote a line of its own into it.
        if any(ord(character) < 32 or ord(character) == 127 for character in part):
            raise ReminderError(
                _(
                    "{path}: a path holding a line break or another control character cannot be run by a "
                    "reminder: rename it"
                ).format(path=repr(part))
            )
    return found


def kind_of(system: str) -> str:
    if system.startswith("linux"):
        return "systemd"
    return "launchd" if system == "darwin" else "cron"


# -- the files each kind writes --------------------------------------------------------------------


def systemd_folder() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
    return Path(base) / "systemd" / "user"


def launchd_folder() -> Path:
    return Path(os.path.expanduser("~/Library/LaunchAgents"))


def systemd_files(reminder: Reminder, command: list[str]) -> dict[str, str]:
    what = "the evening check" if reminder.evening else "today's plan"
    service = (
        f"# {MARK}\n[Unit]\nDescription=dailyreach: {what} as a desktop notification\n\n"
        f"[Service]\nType=oneshot\nExecStart={' '.join(_systemd_quote(part) for part in command)}\n"
    )
    # A morning missed while the machine slept is shown when it wakes, as launchd does; the evening's
    # check shown the next morning would speak of a day that is over.
    catch_up = "" if reminder.evening else "Persistent=true\n"
    timer = (
        f"# {MARK}\n[Unit]\nDescription=dailyreach: {what} every day at {reminder.clock}\n\n"
        f"[Timer]\nOnCalendar=*-*-* {reminder.clock}:00\n{catch_up}Unit={reminder.name}.service\n\n"
        "[Install]\nWantedBy=timers.target\n"
    )
    return {f"{reminder.name}.service": service, f"{reminder.name}.timer": timer}


def _systemd_quote(part: str) -> str:
    """One ExecStart word: quoted when it holds a space or a quote, and with % and $ escaped."""
    escaped = part.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
    return f'"{escaped}"' if any(c in part for c in " \t'\"\\") else escaped


def launchd_label(reminder: Reminder) -> str:
    return LAUNCHD_LABEL + ("-evening" if reminder.evening else "")


def launchd_plist(reminder: Reminder, command: list[str]) -> bytes:
    return plistlib.dumps(
        {
            "Label": launchd_label(reminder),
            "Comment": MARK,
            "ProgramArguments": command,
            "StartCalendarInterval": {"Hour": reminder.at[0], "Minute": reminder.at[1]},
        }
    )


def crontab_line(reminder: Reminder, command: list[str]) -> str:
    # cron reads an unescaped % as the end of the command (the rest is its input), even inside quotes.
    line = shlex.join(command).replace("%", r"\%")
    return f"{reminder.at[1]} {reminder.at[0]} * * * {line}"


# -- install, status, uninstall ---------------------------------------------------------------------


def _write_all(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Write every file or none: each goes to a temporary name first, and a failure removes those and
    says why in one line, leaving what was there before."""
    temporary: list[Path] = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, payload in files.items():
            path = folder / f".{name}.tmp"
            temporary.append(path)
            path.write_bytes(payload)
    except OSError as error:
        for path in temporary:
            # On a read-only mount even removing a file that was never made fails (EROFS), and that
            # must not hide why the writing failed.
            with contextlib.suppress(OSError):
                path.unlink()
        raise ReminderError(
            _("could not write the reminders in {folder}: {reason}").format(
                folder=folder, reason=os_reason(error)
            )
        ) from None
    written = []
    for path, name in zip(temporary, files, strict=True):
        os.replace(path, folder / name)
        written.append(folder / name)
    return written


def _user_manager_running() -> bool:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return bool(runtime and shutil.which("systemctl") and Path(runtime, "systemd", "private").exists())


def _run(command: list[str]) -> str | None:
    """Run a service manager's command; None when it worked, else its complaint."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as error:
        return str(error)
    return None if done.returncode == 0 else (done.stderr.strip() or f"exit status {done.returncode}")


def install(chosen: list[Reminder], command_for: list[str], system: str = sys.platform) -> list[str]:
    """Install ``chosen`` (replacing what an earlier install wrote); the lines to show the user."""
    kind = kind_of(system)
    if kind == "cron":
        return [
            _("Add these lines to your crontab (crontab -e); dailyreach does not edit it:"),
            *(crontab_line(reminder, reminder.command(command_for)) for reminder in chosen),
        ]
    before = installed_files(system)
    if kind == "systemd":
        folder = systemd_folder()
        files = {
            name: text.encode()
            for reminder in chosen
            for name, text in systemd_files(reminder, reminder.command(command_for)).items()
        }
    else:
        folder = launchd_folder()
        files = {
            f"{launchd_label(reminder)}.plist": launchd_plist(reminder, reminder.command(command_for))
            for reminder in chosen
        }
    # A file of ours by name that an install did not write (no MARK) is someone's own: kept whole.
    theirs = [folder / name for name in files if (folder / name).exists() and folder / name not in before]
    if theirs:
        raise ReminderError(
            _(
                "{file} was not written by dailyreach: move it away, then install again; nothing was written"
            ).format(file=theirs[0])
        )
    written = _write_all(folder, files)
    lines = [_("wrote {file}").format(file=path) for path in written]
    for path in before:  # an evening check installed before and not now
        if path not in written:
            path.unlink(missing_ok=True)
            lines.append(_("removed {file}").format(file=path))
    lines += [
        (
            _("notify every day at {time} (evening check)")
            if reminder.evening
            else _("notify every day at {time}")
        ).format(time=reminder.clock)
        for reminder in chosen
    ]
    if kind == "systemd":
        if _user_manager_running():
            timers = [f"{reminder.name}.timer" for reminder in chosen]
            problem = _run(["systemctl", "--user", "daemon-reload"]) or _run(
                ["systemctl", "--user", "enable", "--now", *timers]
            )
            lines.append(
                _("could not enable the timers: {problem}").format(problem=problem)
                if problem
                else _("enabled the timers")
            )
        else:
            lines.append(
                _("no systemd user manager is running: enable them later with {command}").format(
                    command=f"systemctl --user enable --now {' '.join(f'{r.name}.timer' for r in chosen)}"
                )
            )
    elif system == "darwin":
        for path in written:
            _run(["launchctl", "load", "-w", str(path)])
    return lines


def installed_files(system: str = sys.platform) -> list[Path]:
    """Our files that an install wrote (our names, carrying ``MARK``)."""
    kind = kind_of(system)
    if kind == "systemd":
        folder = systemd_folder()
        names = [f"{name}.{suffix}" for name in (UNIT, f"{UNIT}-evening") for suffix in ("service", "timer")]
    elif kind == "launchd":
        folder = launchd_folder()
        names = [f"{LAUNCHD_LABEL}.plist", f"{LAUNCHD_LABEL}-evening.plist"]
    else:
        return []
    found = []
    for name in names:
        path = folder / name
        try:
            if MARK.encode() in path.read_bytes():
                found.append(path)
        except OSError:
            continue
    return found


def installed_times(paths: list[Path]) -> list[Reminder]:
    """The reminders the files hold, read back from them."""
    found = []
    for path in paths:
        if path.suffix == ".timer":
            for line in path.read_text().splitlines():
                if line.startswith("OnCalendar=*-*-* "):
                    hour, minute = line.split()[1].split(":")[:2]
                    found.append(Reminder(path.stem, (int(hour), int(minute)), path.stem.endswith("evening")))
        elif path.suffix == ".plist":
            data = plistlib.loads(path.read_bytes())
            interval = data.get("StartCalendarInterval", {})
            evening = str(data.get("Label", "")).endswith("evening")
            found.append(Reminder(path.stem, (int(interval["Hour"]), int(interval["Minute"])), evening))
    return found


def installed_database(paths: list[Path]) -> Path | None:
    """The database the installed reminders notify of, read back from the command they run."""
    for path in paths:
        if path.suffix == ".service":
            line = next((line for line in path.read_text().splitlines() if line.startswith("ExecStart=")), "")
            try:
                split = shlex.split(line.removeprefix("ExecStart="))
            except ValueError:  # edited by hand, a quote left open: its database cannot be told
                continue
            words = [word.replace("%%", "%").replace("$$", "$") for word in split]
        elif path.suffix == ".plist":
            words = [str(word) for word in plistlib.loads(path.read_bytes()).get("ProgramArguments", [])]
        else:
            continue
        if "--db" in words[:-1]:
            return Path(words[words.index("--db") + 1])
    return None


def status(system: str = sys.platform, now: datetime | None = None, db: Path | None = None) -> list[str]:
    """What is installed and when it next runs; which database it notifies of, said when it is not
    ``db`` (the one the command was run with): the reminders are one set per user."""
    if kind_of(system) == "cron":
        return [
            _("reminders here are crontab lines: see crontab -l (dailyreach remind --install prints them)")
        ]
    paths = installed_files(system)
    if not paths:
        return [_("no reminders installed (dailyreach remind --install)")]
    moment = now or datetime.now().astimezone()
    lines = [_("installed: {file}").format(file=path) for path in paths]
    notified = installed_database(paths)
    if notified is not None:
        lines.append(_("for the database {db}").format(db=notified))
        if db is not None and notified != db.expanduser().resolve():
            # With the times installed, said as they are.
            times = " ".join(
                f"--evening {reminder.clock}" if reminder.evening else f"--at {reminder.clock}"
                for reminder in sorted(installed_times(paths), key=lambda reminder: reminder.evening)
            )
            command = f"dailyreach --db {shlex.quote(str(db))} remind --install {times}".rstrip()
            lines.append(_("not this one ({db}): {command} moves them to it").format(db=db, command=command))
    for reminder in installed_times(paths):
        upcoming = reminder.next_run(moment).strftime("%Y-%m-%d %H:%M")
        line = (
            _("evening check: every day at {time}, next {upcoming}")
            if reminder.evening
            else _("today's plan: every day at {time}, next {upcoming}")
        )
        lines.append(line.format(time=reminder.clock, upcoming=upcoming))
    if kind_of(system) == "systemd" and not _user_manager_running():
        timers = " ".join(path.name for path in paths if path.suffix == ".timer")
        lines.append(
            _("no systemd user manager is running: the timers run once enabled with {command}").format(
                command=f"systemctl --user enable --now {timers}"
            )
        )
    return lines


def uninstall(system: str = sys.platform, *, quiet: bool = False) -> list[str]:
    """Remove exactly what ``install`` wrote (stopping it first where a manager runs)."""
    paths = installed_files(system)
    if not paths:
        return [] if quiet else [_("no reminders installed: nothing to remove")]
    if kind_of(system) == "systemd" and _user_manager_running():
        timers = [path.name for path in paths if path.suffix == ".timer"]
        _run(["systemctl", "--user", "disable", "--now", *timers])
    elif system == "darwin":
        for path in paths:
            _run(["launchctl", "unload", "-w", str(path)])
    lines = []
    for path in paths:
        try:
            path.unlink()
        except OSError as error:
            raise ReminderError(
                _("could not remove {file}: {reason}").format(file=path, reason=os_reason(error))
            ) from None
        lines.append(_("removed {file}").format(file=path))
    if kind_of(system) == "systemd" and _user_manager_running():
        _run(["systemctl", "--user", "daemon-reload"])
    # The folders an install made, when nothing else is in them (rmdir refuses one that is not empty).
    folder = paths[0].parent
    for empty in (folder, folder.parent) if kind_of(system) == "systemd" else (folder,):
        try:
            empty.rmdir()
        except OSError:
            break
    return lines
