"""Where the database and the config file are by default: platformdirs' user data and config folders,
worked out here on Linux and macOS with ``os`` alone (importing platformdirs costs more than a whole
``dailyreach status``, which runs on every shell prompt)."""

import os
import sys


def _user_folder(xdg_variable: str, xdg_default: str, kind: str) -> str:
    """platformdirs' user ``kind`` folder ("data" or "config"), where the XDG variable or its default
    puts it on Linux and the BSDs."""
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Application Support")
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return os.environ.get(xdg_variable, "").strip() or os.path.expanduser(xdg_default)
    import platformdirs

    return str(getattr(platformdirs, f"user_{kind}_path")(appauthor=False))


def default_db_path() -> str:
    return os.path.join(
        _user_folder("XDG_DATA_HOME", "~/.local/share", "data"), "dailyreach", "dailyreach.json"
    )


def default_config_path() -> str:
    return os.path.join(_user_folder("XDG_CONFIG_HOME", "~/.config", "config"), "dailyreach", "config.toml")


def is_default_db(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is the default database, whose folder the first run makes."""
    return os.path.abspath(os.path.expanduser(path)) == os.path.abspath(os.path.expanduser(default_db_path()))
