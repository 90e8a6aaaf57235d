"""The user's config file (TOML): the app's theme and remapped keys.

    theme = "nord"

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

from dailyreach.core.store.storage import write_owner_only

CONFIG_NAME = "config.toml"


def default_config_path() -> Path:
    import platformdirs

    return platformdirs.user_config_path("dailyreach", appauthor=False) / CONFIG_NAME


@dataclass
class Config:
    path: Path | None = None
    theme: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_config(path: Path) -> Config:
    config = Config(path=path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        config.problems.append(f"{path}: {error}; using the defaults")
        return config
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        config.problems.append(f"{path}: theme must be a name in quotes")
    elif theme:
        config.theme = theme
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.problems.append(f'{path}: [keys] must be a table of binding id = "key"')
        keys = {}
    for binding_id, key in keys.items():
        if isinstance(key, str) and key.strip():
            config.keys[binding_id] = key
        else:
            config.problems.append(f'{path}: keys.{binding_id} must be a key name in quotes, like "D"')
    return config


def remember_theme(path: Path, theme: str) -> bool:
    """Writes the theme into the config file, keeping the user's comments; a broken file is left alone."""
    # Imported here: only changing the theme needs it (reading uses tomllib), and it is slow to load.
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    try:
        document = tomlkit.parse(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        document = tomlkit.document()
    except (OSError, UnicodeDecodeError, TOMLKitError):
        return False
    document["theme"] = theme
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
        "# dailyreach settings: remove the # in front of a line to use it.\n\n"
        '# theme = "nord"   # or choose one with ctrl+p > Theme: the app writes it here\n\n'
        "[keys]\n"
        "# binding id = key(s), for example:\n"
        '# log_dm_sent = "D"\n'
        '# quit = "ctrl+q"\n'
        f"# The ids:\n{ids}\n"
    )
    with contextlib.suppress(OSError):  # a read-only folder only means no starter file
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_owner_only(path, text.encode("utf-8"))
