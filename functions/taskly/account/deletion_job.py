"""Deleting an account as a queued job: closed at once, then erased pass by pass.

``start_deletion`` marks the account, queues the first pass and closes every sign-in; the API
answers at once, however large the account. Each pass erases a bounded batch and queues the
next until nothing is left. A request already past the token check when sign-in closed (and
the trigger its write fires) can still write for a while, so the pass that finds nothing
left fails until ``settle_time()`` has passed since the request: Cloud Tasks tries it again
later, and that last run erases what such a write left and only then deletes the Auth user.
Passes are idempotent: a task dispatched twice, or a second request, does no harm.
"""

import contextlib
from datetime import timedelta

from firebase_admin import auth as firebase_auth
from pydantic import BaseModel, ConfigDict

from taskly.delivery.queue import enqueue
from taskly.platform import auth, settings
from taskly.sessions.revocation import end_all_sessions

# The task queue function in main.py.
DELETION_QUEUE = "deleteAccount"


class DeletionPass(BaseModel):
    """One pass of an account's deletion; ``number`` names its queued task."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    uid: str
    number: int = 0


def settle_time() -> timedelta:
    """How long after the request the last pass waits for writes already under way."""
    return timedelta(seconds=settings.ACCOUNT_DELETION_SETTLE_SECONDS.value)


def queue_pass(job: DeletionPass) -> None:
    enqueue(DELETION_QUEUE, job.model_dump(), f"account-deletion:{job.uid}:{job.number}")


def close_sign_in(uid: str) -> None:
    """No new sign-in, and every token issued so far refused, by the API and by the rules."""
    with contextlib.suppress(firebase_auth.UserNotFoundError):  # a finished deletion's
        auth.disable_user(uid)
        end_all_sessions(uid)
