"""Task documents ``users/{uid}/tasks/{task_id}``: reads and writes for one owner."""

from dataclasses import dataclass, replace
from datetime import datetime

from google.api_core.exceptions import AlreadyExists
from google.api_core.exceptions import NotFound as GoogleNotFound
from google.cloud import firestore

from taskly.platform.firestore_client import db, run_transaction
from taskly.profiles.store import profile_reader
from taskly.tasks import reminder_state
from taskly.tasks.cursor import Cursor, decode_cursor, encode_cursor
from taskly.tasks.document import Task
from taskly.tasks.order import Place, rank_at, rank_on_top
from taskly.tasks.refs import read_task, task_from, task_ref, tasks_of
from taskly.tasks.schedule import (
    Schedule,
    SchedulePatch,
    completion_undone,
    moved_to_next_date,
    scheduled,
)
from taskly.vocabulary.errors import Conflict, NotFound
from taskly.vocabulary.local_time import local_date
from taskly.vocabulary.statuses import Status


def create_task(
    uid: str,
    description: str,
    status: Status,
    now: datetime,
    task_id: str | None = None,
    schedule: SchedulePatch | None = None,
) -> tuple[Task, bool]:
    """Create the task (with the caller's id if given); with an id already taken, the task
    that has it, unchanged: a retried create makes no second task. And whether it was new."""
    ref = task_ref(uid, task_id) if task_id is not None else tasks_of(uid).document()
    task = Task(
        id=ref.id,
        description=description,
        status=status,
        created_at=now,
        updated_at=now,
        rank=rank_on_top(uid, status),
    )
    profile = profile_reader(uid)
    if status == "done":
        task = _completed(task, profile().timezone, now)
    if schedule is not None:
        task = scheduled(task, schedule.applied_to(Schedule()), profile().timezone, now)
    try:
        ref.create(task.to_document())
    except AlreadyExists:
        return read_task(uid, ref.id), False
    return task, True


def _completed(task: Task, timezone: str, now: datetime) -> Task:
    """``task`` moved into Done at ``now``, on the person's local day there. A completion that
    did not move a repeat on leaves nothing to undo."""
    return replace(
        task,
        done_at=now,
        completed_on=local_date(now, timezone).isoformat(),
        completed_due_date=None,
    )


def task_exists(uid: str, task_id: str) -> bool:
    return task_ref(uid, task_id).get().exists


def list_tasks(
    uid: str, status: str | None, limit: int, cursor: str | None
) -> tuple[list[Task], str | None]:
    """One page of tasks, newest first, and the cursor of the next page."""
    query = (
        tasks_of(uid)
        .order_by("created_at", direction=firestore.Query.DESCENDING)
        .order_by("__name__", direction=firestore.Query.DESCENDING)
    )
    if status:
        query = query.where(filter=firestore.FieldFilter("status", "==", status))
    if cursor is not None:
        position = decode_cursor(cursor)
        query = query.start_after({"created_at": position.created_at, "__name__": position.task_id})
    snapshots = list(query.limit(limit + 1).stream())
    tasks = [task_from(s) for s in snapshots[:limit]]
    last = tasks[-1] if tasks else None
    if len(snapshots) > limit and last is not None and last.created_at is not None:
        return tasks, encode_cursor(Cursor(last.created_at, last.id))
    return tasks, None


@dataclass(frozen=True)
class TaskEdit:
    """What a person changes on a task: its text, its column, its dates, or some of these."""

    description: str | None = None
    status: Status | None = None
    schedule: SchedulePatch | None = None
    # Take back a repeating task's latest completion first (schedule.completion_undone).
    undo_completion: bool = False
    # Its new place in its column (order.py); moved to another column without one: on top.
    place: Place | None = None


def _apply_edit(
    transaction: firestore.Transaction,
    uid: str,
    task_id: str,
    edit: TaskEdit,
    now: datetime,
    previous_description: str | None,
    also: reminder_state.AlsoInTransaction | None,
) -> Task:
    before = read_task(uid, task_id, transaction)
    profile = profile_reader(uid, transaction)
    # Changed meanwhile, and not to this very text (the same edit saved twice is no conflict).
    moved_on = previous_description not in (None, before.description)
    if moved_on and edit.description != before.description:
        raise Conflict(
            "This task's text was changed elsewhere while you were editing it.", "description"
        )
    after = replace(
        before,
        description=before.description if edit.description is None else edit.description,
        status=before.status if edit.status is None else edit.status,
        updated_at=now,
    )
    if edit.undo_completion:
        after = completion_undone(after, profile().timezone)
    if edit.schedule is not None:
        schedule = edit.schedule.applied_to(Schedule.of(after))
        after = scheduled(after, schedule, profile().timezone, now)
    if after.status == "done" and before.status != "done":
        # A repeating task moves on to its next date instead, once more to do.
        moved = after.repeat and moved_to_next_date(after, profile().timezone, now)
        after = moved or _completed(after, profile().timezone, now)
    elif after.status != "done" and before.status == "done":
        after = replace(after, done_at=None, completed_on=None)
    if edit.place is not None:
        after = replace(after, rank=rank_at(uid, after.status, edit.place, transaction))
    elif after.status != before.status:
        after = replace(after, rank=rank_on_top(uid, after.status, transaction))
    after = reminder_state.follow_edit(before, after, profile, now)
    transaction.set(task_ref(uid, task_id), after.to_document())
    if also is not None:
        also(transaction, uid, before, after, now)
    return after


def change_task(
    uid: str,
    task_id: str,
    edit: TaskEdit,
    now: datetime,
    previous_description: str | None = None,
    also: reminder_state.AlsoInTransaction | None = None,
) -> Task:
    """Apply the edit atomically, keeping done_at and the reminder state true, together with
    ``also``'s writes. With ``previous_description``, only while the task's text is still
    that (else Conflict)."""
    return run_transaction(_apply_edit, uid, task_id, edit, now, previous_description, also)


def delete_task(uid: str, task_id: str) -> None:
    try:
        task_ref(uid, task_id).delete(option=db().write_option(exists=True))
    except GoogleNotFound:
        raise NotFound("No such task.") from None
