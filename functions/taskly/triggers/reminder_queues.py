"""What the reminder queues' tasks do: fan a sweep page out, deliver one message, or ask
Cloud Tasks to retry."""

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import ValidationError

from taskly.delivery.send_once import TRY_AGAIN, Outcome
from taskly.platform.request_log import log_event, validation_problems
from taskly.reminders.confirmation_delivery import deliver_confirmation
from taskly.reminders.digest_delivery import deliver_digest
from taskly.reminders.fan_out import queue_digests
from taskly.reminders.jobs import DigestBatchJob, DigestJob, TimedReminderJob, read_job
from taskly.reminders.timed_delivery import deliver_timed


class DeliveryDeferred(Exception):
    """Nothing was sent for a passing reason; failing the task makes Cloud Tasks retry it."""


JobT = TypeVar("JobT")


def _valid(read: Callable[[Any], JobT], data: Any) -> JobT | None:
    try:
        return read(data)
    except ValidationError as error:
        # Retrying can't fix a malformed job: log it and let the task end.
        log_event("ERROR", "queued job not valid", **validation_problems(error))
        return None


def deliver(data: Any) -> Outcome | None:
    """Run the delivery job in a channel queue task's payload."""
    job = _valid(read_job, data)
    if job is None:
        return None
    if isinstance(job, DigestJob):
        outcome = deliver_digest(job)
    elif isinstance(job, TimedReminderJob):
        outcome = deliver_timed(job)
    else:
        outcome = deliver_confirmation(job)
    log_event(
        "INFO",
        "delivery",
        kind=job.kind,
        uid=job.uid,
        channel=job.channel,
        outcome=outcome.value if outcome else None,
    )
    if outcome in TRY_AGAIN:
        raise DeliveryDeferred(f"{job.kind} for {job.uid} by {job.channel}: {outcome.value}")
    return outcome


def fan_out(data: Any) -> int:
    """Queue the digests of one sweep page; how many were new."""
    batch = _valid(DigestBatchJob.model_validate, data)
    if batch is None:
        return 0
    queued = queue_digests(batch)
    log_event("INFO", "digests queued", jobs=len(batch.jobs), queued=queued)
    return queued
