"""Stopping a person's email reminders from a signed link, without signing in."""

from datetime import datetime

from google.cloud import firestore

from taskly.firestore_client import db
from taskly.reminder_confirmations import QUIET_SOURCE
from taskly.reminders.unsubscribe import UnsubscribeRequest
from taskly.tasks import tasks_of


def stop_email_reminders(request: UnsubscribeRequest, now: datetime) -> int:
    """Turn email reminders off on the token's tasks; how many tasks changed."""
    query = tasks_of(request.uid).where(filter=firestore.FieldFilter("notify_email", "==", True))
    changed = 0
    batch = db().batch()
    for snapshot in query.stream():
        if request.task_ids is not None and snapshot.id not in request.task_ids:
            continue
        task = snapshot.to_dict() or {}
        still_sms = bool(task.get("notify_sms")) and task.get("status") != "done"
        changes = {
            "notify_email": False,
            "reminder_change_source": QUIET_SOURCE,
            "updated_at": now,
        }
        if not still_sms:
            changes["next_reminder_at"] = None
        batch.update(snapshot.reference, changes)
        changed += 1
    batch.commit()
    return changed
