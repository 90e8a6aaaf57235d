"""The ``dailyreach`` executable: ``--version`` at interpreter speed, everything else through click.

Importing click alone takes longer than starting Python, and shells, prompts and scripts call
``--version`` often, so this module imports nothing else; the commands are in ``dailyreach.commands``.
"""

import sys

from dailyreach import __version__

# click's ``version_option`` format, so that ``--version`` after other options prints the same line.
VERSION_MESSAGE = "dailyreach, version %(version)s"


def main(args: list[str] | None = None) -> None:
    """Run the command line on ``args`` (default: the process's own arguments)."""
    if (sys.argv[1:] if args is None else args) == ["--version"]:
        print(VERSION_MESSAGE % {"version": __version__})
        return
    from dailyreach.commands import cli

    cli.main(args)
