"""A token bucket: the pure arithmetic of a rate with a burst."""

import math
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Bucket:
    tokens: float
    updated_at: datetime


@dataclass(frozen=True)
class Decision:
    allowed: bool
    bucket: Bucket
    retry_after_seconds: int


def take(bucket: Bucket | None, now: datetime, *, per_second: float, burst: int) -> Decision:
    """Spend one token if there is one; otherwise say how long until there is."""
    if bucket is None:
        tokens = float(burst)
    else:
        elapsed = max(0.0, (now - bucket.updated_at).total_seconds())
        tokens = min(float(burst), bucket.tokens + elapsed * per_second)
    if tokens >= 1:
        return Decision(True, Bucket(tokens - 1, now), 0)
    wait = math.ceil((1 - tokens) / per_second)
    return Decision(False, Bucket(tokens, now), max(1, wait))
