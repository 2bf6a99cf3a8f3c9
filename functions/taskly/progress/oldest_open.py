"""The Progress page's query for the open tasks waiting longest."""

from google.cloud import firestore

from taskly.tasks.document import Task
from taskly.tasks.refs import task_from, tasks_of
from taskly.vocabulary.statuses import OPEN_STATUSES


def oldest_open_tasks(uid: str, limit: int) -> list[Task]:
    """The open tasks waiting longest, oldest first."""
    query = (
        tasks_of(uid)
        .where(filter=firestore.FieldFilter("status", "in", list(OPEN_STATUSES)))
        .order_by("created_at")
        .limit(limit)
    )
    return [task_from(snapshot) for snapshot in query.stream()]
