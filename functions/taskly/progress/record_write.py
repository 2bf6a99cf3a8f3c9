"""The task trigger's side of progress: counting one task write in the person's statistics.

A write's change goes in with a marker named by the trigger event, in one batch: a replayed
event finds its marker and counts nothing.
"""

from datetime import datetime, timedelta

from google.api_core.exceptions import Conflict
from google.cloud import firestore

from taskly.platform.firestore_client import db
from taskly.profiles.document import DEFAULT_TIMEZONE
from taskly.profiles.store import deletion_mark, read_profile
from taskly.progress.counting import changes_counts, counting
from taskly.progress.document import forget_stale, increments, read_stats, stats_ref
from taskly.tasks.writes import TaskWrite
from taskly.vocabulary.local_time import local_date

# Trigger events are replayed within minutes; their markers expire (Firestore TTL on
# expires_at, firestore.indexes.json) long after.
_EVENT_MARKERS_KEPT = timedelta(days=7)


def _event_marker(uid: str, event_id: str) -> firestore.DocumentReference:
    return stats_ref(uid).collection("counted_events").document(event_id)


def record_task_write(write: TaskWrite, now: datetime) -> bool:
    """Count the write in the person's statistics, once per event; whether it counted."""
    before, after = write.before_task(), write.after_task()
    if not changes_counts(before, after):
        return False  # most writes: no read, no write
    profile = read_profile(write.uid)
    if profile is None and deletion_mark(write.uid).get().exists:
        return False  # the account is being deleted: its tasks' deletes count for nothing
    # Completions count on the day their task recorded; the zone the person has now places
    # the rest (a creation, a completion recorded before tasks kept its day) and the pruning.
    timezone = profile.timezone if profile else DEFAULT_TIMEZONE
    change = counting(before, after, timezone)
    assert change is not None
    batch = db().batch()
    batch.create(
        _event_marker(write.uid, write.event_id), {"expires_at": now + _EVENT_MARKERS_KEPT}
    )
    batch.set(stats_ref(write.uid), increments(change, timezone, now), merge=True)
    try:
        batch.commit()
    except Conflict:
        return False  # this event was counted before
    # Most runs find nothing to forget (one read).
    forget_stale(write.uid, local_date(now, timezone), read_stats(write.uid, timezone))
    return True
