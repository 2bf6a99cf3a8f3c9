"""One structured JSON line per request, the shape Cloud Logging reads."""

import json
import sys
from typing import Any

from flask import Request

from taskly.settings import project_id


def log_request(request: Request, status: int, latency_ms: float, uid: str | None) -> None:
    entry: dict[str, Any] = {
        "severity": "ERROR" if status >= 500 else "WARNING" if status >= 400 else "INFO",
        "message": f"{request.method} {request.path} {status}",
        "method": request.method,
        "path": request.path,
        "status": status,
        "latency_ms": round(latency_ms, 1),
        "uid": uid,
    }
    trace_header = request.headers.get("X-Cloud-Trace-Context", "")
    if trace_header:
        trace_id = trace_header.split("/", 1)[0]
        entry["logging.googleapis.com/trace"] = f"projects/{project_id()}/traces/{trace_id}"
    print(json.dumps(entry), file=sys.stdout, flush=True)


def log_event(severity: str, message: str, **fields: Any) -> None:
    """A structured line for background work (triggers, sweeps)."""
    print(json.dumps({"severity": severity, "message": message, **fields}, default=str), flush=True)
