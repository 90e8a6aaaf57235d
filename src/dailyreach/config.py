"""The user's config file (TOML): the app's theme and language, remapped keys, reminder times and the
status line.

    theme = "nord"
    language = "ja"   # or "en"; unset: DAILYREACH_LANG, LC_ALL, LC_MESSAGES, LANG

    [keys]            # binding id = key(s); the ids are listed by `?` in the app and in the README
    log_dm_sent = "D"
    quit = "ctrl+q"

A broken file never stops the app: it runs with the defaults and says what was wrong and where.
"""

from __future__ import annotations

import contextlib
import textwrap
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dailyreach.cli.status_line import status_table_problems
from dailyreach.core.errors import DateParseError
from dailyreach.core.records.dates import time_of_day
from dailyreach.core.records.model import USER_SETTINGS
from dailyreach.core.store.storage import write_owner_only
from dailyreach.i18n import _


@dataclass
class Config:
    path: Path | None = None
    theme: str | None = None
    # "en" or "ja" as written (i18n.start reads it before the app starts); None: the environment decides.
    language: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    # [reminders]: the times ``remind --install`` schedules when given none (local HH:MM).
    remind_at: str | None = None
    remind_evening: str | None = None
    problems: list[str] = field(default_factory=list)


def load_config(path: Path) -> Config:
    config = Config(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        config.problems.append(_("{file}: {error}; using the defaults").format(file=path, error=error))
        return config
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        config.problems.append(_("{file}: theme must be a name in quotes").format(file=path))
    elif theme:
        config.theme = theme
    language = data.get("language")
    if language is not None and not isinstance(language, str):
        config.problems.append(_('{file}: language must be "en" or "ja" in quotes').format(file=path))
    elif language:
        config.language = language
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.problems.append(_('{file}: [keys] must be a table of binding id = "key"').format(file=path))
        keys = {}
    for binding_id, key in keys.items():
        if binding_id in USER_SETTINGS:  # written at the end of the starter file, under its [keys]
            config.problems.append(_in_the_database(path, binding_id))
        elif isinstance(key, str) and key.strip():
            config.keys[binding_id] = key
        else:
            config.problems.append(
                _('{file}: keys.{binding} must be a key name in quotes, like "D"').format(
                    file=path, binding=binding_id
                )
            )
    _read_reminders(config, path, data)
    _read_status(config, path, data)
    _say_unknown_keys(config, path, data)
    return config


# The file's own tables and keys.
CONFIG_KEYS = {"theme", "language", "keys", "reminders", "status"}


def _in_the_database(path: Path, key: str) -> str:
    return _(
        "{file}: {key} is kept in the database, not here: set it with `dailyreach settings` or ctrl+p Settings"
    ).format(file=path, key=key)


def _say_unknown_keys(config: Config, path: Path, data: dict[str, object]) -> None:
    """A key the file does not take is said, not silently left: daily_goal = 3 here changed nothing."""
    for key in data:
        if key in USER_SETTINGS:  # kept in the database, and people write them here too
            config.problems.append(_in_the_database(path, key))
        elif key not in CONFIG_KEYS:
            config.problems.append(
                _("{file}: {key} is not a config setting; it was left alone").format(file=path, key=key)
            )


def _table(config: Config, path: Path, data: dict[str, object], name: str) -> dict[str, object]:
    table = data.get(name, {})
    if isinstance(table, dict):
        return table
    config.problems.append(_("{file}: [{table}] must be a table").format(file=path, table=name))
    return {}


def clock_time(text: str) -> tuple[int, int] | None:
    """A time of day as a logged time's is typed ("09:00", "9am", "21時") as (hour, minute); None for
    anything else."""
    try:
        return time_of_day(text)
    except DateParseError:
        return None


# The morning plan's time when none is set (``remind --install``'s too).
DEFAULT_MORNING = "09:00"


def _evening_after_morning(config: Config, path: Path) -> None:
    """An evening check before the morning plan (09:00 when none is set) is passed over, and said: it
    would say what is left of a plan not yet seen."""
    morning_at = config.remind_at or DEFAULT_MORNING
    morning = clock_time(morning_at)
    evening = clock_time(config.remind_evening) if config.remind_evening else None
    if evening is not None and morning is not None and evening <= morning:
        config.problems.append(
            _("{file}: reminders.evening {evening} is not after the morning's {at}: passed over").format(
                file=path, evening=config.remind_evening, at=morning_at
            )
        )
        config.remind_evening = None


def _read_reminders(config: Config, path: Path, data: dict[str, object]) -> None:
    reminders = _table(config, path, data, "reminders")
    for key in ("at", "evening"):
        value = reminders.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or clock_time(value) is None:
            config.problems.append(
                _('{file}: reminders.{key} must be a time of day in quotes, like "09:00"').format(
                    file=path, key=key
                )
            )
            continue
        setattr(config, f"remind_{key}", value)
    _evening_after_morning(config, path)


def _read_status(config: Config, path: Path, data: dict[str, object]) -> None:
    """[status] is read by ``dailyreach status`` alone (a prompt cannot wait for this module): its
    problems are said here too, with the file's others."""
    config.problems += status_table_problems(_table(config, path, data, "status"), path)


def remember_theme(path: Path, theme: str) -> bool:
    """Writes the theme into the config file, keeping the user's comments; a broken file is left alone."""
    return _remember(path, "theme", theme)


def remember_language(path: Path, language: str) -> bool:
    """Writes the interface's language ("en", "ja") into the config file, as ``remember_theme`` does."""
    return _remember(path, "language", language)


def _remember(path: Path, key: str, value: str) -> bool:
    # Imported here: only changing the theme needs it (reading uses tomllib), and it is slow to load.
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    except (OSError, UnicodeDecodeError, TOMLKitError):
        return False
    document[key] = value
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_owner_only(path, tomlkit.dumps(document).encode("utf-8"))
    except OSError:
        return False
    return True


def write_starter_config(path: Path, binding_ids: Iterable[str]) -> None:
    """On first use, a config file that shows what can be set, all commented out."""
    if path.exists():
        return
    ids = textwrap.fill(
        ", ".join(sorted(binding_ids)), width=96, initial_indent="#   ", subsequent_indent="#   "
    )
    text = (
        "# dailyreach's look and keys: remove the # in front of a line to use it. The daily goal,\n"
        "# follow-ups, timezone and currency are kept in the database: dailyreach settings.\n\n"
        '# theme = "nord"   # or choose one with ctrl+p > Theme: the app writes it here\n'
        '# language = "ja"  # or "en"; unset: the system\'s (ctrl+p > Language: the app writes it here)\n\n'
        "[keys]\n"
        "# binding id = key(s), for example:\n"
        '# log_dm_sent = "D"\n'
        '# quit = "ctrl+q"\n'
        f"# The ids:\n{ids}\n\n"
        "# [reminders]         # the times dailyreach remind --install uses when given none\n"
        '# at = "09:00"        # the morning plan, local time\n'
        '# evening = "18:00"   # the evening check, only while the goal is not met\n\n'
        "# [status]            # dailyreach status, for prompts and status bars\n"
        '# format = "dr {done}/{goal} · {due} due"   # also {left} {overdue} {pending} {streak} {next}\n'
        "# quiet_when_done = false   # true: print nothing once the goal is met and nothing is overdue\n"
    )
    with contextlib.suppress(OSError):  # a read-only folder only means no starter file
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_owner_only(path, text.encode("utf-8"))
