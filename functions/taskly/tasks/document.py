"""The task document ``users/{uid}/tasks/{id}`` as a typed value, with its reminder rules."""

from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import Any, Literal

from taskly.vocabulary.channels import CHANNELS, Channel
from taskly.vocabulary.statuses import Status
from taskly.vocabulary.timestamps import to_json

# Who switched a task's reminder channels last: the app, or an unsubscribe link.
ChangeSource = Literal["app", "unsubscribe"]
CHANGE_SOURCES: tuple[ChangeSource, ...] = ("app", "unsubscribe")


def _change_source(value: object) -> ChangeSource | None:
    return next((source for source in CHANGE_SOURCES if source == value), None)


@dataclass(frozen=True)
class Task:
    id: str
    description: str
    status: Status = "todo"
    notify_email: bool = False
    notify_sms: bool = False
    notify_push: bool = False
    next_reminder_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    done_at: datetime | None = None
    # Who last switched a channel: the trigger stays quiet for an unsubscribe link's change.
    reminder_change_source: ChangeSource | None = None
    # When it is due, as the person set it: a local date ("2026-12-24"), optionally a local
    # time ("09:00"), in the person's time zone. ``due_at`` is that instant (with a time only),
    # kept by the server so reminders and calendars need no zone arithmetic.
    due_date: str | None = None
    due_time: str | None = None
    due_at: datetime | None = None
    # An RFC 5545 RRULE body over due dates; counted from the last completion with
    # ``repeat_from_completion``.
    repeat: str | None = None
    repeat_from_completion: bool = False
    # A timed task's reminder comes this long before its time.
    remind_before_minutes: int = 0
    # A repeating task's last completion (it then moved on to its next date, not to Done).
    last_completed_at: datetime | None = None
    # The person's local day ("2026-12-24") of its latest completion, in the zone they had at
    # that moment: the day its done counts on, which a later change of zone never moves. None
    # once it leaves Done; a repeating task that moved on keeps its last completion's day.
    completed_on: str | None = None
    # The due date a repeating task's latest completion completed, while that completion
    # moved it on: undoing the completion moves it back there.
    completed_due_date: str | None = None
    # A reminder snoozed from a notification or an email link comes at this instant, on its
    # own like a timed one; the task's dates stay as they are.
    snoozed_until: datetime | None = None
    # Its place in its column among tasks of the same due (tasks/order.py): text that sorts.
    rank: str | None = None

    @classmethod
    def from_document(cls, task_id: str, data: dict[str, Any]) -> "Task":
        return cls(
            id=task_id,
            description=str(data.get("description") or ""),
            status=data.get("status") or "todo",
            notify_email=bool(data.get("notify_email")),
            notify_sms=bool(data.get("notify_sms")),
            notify_push=bool(data.get("notify_push")),
            next_reminder_at=data.get("next_reminder_at"),
            created_at=data.get("created_at"),
            updated_at=data.get("updated_at"),
            done_at=data.get("done_at"),
            reminder_change_source=_change_source(data.get("reminder_change_source")),
            due_date=data.get("due_date"),
            due_time=data.get("due_time"),
            due_at=data.get("due_at"),
            repeat=data.get("repeat"),
            repeat_from_completion=bool(data.get("repeat_from_completion")),
            remind_before_minutes=int(data.get("remind_before_minutes") or 0),
            last_completed_at=data.get("last_completed_at"),
            completed_on=data.get("completed_on"),
            completed_due_date=data.get("completed_due_date"),
            snoozed_until=data.get("snoozed_until"),
            rank=data.get("rank"),
        )

    def to_document(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "id"}

    def notifies(self, channel: Channel) -> bool:
        return {"email": self.notify_email, "sms": self.notify_sms, "push": self.notify_push}[
            channel
        ]

    @property
    def channels_on(self) -> tuple[Channel, ...]:
        return tuple(channel for channel in CHANNELS if self.notifies(channel))

    @property
    def timed_reminder_at(self) -> datetime | None:
        """When a task due at a time is reminded of it; None without a time."""
        if self.due_at is None:
            return None
        return self.due_at - timedelta(minutes=self.remind_before_minutes)

    @property
    def reminder_is_timed(self) -> bool:
        """Whether its next reminder comes on its own, for its due time or snoozed to a time
        (else it is in the daily digest)."""
        return self.next_reminder_at is not None and self.next_reminder_at in (
            self.timed_reminder_at,
            self.snoozed_until,
        )

    @property
    def wants_reminders(self) -> bool:
        """A task is reminded while a channel is on and it is not done."""
        return bool(self.channels_on) and self.status != "done"

    def to_json(self) -> dict[str, Any]:
        """The API's shape of a task (the Task schema in openapi.yaml): every field but the
        internal ones, times as ISO 8601 text."""
        return {
            f.name: _json_value(getattr(self, f.name))
            for f in fields(self)
            if f.name not in _INTERNAL_FIELDS
        }


# Kept for the trigger, never shown.
_INTERNAL_FIELDS = frozenset({"reminder_change_source"})


def _json_value(value: object) -> object:
    return to_json(value) if isinstance(value, datetime) else value
