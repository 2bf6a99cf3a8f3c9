"""What is sent, independent of the provider, and how a provider call can end badly."""

from dataclasses import dataclass, field

from requests import ConnectionError as RequestsConnectionError
from requests import ConnectTimeout, RequestException
from urllib3.exceptions import NewConnectionError


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


@dataclass(frozen=True)
class Push:
    """A Web Push message to one device: ``to`` is the device's id, ``payload`` the JSON its
    service worker reads, encrypted for the subscription's keys on the way."""

    to: str
    endpoint: str
    p256dh: str
    auth: str
    payload: str


Message = Email | Sms | Push


class ProviderError(Exception):
    """The provider did not take the message; ``retryable`` for 5xx, 429 and no connection."""

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class SubscriptionGone(ProviderError):
    """The push service no longer knows the subscription (404 or 410): it never will again."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=False)


class OutcomeUnknown(Exception):
    """The request went out but no answer came back: the message may have been sent."""


def is_retryable_status(status: int) -> bool:
    return status == 429 or status >= 500


def never_connected(error: RequestException) -> bool:
    """A fault before the connection was made: the provider never saw the request."""
    if isinstance(error, ConnectTimeout):
        return True
    if not isinstance(error, RequestsConnectionError):
        return False
    reason = error.args[0] if error.args else None
    cause = getattr(reason, "reason", reason)  # urllib3's MaxRetryError wraps the cause
    return isinstance(cause, NewConnectionError)
