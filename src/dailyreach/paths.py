"""Where the database and the config file are by default: platformdirs' user data and config folders,
worked out here on Linux and macOS with ``os`` alone (importing platformdirs costs more than a whole
``dailyreach status``, which runs on every shell prompt)."""

import os
import sys


def default_db_path() -> str:
    """The default database, in platformdirs' user data folder."""
    if sys.platform == "darwin":
        folder = os.path.expanduser("~/Library/Application Support")
    elif sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        folder = os.environ.get("XDG_DATA_HOME", "").strip() or os.path.expanduser("~/.local/share")
    else:
        import platformdirs

        folder = str(platformdirs.user_data_path(appauthor=False))
    return os.path.join(folder, "dailyreach", "dailyreach.json")


def is_default_db(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is the default database, whose folder the first run makes."""
    return os.path.abspath(os.path.expanduser(path)) == os.path.abspath(os.path.expanduser(default_db_path()))


def default_config_path() -> str:
    """platformdirs' user config folder, as ``default_db_path`` works out its data folder."""
    if sys.platform == "darwin":
        folder = os.path.expanduser("~/Library/Application Support")
    elif sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        folder = os.environ.get("XDG_CONFIG_HOME", "").strip() or os.path.expanduser("~/.config")
    else:
        import platformdirs

        folder = str(platformdirs.user_config_path(appauthor=False))
    return os.path.join(folder, "dailyreach", "config.toml")
