"""The tasks a feed lists: open (Todo, Doing) with a due date, soonest first, at most a cap."""

from google.cloud import firestore

from taskly.tasks.document import Task
from taskly.tasks.refs import task_from, tasks_of
from taskly.vocabulary.statuses import OPEN_STATUSES


def open_dated_tasks(uid: str, limit: int) -> list[Task]:
    """Up to ``limit`` open tasks of ``uid`` with a due date, by due date (overdue first).

    One read per task returned (index: status, due_date in firestore.indexes.json).
    """
    query = (
        tasks_of(uid)
        .where(filter=firestore.FieldFilter("status", "in", list(OPEN_STATUSES)))
        # Every date is a string of at least "": this leaves out tasks whose due_date is null.
        .where(filter=firestore.FieldFilter("due_date", ">=", ""))
        .order_by("due_date")
        .limit(limit)
    )
    return [task_from(snapshot) for snapshot in query.stream()]
