"""The errors the core reports to the user, in a module with no third-party imports.

The command line names them all in its one error handler; defining them here, rather than beside the
code that raises them, keeps that handler from loading pendulum, TinyDB or the import code at start-up.
"""

from __future__ import annotations

PROBLEMS_SHOWN = 10


class StoreError(Exception):
    """Something about the database file that the user has to hear about."""


class ValidationError(ValueError):
    """A value that cannot be stored; ``field`` names where it was."""

    def __init__(self, field_name: str, problem: str) -> None:
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


class DateParseError(ValueError):
    """Text that names no date or time."""


class ImportRejected(ValueError):
    """The file cannot be imported; ``problems`` lists the first things wrong with it."""

    def __init__(self, source: str, problems: list[str]) -> None:
        shown = "\n".join(f"  {problem}" for problem in problems[:PROBLEMS_SHOWN])
        more = f"\n  ... and {len(problems) - PROBLEMS_SHOWN} more" if len(problems) > PROBLEMS_SHOWN else ""
        super().__init__(f"{source} was not imported; nothing was changed:\n{shown}{more}")
        self.problems = problems


class NothingToExport(ValueError):
    """The export would be empty in a way its format does not allow."""
