"""Task documents ``users/{uid}/tasks/{task_id}``: reads and writes for one owner."""

import base64
import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from google.api_core.exceptions import NotFound as GoogleNotFound
from google.cloud import firestore

from taskly.errors import InvalidInput, NotFound
from taskly.firestore_client import db, update_in_batches
from taskly.profiles.document import Profile
from taskly.profiles.store import profile_ref, read_profile
from taskly.tasks.document import Status, Task

PAGE_DEFAULT = 50
PAGE_MAX = 100
# Firestore reserves ids of the form __name__.
DOCUMENT_ID = re.compile(r"^(?!__.*__$)[A-Za-z0-9_-]{1,128}$")


def tasks_of(uid: str) -> firestore.CollectionReference:
    return profile_ref(uid).collection("tasks")


def task_ref(uid: str, task_id: str) -> firestore.DocumentReference:
    # Ids that are not ours (other shapes, other people's) are simply "not found".
    if not DOCUMENT_ID.fullmatch(task_id):
        raise NotFound("No such task.")
    return tasks_of(uid).document(task_id)


def task_from(snapshot: firestore.DocumentSnapshot) -> Task:
    return Task.from_document(snapshot.id, snapshot.to_dict() or {})


def create_task(uid: str, description: str, status: Status, now: datetime) -> Task:
    ref = tasks_of(uid).document()
    task = Task(
        id=ref.id,
        description=description,
        status=status,
        created_at=now,
        updated_at=now,
        done_at=now if status == "done" else None,
    )
    ref.create(task.to_document())
    return task


def get_task(uid: str, task_id: str) -> Task:
    snapshot = task_ref(uid, task_id).get()
    if not snapshot.exists:
        raise NotFound("No such task.")
    return task_from(snapshot)


def _encode_cursor(task_id: str) -> str:
    return base64.urlsafe_b64encode(task_id.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> str:
    try:
        task_id = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        task_id = ""
    if not DOCUMENT_ID.fullmatch(task_id):
        raise InvalidInput("Cursor is not valid.", "cursor")
    return task_id


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
    if cursor:
        last = tasks_of(uid).document(_decode_cursor(cursor)).get()
        if not last.exists:
            raise InvalidInput("Cursor is not valid.", "cursor")
        query = query.start_after(last)
    snapshots = list(query.limit(limit + 1).stream())
    page = snapshots[:limit]
    tasks = [task_from(s) for s in page]
    next_cursor = _encode_cursor(page[-1].id) if len(snapshots) > limit else None
    return tasks, next_cursor


def _apply_change(
    transaction: firestore.Transaction,
    uid: str,
    task_id: str,
    changes: dict[str, Any],
    now: datetime,
) -> Task:
    ref = task_ref(uid, task_id)
    snapshot = ref.get(transaction=transaction)
    if not snapshot.exists:
        raise NotFound("No such task.")
    before = task_from(snapshot)
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
    return after


def change_task(uid: str, task_id: str, changes: dict[str, Any], now: datetime) -> Task:
    """Apply field changes atomically, keeping done_at and next_reminder_at true."""
    transaction = db().transaction()
    apply = firestore.transactional(_apply_change)
    return apply(transaction, uid, task_id, changes, now)


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
