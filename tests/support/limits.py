"""Putting a person at a rate limit without sending every request."""

import math
import time
from datetime import UTC, datetime

from google.cloud import firestore

from tests.support.product import Rate, period_key, position


def spend_in_this_period(db: firestore.Client, uid: str, rate: Rate, count: int) -> None:
    """Count ``count`` requests of ``uid`` against ``rate`` in the current period."""
    at = position(datetime.now(UTC), rate)
    db.document(f"rate_limits/{uid}").set({rate.name: {period_key(at.index): count}}, merge=True)


def spend_in_previous_period(db: firestore.Client, uid: str, rate: Rate, count: int) -> None:
    """Count ``count`` requests of ``uid`` against ``rate`` in the period before this one."""
    at = position(datetime.now(UTC), rate)
    db.document(f"rate_limits/{uid}").set(
        {rate.name: {period_key(at.index - 1): count}}, merge=True
    )


def hold_next_request(db: firestore.Client, uid: str, rate: Rate, seconds: float) -> None:
    """Fill ``rate`` for ``uid`` so that one more request fits in about ``seconds``: the
    previous period's count, weighing less as the current period goes on, says when."""
    at = position(datetime.now(UTC), rate)
    left_then = 1 - at.fraction - seconds / rate.period_seconds
    if left_then <= 0.05:
        # Too close to the period's end to time it: wait for the next period, then hold.
        time.sleep((1 - at.fraction) * rate.period_seconds + 0.1)
        hold_next_request(db, uid, rate, seconds)
        return
    # One more fits once previous * (1 - fraction) + 1 <= limit.
    previous = math.floor((rate.limit - 1) / left_then)
    db.document(f"rate_limits/{uid}").set(
        {rate.name: {period_key(at.index - 1): previous, period_key(at.index): 0}}, merge=True
    )
