"""A person's whole account: export everything, or delete everything."""

from datetime import datetime
from typing import Any

from google.cloud import firestore

from taskly import auth, notifications, profiles, tasks
from taskly.avatar_store import delete_avatar_file
from taskly.firestore_client import db, update_in_batches
from taskly.phone_verification import verification_ref
from taskly.timestamps import to_json


def export_account(uid: str, email: str | None, now: datetime) -> dict[str, Any]:
    """Everything stored about the person, as one JSON document."""
    profile = profiles.load_profile(uid, email, now)
    all_tasks = tasks.tasks_of(uid).order_by("created_at", direction=firestore.Query.DESCENDING)
    feed = notifications.feed_of(uid).order_by("created_at", direction=firestore.Query.DESCENDING)
    return {
        "exported_at": to_json(now),
        "profile": profiles.profile_json(uid, profile),
        "tasks": [tasks.task_json(s.id, s.to_dict() or {}) for s in all_tasks.stream()],
        "notifications": [
            notifications.notification_json(s.id, s.to_dict() or {}) for s in feed.stream()
        ],
    }


def _scrub_deliveries(uid: str) -> None:
    """Keep the records (they stop duplicate sends) but drop who they went to."""
    records = db().collection("deliveries").where(filter=firestore.FieldFilter("uid", "==", uid))
    refs = (snapshot.reference for snapshot in records.stream())
    update_in_batches(refs, {"to": None, "last_error": None, "outbox": None, "resend": False})


def delete_account(uid: str) -> None:
    """Remove the person's documents, files, delivery addresses and Auth user."""
    # The Auth user goes first: from here on the person's tokens are refused, so no
    # request can recreate data while the rest is removed. Every step below is idempotent.
    auth.delete_user(uid)
    owner = profiles.profile_ref(uid)
    # Then the profile: a sweep's delivery claim reads it and backs off.
    owner.delete()
    db().recursive_delete(owner)
    verification_ref(uid).delete()
    _scrub_deliveries(uid)
    delete_avatar_file(uid)
