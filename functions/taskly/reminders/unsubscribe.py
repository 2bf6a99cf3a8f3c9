"""Stopping a person's email reminders from a signed link, without signing in."""

from datetime import datetime

from google.cloud import firestore

from taskly.errors import NotFound
from taskly.reminders.outbox import QUIET_SOURCE
from taskly.reminders.unsubscribe_token import UnsubscribeRequest
from taskly.tasks.store import change_task, tasks_of


def stop_email_reminders(request: UnsubscribeRequest, now: datetime) -> int:
    """Turn email reminders off on the token's tasks; how many tasks changed."""
    query = tasks_of(request.uid).where(filter=firestore.FieldFilter("notify_email", "==", True))
    changes = {"notify_email": False, "reminder_change_source": QUIET_SOURCE}
    changed = 0
    for snapshot in query.stream():
        if request.task_ids is not None and snapshot.id not in request.task_ids:
            continue
        try:
            # The same transaction as the app's own changes keeps next_reminder_at right.
            change_task(request.uid, snapshot.id, changes, now)
        except NotFound:
            continue  # deleted meanwhile
        changed += 1
    return changed
