"""The in-app feed ``users/{uid}/notifications/{id}`` behind the bell."""

from datetime import datetime
from typing import Any

from google.api_core.exceptions import AlreadyExists
from google.cloud import firestore

from taskly.platform.firestore_client import count, db, delete_in_batches, update_in_batches
from taskly.profiles.store import profile_ref
from taskly.vocabulary.ids import DOCUMENT_ID
from taskly.vocabulary.limits import NOTIFICATIONS_KEPT
from taskly.vocabulary.timestamps import to_json

FEED_SIZE = 20


def feed_of(uid: str) -> firestore.CollectionReference:
    return profile_ref(uid).collection("notifications")


def add_notification(
    uid: str, notification_id: str, kind: str, text: str, task_id: str | None, now: datetime
) -> None:
    """Add one item; the same id twice (a replayed event) adds nothing."""
    item = {"kind": kind, "text": text, "task_id": task_id, "read": False, "created_at": now}
    try:
        feed_of(uid).document(notification_id).create(item)
    except AlreadyExists:
        return
    _prune(uid)


def _prune(uid: str) -> None:
    """Keep the newest NOTIFICATIONS_KEPT items: reads only what goes."""
    extra = count(feed_of(uid)) - NOTIFICATIONS_KEPT
    if extra <= 0:
        return
    oldest = feed_of(uid).order_by("created_at").limit(extra)
    delete_in_batches(snapshot.reference for snapshot in oldest.stream())


def notification_json(notification_id: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": notification_id,
        "kind": data["kind"],
        "text": data["text"],
        "task_id": data.get("task_id"),
        "read": bool(data.get("read")),
        "created_at": to_json(data.get("created_at")),
    }


def unread_count(uid: str) -> int:
    return count(feed_of(uid).where(filter=firestore.FieldFilter("read", "==", False)))


def recent(uid: str, limit: int = FEED_SIZE) -> list[dict[str, Any]]:
    query = feed_of(uid).order_by("created_at", direction=firestore.Query.DESCENDING).limit(limit)
    return [notification_json(s.id, s.to_dict() or {}) for s in query.stream()]


def mark_read(uid: str, ids: list[str] | None) -> None:
    """Mark the given items (or every unread one) read; unknown ids are ignored."""
    if ids is None:
        query = feed_of(uid).where(filter=firestore.FieldFilter("read", "==", False))
        snapshots = list(query.stream())
    else:
        refs = [feed_of(uid).document(item) for item in ids if DOCUMENT_ID.fullmatch(item)]
        snapshots = [s for s in db().get_all(refs) if s.exists]
    update_in_batches((snapshot.reference for snapshot in snapshots), {"read": True})
