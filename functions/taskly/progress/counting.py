"""What one task write changes in a person's progress statistics (a pure rule).

Days are the person's local calendar days. A completion counts on the day the task records
for it (``completed_on``: the day where the person was when they finished it), and taking it
back takes it from that same day, whatever their zone is now. The counts are history: a
deleted task stays created and done on its days; only moving a task out of Done, or undoing a
repeating task's completion, takes its done back.

A day's done times are keyed by a short digest of the task id rather than the id itself
(ids run to 128 characters): the key only has to tell that day's tasks apart, and this way
the statistics document's size does not depend on the ids.
"""

import base64
import hashlib
from dataclasses import dataclass
from datetime import date

from taskly.tasks.document import Task
from taskly.vocabulary.local_time import local_date


def done_time_key(task_id: str) -> str:
    """The task's key among its day's done times: 8 characters (40 bits of SHA-256), so two of
    a day's DONE_TIMES_PER_DAY_KEPT tasks share one with a chance of about 2 in 100 million."""
    digest = hashlib.sha256(task_id.encode()).digest()[:5]
    return base64.b32encode(digest).decode().lower()


@dataclass(frozen=True)
class Counting:
    """What one task write changes in the statistics."""

    task_id: str
    created_on: date | None = None
    # Moved into Done on this day, this long after it was created.
    done_on: date | None = None
    seconds_to_done: int | None = None
    # Reopened: its done on this day is taken back.
    undone_on: date | None = None
    # The change in how many tasks the Done column holds.
    done_tasks: int = 0


def _completed_a_repeat(before: Task | None, after: Task | None) -> bool:
    """A repeating task completed: it moved on to its next date, stamped, instead of to Done."""
    return (
        before is not None
        and after is not None
        and after.last_completed_at is not None
        and after.last_completed_at != before.last_completed_at
    )


def _undid_a_repeat(before: Task | None, after: Task | None) -> bool:
    """A repeating task's completion undone: back on its date, the stamp gone."""
    return (
        before is not None
        and after is not None
        and before.last_completed_at is not None
        and after.last_completed_at is None
    )


def changes_counts(before: Task | None, after: Task | None) -> bool:
    """Whether a write creates a task, moves one into or out of Done, or completes a repeating
    one or undoes that (edits, reminder switches and moves between Todo and Doing count for
    nothing)."""
    created = before is None and after is not None
    was_done = before is not None and before.status == "done"
    is_done = after is not None and after.status == "done"
    return (
        created
        or was_done != is_done
        or _completed_a_repeat(before, after)
        or _undid_a_repeat(before, after)
    )


def completion_day(task: Task, timezone: str) -> date | None:
    """The day the task's latest completion counts on: the one it recorded then; for a task
    written before tasks recorded it, the day of its completion in ``timezone``."""
    if task.completed_on:
        return date.fromisoformat(task.completed_on)
    completed_at = task.done_at or task.last_completed_at
    return local_date(completed_at, timezone) if completed_at else None


def counting(before: Task | None, after: Task | None, timezone: str) -> Counting | None:
    """The change a write makes; None when it changes no count. ``timezone`` (the person's
    now) places the days the task did not record: its creation, and old completions."""
    if not changes_counts(before, after):
        return None
    task = after or before
    assert task is not None
    created_on = None
    if before is None and after is not None and after.created_at is not None:
        created_on = local_date(after.created_at, timezone)
    if after is not None and _completed_a_repeat(before, after):
        # Done on that day; the task stays open, so the Done column keeps its count.
        return Counting(task.id, created_on, completion_day(after, timezone))
    if before is not None and _undid_a_repeat(before, after):
        return Counting(task.id, undone_on=completion_day(before, timezone))
    if after is not None and after.status == "done":  # moved into Done (or created done)
        done_on = completion_day(after, timezone)
        return Counting(task.id, created_on, done_on, _seconds_to_done(after), done_tasks=1)
    if before is not None and before.status == "done":  # out of Done: reopened or deleted
        undone_on = completion_day(before, timezone) if after is not None else None
        return Counting(task.id, created_on, undone_on=undone_on, done_tasks=-1)
    return Counting(task.id, created_on)


def _seconds_to_done(task: Task) -> int | None:
    if task.created_at is None or task.done_at is None:
        return None
    return max(0, round((task.done_at - task.created_at).total_seconds()))
