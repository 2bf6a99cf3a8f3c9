"""When a task's next reminder is due, given the task and its owner's profile."""

from datetime import datetime
from typing import Any

from taskly.profiles import DEFAULT_REMIND_TIME, DEFAULT_TIMEZONE
from taskly.reminders.schedule import next_reminder_at, parse_remind_time


def wants_reminders(task: dict[str, Any]) -> bool:
    """A task is reminded while a channel is on and it is not done."""
    return bool(task.get("notify_email") or task.get("notify_sms")) and task.get("status") != "done"


def first_reminder_at(profile: dict[str, Any], after: datetime) -> datetime:
    """The person's next local remind time strictly after ``after``."""
    return next_reminder_at(
        after,
        profile.get("timezone") or DEFAULT_TIMEZONE,
        parse_remind_time(profile.get("remind_time") or DEFAULT_REMIND_TIME),
    )
