"""The queries that find reminders due: everyone's (the sweep) and one person's (a digest)."""

from datetime import datetime

from google.cloud import firestore

from taskly.platform.firestore_client import Snapshot, db
from taskly.reminders.jobs import DigestJob
from taskly.tasks.refs import tasks_of

# Tasks one digest reads: the oldest due first. Any more wait for the next digest.
DIGEST_TASKS_MAX = 500


def due_tasks(now: datetime) -> firestore.Query:
    """Every task whose reminder is due, across all people (one indexed query)."""
    return (
        db()
        .collection_group("tasks")
        .where(filter=firestore.FieldFilter("next_reminder_at", "<=", now))
        .order_by("next_reminder_at")
    )


def due_tasks_of(job: DigestJob) -> list[Snapshot]:
    """The person's tasks due by the job's time, oldest due first."""
    query = (
        tasks_of(job.uid)
        .where(filter=firestore.FieldFilter("next_reminder_at", "<=", job.due_by))
        .order_by("next_reminder_at")
        .limit(DIGEST_TASKS_MAX)
    )
    return list(query.stream())
