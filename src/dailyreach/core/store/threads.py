"""Each contact's conversation summarised, and the days with outreach: derived from the interaction log.

The store keeps these summaries beside the log and updates them in the same write as every change, so
reading the day costs the same after a year of use. Times in a summary are UTC stamps of one fixed width
(``2026-11-23T00:00:00.000000Z``): they sort and compare as strings, and only what is shown is parsed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from dailyreach.core.records.model import ANSWER_KINDS, OUTBOUND_KINDS

THREADS_TABLE = "threads"
DAYS_TABLE = "outreach_days"
DERIVED_KEY = "derived"
# Raised whenever what a thread holds or how it is read changes, so stores made before rebuild theirs.
DERIVED_VERSION = 6
# Each local day also counts the people sent a message that day: the daily goal is of people reached.
REACHED = "reached"
# What each local day counts, by the kind of interaction that adds to it.
DAY_COUNTERS = {
    **{kind: "sent" for kind in OUTBOUND_KINDS},
    "reply_received": "replies",
    "meeting_booked": "meetings",
}

_STAGE_ORDER = {"target": 0, "no_response": 0, "contacted": 1, "replied": 2, "meeting": 3, "met": 4}
_ANSWER_STAGE = {"reply_received": "replied", "meeting_booked": "meeting", "met": "met"}
ANSWERED_STAGES = frozenset(_ANSWER_STAGE.values())


def utc_stamp(moment: str | datetime) -> str:
    """A time as a fixed-width UTC stamp, from an aware datetime or its ISO 8601 text."""
    parsed = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_stamp(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp)


def local_day(stamp: str, tz: tzinfo) -> date:
    return parse_stamp(stamp).astimezone(tz).date()


@dataclass(frozen=True)
class DaySpan:
    """A local day as the UTC stamps it starts and ends at, to test stamps without parsing them."""

    start: str
    end: str

    @classmethod
    def of(cls, day: date, tz: tzinfo) -> DaySpan:
        midnight = datetime.combine(day, time(), tzinfo=tz)
        return cls(
            utc_stamp(midnight), utc_stamp(datetime.combine(day + timedelta(days=1), time(), tzinfo=tz))
        )

    def holds(self, stamp: str | None) -> bool:
        return stamp is not None and self.start <= stamp < self.end


@dataclass
class Thread:
    """A contact's conversation, read from its interactions in time order (times are UTC stamps)."""

    stage: str = "target"
    open: bool = False
    waiting_since: str | None = None
    last_sent: str | None = None
    last_channel: str = "other"
    nudges: int = 0
    # Whether a DM is among the messages waiting for an answer: the next one is a nudge, whatever key
    # logged it, where the first DM after public replies is the approach itself.
    dm_waiting: bool = False
    last_touch: str | None = None
    last_at: str | None = None
    # The first message sent (when, its kind, its channel) and the first answer after it: the stats'
    # reply rates and waits.
    first_sent: str | None = None
    first_kind: str | None = None
    first_channel: str | None = None
    first_answer: str | None = None
    # Closed with x, for want of an answer to its last message: whatever an earlier exchange's answer
    # made the stage, nothing waits and nothing is owed.
    closed_unanswered: bool = False

    def add(self, kind: str, channel: str, stamp: str) -> None:
        """Take in the next interaction; it must not be older than ``last_at``."""
        self.last_at = stamp
        if kind in OUTBOUND_KINDS:
            if self.first_sent is None:
                self.first_sent, self.first_kind, self.first_channel = stamp, kind, channel
            # A follow-up is a nudge, and so is a DM after a DM: a public reply and then a DM are one
            # first approach.
            if not self.open:
                self.open, self.waiting_since, self.nudges, self.dm_waiting = True, stamp, 0, False
                self.closed_unanswered = False
            elif is_nudge(kind, dm_waiting=self.dm_waiting):
                self.nudges += 1
            self.dm_waiting = self.dm_waiting or kind == "dm_sent"
            self.last_sent, self.last_channel, self.last_touch = stamp, channel, stamp
            if _STAGE_ORDER[self.stage] == 0:
                self.stage = "contacted"
        elif kind in ANSWER_KINDS:
            self.open, self.last_touch, self.closed_unanswered = False, stamp, False
            if self.first_sent is not None and self.first_answer is None:
                self.first_answer = stamp
            answered = _ANSWER_STAGE[kind]
            if _STAGE_ORDER[answered] > _STAGE_ORDER[self.stage]:
                self.stage = answered
        elif kind == "no_response":
            self.closed_unanswered = self.closed_unanswered or self.open
            self.open = False
            if self.stage in ("target", "contacted"):
                self.stage = "no_response"

    def sent_on(self, day: DaySpan) -> bool:
        return day.holds(self.last_sent)

    @property
    def answered_since_sent(self) -> bool:
        """Whether an answer came after the last message sent (an answer moves ``last_touch``, a closing
        with x does not)."""
        return self.last_sent is not None and self.last_touch is not None and self.last_touch > self.last_sent

    @property
    def awaits_the_user(self) -> bool:
        """Whether they answered (no meeting yet) and nothing was sent since: the next word is the user's."""
        return (
            self.stage == "replied"
            and not self.open
            and self.last_touch is not None
            and (self.last_sent is None or self.last_touch > self.last_sent)
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, body: dict[str, Any]) -> Thread:
        return cls(**body)


def is_nudge(kind: str, *, dm_waiting: bool) -> bool:
    """Whether a message of ``kind``, sent while an earlier one waits for an answer, nudges it: a follow-up,
    or a DM when a DM already waits (logged with d on a follow-up row, it is still the follow-up)."""
    return kind == "follow_up" or (kind == "dm_sent" and dm_waiting)


def read_thread(entries: Iterable[tuple[str, str, str]]) -> Thread:
    """The thread of one contact from (stamp, kind, channel) entries, in any order.

    Entries with equal stamps keep the order they were given in (the order they were logged).
    """
    thread = Thread()
    for stamp, kind, channel in sorted(entries, key=lambda entry: entry[0]):
        thread.add(kind, channel, stamp)
    return thread


def log_entries(interactions: Iterable[dict[str, Any]]) -> dict[str, list[tuple[str, str, str]]]:
    """Stored interaction bodies grouped by contact as (stamp, kind, channel), in log order."""
    grouped: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for body in interactions:
        grouped[body["contact_id"]].append((utc_stamp(body["at"]), body["kind"], body["channel"]))
    return grouped


def day_counts(interactions: Iterable[dict[str, Any]], tz: tzinfo) -> dict[str, dict[str, int]]:
    """Local day -> how many messages were sent, replies received and meetings booked that day, and how
    many people were sent a message (``REACHED``, what the daily goal counts); only the counts above
    zero, and only the days with one."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    reached: dict[str, set[str]] = defaultdict(set)
    for body in interactions:
        counter = DAY_COUNTERS.get(body["kind"])
        if counter is not None:
            day = _local_day_text(body, tz)
            counts[day][counter] = counts[day].get(counter, 0) + 1
            if counter == "sent":
                reached[day].add(body["contact_id"])
    for day, people in reached.items():
        counts[day][REACHED] = len(people)
    return dict(counts)


def sent_days(history: Iterable[dict[str, Any]], tz: tzinfo) -> set[str]:
    """The local days on which one contact's ``history`` holds a message sent: they count as reached."""
    return {_local_day_text(body, tz) for body in history if body["kind"] in OUTBOUND_KINDS}


def before_changes(
    history: list[dict[str, Any]], changes: list[tuple[dict[str, Any] | None, dict[str, Any] | None]]
) -> list[dict[str, Any]]:
    """A contact's ``history`` as it was before ``changes`` (each a record before and after it)."""
    by_id = {body["id"]: body for body in history}
    for before, after in reversed(changes):
        if after is not None:
            by_id.pop(after["id"], None)
        if before is not None:
            by_id[before["id"]] = before
    return list(by_id.values())


def with_reached(counts: dict[str, int] | None, reached: int) -> dict[str, int] | None:
    """A day's counts with ``reached`` people (none left out); None when nothing is left to count."""
    changed = {name: count for name, count in (counts or {}).items() if name != REACHED}
    if reached > 0:
        changed[REACHED] = reached
    return changed or None


def _local_day_text(body: dict[str, Any], tz: tzinfo) -> str:
    return datetime.fromisoformat(body["at"]).astimezone(tz).date().isoformat()


def counted_day(counts: dict[str, int] | None, kind: str, step: int) -> dict[str, int] | None:
    """A day's counts after one interaction of ``kind``, a kind the days count, is added (step 1) or
    taken away (-1); None when nothing is left to count."""
    counter = DAY_COUNTERS[kind]
    changed = dict(counts or {})
    changed[counter] = changed.get(counter, 0) + step
    if changed[counter] <= 0:
        del changed[counter]
    return changed or None


def zone_name(tz: tzinfo) -> str:
    """A name that tells whether outreach days were counted in the same timezone as now."""
    return str(getattr(tz, "name", None) or tz)


def derived_marker(interaction_count: int, tz: tzinfo) -> dict[str, Any]:
    """What the derived tables were made from; any difference means they must be made again."""
    return {"version": DERIVED_VERSION, "interactions": interaction_count, "zone": zone_name(tz)}


def derive_tables(interactions: dict[str, dict[str, Any]], tz: tzinfo) -> dict[str, dict[str, Any]]:
    """The derived tables and their marker, recomputed from the whole log (but for the records it cannot
    read, which the store skips too)."""
    from dailyreach.core.records.readback import table_problems

    bad = table_problems("interactions", interactions)
    bodies = [body for rid, body in interactions.items() if rid not in bad] if bad else interactions.values()
    threads = {cid: read_thread(entries).to_dict() for cid, entries in log_entries(bodies).items()}
    days = day_counts(bodies, tz)
    marker = derived_marker(len(interactions), tz)
    return {THREADS_TABLE: threads, DAYS_TABLE: days, DERIVED_KEY: marker}
