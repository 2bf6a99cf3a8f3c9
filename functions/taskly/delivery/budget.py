"""What Taskly may send in a UTC day: per account and channel, and texts for everybody.

Every message (digest, confirmation, verification code) is counted once, right after its
ledger record was created: a retry or a duplicate of the same message finds the record and
counts nothing more. Counting is an atomic increment that returns the new count, with no
transaction, so a person's messages going out at once don't queue behind each other; one
past the budget is taken back out and not sent. Confirmations stop ``KEPT_FOR_DIGESTS``
short of the account's budget, so flipping switches can't use up the day's digests.

The project's texts are counted on shards: every text in the project adds to it, and one
document takes about one sustained write a second. Their sum is read (one aggregation)
before a text is counted, so texts going out at once can pass the budget by at most the
number in flight, which the SMS queue caps.
"""

import random
from datetime import datetime, timedelta
from typing import Any

from google.cloud import firestore

from taskly.platform import settings
from taskly.platform.firestore_client import db
from taskly.platform.request_log import log_event
from taskly.vocabulary.limits import (
    EMAILS_PER_ACCOUNT_PER_DAY,
    KEPT_FOR_DIGESTS,
    PUSHES_PER_ACCOUNT_PER_DAY,
    TEXTS_PER_ACCOUNT_PER_DAY,
)

PER_ACCOUNT = {
    "email": EMAILS_PER_ACCOUNT_PER_DAY,
    "sms": TEXTS_PER_ACCOUNT_PER_DAY,
    "push": PUSHES_PER_ACCOUNT_PER_DAY,
}
SMS_SHARDS = 10
# Counters outlive their day a little (a late retry still finds its day's count); a TTL
# policy on expires_at (firestore.indexes.json) removes them afterwards.
KEPT_FOR = timedelta(days=2)
# The logs warn once the project's texts of the day pass this share of the budget.
SMS_WARNING_SHARE = 0.8


def account_budget_ref(uid: str, now: datetime) -> firestore.DocumentReference:
    return db().document(f"users/{uid}/message_budget/{now.date().isoformat()}")


def _sms_shards(now: datetime) -> firestore.CollectionReference:
    return db().collection(f"sms_budget/{now.date().isoformat()}/shards")


def allowance(channel: str, template: str) -> int:
    """How many messages on ``channel`` the account may have been sent today, this one
    included, when this one is a ``template``."""
    budget = PER_ACCOUNT[channel]
    return budget - KEPT_FOR_DIGESTS if template == "confirmation" else budget


def texts_sent_today(now: datetime) -> int:
    """Every text the project sent today (the shards' sum, one aggregation read)."""
    value = _sms_shards(now).sum("sent").get()[0][0].value
    return int(value or 0)


def sms_budget_left(now: datetime) -> bool:
    """Whether the project may text once more today; logs a warning as the budget nears."""
    sent, budget = texts_sent_today(now), settings.SMS_DAILY_BUDGET.value
    if sent >= budget:
        log_event("ERROR", "sms daily budget spent", sent=sent, budget=budget)
        return False
    if sent >= budget * SMS_WARNING_SHARE:
        log_event("WARNING", "sms daily budget nearly spent", sent=sent, budget=budget)
    return True


def _add_to_account(uid: str, channel: str, by: int, now: datetime) -> int:
    """Add ``by`` to the account's count of the day on ``channel``; the count after it."""
    counts = {channel: firestore.Increment(by), "expires_at": now + KEPT_FOR}
    result = account_budget_ref(uid, now).set(counts, merge=True)
    return int(result.transform_results[0].integer_value)


def take(record: dict[str, Any], now: datetime) -> bool:
    """Count one message of ``record``'s kind against the budgets; False (and nothing
    counted) when a budget is spent."""
    uid, channel = record["uid"], record["channel"]
    if channel == "sms" and not sms_budget_left(now):
        return False
    if _add_to_account(uid, channel, 1, now) > allowance(channel, record["template"]):
        _add_to_account(uid, channel, -1, now)
        log_event("WARNING", "account message budget spent", uid=uid, channel=channel)
        return False
    if channel == "sms":
        shard = _sms_shards(now).document(str(random.randrange(SMS_SHARDS)))
        shard.set({"sent": firestore.Increment(1), "expires_at": now + KEPT_FOR}, merge=True)
    return True
