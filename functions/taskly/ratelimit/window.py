"""A sliding-window rate: the pure arithmetic behind every per-person rate limit.

Each period has its own counter. A request is allowed when the counts of the current period
and the previous one, the previous weighted by how much of it still lies within one period of
now, make at most the limit. This smooths the edge between periods (a burst at the end of one
and another at the start of the next still meet the limit) and needs only two counters.
"""

import math
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Rate:
    """At most ``limit`` requests in any ``period_seconds``; ``what`` names it for people."""

    name: str
    limit: int
    period_seconds: int
    what: str


@dataclass(frozen=True)
class Position:
    """Where ``now`` falls: the current period's index and how far into it (0 to 1)."""

    index: int
    fraction: float


def position(now: datetime, rate: Rate) -> Position:
    periods = now.timestamp() / rate.period_seconds
    index = math.floor(periods)
    return Position(index, periods - index)


def weighted_count(previous: int, current: int, fraction: float) -> float:
    """The requests that count at ``fraction`` into the current period."""
    return previous * (1 - fraction) + current


def wait_seconds(previous: int, current: int, fraction: float, rate: Rate) -> int:
    """0 when one more request fits now (``previous`` and ``current`` without it); else how
    many seconds until it does, at least 1."""
    limit = rate.limit
    if weighted_count(previous, current, fraction) + 1 <= limit:
        return 0
    if current + 1 <= limit and previous > 0:
        # Later in this period the previous one weighs less: wait until it weighs little enough.
        until = 1 - (limit - current - 1) / previous
        wait = (until - fraction) * rate.period_seconds
    else:
        # This period is full: in the next one the current counts as the previous.
        until = 1 - (limit - 1) / current if current > 0 else 0.0
        wait = (1 - fraction + max(0.0, until)) * rate.period_seconds
    # Rounded first, so float noise (1.0000000000000009) does not add a whole second.
    return max(1, math.ceil(round(wait, 6)))
