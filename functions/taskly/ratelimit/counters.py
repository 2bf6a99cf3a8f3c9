"""Per-person request counters in ``rate_limits/{uid}``, shared by every instance.

Functions come and go and a person's requests land on any instance, so the counts live in
Firestore. One request is one write and no read: the counter of the current period is
incremented and the previous one read back in the same write (the increments' results), so
parallel requests of one person never wait for each other's transactions. Each rate keeps a
map of its two latest periods; older ones are deleted by the same write.
"""

from datetime import datetime

from google.cloud import firestore

from taskly.platform.firestore_client import db
from taskly.ratelimit.window import Rate, position, wait_seconds
from taskly.vocabulary.errors import LimitReached


def limits_ref(uid: str) -> firestore.DocumentReference:
    return db().collection("rate_limits").document(uid)


def period_key(index: int) -> str:
    # Zero-padded so that the keys sort as the periods do: the increments' results come back
    # in the order of their field paths.
    return f"p{index:012d}"


def _bump(uid: str, rate: Rate, index: int, by: int) -> tuple[int, int]:
    """Add ``by`` to the current period's count: the previous and current counts after it."""
    counts = {
        period_key(index - 1): firestore.Increment(0),
        period_key(index): firestore.Increment(by),
        period_key(index - 2): firestore.DELETE_FIELD,
    }
    result = limits_ref(uid).set({rate.name: counts}, merge=True)
    previous, current = (int(value.integer_value) for value in result.transform_results)
    return previous, current


def spend(uid: str, rate: Rate, now: datetime) -> None:
    """Count one request of ``uid`` against ``rate``, or raise LimitReached with the wait.

    A refused request is taken back out of the count: it changed nothing, so it costs nothing.
    """
    at = position(now, rate)
    previous, current = _bump(uid, rate, at.index, 1)
    wait = wait_seconds(previous, current - 1, at.fraction, rate)
    if wait == 0:
        return
    _bump(uid, rate, at.index, -1)
    raise LimitReached(
        f"That's a lot of {rate.what} at once: Taskly takes {rate.limit} "
        f"{_per(rate.period_seconds)}. Try again in {wait} s; nothing was changed.",
        wait,
    )


def _per(period_seconds: int) -> str:
    return {60: "a minute", 3600: "an hour", 86_400: "a day"}[period_seconds]
