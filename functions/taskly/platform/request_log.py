"""Structured log entries through the SDK's logger, the shape Cloud Logging reads: besides
severity and message, an entry's keys become fields of its JSON payload."""

from typing import Any, cast

from firebase_functions import logger
from flask import Request
from pydantic import ValidationError

from taskly.platform.settings import project_id

# Problems of one invalid input named in its log entry; the count says how many there were.
_PROBLEMS_LOGGED = 10


def log_request(
    request: Request, status: int, latency_ms: float, uid: str | None, path: str | None = None
) -> None:
    """One entry per API request, tied to the request's trace when Google sent one; ``path``
    stands in for the request's own when that carries a secret."""
    path = path or request.path
    severity = (
        logger.LogSeverity.ERROR
        if status >= 500
        else logger.LogSeverity.WARNING
        if status >= 400
        else logger.LogSeverity.INFO
    )
    entry: dict[str, Any] = {
        "severity": severity,
        "message": f"{request.method} {path} {status}",
        "method": request.method,
        "path": path,
        "status": status,
        "latency_ms": round(latency_ms, 1),
        "uid": uid,
    }
    trace_header = request.headers.get("X-Cloud-Trace-Context", "")
    if trace_header:
        trace_id = trace_header.split("/", 1)[0]
        entry["logging.googleapis.com/trace"] = f"projects/{project_id()}/traces/{trace_id}"
    logger.write(cast(logger.LogEntry, entry))


def log_event(severity: str, message: str, **fields: Any) -> None:
    """An entry for background work (triggers, sweeps)."""
    entry = {"severity": logger.LogSeverity(severity), "message": message, **fields}
    logger.write(cast(logger.LogEntry, entry))


def validation_problems(error: ValidationError) -> dict[str, Any]:
    """What made an input invalid, as log fields: each problem's type and location, never the
    input itself (``str(error)`` quotes the values, which may be addresses or secrets)."""
    problems = error.errors(include_url=False, include_context=False, include_input=False)
    return {
        "error_type": error.title,
        "error_count": error.error_count(),
        "problems": [
            {"type": problem["type"], "field": ".".join(str(part) for part in problem["loc"])}
            for problem in problems[:_PROBLEMS_LOGGED]
        ],
    }
