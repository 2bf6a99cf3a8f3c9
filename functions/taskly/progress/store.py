"""Reading and updating a person's statistics document.

A write's change goes in as atomic increments, in one batch with a marker named by the
trigger event: a replayed event finds its marker and counts nothing, and any number of
writes at once never contend (no transaction reads the document first).
"""

from datetime import date, datetime, timedelta
from typing import Any

from google.api_core.exceptions import Conflict
from google.cloud import firestore

from taskly.firestore_client import db
from taskly.profiles.document import DEFAULT_TIMEZONE
from taskly.profiles.store import deletion_mark, profile_ref, read_profile
from taskly.progress.stats import (
    Counting,
    ProgressStats,
    changes_counts,
    counting,
    done_time_key,
)
from taskly.reminders.schedule import local_date
from taskly.tasks.writes import TaskWrite

# Trigger events are replayed within minutes; their markers expire (Firestore TTL on
# expires_at, firestore.indexes.json) long after.
_EVENT_MARKERS_KEPT = timedelta(days=7)


def stats_ref(uid: str) -> firestore.DocumentReference:
    return profile_ref(uid).collection("stats").document("progress")


def _event_marker(uid: str, event_id: str) -> firestore.DocumentReference:
    return stats_ref(uid).collection("counted_events").document(event_id)


def read_stats(uid: str, timezone: str) -> ProgressStats:
    snapshot = stats_ref(uid).get()
    return ProgressStats.from_document(snapshot.to_dict() or {}, timezone)


def _increments(change: Counting, timezone: str, now: datetime) -> dict[str, Any]:
    days: dict[str, dict[str, Any]] = {}
    if change.created_on:
        days.setdefault(change.created_on.isoformat(), {})["created"] = firestore.Increment(1)
    if change.done_on:
        day = days.setdefault(change.done_on.isoformat(), {})
        day["done"] = firestore.Increment(1)
        if change.seconds_to_done is not None:
            day["done_seconds"] = {done_time_key(change.task_id): change.seconds_to_done}
    if change.undone_on:
        day = days.setdefault(change.undone_on.isoformat(), {})
        day["done"] = firestore.Increment(-1)
        day["done_seconds"] = {done_time_key(change.task_id): firestore.DELETE_FIELD}
    update: dict[str, Any] = {"timezone": timezone, "updated_at": now}
    if days:  # an empty map would replace every day (merge takes it as one value)
        update["days"] = days
    if change.done_tasks:
        update["done_tasks"] = firestore.Increment(change.done_tasks)
    return update


def _prune(uid: str, today: date) -> None:
    """Forget what the page no longer needs; most runs find nothing (one read)."""
    stats = read_stats(uid, DEFAULT_TIMEZONE)
    stale = stats.stale(today)
    if stale:
        paths = {firestore.FieldPath(*path).to_api_repr(): firestore.DELETE_FIELD for path in stale}
        stats_ref(uid).update(paths)


def record_task_write(write: TaskWrite, now: datetime) -> bool:
    """Count the write in the person's statistics, once per event; whether it counted."""
    before, after = write.before_task(), write.after_task()
    if not changes_counts(before, after):
        return False  # most writes: no read, no write
    profile = read_profile(write.uid)
    if profile is None and deletion_mark(write.uid).get().exists:
        return False  # the account is being deleted: its tasks' deletes count for nothing
    # Days are counted in the zone the person has now (the page and the board use it too).
    timezone = profile.timezone if profile else DEFAULT_TIMEZONE
    change = counting(before, after, timezone)
    assert change is not None
    batch = db().batch()
    batch.create(
        _event_marker(write.uid, write.event_id), {"expires_at": now + _EVENT_MARKERS_KEPT}
    )
    batch.set(stats_ref(write.uid), _increments(change, timezone, now), merge=True)
    try:
        batch.commit()
    except Conflict:
        return False  # this event was counted before
    _prune(write.uid, local_date(now, timezone))
    return True
