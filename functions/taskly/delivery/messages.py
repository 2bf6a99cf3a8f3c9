"""What is sent, independent of the provider."""

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Email:
    to: str
    subject: str
    html: str
    text: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Sms:
    to: str
    body: str


Message = Email | Sms


def message_to_record(message: Message) -> dict[str, Any]:
    """The message as stored in a delivery record, for a later resend."""
    return {"kind": type(message).__name__.lower(), **asdict(message)}


def message_from_record(record: dict[str, Any]) -> Message:
    fields = {key: value for key, value in record.items() if key != "kind"}
    return Email(**fields) if record["kind"] == "email" else Sms(**fields)


class ProviderError(Exception):
    """A provider refused or failed a send; ``retryable`` for 5xx, 429 and network faults."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


def is_retryable_status(status: int) -> bool:
    return status == 429 or status >= 500
