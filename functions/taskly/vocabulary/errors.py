"""What can go wrong in Taskly's own terms; the API maps each kind to its HTTP answer once."""


class TasklyError(Exception):
    """A failure the person can act on: a plain message, and the input field it is about."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(TasklyError):
    """The input itself is wrong: fix it and send again."""


class UnsupportedFormat(TasklyError):
    """The input is of a kind Taskly does not take (e.g. an image format)."""


class NotFound(TasklyError):
    """No such thing among the caller's own."""


class Conflict(TasklyError):
    """The input is fine, but the state does not allow it yet (e.g. verify a phone first)."""


class LimitReached(TasklyError):
    """A limit was met; ``retry_after_seconds`` says when trying again can work."""

    def __init__(self, message: str, retry_after_seconds: int, field: str | None = None) -> None:
        super().__init__(message, field)
        self.retry_after_seconds = retry_after_seconds


class Unavailable(TasklyError):
    """A service Taskly needs did not answer; nothing changed, try again shortly."""
