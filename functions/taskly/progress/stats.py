"""The statistics document ``users/{uid}/stats/progress`` and how one task write changes it.

Days are the person's local calendar days, as ISO dates. The counts are history: a deleted
task stays created and done on its days; only moving a task out of Done takes it back.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from taskly.limits import DONE_TIMES_PER_DAY_KEPT, PROGRESS_DAYS_KEPT
from taskly.reminders.schedule import local_date
from taskly.tasks.document import Task

# The medians compare the last 30 days with the 30 before: older done times are not needed.
MEDIAN_WINDOW_DAYS = 30
_DONE_TIMES_KEPT_DAYS = 2 * MEDIAN_WINDOW_DAYS
# Trigger events already counted: a replayed event (at-least-once delivery) counts once.
_EVENTS_REMEMBERED = 100


@dataclass
class Day:
    created: int = 0
    done: int = 0
    # Seconds from created to done, one per task done that day.
    done_seconds: list[int] = field(default_factory=list)

    @classmethod
    def from_document(cls, data: dict[str, Any]) -> "Day":
        return cls(
            created=int(data.get("created") or 0),
            done=int(data.get("done") or 0),
            done_seconds=[int(s) for s in data.get("done_seconds") or []],
        )

    def to_document(self) -> dict[str, Any]:
        return {"created": self.created, "done": self.done, "done_seconds": self.done_seconds}


@dataclass
class ProgressStats:
    timezone: str
    # Tasks in the Done column right now (the board shows it; it pages through them).
    done_tasks: int = 0
    days: dict[date, Day] = field(default_factory=dict)
    recent_events: list[str] = field(default_factory=list)

    @classmethod
    def from_document(cls, data: dict[str, Any], timezone: str) -> "ProgressStats":
        return cls(
            timezone=timezone,
            done_tasks=int(data.get("done_tasks") or 0),
            days={
                date.fromisoformat(key): Day.from_document(value)
                for key, value in (data.get("days") or {}).items()
            },
            recent_events=list(data.get("recent_events") or []),
        )

    def to_document(self, now: datetime) -> dict[str, Any]:
        return {
            "timezone": self.timezone,
            "done_tasks": self.done_tasks,
            "days": {day.isoformat(): counts.to_document() for day, counts in self.days.items()},
            "recent_events": self.recent_events,
            "updated_at": now,
        }

    def day(self, instant: datetime) -> Day:
        return self.days.setdefault(local_date(instant, self.timezone), Day())

    def apply(self, event_id: str, before: Task | None, after: Task | None) -> bool:
        """Count one task write; False when this event was already counted."""
        if event_id in self.recent_events:
            return False
        self.recent_events = [*self.recent_events, event_id][-_EVENTS_REMEMBERED:]
        if before is None and after is not None and after.created_at is not None:
            self.day(after.created_at).created += 1
        was_done = before is not None and before.status == "done"
        is_done = after is not None and after.status == "done"
        if is_done and not was_done:
            assert after is not None
            self._count_done(after)
        elif was_done and not is_done:
            assert before is not None
            self.done_tasks -= 1
            if after is not None:  # reopened: it was not done after all
                self._uncount_done(before)
        return True

    def _count_done(self, task: Task) -> None:
        self.done_tasks += 1
        if task.done_at is None:
            return
        day = self.day(task.done_at)
        day.done += 1
        seconds = _seconds_to_done(task)
        if seconds is not None and len(day.done_seconds) < DONE_TIMES_PER_DAY_KEPT:
            day.done_seconds.append(seconds)

    def _uncount_done(self, task: Task) -> None:
        if task.done_at is None:
            return
        day = self.day(task.done_at)
        day.done = max(0, day.done - 1)
        seconds = _seconds_to_done(task)
        if seconds in day.done_seconds:
            day.done_seconds.remove(seconds)

    def prune(self, today: date) -> None:
        """Forget days past the kept history, and done times past the medians' window."""
        oldest_kept = today - timedelta(days=PROGRESS_DAYS_KEPT - 1)
        oldest_times = today - timedelta(days=_DONE_TIMES_KEPT_DAYS - 1)
        for day in list(self.days):
            if day < oldest_kept:
                del self.days[day]
            elif day < oldest_times:
                self.days[day].done_seconds = []


def _seconds_to_done(task: Task) -> int | None:
    if task.created_at is None or task.done_at is None:
        return None
    return max(0, round((task.done_at - task.created_at).total_seconds()))
