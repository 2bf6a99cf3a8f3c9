"""``deliveries/{key}``: one record per message, claimed in a transaction before sending.

A duplicate event, a task dispatched twice or overlapping sweeps find the record and send
nothing. States: ``sending`` (claimed, lease running), ``sent``, ``failed`` (retryable or
not; a message past the day's budget is failed for good) and ``unknown`` (the request went
out but its answer never came). Records hold an address: a TTL policy on ``expires_at``
(firestore.indexes.json) removes them after KEPT_FOR, long after any retry of theirs.
"""

from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from google.api_core import retry
from google.api_core.exceptions import RetryError
from google.cloud import firestore

from taskly.platform.firestore_client import Contention, db, run_transaction

# Far longer than a send can take (the provider timeout is seconds), so a live claim is never
# taken over; a claim older than this belongs to a run that died mid-send.
LEASE = timedelta(minutes=5)
KEPT_FOR = timedelta(days=30)


class Claim(Enum):
    CLAIMED = "claimed"  # a new record: this message was never tried before
    RECLAIMED = "reclaimed"  # tried before, and nothing went out: try again
    ALREADY_SENT = "already_sent"
    IN_PROGRESS = "in_progress"
    UNKNOWN = "unknown"
    GAVE_UP = "gave_up"
    ACCOUNT_GONE = "account_gone"


# States after which the message is finished with: it is never sent (again).
SETTLED_STATES = frozenset({"sent", "unknown"})


def delivery_ref(key: str) -> firestore.DocumentReference:
    return db().collection("deliveries").document(key)


def is_settled(record: dict[str, Any] | None) -> bool:
    """The record's message went out, may have, or was refused for good."""
    if record is None:
        return False
    state = record.get("state")
    return state in SETTLED_STATES or (state == "failed" and not record.get("retryable", True))


def _claim(
    transaction: firestore.Transaction,
    key: str,
    record: dict[str, Any],
    owner: firestore.DocumentReference,
    now: datetime,
) -> Claim:
    ref = delivery_ref(key)
    snapshot = ref.get(transaction=transaction)
    # Read the owner inside the transaction: a deleted account is never sent to.
    if not owner.get(transaction=transaction).exists:
        return Claim.ACCOUNT_GONE
    if not snapshot.exists:
        transaction.create(
            ref,
            {
                **record,
                "created_at": now,
                "updated_at": now,
                "expires_at": now + KEPT_FOR,
                "state": "sending",
                "attempts": 1,
                "last_error": None,
                "retryable": True,
                "provider_id": None,
                "lease_until": now + LEASE,
            },
        )
        return Claim.CLAIMED
    existing = snapshot.to_dict() or {}
    state = existing.get("state")
    if state == "sent":
        return Claim.ALREADY_SENT
    if state == "unknown":
        return Claim.UNKNOWN
    if state == "failed" and not existing.get("retryable", True):
        return Claim.GAVE_UP
    if state == "sending":
        lease_until = existing.get("lease_until")
        if lease_until is not None and lease_until > now:
            return Claim.IN_PROGRESS
        # The claimer died between sending and recording: the message may be out.
        transaction.update(
            ref, {"state": "unknown", "last_error": "claim expired mid-send", "updated_at": now}
        )
        return Claim.UNKNOWN
    transaction.update(
        ref,
        {
            "state": "sending",
            "attempts": firestore.Increment(1),
            "lease_until": now + LEASE,
            "updated_at": now,
        },
    )
    return Claim.RECLAIMED


# Claims racing for one record can all lose their transactions at once (each holds a read
# the other wants to write over); tried again a moment apart, one wins and the rest see it.
_RETRIED_ON_CONTENTION = retry.Retry(
    predicate=retry.if_exception_type(Contention), initial=0.05, maximum=1.0, timeout=10.0
)


def claim(
    key: str, record: dict[str, Any], owner: firestore.DocumentReference, now: datetime
) -> Claim:
    """Take the right to send ``key``, or say why not."""
    try:
        return _RETRIED_ON_CONTENTION(run_transaction)(_claim, key, record, owner, now)
    except RetryError:
        return Claim.IN_PROGRESS  # others kept claiming this record: the queue tries later


def read(key: str) -> dict[str, Any] | None:
    snapshot = delivery_ref(key).get()
    return snapshot.to_dict() if snapshot.exists else None


def read_all(keys: list[str]) -> dict[str, dict[str, Any]]:
    """The records that exist among ``keys``, in one round trip: key -> record."""
    snapshots = db().get_all([delivery_ref(key) for key in keys])
    return {snapshot.id: snapshot.to_dict() or {} for snapshot in snapshots if snapshot.exists}


def _finish(key: str, changes: dict[str, Any], now: datetime) -> None:
    delivery_ref(key).update({**changes, "lease_until": None, "updated_at": now})


def record_sent(key: str, provider_id: str, now: datetime) -> None:
    _finish(key, {"state": "sent", "provider_id": provider_id, "last_error": None}, now)


def record_failed(key: str, error: str, retryable: bool, now: datetime) -> None:
    _finish(key, {"state": "failed", "last_error": error, "retryable": retryable}, now)


def record_unknown(key: str, error: str, now: datetime) -> None:
    _finish(key, {"state": "unknown", "last_error": error}, now)


def record_settled(key: str, record: dict[str, Any], now: datetime) -> None:
    """The record of a message sent in parts (a push to each device, under keys of their
    own) once every part is settled: never claimed, only read to see the message is done."""
    delivery_ref(key).set(
        {
            **record,
            "state": "sent",
            "parts": True,
            "created_at": now,
            "updated_at": now,
            "expires_at": now + KEPT_FOR,
        }
    )
