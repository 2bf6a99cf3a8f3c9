"""The write limit of one person, kept in ``rate_limits/{uid}``.

Functions come and go, and requests of one person land on any instance, so the bucket lives
in Firestore and is spent in a transaction: a counter in one instance's memory would let N
instances allow N times the rate. It costs one read and one write per write request.
"""

from datetime import datetime

from google.cloud import firestore

from taskly.errors import LimitReached
from taskly.firestore_client import Contention, db, run_transaction
from taskly.limits import WRITE_BURST, WRITES_PER_MINUTE
from taskly.ratelimit.bucket import Bucket, Decision, take


def _spend(transaction: firestore.Transaction, uid: str, now: datetime) -> Decision:
    ref = db().collection("rate_limits").document(uid)
    stored = ref.get(transaction=transaction).to_dict()
    bucket = Bucket(stored["tokens"], stored["updated_at"]) if stored else None
    decision = take(bucket, now, per_second=WRITES_PER_MINUTE / 60, burst=WRITE_BURST)
    if decision.allowed:
        transaction.set(
            ref, {"tokens": decision.bucket.tokens, "updated_at": decision.bucket.updated_at}
        )
    return decision


def spend_write(uid: str, now: datetime) -> None:
    """Allow one write for ``uid`` or raise LimitReached with the wait."""
    try:
        decision = run_transaction(_spend, uid, now)
    except Contention:
        # Many writes of one person at the same instant: that is what the limit is for.
        raise LimitReached(
            "Taskly is busy with your other changes. Try again in 1 s; nothing was changed.", 1
        ) from None
    if not decision.allowed:
        raise LimitReached(
            f"That's a lot of changes at once: Taskly takes {WRITES_PER_MINUTE} a minute. "
            f"Try again in {decision.retry_after_seconds} s; nothing was changed.",
            decision.retry_after_seconds,
        )
