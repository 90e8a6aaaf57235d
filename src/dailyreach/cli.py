"""The ``dailyreach`` executable: ``--version`` and ``status`` at interpreter speed, the rest through click.

Importing click alone takes longer than starting Python, and shells, prompts and scripts call
``--version`` and ``status`` often, so this module imports nothing else; the commands are in ``dailyreach.commands``.
"""

import gc
import sys

from dailyreach import __version__

# click's ``version_option`` format, so that ``--version`` after other options prints the same line.
VERSION_MESSAGE = "dailyreach, version %(version)s"
# A command makes tens of thousands of objects as it imports its modules, all kept until it exits, and
# with the usual thresholds the collector walks them some thirty times: 10-15 ms of a 120 ms ``today``.
# A command collects once in this many new objects instead; the app, which runs for hours, goes back to
# the usual thresholds.
COMMAND_COLLECTION_THRESHOLD = 50_000
USUAL_COLLECTION_THRESHOLDS = gc.get_threshold()


def main(args: list[str] | None = None) -> None:
    """Run the command line on ``args`` (default: the process's own arguments)."""
    given = sys.argv[1:] if args is None else args
    if given == ["--version"]:
        print(VERSION_MESSAGE % {"version": __version__})
        return
    if "status" in given:  # read from a small record, for prompts: ``dailyreach.status_line``
        from dailyreach.status_line import run

        answered = run(given)
        if answered is not None:
            sys.exit(answered)
    gc.set_threshold(COMMAND_COLLECTION_THRESHOLD)
    from dailyreach import i18n

    i18n.start(given)  # before the commands, whose help is made as they load
    from dailyreach.commands import cli

    cli.main(args)
