"""Handing work to Cloud Tasks: one queue per channel and one that fans digests out, with
named tasks so that Cloud Tasks itself drops duplicates."""

import hashlib
import os
from datetime import datetime
from typing import Any

from firebase_admin import exceptions, functions

from taskly.platform import auth
from taskly.vocabulary.channels import Channel

# Queue names are the task queue functions' names in main.py. A channel's queue holds the
# provider's rate limits; the fan-out queue turns one sweep page into its deliveries.
DELIVERY_QUEUES: dict[Channel, str] = {
    "email": "deliverEmail",
    "sms": "deliverSms",
    "push": "deliverPush",
}
FAN_OUT_QUEUE = "queueDigests"


def task_name(key: str) -> str:
    """A Cloud Tasks id for ``key``: hashed first, as Cloud Tasks asks for names that do
    not share a sequential prefix, and because keys hold characters ids may not."""
    return hashlib.sha256(key.encode()).hexdigest()[:40]


def enqueue(queue_name: str, job: dict[str, Any], key: str, at: datetime | None = None) -> bool:
    """Queue ``job`` once per ``key`` (to run at ``at``, else now); False when a task of that
    name was already queued."""
    queue = functions.task_queue(queue_name, app=auth.app())
    options = functions.TaskOptions(task_id=task_name(key), schedule_time=at)
    try:
        # The Admin SDK posts its argument as the body as is, while the Python task handler
        # reads {"data": ...} (as the JS SDK sends it): wrap the job the way the handler expects.
        queue.enqueue({"data": job}, options)
    except (exceptions.AlreadyExistsError, exceptions.ConflictError):
        return False  # Cloud Tasks answers 409 for a name already used: it is queued
    except ValueError as error:
        # The emulator echoes a named task without the leading "/" firebase-admin strips, so
        # reading the reply fails after the task was queued (the emulator only).
        if "CLOUD_TASKS_EMULATOR_HOST" not in os.environ or "resource name" not in str(error):
            raise
    return True


def enqueue_delivery(
    channel: Channel, job: dict[str, Any], key: str, at: datetime | None = None
) -> bool:
    return enqueue(DELIVERY_QUEUES[channel], job, key, at)
