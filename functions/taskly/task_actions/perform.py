"""Done, Snooze 1 hour and Tomorrow morning on one task, by a token instead of a session.

Snoozing moves only the task's next reminder, never its dates: a repeating task keeps its
rule and its current date, and the reminder comes again on its own at the chosen time.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from google.api_core.exceptions import AlreadyExists
from google.cloud import firestore

from taskly.profiles.document import Profile
from taskly.profiles.store import read_profile
from taskly.task_actions.tokens import Grant, read_grant, record_use
from taskly.tasks import reminder_state
from taskly.tasks.document import Task
from taskly.tasks.refs import read_task
from taskly.tasks.store import TaskEdit, change_task
from taskly.vocabulary.errors import NotFound
from taskly.vocabulary.limits import SNOOZE_MINUTES
from taskly.vocabulary.local_time import local_date, local_instant

Action = Literal["done", "snooze_hour", "tomorrow"]
ACTIONS: tuple[Action, ...] = ("done", "snooze_hour", "tomorrow")
ACTION_TITLES: dict[Action, str] = {
    "done": "Done",
    "snooze_hour": "Snooze 1 hour",
    "tomorrow": "Tomorrow morning",
}
Outcome = Literal["done", "moved_on", "snoozed", "already_done", "unchanged", "gone"]


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    # What happened, in a sentence for the person (a notification or a page shows it).
    message: str


class _MovedOn(Exception):
    """The task was done, or moved to another date, since the token was handed out."""


def _is_current(task: Task, grant: Grant) -> bool:
    return task.status != "done" and task.due_date == grant.tasks[task.id]


def tomorrow_morning(profile: Profile, now: datetime) -> datetime:
    """Tomorrow at the person's reminder time, in their zone."""
    tomorrow = local_date(now, profile.timezone) + timedelta(days=1)
    starts = local_instant(tomorrow, time(0), profile.timezone)
    return profile.next_reminder_after(starts - timedelta(microseconds=1))


def _local_time(instant: datetime, profile: Profile, now: datetime) -> str:
    """``instant`` as the person reads it: "14:30", "tomorrow at 09:00"."""
    clock = instant.astimezone(ZoneInfo(profile.timezone))
    today = local_date(now, profile.timezone)
    if clock.date() == today:
        return f"{clock:%H:%M}"
    if clock.date() == today + timedelta(days=1):
        return f"tomorrow at {clock:%H:%M}"
    return f"{clock.date().isoformat()} at {clock:%H:%M}"


def _spend(grant: Grant) -> reminder_state.AlsoInTransaction:
    def spend(
        transaction: firestore.Transaction, uid: str, before: Task, after: Task, now: datetime
    ) -> None:
        if not _is_current(before, grant):
            raise _MovedOn()  # read in the change's transaction: nothing is written
        record_use(transaction, grant, before.id)

    return spend


def _act(grant: Grant, task: Task, action: Action, now: datetime) -> Result:
    if action == "done":
        after = change_task(grant.uid, task.id, TaskEdit(status="done"), now, also=_spend(grant))
        if after.status == "done":
            return Result("done", f"Done: {task.description}")
        return Result("moved_on", f"Done: {task.description}. Next on {after.due_date}.")
    if not task.wants_reminders:
        return Result("unchanged", f"Reminders are off for “{task.description}”.")
    profile = read_profile(grant.uid) or Profile(grant.uid)
    until = (
        now + timedelta(minutes=SNOOZE_MINUTES)
        if action == "snooze_hour"
        else tomorrow_morning(profile, now)
    )
    if reminder_state.snooze(grant.uid, task.id, until, now, also=_spend(grant)) is None:
        return Result("unchanged", f"Reminders are off for “{task.description}”.")
    when = _local_time(until, profile, now)
    return Result("snoozed", f"Snoozed until {when}: {task.description}")


def perform(token: str, task_id: str, action: Action, now: datetime) -> Result | None:
    """Act on the task the token names; None when the token is not valid for it (unknown,
    expired, or used already)."""
    grant = read_grant(token, task_id, now)
    if grant is None:
        return None
    try:
        task = read_task(grant.uid, task_id)
        if not _is_current(task, grant):
            raise _MovedOn()
        return _act(grant, task, action, now)
    except NotFound:
        return Result("gone", "This task was deleted.")
    except _MovedOn:
        return Result("already_done", "This task was already done.")
    except AlreadyExists:
        return None  # the same token acted on it meanwhile
