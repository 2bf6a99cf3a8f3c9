"""Task documents ``users/{uid}/tasks/{task_id}``: reads and writes for one owner."""

import base64
import re
from datetime import datetime
from typing import Any

from google.api_core.exceptions import NotFound
from google.cloud import firestore

from taskly.errors import invalid_argument, not_found
from taskly.firestore_client import db, update_in_batches
from taskly.profiles import profile_ref
from taskly.reminder_plan import first_reminder_at, wants_reminders
from taskly.timestamps import to_json

PAGE_DEFAULT = 50
PAGE_MAX = 100
# Firestore reserves ids of the form __name__.
DOCUMENT_ID = re.compile(r"^(?!__.*__$)[A-Za-z0-9_-]{1,128}$")


def tasks_of(uid: str) -> firestore.CollectionReference:
    return profile_ref(uid).collection("tasks")


def task_ref(uid: str, task_id: str) -> firestore.DocumentReference:
    # Ids that are not ours (other shapes, other people's) are simply "not found".
    if not DOCUMENT_ID.fullmatch(task_id):
        raise not_found("No such task.")
    return tasks_of(uid).document(task_id)


def task_json(task_id: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": task_id,
        "description": data["description"],
        "status": data["status"],
        "notify_email": bool(data.get("notify_email")),
        "notify_sms": bool(data.get("notify_sms")),
        "next_reminder_at": to_json(data.get("next_reminder_at")),
        "created_at": to_json(data.get("created_at")),
        "updated_at": to_json(data.get("updated_at")),
        "done_at": to_json(data.get("done_at")),
    }


def create_task(uid: str, description: str, status: str, now: datetime) -> dict[str, Any]:
    ref = tasks_of(uid).document()
    data = {
        "description": description,
        "status": status,
        "notify_email": False,
        "notify_sms": False,
        "next_reminder_at": None,
        "created_at": now,
        "updated_at": now,
        "done_at": now if status == "done" else None,
    }
    ref.create(data)
    return task_json(ref.id, data)


def get_task(uid: str, task_id: str) -> dict[str, Any]:
    snapshot = task_ref(uid, task_id).get()
    if not snapshot.exists:
        raise not_found("No such task.")
    return task_json(snapshot.id, snapshot.to_dict() or {})


def _encode_cursor(task_id: str) -> str:
    return base64.urlsafe_b64encode(task_id.encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> str:
    try:
        task_id = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        task_id = ""
    if not DOCUMENT_ID.fullmatch(task_id):
        raise invalid_argument("Cursor is not valid.", "cursor")
    return task_id


def list_tasks(
    uid: str, status: str | None, limit: int, cursor: str | None
) -> tuple[list[dict[str, Any]], str | None]:
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
            raise invalid_argument("Cursor is not valid.", "cursor")
        query = query.start_after(last)
    snapshots = list(query.limit(limit + 1).stream())
    page = snapshots[:limit]
    tasks = [task_json(s.id, s.to_dict() or {}) for s in page]
    next_cursor = _encode_cursor(page[-1].id) if len(snapshots) > limit else None
    return tasks, next_cursor


def _apply_change(
    transaction: firestore.Transaction,
    uid: str,
    task_id: str,
    changes: dict[str, Any],
    now: datetime,
) -> dict[str, Any]:
    ref = task_ref(uid, task_id)
    snapshot = ref.get(transaction=transaction)
    if not snapshot.exists:
        raise not_found("No such task.")
    before = snapshot.to_dict() or {}
    after = {**before, **changes, "updated_at": now}
    if after["status"] == "done" and before.get("status") != "done":
        after["done_at"] = now
    elif after["status"] != "done":
        after["done_at"] = None
    if not wants_reminders(after):
        after["next_reminder_at"] = None
    elif not wants_reminders(before) or after.get("next_reminder_at") is None:
        profile = profile_ref(uid).get(transaction=transaction).to_dict() or {}
        after["next_reminder_at"] = first_reminder_at(profile, now)
    transaction.set(ref, after)
    return task_json(task_id, after)


def change_task(uid: str, task_id: str, changes: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Apply field changes atomically, keeping done_at and next_reminder_at true."""
    transaction = db().transaction()
    apply = firestore.transactional(_apply_change)
    return apply(transaction, uid, task_id, changes, now)


def delete_task(uid: str, task_id: str) -> None:
    try:
        task_ref(uid, task_id).delete(option=db().write_option(exists=True))
    except NotFound:
        raise not_found("No such task.") from None


def reschedule_reminders(uid: str, profile: dict[str, Any], now: datetime) -> int:
    """After a time zone or remind time change, move every pending reminder."""
    pending = tasks_of(uid).where(filter=firestore.FieldFilter("next_reminder_at", "!=", None))
    next_at = first_reminder_at(profile, now)
    refs = (snapshot.reference for snapshot in pending.stream())
    return update_in_batches(refs, {"next_reminder_at": next_at})
