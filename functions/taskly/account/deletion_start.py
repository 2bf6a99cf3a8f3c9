"""Asking for an account's deletion: the API's side of the deletion job (``deletion_job``)."""

from datetime import datetime

from taskly.account.deletion_job import DeletionPass, close_sign_in, queue_pass
from taskly.profiles.store import deletion_mark


def start_deletion(uid: str, now: datetime) -> None:
    """Close the account and queue its erasure; the rest happens in the queue."""
    # The mark first: from now on no profile is created for it again.
    deletion_mark(uid).set({"requested_at": now})
    # Queued before sign-in closes: should closing fail, the first pass closes it; the other
    # way round a failed enqueue would lock the person out of an account nobody deletes.
    queue_pass(DeletionPass(uid=uid))
    close_sign_in(uid)
