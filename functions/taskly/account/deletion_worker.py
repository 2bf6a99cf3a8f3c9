"""The deletion queue's worker: one pass of an account's erasure (``deletion_job``)."""

from typing import Any

from pydantic import ValidationError

from taskly.account.deletion_job import (
    DeletionPass,
    close_sign_in,
    queue_pass,
    settle_time,
)
from taskly.account.erasure import erase_some
from taskly.platform import auth
from taskly.platform.request_log import log_event, validation_problems
from taskly.profiles.store import deletion_mark
from taskly.vocabulary.timestamps import utc_now

# Documents one pass deletes: a few batched commits, well inside the worker's timeout.
DOCUMENTS_PER_PASS = 1_000


class DeletionSettling(Exception):
    """Nothing is left but a late write may still land: failing makes Cloud Tasks retry."""


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
    close_sign_in(job.uid)
    erased = erase_some(job.uid, DOCUMENTS_PER_PASS)
    log_event("INFO", "account deletion pass", uid=job.uid, erased=erased)
    if erased == DOCUMENTS_PER_PASS:
        queue_pass(DeletionPass(uid=job.uid, number=job.number + 1))
        return
    settled_at = mark.get("requested_at") + settle_time()
    if utc_now() < settled_at:
        raise DeletionSettling(f"account {job.uid}: the last pass runs after {settled_at}")
    auth.delete_user(job.uid)
    log_event("INFO", "account deleted", uid=job.uid)
