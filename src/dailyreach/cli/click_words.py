"""The words click says itself ("Usage:", "Error: …", "No such command …"), marked here so that
``make catalogs`` extracts them into our catalog and they are translated with ours.

click translates through the standard library's default gettext domain, which ``i18n.start`` points at
our catalog when the language is not English. The messages are click's own, exactly as its source
writes them (``from gettext import gettext as _`` in click/core.py, exceptions.py, formatting.py,
decorators.py, parser.py, types.py); this module is never imported. Only what a user of our commands can
meet is here: not click's messages for a program's own mistakes (an option declared twice, ...).
"""

from dailyreach.i18n import N_, ngettext

HELP = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Positional arguments"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("required"),
    N_("(dynamic)"),
    N_("deprecated"),
)

ERRORS = (
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Aborted!"),
    N_("Error: invalid input"),
    N_("No such command {name!r}."),
    N_("No such option {name!r}."),
    N_("Missing command."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing parameter: {param_name}"),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Option {name!r} does not take a value."),
    N_("Argument {name!r} takes {nargs} values."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("Could not open file {filename!r}: {message}"),
    N_("unknown error"),
)


def _plurals(count: int) -> tuple[str, ...]:
    """click's messages with a count (never called: the calls are here to be extracted)."""
    return (
        ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", count),
        ngettext(
            "Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", count
        ),
        ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", count),
        ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", count),
    )
