"""Reading and updating a person's statistics document."""

from datetime import datetime

from google.cloud import firestore

from taskly.firestore_client import run_transaction
from taskly.profiles.document import DEFAULT_TIMEZONE
from taskly.profiles.store import deletion_mark, profile_ref, read_profile
from taskly.progress.stats import ProgressStats
from taskly.reminders.schedule import local_date
from taskly.tasks.writes import TaskWrite


def stats_ref(uid: str) -> firestore.DocumentReference:
    return profile_ref(uid).collection("stats").document("progress")


def read_stats(uid: str, timezone: str) -> ProgressStats:
    snapshot = stats_ref(uid).get()
    return ProgressStats.from_document(snapshot.to_dict() or {}, timezone)


def _record(transaction: firestore.Transaction, write: TaskWrite, now: datetime) -> bool:
    ref = stats_ref(write.uid)
    snapshot = ref.get(transaction=transaction)
    profile = read_profile(write.uid, transaction)
    if profile is None and deletion_mark(write.uid).get(transaction=transaction).exists:
        return False  # the account is being deleted: its tasks' deletes count for nothing
    # Days are counted in the zone the person has now (the page and the board use it too).
    timezone = profile.timezone if profile else DEFAULT_TIMEZONE
    stats = ProgressStats.from_document(snapshot.to_dict() or {}, timezone)
    if not stats.apply(write.event_id, write.before_task(), write.after_task()):
        return False
    stats.prune(local_date(now, stats.timezone))
    transaction.set(ref, stats.to_document(now))
    return True


def record_task_write(write: TaskWrite, now: datetime) -> bool:
    """Count the write in the person's statistics (once per event); whether it counted."""
    return run_transaction(_record, write, now)
