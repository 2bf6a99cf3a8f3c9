"""A task's dates: when it is due, where a repeat moves it, and when it is next reminded.

Pure rules over a task and its owner's profile. Dates and times are local to the person's
time zone; ``due_at`` is the instant they name, recomputed whenever they or the zone change.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from taskly.profiles.document import Profile
from taskly.tasks.document import Task
from taskly.vocabulary.errors import Conflict, InvalidInput
from taskly.vocabulary.local_time import local_date, local_instant, parse_remind_time
from taskly.vocabulary.repeats import (
    RepeatError,
    first_on_or_after,
    next_due_date,
    normalized_rule,
)


@dataclass(frozen=True)
class Schedule:
    """What a person sets of a task's dates; a patch names only the fields it changes."""

    due_date: str | None = None
    due_time: str | None = None
    repeat: str | None = None
    repeat_from_completion: bool = False
    remind_before_minutes: int = 0

    @classmethod
    def of(cls, task: Task) -> "Schedule":
        return cls(
            task.due_date,
            task.due_time,
            task.repeat,
            task.repeat_from_completion,
            task.remind_before_minutes,
        )


@dataclass(frozen=True)
class SchedulePatch:
    """The schedule fields one request sets (``given``), others kept as they are."""

    values: Schedule
    given: frozenset[str]

    def applied_to(self, current: Schedule) -> Schedule:
        """``current`` with the given fields set; clearing the date clears what hangs on it."""
        if "due_date" in self.given and self.values.due_date is None:
            return replace(Schedule(), remind_before_minutes=current.remind_before_minutes)
        given = {name: getattr(self.values, name) for name in self.given}
        return replace(current, **given)


def due_instant(due_date: str | None, due_time: str | None, timezone: str) -> datetime | None:
    if due_date is None or due_time is None:
        return None
    return local_instant(date.fromisoformat(due_date), parse_remind_time(due_time), timezone)


def scheduled(task: Task, schedule: Schedule, timezone: str, now: datetime) -> Task:
    """``task`` with ``schedule`` checked and applied: a date for a time or a repeat, a repeat
    rule Taskly keeps (normalized), the due date moved onto the repeat's first date not before
    it, and ``due_at`` made. InvalidInput names the field at fault."""
    if schedule.due_date is None and (schedule.due_time or schedule.repeat):
        field = "due_time" if schedule.due_time else "repeat"
        raise InvalidInput("A time or a repeat needs a due date.", field)
    due_date, repeat = schedule.due_date, schedule.repeat
    if due_date is not None and repeat is not None:
        start = date.fromisoformat(due_date)
        try:
            repeat = normalized_rule(repeat, start, local_date(now, timezone))
        except RepeatError as error:
            raise InvalidInput(str(error), "repeat") from None
        first = first_on_or_after(repeat, start)
        assert first is not None  # normalized_rule refuses a rule without one
        due_date = first.isoformat()
    return replace(
        task,
        due_date=due_date,
        due_time=schedule.due_time,
        due_at=due_instant(due_date, schedule.due_time, timezone),
        repeat=repeat,
        repeat_from_completion=schedule.repeat_from_completion and repeat is not None,
        remind_before_minutes=schedule.remind_before_minutes,
    )


def in_zone(task: Task, timezone: str) -> Task:
    """``task`` with ``due_at`` for its local date and time in ``timezone``."""
    return replace(task, due_at=due_instant(task.due_date, task.due_time, timezone))


def moved_to_next_date(task: Task, timezone: str, now: datetime) -> Task | None:
    """A repeating task completed at ``now``: the same task open on its next date, stamped
    with the completion (its local day, and the date it completed for an undo). None when it
    does not repeat or its series is over."""
    if task.repeat is None or task.due_date is None:
        return None
    following = next_due_date(
        task.repeat,
        date.fromisoformat(task.due_date),
        local_date(now, timezone),
        task.repeat_from_completion,
    )
    if following is None:
        return None
    moved = replace(
        task,
        status="todo",
        done_at=None,
        due_date=following.isoformat(),
        last_completed_at=now,
        completed_on=local_date(now, timezone).isoformat(),
        completed_due_date=task.due_date,
    )
    return in_zone(moved, timezone)


def completion_undone(task: Task, timezone: str) -> Task:
    """A repeating task whose latest completion moved it on, with that completion taken back:
    open again on the date it completed. Conflict when it has no such completion."""
    if task.completed_due_date is None or task.last_completed_at is None:
        raise Conflict("This task has no completion to undo.", "undo_completion")
    undone = replace(
        task,
        due_date=task.completed_due_date,
        last_completed_at=None,
        completed_on=None,
        completed_due_date=None,
    )
    return in_zone(undone, timezone)


def planned_reminder(task: Task, profile: Profile, now: datetime) -> datetime:
    """When a task that wants reminders is next reminded: at its time (less its offset) while
    that is ahead; else on its due date's morning while that is ahead; else (no date, due
    today, or overdue) in the person's next daily digest, until it is done."""
    timed = task.timed_reminder_at
    if timed is not None and timed > now:
        return timed
    if task.due_date is not None and task.due_time is None:
        day_starts = local_instant(date.fromisoformat(task.due_date), time(0), profile.timezone)
        morning = profile.next_reminder_after(day_starts - timedelta(microseconds=1))
        if morning > now:
            return morning
    return profile.next_reminder_after(now)


def same_plan(before: Task, after: Task) -> bool:
    """Whether an edit left what a task's reminder is planned from as it was."""
    return (before.due_date, before.due_at, before.remind_before_minutes) == (
        after.due_date,
        after.due_at,
        after.remind_before_minutes,
    )
