"""The statistics document ``users/{uid}/stats/progress`` and what one task write changes in it.

Days are the person's local calendar days, as ISO dates. The counts are history: a deleted
task stays created and done on its days; only moving a task out of Done takes it back. A
write's change is counted with atomic increments (see store.py), so writes at the same
moment never contend; the in-memory model here applies the same change the same way.

A day's done times are keyed by a short digest of the task id rather than the id itself
(ids run to 128 characters): the key only has to tell that day's tasks apart, and this way
the document's size does not depend on the ids (see test_progress_stats for its worst case).
"""

import base64
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from taskly.limits import DONE_TIMES_PER_DAY_KEPT, PROGRESS_DAYS_KEPT
from taskly.reminders.schedule import local_date
from taskly.tasks.document import Task

# The medians compare the last 30 days with the 30 before: older done times are not needed.
MEDIAN_WINDOW_DAYS = 30
_DONE_TIMES_KEPT_DAYS = 2 * MEDIAN_WINDOW_DAYS


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


def changes_counts(before: Task | None, after: Task | None) -> bool:
    """Whether a write creates a task or moves one into or out of Done (edits, reminder
    switches and moves between Todo and Doing count for nothing)."""
    created = before is None and after is not None
    was_done = before is not None and before.status == "done"
    is_done = after is not None and after.status == "done"
    return created or was_done != is_done


def counting(before: Task | None, after: Task | None, timezone: str) -> Counting | None:
    """The change a write makes, in ``timezone``'s days; None when it changes no count."""
    if not changes_counts(before, after):
        return None
    task = after or before
    assert task is not None
    created_on = None
    if before is None and after is not None and after.created_at is not None:
        created_on = local_date(after.created_at, timezone)
    if after is not None and after.status == "done":  # moved into Done (or created done)
        done_on = local_date(after.done_at, timezone) if after.done_at else None
        return Counting(task.id, created_on, done_on, _seconds_to_done(after), done_tasks=1)
    if before is not None and before.status == "done":  # out of Done: reopened or deleted
        reopened = after is not None and before.done_at is not None
        undone_on = local_date(before.done_at, timezone) if reopened and before.done_at else None
        return Counting(task.id, created_on, undone_on=undone_on, done_tasks=-1)
    return Counting(task.id, created_on)


@dataclass
class Day:
    created: int = 0
    done: int = 0
    # Seconds from created to done, per task done that day (by done_time_key).
    done_seconds: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_document(cls, data: dict[str, Any]) -> "Day":
        return cls(
            created=int(data.get("created") or 0),
            done=int(data.get("done") or 0),
            done_seconds={k: int(v) for k, v in (data.get("done_seconds") or {}).items()},
        )

    def to_document(self) -> dict[str, Any]:
        return {"created": self.created, "done": self.done, "done_seconds": self.done_seconds}


@dataclass
class ProgressStats:
    timezone: str
    # Tasks in the Done column right now (the board shows it; it pages through them).
    done_tasks: int = 0
    days: dict[date, Day] = field(default_factory=dict)

    @classmethod
    def from_document(cls, data: dict[str, Any], timezone: str) -> "ProgressStats":
        return cls(
            timezone=timezone,
            done_tasks=int(data.get("done_tasks") or 0),
            days={
                date.fromisoformat(key): Day.from_document(value)
                for key, value in (data.get("days") or {}).items()
            },
        )

    def to_document(self, now: datetime) -> dict[str, Any]:
        return {
            "timezone": self.timezone,
            "done_tasks": self.done_tasks,
            "days": {day.isoformat(): counts.to_document() for day, counts in self.days.items()},
            "updated_at": now,
        }

    def apply(self, change: Counting) -> None:
        """Count one write's change (as the store's increments do in Firestore)."""
        if change.created_on:
            self.days.setdefault(change.created_on, Day()).created += 1
        if change.done_on:
            day = self.days.setdefault(change.done_on, Day())
            day.done += 1
            if change.seconds_to_done is not None:
                day.done_seconds[done_time_key(change.task_id)] = change.seconds_to_done
        if change.undone_on:
            day = self.days.setdefault(change.undone_on, Day())
            day.done -= 1
            day.done_seconds.pop(done_time_key(change.task_id), None)
        self.done_tasks += change.done_tasks

    def stale(self, today: date) -> list[tuple[str, ...]]:
        """Field paths to forget: days past the kept history, done times past the medians'
        window, and done times past the per-day cap."""
        oldest_kept = today - timedelta(days=PROGRESS_DAYS_KEPT - 1)
        oldest_times = today - timedelta(days=_DONE_TIMES_KEPT_DAYS - 1)
        paths: list[tuple[str, ...]] = []
        for day, counts in self.days.items():
            key = day.isoformat()
            if day < oldest_kept:
                paths.append(("days", key))
            elif day < oldest_times and counts.done_seconds:
                paths.append(("days", key, "done_seconds"))
            else:
                extra = sorted(counts.done_seconds)[DONE_TIMES_PER_DAY_KEPT:]
                paths.extend(("days", key, "done_seconds", time_key) for time_key in extra)
        return paths

    def prune(self, today: date) -> None:
        for path in self.stale(today):
            if len(path) == 2:
                del self.days[date.fromisoformat(path[1])]
            elif len(path) == 3:
                self.days[date.fromisoformat(path[1])].done_seconds = {}
            else:
                del self.days[date.fromisoformat(path[1])].done_seconds[path[3]]


def _seconds_to_done(task: Task) -> int | None:
    if task.created_at is None or task.done_at is None:
        return None
    return max(0, round((task.done_at - task.created_at).total_seconds()))
