"""Send a message at most once per key, retrying passing provider faults with backoff."""

from collections.abc import Callable
from enum import Enum
from typing import Any

from google.cloud import firestore
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential

from taskly.delivery import ledger
from taskly.delivery.messages import ProviderError
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


def send_once(
    key: str,
    record: dict[str, Any],
    owner: firestore.DocumentReference,
    send: Callable[[], str],
) -> Outcome:
    """Claim ``deliveries/{key}``, call ``send`` (retrying), and record what happened."""
    claim, attempts = ledger.claim(key, record, owner, utc_now())
    if claim is not ledger.Claim.CLAIMED:
        return _CLAIM_OUTCOMES[claim]
    try:
        for attempt in _retrying():
            with attempt:
                attempts += 1
                provider_id = send()
    except ProviderError as error:
        ledger.record_failed(key, str(error), attempts, error.retryable, utc_now())
        log_event("WARNING", "delivery failed", key=key, attempts=attempts, error=str(error))
        return Outcome.RETRY_LATER if error.retryable else Outcome.FAILED
    ledger.record_sent(key, provider_id, attempts, utc_now())
    return Outcome.SENT
