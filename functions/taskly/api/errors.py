"""The one error type the API answers with, and its JSON shape."""

from dataclasses import dataclass
from typing import Any


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


def invalid_argument(message: str, field: str | None = None) -> ApiError:
    return ApiError(400, "invalid_argument", message, field)


def unauthenticated(message: str) -> ApiError:
    return ApiError(401, "unauthenticated", message)


def not_found(message: str) -> ApiError:
    return ApiError(404, "not_found", message)


def failed_precondition(message: str, field: str | None = None) -> ApiError:
    return ApiError(409, "failed_precondition", message, field)


def too_many_requests(message: str) -> ApiError:
    return ApiError(429, "resource_exhausted", message)
