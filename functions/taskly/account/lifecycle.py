"""A person's whole account: export everything, or delete everything."""

from datetime import datetime
from typing import Any

from google.cloud import firestore

from taskly import auth
from taskly.avatars.store import delete_avatar_file
from taskly.firestore_client import db, update_in_batches
from taskly.notifications import feed
from taskly.phone.verification import verification_ref
from taskly.profiles import store as profile_store
from taskly.tasks import store as task_store
from taskly.timestamps import to_json


def export_account(uid: str, email: str | None, now: datetime) -> dict[str, Any]:
    """Everything stored about the person, as one JSON document."""
    profile = profile_store.load_profile(uid, email, now)
    all_tasks = task_store.tasks_of(uid).order_by(
        "created_at", direction=firestore.Query.DESCENDING
    )
    notifications = feed.feed_of(uid).order_by("created_at", direction=firestore.Query.DESCENDING)
    return {
        "exported_at": to_json(now),
        "profile": profile.to_json(),
        "tasks": [task_store.task_from(s).to_json() for s in all_tasks.stream()],
        "notifications": [
            feed.notification_json(s.id, s.to_dict() or {}) for s in notifications.stream()
        ],
    }


def _scrub_deliveries(uid: str) -> None:
    """Keep the records (they stop duplicate sends) but drop who they went to."""
    records = db().collection("deliveries").where(filter=firestore.FieldFilter("uid", "==", uid))
    refs = (snapshot.reference for snapshot in records.stream())
    update_in_batches(refs, {"to": None, "last_error": None})


def delete_account(uid: str) -> None:
    """Remove the person's documents, files, delivery addresses and Auth user."""
    # The Auth user goes first: from here on the person's tokens are refused, so no
    # request can recreate data while the rest is removed. Every step below is idempotent.
    auth.delete_user(uid)
    owner = profile_store.profile_ref(uid)
    # Then the profile: a sweep's delivery claim reads it and backs off.
    owner.delete()
    db().recursive_delete(owner)
    verification_ref(uid).delete()
    _scrub_deliveries(uid)
    delete_avatar_file(uid)
