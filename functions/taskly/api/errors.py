"""The one error shape the API answers with, and how domain errors map onto it."""

from dataclasses import dataclass
from typing import Any

from taskly.vocabulary import errors


@dataclass(frozen=True)
class ApiError(Exception):
    """A failure the client can understand: status, stable code, human message."""

    status: int
    code: str
    message: str
    field: str | None = None
    headers: tuple[tuple[str, str], ...] = ()

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "field": self.field}}


_STATUS_AND_CODE: dict[type[errors.TasklyError], tuple[int, str]] = {
    errors.InvalidInput: (400, "invalid_argument"),
    errors.NotFound: (404, "not_found"),
    errors.Conflict: (409, "failed_precondition"),
    errors.UnsupportedFormat: (415, "unsupported_media_type"),
    errors.LimitReached: (429, "resource_exhausted"),
    errors.Unavailable: (503, "unavailable"),
}


def from_domain(error: errors.TasklyError) -> ApiError:
    status, code = _STATUS_AND_CODE.get(type(error), (400, "invalid_argument"))
    headers: tuple[tuple[str, str], ...] = ()
    if isinstance(error, errors.LimitReached):
        headers = (("Retry-After", str(max(1, error.retry_after_seconds))),)
    return ApiError(status, code, error.message, error.field, headers)


def unauthenticated(message: str) -> ApiError:
    return ApiError(401, "unauthenticated", message)
