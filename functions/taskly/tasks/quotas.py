"""The per-person task quotas, counted with aggregation queries (a read per 1,000 tasks).

Two requests at the same instant can both pass a count; the write rate limit bounds how far
that can go past a quota, which is what a quota needs: a ceiling, not an exact figure.
"""

from google.cloud import firestore

from taskly.platform.firestore_client import count
from taskly.tasks.refs import read_task, tasks_of
from taskly.vocabulary.errors import Conflict
from taskly.vocabulary.limits import OPEN_TASKS_MAX, REMINDER_TASKS_MAX, TASKS_MAX
from taskly.vocabulary.statuses import OPEN_STATUSES


def open_task_count(uid: str) -> int:
    return count(tasks_of(uid).where(filter=firestore.FieldFilter("status", "in", OPEN_STATUSES)))


def reminded_task_count(uid: str) -> int:
    return count(tasks_of(uid).where(filter=firestore.FieldFilter("next_reminder_at", "!=", None)))


def check_room_for_task(uid: str) -> None:
    """Every task counts, done ones too: an account, and so its export, stays bounded."""
    if count(tasks_of(uid)) >= TASKS_MAX:
        raise Conflict(
            f"You have {TASKS_MAX:,} tasks, the most an account keeps. "
            "Delete some you have finished, then add more.",
            "description",
        )


def check_room_for_open_task(uid: str) -> None:
    if open_task_count(uid) >= OPEN_TASKS_MAX:
        raise Conflict(
            f"You have {OPEN_TASKS_MAX:,} open tasks, the most a board holds. "
            "Finish or delete some, then add more.",
            "status",
        )


def check_reopening(uid: str, task_id: str) -> None:
    """Moving a done task back to Todo or Doing needs room on the board."""
    if read_task(uid, task_id).status == "done":
        check_room_for_open_task(uid)


def check_room_for_reminders(uid: str, task_id: str) -> None:
    """Turning reminders on for a task that has none needs room among reminded tasks."""
    if read_task(uid, task_id).wants_reminders:
        return
    if reminded_task_count(uid) >= REMINDER_TASKS_MAX:
        raise Conflict(
            f"Reminders are on for {REMINDER_TASKS_MAX} tasks, the most Taskly sends. "
            "Turn some off or finish them, then try again.",
            "email",
        )
