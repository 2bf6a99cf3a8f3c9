"""JSON API for tests: captured messages, fault rules and request counters."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from tools.capture.faults import FaultSpecError, parse_fault_spec
from tools.capture.state import get_state
from tools.capture.store import CHANNELS, Channel

bp = Blueprint("api", __name__, url_prefix="/api")


def json_error(status: int, message: str) -> Response:
    """``{"error": message}`` with the given status."""
    response = jsonify({"error": message})
    response.status_code = status
    return response


def channel_arg(name: str = "channel") -> Channel | None:
    """The ``?channel=`` query argument, checked; raises ValueError when unknown."""
    value = request.args.get(name) or None
    if value is None:
        return None
    for channel in CHANNELS:
        if value == channel:
            return channel
    raise ValueError(f"{name} must be 'email', 'sms' or 'push'")


@bp.get("/messages")
def list_messages() -> Response:
    """Captured messages, oldest first; filters ``?channel=email|sms|push`` and ``?to=<address>``
    (a push's ``to`` is its subscription id)."""
    try:
        channel = channel_arg()
    except ValueError as exc:
        return json_error(400, str(exc))
    messages = get_state().store.list(channel=channel, to=request.args.get("to") or None)
    return jsonify({"messages": messages})


@bp.delete("/messages")
def clear_messages() -> Response:
    """Forget every captured message."""
    return jsonify({"deleted": get_state().store.clear()})


@bp.get("/messages/<message_id>")
def get_message(message_id: str) -> Response:
    """One captured message by id (X-Message-Id for email, sid for SMS, the id at the end of
    a push's Location)."""
    message = get_state().store.get(message_id)
    if message is None:
        return json_error(404, "no such message")
    return jsonify(message)


@bp.get("/faults")
def show_faults() -> Response:
    """The active fault rule per channel."""
    return jsonify({"faults": get_state().faults.snapshot()})


@bp.post("/faults")
def set_faults() -> Response:
    """Set the fault rule of one channel or of all: ``{channel, status, count, latency_ms}``."""
    try:
        channels, rule = parse_fault_spec(request.get_json(force=True, silent=True))
    except FaultSpecError as exc:
        return json_error(400, str(exc))
    faults = get_state().faults
    faults.set(channels, rule)
    return jsonify({"faults": faults.snapshot()})


@bp.delete("/faults")
def clear_faults() -> Response:
    """Clear the fault rules of every channel, or of ``?channel=email|sms|push`` only."""
    try:
        channel = channel_arg()
    except ValueError as exc:
        return json_error(400, str(exc))
    faults = get_state().faults
    faults.clear((channel,) if channel else CHANNELS)
    return jsonify({"faults": faults.snapshot()})


@bp.get("/stats")
def show_stats() -> Response:
    """Accepted, rejected and failed request counts per channel, plus the store size."""
    state = get_state()
    return jsonify(
        {
            **state.stats.snapshot(),
            "stored": len(state.store),
            "version": state.store.version,
        }
    )


@bp.delete("/stats")
def reset_stats() -> Response:
    """Set the request counters back to zero."""
    state = get_state()
    state.stats.reset()
    return jsonify(state.stats.snapshot())
