"""The human page: captured emails, SMS and pushes, newest first, plus a Clear button."""

from __future__ import annotations

import re
from datetime import datetime

from flask import Blueprint, Response, redirect, render_template, url_for
from werkzeug.wrappers import Response as BaseResponse

from tools.capture.state import get_state

bp = Blueprint("page", __name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src * data:; font-src * data:; connect-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# Links in a preview open a new tab (target=_blank implies noopener): inside the sandboxed
# frame the page they lead to could not run. base-uri limits a <base>'s href, not its target.
PREVIEW_BASE = '<base target="_blank">'
DOCTYPE_RE = re.compile(r"\s*<!doctype[^>]*>", re.IGNORECASE)


@bp.app_template_filter("capture_time")
def capture_time(iso: str) -> str:
    """``2024-05-01T12:00:00.123Z`` as ``2024-05-01 12:00:00 UTC``."""
    return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M:%S UTC")


@bp.app_template_filter("email_preview")
def email_preview(html: str) -> str:
    """An email's HTML for the preview frame, with a ``<base target="_blank">`` after any
    doctype (before it, the email would render in quirks mode)."""
    doctype = DOCTYPE_RE.match(html)
    at = doctype.end() if doctype else 0
    return html[:at] + PREVIEW_BASE + html[at:]


def describe_fault(rule: dict[str, int | None]) -> str:
    """A fault rule in words, e.g. ``HTTP 500 for the next 2 requests, +300 ms``."""
    parts = []
    if rule["status"] is not None:
        scope = "until cleared" if rule["count"] is None else f"for the next {rule['count']}"
        parts.append(f"HTTP {rule['status']} {scope}")
    if rule["latency_ms"]:
        parts.append(f"+{rule['latency_ms']} ms latency")
    if rule.get("late_answer_ms"):
        parts.append(f"accepts, then answers {rule['late_answer_ms']} ms late")
    return ", ".join(parts)


@bp.after_request
def security_headers(response: Response) -> Response:
    """Lock the page down: captured HTML lives only in a sandboxed iframe."""
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/")
def index() -> str:
    """Render every captured message, newest first."""
    state = get_state()
    faults = {
        channel: describe_fault(rule)
        for channel, rule in state.faults.snapshot().items()
        if rule is not None
    }
    return render_template(
        "index.html",
        emails=list(reversed(state.store.list(channel="email"))),
        sms=list(reversed(state.store.list(channel="sms"))),
        pushes=list(reversed(state.store.list(channel="push"))),
        faults=faults,
        stats=state.stats.snapshot(),
        version=state.store.version,
    )


@bp.post("/clear")
def clear() -> BaseResponse:
    """The Clear button: forget every message, then show the page again."""
    get_state().store.clear()
    return redirect(url_for("page.index"), code=303)
