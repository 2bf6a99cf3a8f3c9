"""What is sent, independent of the provider."""

from dataclasses import dataclass, field


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


class ProviderError(Exception):
    """A provider refused or failed a send; ``retryable`` for 5xx, 429 and network faults."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


def is_retryable_status(status: int) -> bool:
    return status == 429 or status >= 500
