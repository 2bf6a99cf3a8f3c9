"""Reading JSON requests and writing JSON responses, with explicit limits."""

import json
from typing import Any

from flask import Request, Response
from werkzeug.exceptions import RequestEntityTooLarge

from taskly.api.errors import ApiError
from taskly.vocabulary.errors import InvalidInput, UnsupportedFormat
from taskly.vocabulary.limits import JSON_BODY_LIMIT


def read_json(request: Request, *, allow_empty: bool = False) -> Any:
    """The request's JSON body; 413, 415 or 400 errors for what is not one."""
    declared = request.content_length
    if declared is not None and declared > JSON_BODY_LIMIT:
        raise _too_large()
    raw = request.stream.read(JSON_BODY_LIMIT + 1)
    if len(raw) > JSON_BODY_LIMIT:
        raise _too_large()
    if not raw.strip():
        if allow_empty:
            return {}
        raise InvalidInput("Request body is required.")
    if request.mimetype != "application/json":
        raise UnsupportedFormat("Send the body as application/json.")
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise InvalidInput("Request body is not valid JSON.") from None


def read_bytes(request: Request, limit: int) -> bytes:
    """The raw request body, refused with 413 past ``limit`` bytes."""
    declared = request.content_length
    if declared is not None and declared > limit:
        raise _too_large(limit)
    raw = request.stream.read(limit + 1)
    if len(raw) > limit:
        raise _too_large(limit)
    return raw


def read_form(request: Request, names: tuple[str, ...]) -> dict[str, str | None]:
    """The named fields of a form post (an HTML page's button), refused with 413 past the
    JSON limit."""
    request.max_content_length = JSON_BODY_LIMIT
    try:
        return {name: request.form.get(name) for name in names}
    except RequestEntityTooLarge:
        raise _too_large() from None


def _too_large(limit: int = JSON_BODY_LIMIT) -> ApiError:
    return ApiError(413, "payload_too_large", f"Request body is larger than {limit // 1024} KB.")


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    response = Response(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")),
        status=status,
        mimetype="application/json",
    )
    response.headers["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def empty_response(status: int = 204) -> Response:
    response = Response(status=status)
    response.headers["Cache-Control"] = "no-store"
    return response


def error_response(error: ApiError) -> Response:
    return json_response(error.body(), error.status, dict(error.headers))
