"""Tasks written before a field every task must have, given it once per person.

The board reads open tasks by ``due_date`` and by ``rank``, and a document without the field
(not even null) matches neither query: it would be on no board. A person whose profile says
their tasks are older than TASK_DOCUMENTS_VERSION has them filled in on their next visit,
one read per task, once; a profile made since needs nothing.
"""

from datetime import datetime
from typing import Any

from taskly.platform.firestore_client import BATCH_LIMIT, db
from taskly.profiles.document import TASK_DOCUMENTS_VERSION
from taskly.profiles.store import profile_ref
from taskly.tasks.refs import tasks_of

_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# A rank of the fractional-indexing form "f" + 6 base-62 digits: after every rank Taskly gives
# a new task (those start at "a0" and go down), so older tasks sit below newer ones.
_LEGACY_HEAD, _LEGACY_DIGITS = "f", 6


def legacy_rank(created_at: datetime | None) -> str:
    """A rank for a task made at ``created_at`` before ranks: the newest first among them."""
    seconds = int(created_at.timestamp()) if created_at else 0
    value = len(_DIGITS) ** _LEGACY_DIGITS - 1 - seconds
    digits = ""
    for _ in range(_LEGACY_DIGITS):
        value, digit = divmod(value, len(_DIGITS))
        digits = _DIGITS[digit] + digits
    return _LEGACY_HEAD + digits


def missing_fields(data: dict[str, Any]) -> dict[str, Any]:
    """What a stored task lacks of the fields every task must have."""
    missing: dict[str, Any] = {}
    if "due_date" not in data:
        missing["due_date"] = None
    if "rank" not in data:
        missing["rank"] = legacy_rank(data.get("created_at"))
    return missing


def backfill_tasks(uid: str) -> int:
    """Give the person's older tasks the fields they lack, then mark the profile; how many
    tasks were changed."""
    changed = 0
    batch = db().batch()
    for snapshot in tasks_of(uid).select(["due_date", "rank", "created_at"]).stream():
        missing = missing_fields(snapshot.to_dict() or {})
        if not missing:
            continue
        batch.update(snapshot.reference, missing)
        changed += 1
        if changed % BATCH_LIMIT == 0:
            batch.commit()
            batch = db().batch()
    batch.update(profile_ref(uid), {"task_documents_version": TASK_DOCUMENTS_VERSION})
    batch.commit()
    return changed


def backfill_if_older(uid: str, version: int) -> None:
    """Backfill the person's tasks when their profile's ``version`` says they are older."""
    if version < TASK_DOCUMENTS_VERSION:
        backfill_tasks(uid)
