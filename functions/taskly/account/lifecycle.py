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
from taskly.profiles.document import Profile
from taskly.tasks import store as task_store
from taskly.timestamps import to_json


def export_account(profile: Profile, now: datetime) -> dict[str, Any]:
    """Everything stored about the person, as one JSON document."""
    uid = profile.uid
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


def delete_account(uid: str, now: datetime) -> None:
    """Remove the person's documents, files, delivery addresses and, last, the Auth user.

    Every step is idempotent and the Auth user goes last, so a deletion that fails half way
    can be asked for again with the same sign-in. The mark set first keeps a request racing
    the deletion from creating the profile again.
    """
    profile_store.deletion_mark(uid).set({"requested_at": now})
    owner = profile_store.profile_ref(uid)
    # The profile first: a delivery's claim reads it and backs off.
    owner.delete()
    db().recursive_delete(owner)
    verification_ref(uid).delete()
    db().collection("rate_limits").document(uid).delete()
    _scrub_deliveries(uid)
    delete_avatar_file(uid)
    auth.delete_user(uid)
