"""The profile document ``users/{uid}`` as a typed value, with the rules read from it."""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from taskly.vocabulary.channels import Channel
from taskly.vocabulary.local_time import next_reminder_at, parse_remind_time
from taskly.vocabulary.timestamps import to_json

DEFAULT_TIMEZONE = "UTC"
DEFAULT_REMIND_TIME = "09:00"
# The shape of a person's task documents: raised with each field every task must have (the
# board's queries need it), which tasks/backfill.py then gives the tasks written before it.
TASK_DOCUMENTS_VERSION = 1


@dataclass(frozen=True)
class Profile:
    uid: str
    email: str | None = None
    # Whether the ID token last seen said ``email`` is confirmed: only then is it mailed.
    email_verified: bool = False
    first_name: str = ""
    last_name: str = ""
    phone: str | None = None
    phone_verified: bool = False
    timezone: str = DEFAULT_TIMEZONE
    remind_time: str = DEFAULT_REMIND_TIME
    avatar_path: str | None = None
    avatar_version: str | None = None
    # Devices with notifications on; their subscriptions are users/{uid}/devices.
    push_devices: int = 0
    # Their tasks have every field of this TASK_DOCUMENTS_VERSION.
    task_documents_version: int = 0
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def new(cls, uid: str, email: str | None, email_verified: bool, now: datetime) -> "Profile":
        return cls(
            uid=uid,
            email=email,
            email_verified=email_verified,
            task_documents_version=TASK_DOCUMENTS_VERSION,
            created_at=now,
            updated_at=now,
        )

    @classmethod
    def from_document(cls, uid: str, data: dict[str, Any]) -> "Profile":
        """Read a stored profile; missing or empty fields take their defaults."""
        return cls(
            uid=uid,
            email=data.get("email") or None,
            email_verified=bool(data.get("email_verified")),
            first_name=str(data.get("first_name") or ""),
            last_name=str(data.get("last_name") or ""),
            phone=data.get("phone") or None,
            phone_verified=bool(data.get("phone_verified")),
            timezone=data.get("timezone") or DEFAULT_TIMEZONE,
            remind_time=data.get("remind_time") or DEFAULT_REMIND_TIME,
            avatar_path=data.get("avatar_path") or None,
            avatar_version=data.get("avatar_version") or None,
            push_devices=int(data.get("push_devices") or 0),
            task_documents_version=int(data.get("task_documents_version") or 0),
            created_at=data.get("created_at"),
            updated_at=data.get("updated_at"),
        )

    def to_document(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "uid"}

    def with_changes(self, changes: Mapping[str, object]) -> "Profile":
        """The profile as it reads after a partial update of its document with ``changes``."""
        return Profile.from_document(self.uid, {**self.to_document(), **changes})

    @property
    def can_text(self) -> bool:
        """Texts only ever go to a number its owner proved with a code."""
        return bool(self.phone and self.phone_verified)

    def address(self, channel: Channel) -> str | None:
        """The address reminders by email or SMS go to, or None when that channel cannot
        reach the person (push has a device list, not one address)."""
        if channel == "email":
            return self.email if self.email_verified else None
        if channel == "sms":
            return self.phone if self.can_text else None
        return None

    def reaches(self, channel: Channel) -> bool:
        """Whether reminders on ``channel`` can reach the person."""
        return self.push_devices > 0 if channel == "push" else self.address(channel) is not None

    def next_reminder_after(self, instant: datetime) -> datetime:
        """The person's next local remind time strictly after ``instant``."""
        return next_reminder_at(instant, self.timezone, parse_remind_time(self.remind_time))

    @property
    def avatar_url(self) -> str | None:
        """Where the web app fetches the picture; the version changes with every upload."""
        if not self.avatar_path:
            return None
        return (
            f"/api/me/avatar?v={self.avatar_version}" if self.avatar_version else "/api/me/avatar"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "uid": self.uid,
            "email": self.email,
            "email_verified": self.email_verified,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "timezone": self.timezone,
            "remind_time": self.remind_time,
            "phone": self.phone,
            "phone_verified": self.phone_verified,
            "avatar_url": self.avatar_url,
            "push_devices": self.push_devices,
            "created_at": to_json(self.created_at),
            "updated_at": to_json(self.updated_at),
        }
