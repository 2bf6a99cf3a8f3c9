"""The task document ``users/{uid}/tasks/{id}`` as a typed value, with its reminder rules."""

from dataclasses import dataclass, fields
from datetime import datetime
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
    next_reminder_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    done_at: datetime | None = None
    # Who last switched a channel: the trigger stays quiet for an unsubscribe link's change.
    reminder_change_source: ChangeSource | None = None

    @classmethod
    def from_document(cls, task_id: str, data: dict[str, Any]) -> "Task":
        return cls(
            id=task_id,
            description=str(data.get("description") or ""),
            status=data.get("status") or "todo",
            notify_email=bool(data.get("notify_email")),
            notify_sms=bool(data.get("notify_sms")),
            next_reminder_at=data.get("next_reminder_at"),
            created_at=data.get("created_at"),
            updated_at=data.get("updated_at"),
            done_at=data.get("done_at"),
            reminder_change_source=_change_source(data.get("reminder_change_source")),
        )

    def to_document(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "id"}

    def notifies(self, channel: Channel) -> bool:
        return self.notify_email if channel == "email" else self.notify_sms

    @property
    def channels_on(self) -> tuple[Channel, ...]:
        return tuple(channel for channel in CHANNELS if self.notifies(channel))

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
