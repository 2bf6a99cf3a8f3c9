"""Confirmations waiting to be queued, kept beside the task they confirm.

A switch's confirmations are written in the same transaction as the switch itself, so they
exist exactly when the change does. The task trigger queues them at once and removes them;
when queueing fails (Cloud Tasks down, the trigger cut short: Firestore triggers are not
retried), the entry stays and the scheduled sweep queues it. The queue task is named after
the entry, so an entry queued twice still sends once.
"""

from datetime import datetime, timedelta

from google.cloud import firestore
from pydantic import ValidationError

from taskly.delivery.queue import enqueue_delivery
from taskly.platform.firestore_client import Snapshot, db
from taskly.platform.request_log import log_event, validation_problems
from taskly.reminders.jobs import ConfirmationJob, confirmation_task_name, job_payload
from taskly.tasks.document import Task
from taskly.tasks.refs import task_ref
from taskly.vocabulary.channels import CHANNELS, CONFIRMED_CHANNELS, Channel

OUTBOX = "confirmation_outbox"
# An entry older than this was not queued by its trigger: the sweep queues it.
LEFT_BEHIND_AFTER = timedelta(minutes=2)
# Entries the sweep queues in one run; any more wait for the next run.
LEFT_BEHIND_PAGE = 500


def outbox_of(uid: str, task_id: str) -> firestore.CollectionReference:
    return task_ref(uid, task_id).collection(OUTBOX)


def channel_changes(before: Task | None, after: Task) -> dict[Channel, bool]:
    """Channels whose switch moved in this write: channel -> now on."""
    return {
        channel: after.notifies(channel)
        for channel in CHANNELS
        if (before is not None and before.notifies(channel)) != after.notifies(channel)
    }


def record_confirmations(
    transaction: firestore.Transaction, uid: str, before: Task, after: Task, now: datetime
) -> None:
    """Add the confirmations of this change to the task's outbox, in the change's transaction."""
    if after.reminder_change_source == "unsubscribe":
        return  # confirmed on the link's page, not by more email
    for channel, on in channel_changes(before, after).items():
        if channel not in CONFIRMED_CHANNELS:
            continue
        ref = outbox_of(uid, after.id).document()
        job = ConfirmationJob(
            uid=uid,
            channel=channel,
            event_id=ref.id,
            task_id=after.id,
            description=after.description,
            turned_on=on,
            channels_on=list(after.channels_on),
            changed_at=now,
        )
        transaction.create(ref, {"job": job_payload(job), "created_at": now})


def _queue(entry: Snapshot) -> None:
    try:
        job = ConfirmationJob.model_validate(entry.get("job"))
    except ValidationError as error:
        # It would never become valid: say what was wrong (never the values) and drop it.
        log_event("ERROR", "outbox entry not valid", entry=entry.id, **validation_problems(error))
    else:
        enqueue_delivery(job.channel, job_payload(job), confirmation_task_name(job))
    entry.reference.delete()


def queue_task_outbox(uid: str, task_id: str) -> int:
    """Queue every confirmation waiting beside the task; how many. A failure raises, and
    what is left waits for the sweep."""
    entries = list(outbox_of(uid, task_id).stream())
    for entry in entries:
        _queue(entry)
    return len(entries)


def queue_left_behind(now: datetime) -> int:
    """Queue the confirmations their trigger did not; how many. One that fails again stays
    for the next sweep, and does not hold the others back."""
    stale = (
        db()
        .collection_group(OUTBOX)
        .where(filter=firestore.FieldFilter("created_at", "<=", now - LEFT_BEHIND_AFTER))
        .limit(LEFT_BEHIND_PAGE)
    )
    queued = 0
    for entry in stale.stream():
        try:
            _queue(entry)
        except Exception as error:
            # Any fault of the queue leaves the entry for the next sweep.
            log_event(
                "WARNING", "confirmation not queued", entry=entry.id, error=type(error).__name__
            )
            continue
        queued += 1
    return queued
