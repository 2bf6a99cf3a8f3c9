"""Task documents ``users/{uid}/tasks/{task_id}``: reads and writes for one owner."""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from google.api_core.exceptions import AlreadyExists
from google.api_core.exceptions import NotFound as GoogleNotFound
from google.cloud import firestore

from taskly.errors import Conflict, NotFound
from taskly.firestore_client import db, run_transaction, update_in_batches
from taskly.profiles.document import Profile
from taskly.profiles.store import profile_ref, read_profile
from taskly.tasks.cursor import DOCUMENT_ID, Cursor, decode_cursor, encode_cursor
from taskly.tasks.document import OPEN_STATUSES, Status, Task

# Work done in the same transaction as a task change, given the task before and after it.
AlsoInTransaction = Callable[[firestore.Transaction, str, Task, Task, datetime], None]

PAGE_DEFAULT = 50
PAGE_MAX = 100


def tasks_of(uid: str) -> firestore.CollectionReference:
    return profile_ref(uid).collection("tasks")


def task_ref(uid: str, task_id: str) -> firestore.DocumentReference:
    # Ids that are not ours (other shapes, other people's) are simply "not found".
    if not DOCUMENT_ID.fullmatch(task_id):
        raise NotFound("No such task.")
    return tasks_of(uid).document(task_id)


def task_from(snapshot: firestore.DocumentSnapshot) -> Task:
    return Task.from_document(snapshot.id, snapshot.to_dict() or {})


def create_task(
    uid: str, description: str, status: Status, now: datetime, task_id: str | None = None
) -> tuple[Task, bool]:
    """Create the task (with the caller's id if given); with an id already taken, the task
    that has it, unchanged: a retried create makes no second task. And whether it was new."""
    ref = task_ref(uid, task_id) if task_id is not None else tasks_of(uid).document()
    task = Task(
        id=ref.id,
        description=description,
        status=status,
        created_at=now,
        updated_at=now,
        done_at=now if status == "done" else None,
    )
    try:
        ref.create(task.to_document())
    except AlreadyExists:
        return get_task(uid, ref.id), False
    return task, True


def task_exists(uid: str, task_id: str) -> bool:
    return task_ref(uid, task_id).get().exists


def get_task(uid: str, task_id: str) -> Task:
    snapshot = task_ref(uid, task_id).get()
    if not snapshot.exists:
        raise NotFound("No such task.")
    return task_from(snapshot)


def list_tasks(
    uid: str, status: str | None, limit: int, cursor: str | None
) -> tuple[list[Task], str | None]:
    """One page of tasks, newest first, and the cursor of the next page."""
    query: firestore.Query = tasks_of(uid)
    if status:
        query = query.where(filter=firestore.FieldFilter("status", "==", status))
    query = query.order_by("created_at", direction=firestore.Query.DESCENDING).order_by(
        "__name__", direction=firestore.Query.DESCENDING
    )
    if cursor is not None:
        position = decode_cursor(cursor)
        query = query.start_after({"created_at": position.created_at, "__name__": position.task_id})
    snapshots = list(query.limit(limit + 1).stream())
    tasks = [task_from(s) for s in snapshots[:limit]]
    last = tasks[-1] if tasks else None
    more = len(snapshots) > limit and last is not None and last.created_at is not None
    next_cursor = encode_cursor(Cursor(last.created_at, last.id)) if more else None
    return tasks, next_cursor


def _apply_change(
    transaction: firestore.Transaction,
    uid: str,
    task_id: str,
    changes: dict[str, Any],
    now: datetime,
    previous_description: str | None,
    also: AlsoInTransaction | None,
) -> Task:
    ref = task_ref(uid, task_id)
    snapshot = ref.get(transaction=transaction)
    if not snapshot.exists:
        raise NotFound("No such task.")
    before = task_from(snapshot)
    # Changed meanwhile, and not to this very text (the same edit saved twice is no conflict).
    moved_on = previous_description not in (None, before.description)
    if moved_on and changes.get("description") != before.description:
        raise Conflict(
            "This task's text was changed elsewhere while you were editing it.", "description"
        )
    after = replace(before, **changes, updated_at=now)
    if after.status == "done" and before.status != "done":
        after = replace(after, done_at=now)
    elif after.status != "done":
        after = replace(after, done_at=None)
    if not after.wants_reminders:
        after = replace(after, next_reminder_at=None)
    elif not before.wants_reminders or after.next_reminder_at is None:
        profile = read_profile(uid, transaction) or Profile(uid)
        after = replace(after, next_reminder_at=profile.next_reminder_after(now))
    transaction.set(ref, after.to_document())
    if also is not None:
        also(transaction, uid, before, after, now)
    return after


def change_task(
    uid: str,
    task_id: str,
    changes: dict[str, Any],
    now: datetime,
    previous_description: str | None = None,
    also: AlsoInTransaction | None = None,
) -> Task:
    """Apply field changes atomically, keeping done_at and next_reminder_at true. With
    ``previous_description``, only while the task's text is still that (else Conflict); with
    ``also``, its writes commit together with the change or not at all."""
    return run_transaction(_apply_change, uid, task_id, changes, now, previous_description, also)


def delete_task(uid: str, task_id: str) -> None:
    try:
        task_ref(uid, task_id).delete(option=db().write_option(exists=True))
    except GoogleNotFound:
        raise NotFound("No such task.") from None


def reschedule_reminders(uid: str, profile: Profile, now: datetime) -> int:
    """After a time zone or remind time change, move every pending reminder."""
    pending = tasks_of(uid).where(filter=firestore.FieldFilter("next_reminder_at", "!=", None))
    next_at = profile.next_reminder_after(now)
    refs = (snapshot.reference for snapshot in pending.stream())
    return update_in_batches(refs, {"next_reminder_at": next_at})


def oldest_open_tasks(uid: str, limit: int) -> list[Task]:
    """The open tasks waiting longest, oldest first."""
    query = (
        tasks_of(uid)
        .where(filter=firestore.FieldFilter("status", "in", list(OPEN_STATUSES)))
        .order_by("created_at")
        .limit(limit)
    )
    return [task_from(snapshot) for snapshot in query.stream()]
