"""Thread-safe in-memory store of accepted messages, newest last."""

from __future__ import annotations

import copy
import threading
from datetime import UTC, datetime
from typing import Any, Literal

Channel = Literal["email", "sms", "push"]
CHANNELS: tuple[Channel, ...] = ("email", "sms", "push")
Message = dict[str, Any]


def utc_now_iso() -> str:
    """Return the current UTC time as ISO 8601 with milliseconds and a ``Z`` suffix."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def make_message(
    *,
    message_id: str,
    channel: Channel,
    to: list[str],
    sender: str | None,
    request: Any,
    subject: str | None = None,
    text: str | None = None,
    html: str | None = None,
    headers: dict[str, str] | None = None,
    body: str | None = None,
) -> Message:
    """Build a stored record; every record has the same keys whatever its channel."""
    return {
        "id": message_id,
        "channel": channel,
        "received_at": utc_now_iso(),
        "to": to,
        "from": sender,
        "subject": subject,
        "text": text,
        "html": html,
        "headers": headers if headers is not None else {},
        "body": body,
        "request": request,
    }


class MessageStore:
    """Keeps accepted messages in arrival order; returns copies, never live records."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._messages: list[Message] = []
        self._version = 0

    @property
    def version(self) -> int:
        """A counter that changes whenever messages are added or cleared."""
        with self._lock:
            return self._version

    def add(self, message: Message) -> None:
        """Append a message."""
        with self._lock:
            self._messages.append(copy.deepcopy(message))
            self._version += 1

    def list(self, channel: Channel | None = None, to: str | None = None) -> list[Message]:
        """Messages oldest first, optionally only one channel and/or one recipient."""
        wanted = to.strip().lower() if to else None
        with self._lock:
            found = [
                m
                for m in self._messages
                if (channel is None or m["channel"] == channel)
                and (wanted is None or wanted in (a.lower() for a in m["to"]))
            ]
            return copy.deepcopy(found)

    def get(self, message_id: str) -> Message | None:
        """The message with that id, or ``None``."""
        with self._lock:
            for message in self._messages:
                if message["id"] == message_id:
                    return copy.deepcopy(message)
        return None

    def clear(self) -> int:
        """Drop every message; return how many there were."""
        with self._lock:
            count = len(self._messages)
            self._messages.clear()
            self._version += 1
            return count

    def __len__(self) -> int:
        with self._lock:
            return len(self._messages)
