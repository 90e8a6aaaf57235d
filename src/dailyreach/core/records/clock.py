"""Where "now" comes from, so tests can freeze and move time."""

from __future__ import annotations

from typing import Protocol

import pendulum
from pendulum import DateTime, FixedTimezone, Timezone

# What pendulum hands back for a zone: a named zone, or a fixed offset such as the system's "+09:00".
Zone = Timezone | FixedTimezone


class Clock(Protocol):
    def now(self) -> DateTime: ...


class SystemClock:
    """The real time, in the given timezone (the system's when none is given)."""

    def __init__(self, tz: str | Zone | None = None) -> None:
        self.tz: Zone = pendulum.timezone(tz) if isinstance(tz, str) else (tz or pendulum.local_timezone())

    def now(self) -> DateTime:
        return DateTime.now(self.tz)


class FixedClock:
    """A clock that only moves when told to."""

    def __init__(self, at: DateTime) -> None:
        self.at = at

    def now(self) -> DateTime:
        return self.at

    def advance(self, **delta: int) -> DateTime:
        self.at = self.at.add(**delta)
        return self.at

    def set(self, at: DateTime) -> None:
        self.at = at
