"""Signed one-click unsubscribe tokens for reminder emails."""

from dataclasses import dataclass

from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer

DEFAULT_MAX_AGE_SECONDS = 60 * 60 * 24 * 60
_SALT = "taskly-unsubscribe"


class InvalidUnsubscribeToken(ValueError):
    """The token was forged, altered, malformed or has expired."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class UnsubscribeRequest:
    """Whose reminders to stop: the given tasks, or all of them when task_ids is None."""

    uid: str
    task_ids: tuple[str, ...] | None


def _serializer(secret: str) -> URLSafeTimedSerializer:
    if not secret:
        raise ValueError("An unsubscribe secret must not be empty.")
    return URLSafeTimedSerializer(secret, salt=_SALT)


def make_unsubscribe_token(secret: str, uid: str, task_ids: list[str] | None) -> str:
    """A URL-safe token that stops the reminders of `task_ids`, or of all tasks if None."""
    if not uid:
        raise ValueError("An unsubscribe token needs a uid.")
    if task_ids is not None and (not task_ids or not all(task_ids)):
        raise ValueError("task_ids must be None (all tasks) or a list of task ids.")
    return _serializer(secret).dumps({"uid": uid, "tasks": task_ids})


def read_unsubscribe_token(
    secret: str, token: str, max_age_seconds: int = DEFAULT_MAX_AGE_SECONDS
) -> UnsubscribeRequest:
    """Check a token's signature and age, and say what it unsubscribes from."""
    try:
        payload = _serializer(secret).loads(token, max_age=max_age_seconds)
    except SignatureExpired as error:
        raise InvalidUnsubscribeToken("This unsubscribe link has expired.") from error
    except BadData as error:
        raise InvalidUnsubscribeToken("This unsubscribe link is not valid.") from error
    return _request_from(payload)


def _request_from(payload: object) -> UnsubscribeRequest:
    # The signature proves we made the token; the shape check guards against our own bugs.
    match payload:
        case {"uid": str(uid), "tasks": None} if uid:
            return UnsubscribeRequest(uid=uid, task_ids=None)
        case {"uid": str(uid), "tasks": list(tasks)} if (
            uid and tasks and all(isinstance(task, str) and task for task in tasks)
        ):
            return UnsubscribeRequest(uid=uid, task_ids=tuple(tasks))
    raise InvalidUnsubscribeToken("This unsubscribe link is not valid.")
