"""Cloud Functions entry points: each wires one trigger to the taskly package."""

from collections.abc import Callable
from typing import Any

import flask
import functions_framework
from firebase_functions import firestore_fn, https_fn, options, params, scheduler_fn, tasks_fn
from flask import Response
from werkzeug.exceptions import NotFound

from taskly.account.deletion_worker import run_pass as run_deletion_pass
from taskly.api.app import handle
from taskly.platform import settings
from taskly.platform.firestore_client import Snapshot
from taskly.platform.runtime_guard import refuse_emulator_settings
from taskly.reminders.sweep import run_sweep
from taskly.tasks.writes import TaskWrite
from taskly.triggers.reminder_queues import deliver, fan_out
from taskly.triggers.task_written import handle_task_write

refuse_emulator_settings()

options.set_global_options(region="us-central1", max_instances=10)


# A whole CPU (the gen-1 default is 0.58 vCPU serving one request at a time). 16 requests at
# once: they mostly wait on Firestore, and functions-framework serves them with THREADS
# threads (functions/.env; its default is 4 per CPU). 1 GiB holds the runtime (~150 MB) and
# DECODES_AT_ONCE picture decodes of ~130 MiB each at most (limits.py; 16 uploads at once:
# ~480 MiB).
@https_fn.on_request(
    cpu=1,
    concurrency=16,
    memory=options.MemoryOption.GB_1,
    timeout_sec=60,
    secrets=settings.API_SECRETS,
)
def api(request: https_fn.Request) -> https_fn.Response:
    """The HTTP API, served by Hosting at /api/**."""
    return handle(request)


# functions-framework routes requests to a function by a URL rule that no path with a line
# break (a task id with %0A) matches, and would answer those with Flask's HTML 404: the API
# routes them itself and answers in its own shape.
@functions_framework.errorhandler(NotFound)  # type: ignore[untyped-decorator]
def _unrouted(error: NotFound) -> Response:
    return handle(flask.request)


@firestore_fn.on_document_written(document="users/{uid}/tasks/{task_id}")
def on_task_written(
    event: firestore_fn.Event[firestore_fn.Change[Snapshot | None]],
) -> None:
    """Counts the write in the person's progress, records reminders turning on or off in the
    feed and queues their confirmations."""
    before, after = event.data.before, event.data.after
    write = TaskWrite(
        event_id=event.id,
        uid=event.params["uid"],
        task_id=event.params["task_id"],
        before=before.to_dict() if before is not None else None,
        after=after.to_dict() if after is not None else None,
    )
    handle_task_write(write)


# The sweep only reads due tasks a page at a time and queues deliveries: small and quick.
# Every minute, so a reminder at a task's time arrives within a minute of it. With nothing
# due a sweep is two indexed queries that find nothing (one billed read each).
@scheduler_fn.on_schedule(
    schedule="every 1 minutes",
    memory=options.MemoryOption.MB_512,
    timeout_sec=540,
    retry_count=3,
)
def send_reminders(event: scheduler_fn.ScheduledEvent) -> None:
    """Queues the reminders (digests and timed ones) due at the scheduled time."""
    run_sweep(event.schedule_time)


_DELIVERY_RETRIES = options.RetryConfig(
    max_attempts=settings.DELIVERY_ATTEMPTS,
    min_backoff_seconds=settings.DELIVERY_MIN_BACKOFF_SECONDS,
    max_backoff_seconds=600,
)


# One task per sweep page: it queues that page's deliveries, many queues at once.
@tasks_fn.on_task_dispatched(
    retry_config=_DELIVERY_RETRIES,
    rate_limits=options.RateLimits(max_concurrent_dispatches=20, max_dispatches_per_second=50),
    cpu=1,
    concurrency=4,
    memory=options.MemoryOption.MB_512,
    timeout_sec=300,
)
def queueDigests(request: tasks_fn.CallableRequest[Any]) -> None:
    """Queues the digests found on one page of the sweep."""
    fan_out(request.data)


# Task queue names are the function names, which is why they carry no underscore. A delivery
# mostly waits on Firestore and the provider: 16 at once per instance (THREADS in .env) on a
# whole CPU, so the 10 instances cover the queue's dispatches at once.
def _delivery_queue(
    at_once: params.IntParam, per_second: params.IntParam, secrets: list[params.SecretParam]
) -> Callable[[Callable[[tasks_fn.CallableRequest[Any]], Any]], https_fn.Response]:
    return tasks_fn.on_task_dispatched(
        retry_config=_DELIVERY_RETRIES,
        rate_limits=options.RateLimits(
            max_concurrent_dispatches=at_once, max_dispatches_per_second=per_second
        ),
        cpu=1,
        concurrency=16,
        memory=options.MemoryOption.MB_512,
        timeout_sec=60,
        secrets=secrets,
    )


@_delivery_queue(
    settings.EMAIL_SENDS_AT_ONCE, settings.EMAIL_SENDS_PER_SECOND, settings.EMAIL_SECRETS
)
def deliverEmail(request: tasks_fn.CallableRequest[Any]) -> None:
    """Sends one queued email (a digest or a confirmation) through SendGrid."""
    deliver(request.data)


@_delivery_queue(settings.SMS_SENDS_AT_ONCE, settings.SMS_SENDS_PER_SECOND, settings.SMS_SECRETS)
def deliverSms(request: tasks_fn.CallableRequest[Any]) -> None:
    """Sends one queued text (a digest or a confirmation) through Twilio."""
    deliver(request.data)


@_delivery_queue(settings.PUSH_SENDS_AT_ONCE, settings.PUSH_SENDS_PER_SECOND, settings.PUSH_SECRETS)
def deliverPush(request: tasks_fn.CallableRequest[Any]) -> None:
    """Sends one queued notification (a digest or a reminder) to each of a person's devices."""
    deliver(request.data)


# One pass per task: a bounded batch of an account's documents, then the next pass. A failed
# pass, or the last one waiting out the deletion's settling time, is tried again 10, 20, 30 s...
# later (DELETION_RETRY_SECONDS, no doubling), for days: an account asked to be deleted is
# never left half deleted.
@tasks_fn.on_task_dispatched(
    retry_config=options.RetryConfig(
        max_attempts=200,
        min_backoff_seconds=settings.DELETION_RETRY_SECONDS,
        max_backoff_seconds=3600,
        max_doublings=0,
    ),
    rate_limits=options.RateLimits(max_concurrent_dispatches=10, max_dispatches_per_second=10),
    memory=options.MemoryOption.MB_512,
    timeout_sec=300,
)
def deleteAccount(request: tasks_fn.CallableRequest[Any]) -> None:
    """Erases one batch of an account being deleted and queues what comes next."""
    run_deletion_pass(request.data)
