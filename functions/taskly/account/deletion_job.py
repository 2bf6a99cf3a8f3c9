"""Deleting an account as a queued job: closed at once, then erased pass by pass.

``start_deletion`` marks the account, queues the first pass and closes every sign-in; the API
answers at once, however large the account. Each pass erases a bounded batch and queues the
next until nothing is left. A request already past the token check when sign-in closed (and
the trigger its write fires) can still write for a while, so the pass that finds nothing left
fails until SETTLE has passed since the request: Cloud Tasks tries it again later, and that
last run erases what such a write left and only then deletes the Auth user. Passes are
idempotent: a task dispatched twice, or a second request, does no harm.
"""

import contextlib
from datetime import datetime, timedelta
from typing import Any

from firebase_admin import auth as firebase_auth
from pydantic import BaseModel, ConfigDict, ValidationError

from taskly import auth
from taskly.account.erasure import erase_some
from taskly.delivery.queue import enqueue
from taskly.profiles.store import deletion_mark
from taskly.request_log import log_event, validation_problems
from taskly.sessions.revocation import end_all_sessions
from taskly.timestamps import utc_now

# The task queue function in main.py.
DELETION_QUEUE = "deleteAccount"
# Documents one pass deletes: a few batched commits, well inside the worker's timeout.
DOCUMENTS_PER_PASS = 1_000
# The API's timeout (60 s, main.py) bounds a request that passed the token check just before
# sign-in closed; the rest covers the trigger its last write fires.
SETTLE = timedelta(seconds=90)


class DeletionSettling(Exception):
    """Nothing is left but a late write may still land: failing makes Cloud Tasks retry."""


class DeletionPass(BaseModel):
    """One pass of an account's deletion; ``number`` names its queued task."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    uid: str
    number: int = 0


def _queue(job: DeletionPass) -> None:
    enqueue(DELETION_QUEUE, job.model_dump(), f"account-deletion:{job.uid}:{job.number}")


def _close_sign_in(uid: str) -> None:
    """No new sign-in, and every token issued so far refused, by the API and by the rules."""
    with contextlib.suppress(firebase_auth.UserNotFoundError):  # a finished deletion's
        auth.disable_user(uid)
        end_all_sessions(uid)


def start_deletion(uid: str, now: datetime) -> None:
    """Close the account and queue its erasure; the rest happens in the queue."""
    # The mark first: from now on no profile is created for it again.
    deletion_mark(uid).set({"requested_at": now})
    # Queued before sign-in closes: should closing fail, the first pass closes it; the other
    # way round a failed enqueue would lock the person out of an account nobody deletes.
    _queue(DeletionPass(uid=uid))
    _close_sign_in(uid)


def run_pass(data: Any) -> None:
    """Erase a batch of the account in a queued pass's payload and queue what comes next."""
    try:
        job = DeletionPass.model_validate(data)
    except ValidationError as error:
        log_event("ERROR", "queued job not valid", **validation_problems(error))
        return
    mark = deletion_mark(job.uid).get()
    if not mark.exists:
        log_event("ERROR", "account deletion without a request", uid=job.uid)
        return
    _close_sign_in(job.uid)
    erased = erase_some(job.uid, DOCUMENTS_PER_PASS)
    log_event("INFO", "account deletion pass", uid=job.uid, erased=erased)
    if erased == DOCUMENTS_PER_PASS:
        _queue(DeletionPass(uid=job.uid, number=job.number + 1))
        return
    settled_at = mark.get("requested_at") + SETTLE
    if utc_now() < settled_at:
        raise DeletionSettling(f"account {job.uid}: the last pass runs after {settled_at}")
    auth.delete_user(job.uid)
    log_event("INFO", "account deleted", uid=job.uid)
