"""Send a message at most once per key: claim it in the ledger, send, record the outcome."""

from enum import Enum
from typing import Any

from google.cloud import firestore

from taskly.delivery import budget, ledger
from taskly.delivery.messages import (
    Email,
    Message,
    OutcomeUnknown,
    ProviderError,
    Push,
    SubscriptionGone,
)
from taskly.delivery.sendgrid_email import send_email
from taskly.delivery.twilio_sms import send_sms
from taskly.delivery.web_push import send_push
from taskly.platform.request_log import log_event
from taskly.vocabulary.timestamps import utc_now


class Outcome(Enum):
    SENT = "sent"
    ALREADY_SENT = "already_sent"
    UNKNOWN = "unknown"  # may have gone out; never sent again automatically
    FAILED = "failed"  # refused for good; retrying would not help
    BUSY = "busy"  # another run holds the claim right now
    RETRY_LATER = "retry_later"  # a passing fault: nothing went out, try again
    ACCOUNT_GONE = "account_gone"
    OVER_BUDGET = "over_budget"  # the day's budget for the account or for texts is spent
    GONE = "gone"  # the push service dropped the device's subscription: remove the device


OVER_BUDGET_ERROR = "over the daily message budget"

# After these, the message is finished with for good.
SETTLED = frozenset(
    {
        Outcome.SENT,
        Outcome.ALREADY_SENT,
        Outcome.UNKNOWN,
        Outcome.FAILED,
        Outcome.OVER_BUDGET,
        Outcome.GONE,
    }
)
# After these, the caller should try again later (the task queue retries with backoff).
TRY_AGAIN = frozenset({Outcome.BUSY, Outcome.RETRY_LATER})

_CLAIM_OUTCOMES = {
    ledger.Claim.ALREADY_SENT: Outcome.ALREADY_SENT,
    ledger.Claim.UNKNOWN: Outcome.UNKNOWN,
    ledger.Claim.IN_PROGRESS: Outcome.BUSY,
    ledger.Claim.GAVE_UP: Outcome.FAILED,
    ledger.Claim.ACCOUNT_GONE: Outcome.ACCOUNT_GONE,
}


def _send(message: Message) -> str:
    if isinstance(message, Email):
        return send_email(message)
    if isinstance(message, Push):
        return send_push(message)
    return send_sms(message)


def send_once(
    key: str, record: dict[str, Any], owner: firestore.DocumentReference, message: Message
) -> Outcome:
    """Claim ``deliveries/{key}``, make one provider call, and record what happened."""
    claim = ledger.claim(key, record, owner, utc_now())
    if claim not in (ledger.Claim.CLAIMED, ledger.Claim.RECLAIMED):
        return _CLAIM_OUTCOMES[claim]
    # Counted when the message is first tried; a retry was counted then.
    if claim is ledger.Claim.CLAIMED and not budget.take(record, utc_now()):
        # Failed for good: settled, so the other channel's digest sees this one finished.
        ledger.record_failed(key, OVER_BUDGET_ERROR, False, utc_now())
        return Outcome.OVER_BUDGET
    try:
        provider_id = _send(message)
    except ProviderError as error:
        ledger.record_failed(key, str(error), error.retryable, utc_now())
        log_event("WARNING", "delivery failed", key=key, error=str(error))
        if isinstance(error, SubscriptionGone):
            return Outcome.GONE
        return Outcome.RETRY_LATER if error.retryable else Outcome.FAILED
    except OutcomeUnknown as error:
        # The provider may have accepted it. Sending again could mean a second identical
        # message to the person, which is worse than a missed one: at most once.
        ledger.record_unknown(key, str(error), utc_now())
        log_event("ERROR", "delivery outcome unknown", key=key, error=str(error))
        return Outcome.UNKNOWN
    ledger.record_sent(key, provider_id, utc_now())
    return Outcome.SENT
