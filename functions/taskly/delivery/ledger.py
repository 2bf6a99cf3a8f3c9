"""``deliveries/{key}``: one record per message, claimed in a transaction before sending.

A duplicate trigger event, a retried or overlapping sweep finds the record and sends
nothing; a message that failed for a passing reason can be claimed again later.
"""

from datetime import datetime, timedelta
from enum import Enum
from typing import Any

from google.cloud import firestore

from taskly.firestore_client import db

LEASE = timedelta(minutes=5)


class Claim(Enum):
    CLAIMED = "claimed"
    ALREADY_SENT = "already_sent"
    IN_PROGRESS = "in_progress"
    GAVE_UP = "gave_up"
    ACCOUNT_GONE = "account_gone"


def delivery_ref(key: str) -> firestore.DocumentReference:
    return db().collection("deliveries").document(key)


RESEND_BATCH = 50


def awaiting_resend() -> firestore.Query:
    """Failed sends kept for another try, a bounded batch per sweep (indexed)."""
    query = db().collection("deliveries").where(filter=firestore.FieldFilter("resend", "==", True))
    return query.limit(RESEND_BATCH)


def _claim(
    transaction: firestore.Transaction,
    key: str,
    record: dict[str, Any],
    owner: firestore.DocumentReference,
    now: datetime,
) -> tuple[Claim, int]:
    ref = delivery_ref(key)
    snapshot = ref.get(transaction=transaction)
    # Read the owner inside the transaction: a deleted account is never sent to.
    if not owner.get(transaction=transaction).exists:
        return Claim.ACCOUNT_GONE, 0
    attempts = 0
    if snapshot.exists:
        existing = snapshot.to_dict() or {}
        attempts = int(existing.get("attempts", 0))
        state = existing.get("state")
        if state == "sent":
            return Claim.ALREADY_SENT, attempts
        if state == "sending" and existing.get("lease_until") and existing["lease_until"] > now:
            return Claim.IN_PROGRESS, attempts
        if state == "failed" and not existing.get("retryable", True):
            return Claim.GAVE_UP, attempts
        transaction.update(ref, {"state": "sending", "lease_until": now + LEASE, "updated_at": now})
        return Claim.CLAIMED, attempts
    transaction.create(
        ref,
        {
            **record,
            "state": "sending",
            "attempts": 0,
            "last_error": None,
            "retryable": True,
            "provider_id": None,
            "lease_until": now + LEASE,
            "created_at": now,
            "updated_at": now,
        },
    )
    return Claim.CLAIMED, 0


def claim(
    key: str, record: dict[str, Any], owner: firestore.DocumentReference, now: datetime
) -> tuple[Claim, int]:
    """Take the right to send ``key``; the outcome and the attempts made so far."""
    return firestore.transactional(_claim)(db().transaction(), key, record, owner, now)


def record_sent(key: str, provider_id: str, attempts: int, now: datetime) -> None:
    delivery_ref(key).update(
        {
            "state": "sent",
            "resend": False,
            "outbox": None,
            "provider_id": provider_id,
            "attempts": attempts,
            "last_error": None,
            "lease_until": None,
            "updated_at": now,
        }
    )


def record_failed(
    key: str,
    error: str,
    attempts: int,
    retryable: bool,
    now: datetime,
    outbox: dict[str, Any] | None = None,
) -> None:
    """Record a failed send; with ``outbox``, the sweep sends it again later."""
    delivery_ref(key).update(
        {
            "state": "failed",
            "resend": retryable and outbox is not None,
            "outbox": outbox if retryable else None,
            "last_error": error,
            "retryable": retryable,
            "attempts": attempts,
            "lease_until": None,
            "updated_at": now,
        }
    )
