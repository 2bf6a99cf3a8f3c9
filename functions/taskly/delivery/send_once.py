"""Send a message at most once per key, retrying passing provider faults with backoff."""

from enum import Enum
from typing import Any

from google.cloud import firestore
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from taskly.delivery import ledger
from taskly.delivery.messages import (
    Email,
    Message,
    ProviderError,
    message_from_record,
    message_to_record,
)
from taskly.delivery.sendgrid_email import send_email
from taskly.delivery.twilio_sms import send_sms
from taskly.profiles import profile_ref
from taskly.request_log import log_event
from taskly.timestamps import utc_now

ATTEMPTS_PER_RUN = 3


class Outcome(Enum):
    SENT = "sent"
    ALREADY_SENT = "already_sent"
    BUSY = "busy"  # another run holds the claim right now
    ACCOUNT_GONE = "account_gone"
    RETRY_LATER = "retry_later"  # a passing fault; the record stays claimable
    FAILED = "failed"  # refused for good; retrying would not help


_CLAIM_OUTCOMES = {
    ledger.Claim.ALREADY_SENT: Outcome.ALREADY_SENT,
    ledger.Claim.IN_PROGRESS: Outcome.BUSY,
    ledger.Claim.GAVE_UP: Outcome.FAILED,
    ledger.Claim.ACCOUNT_GONE: Outcome.ACCOUNT_GONE,
}


def _retryable(error: BaseException) -> bool:
    return isinstance(error, ProviderError) and error.retryable


def _retrying() -> Retrying:
    return Retrying(
        stop=stop_after_attempt(ATTEMPTS_PER_RUN),
        wait=wait_exponential(multiplier=0.25, max=2),
        retry=retry_if_exception(_retryable),
        reraise=True,
    )


def _send(message: Message) -> str:
    return send_email(message) if isinstance(message, Email) else send_sms(message)


def send_once(
    key: str,
    record: dict[str, Any],
    owner: firestore.DocumentReference,
    message: Message,
    *,
    resend_later: bool = False,
) -> Outcome:
    """Claim ``deliveries/{key}``, send (retrying), and record what happened.

    With ``resend_later``, a message that still meets a passing fault is kept in
    its record and sent again by the next sweep.
    """
    claim, attempts = ledger.claim(key, record, owner, utc_now())
    if claim is not ledger.Claim.CLAIMED:
        return _CLAIM_OUTCOMES[claim]
    try:
        for attempt in _retrying():
            with attempt:
                attempts += 1
                provider_id = _send(message)
    except ProviderError as error:
        outbox = message_to_record(message) if resend_later else None
        ledger.record_failed(key, str(error), attempts, error.retryable, utc_now(), outbox)
        log_event("WARNING", "delivery failed", key=key, attempts=attempts, error=str(error))
        return Outcome.RETRY_LATER if error.retryable else Outcome.FAILED
    ledger.record_sent(key, provider_id, attempts, utc_now())
    return Outcome.SENT


def resend_failed() -> dict[str, int]:
    """Send again what earlier runs kept for a resend; counts per outcome."""
    counts: dict[str, int] = {}
    for snapshot in ledger.awaiting_resend().stream():
        record = snapshot.to_dict() or {}
        if not record.get("outbox") or not record.get("uid"):
            continue
        message = message_from_record(record["outbox"])
        outcome = send_once(snapshot.id, {}, profile_ref(record["uid"]), message, resend_later=True)
        counts[outcome.value] = counts.get(outcome.value, 0) + 1
    return counts
