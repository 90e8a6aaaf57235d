"""Where "now" comes from, so tests can freeze and move time."""

from __future__ import annotations

from typing import Protocol

import pendulum
from pendulum import DateTime, Timezone


class Clock(Protocol):
    def now(self) -> DateTime: ...


class SystemClock:
    """The real time, in the given timezone (the system's when none is given)."""

    def __init__(self, tz: str | Timezone | None = None) -> None:
        self.tz = pendulum.timezone(tz) if isinstance(tz, str) else (tz or pendulum.local_timezone())

    def now(self) -> DateTime:
        return pendulum.now(self.tz)


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, at: DateTime) -> None:
        self.at = at

    def now(self) -> DateTime:
        return self.at

    def advance(self, **delta: float) -> DateTime:
        self.at = self.at.add(**delta)
        return self.at

    def set(self, at: DateTime) -> None:
        self.at = at
