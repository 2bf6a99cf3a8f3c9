"""What is sent, independent of the provider, and how a provider call can end badly."""

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


Message = Email | Sms


class ProviderError(Exception):
    """The provider did not take the message; ``retryable`` for 5xx, 429 and no connection."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class OutcomeUnknown(Exception):
    """The request went out but no answer came back: the message may have been sent."""


def is_retryable_status(status: int) -> bool:
    return status == 429 or status >= 500
