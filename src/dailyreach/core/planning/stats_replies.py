"""Who answered, for ``stats.py``: reply rates by channel and by first message, read from each contact's
thread (its first message and first answer), and the funnel, from each thread's stage."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from dailyreach.core.records.model import Contact
from dailyreach.core.store.threads import Thread, parse_stamp
from dailyreach.i18n import N_

FIRST_TOUCH_LABELS = {"public_reply": N_("public reply"), "dm_sent": N_("DM"), "follow_up": N_("follow-up")}
FUNNEL = (
    ("target", N_("targets")),
    ("contacted", N_("contacted")),
    ("replied", N_("replied")),
    ("meeting", N_("meeting booked")),
    ("met", N_("met")),
)
# The furthest funnel step each thread stage has reached (no response: contacted, then given up on).
_REACHED = {"target": 0, "contacted": 1, "no_response": 1, "replied": 2, "meeting": 3, "met": 4}


@dataclass(frozen=True)
class ReplyRate:
    """Contacts first reached this way, how many answered after it, and how soon (real hours)."""

    key: str
    label: str
    contacted: int
    replied: int
    median_hours: float | None

    @property
    def rate(self) -> float:
        return self.replied / self.contacted


@dataclass(frozen=True)
class FunnelStep:
    stage: str
    label: str
    count: int
    conversion: float | None  # of the step before; None for the first step or after an empty one


def reply_rates(threads: Iterable[Thread], by: str, labels: dict[str, str]) -> list[ReplyRate]:
    """Reply rates by the first message's ``by`` ("kind" or "channel"), the most reached first."""
    contacted: Counter[str] = Counter()
    waits: dict[str, list[float]] = defaultdict(list)
    for thread in threads:
        if thread.first_sent is None:
            continue
        key = (thread.first_kind if by == "kind" else thread.first_channel) or "other"
        contacted[key] += 1
        if thread.first_answer is not None:
            wait = parse_stamp(thread.first_answer) - parse_stamp(thread.first_sent)
            waits[key].append(wait.total_seconds() / 3600)
    rates = [
        ReplyRate(
            key=key,
            label=labels.get(key, key),
            contacted=count,
            replied=len(waits[key]),
            median_hours=statistics.median(waits[key]) if waits[key] else None,
        )
        for key, count in contacted.items()
    ]
    rates.sort(key=lambda rate: (-rate.contacted, rate.label))
    return rates


def funnel(contacts: Iterable[Contact], threads: dict[str, Thread]) -> list[FunnelStep]:
    """Everyone added, and how many reached each step at least (a meeting met counts as booked)."""
    reached = [0] * len(FUNNEL)
    for contact in contacts:
        furthest = _REACHED[threads.get(contact.id, Thread()).stage]
        for step in range(furthest + 1):
            reached[step] += 1
    steps = []
    for index, (stage, label) in enumerate(FUNNEL):
        # The first step has no step before it to convert from.
        conversion = reached[index] / reached[index - 1] if index and reached[index - 1] else None
        steps.append(FunnelStep(stage, label, reached[index], conversion))
    return steps
