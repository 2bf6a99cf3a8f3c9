"""Fake Twilio endpoint: ``POST /2010-04-01/Accounts/<AccountSid>/Messages.json``."""

from __future__ import annotations

import secrets
from typing import Any

from flask import Blueprint, Response, jsonify, request

from tools.capture.state import get_state
from tools.capture.store import make_message
from tools.capture.twilio_message import TwilioError, message_resource, validate_message

bp = Blueprint("twilio", __name__)

AUTH_ERROR = TwilioError(401, 20003, "Authenticate")
FAULT_MESSAGES = {
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def new_message_sid() -> str:
    """A random message sid: ``SM`` followed by 32 hex digits."""
    return "SM" + secrets.token_hex(16)


def error_response(error: TwilioError) -> Response:
    """Twilio's JSON error body with the matching HTTP status."""
    response = jsonify(error.to_json())
    response.status_code = error.status
    if error.status == 401:
        response.headers["WWW-Authenticate"] = 'Basic realm="Twilio API"'
    if error.status == 429:
        response.headers["Retry-After"] = "1"
    return response


def is_authorized(account_sid: str) -> bool:
    """Basic auth whose username is the account sid (and password the token, if configured)."""
    auth = request.authorization
    if auth is None or auth.type != "basic" or auth.username != account_sid:
        return False
    expected = get_state().config.twilio_auth_token
    return expected is None or secrets.compare_digest(auth.password or "", expected)


def form_payload() -> dict[str, Any]:
    """The posted form; repeated keys (such as MediaUrl) become lists."""
    return {k: v[0] if len(v) == 1 else v for k, v in request.form.to_dict(flat=False).items()}


@bp.post("/2010-04-01/Accounts/<account_sid>/Messages.json")
def create_message(account_sid: str) -> Response:
    """Check the request like Twilio does; store it and answer 201 when it is valid."""
    state = get_state()
    fault = state.faults.apply("sms")
    if fault is not None:
        state.stats.record("sms", "failed")
        message = FAULT_MESSAGES.get(fault, "Injected fault")
        return error_response(TwilioError(fault, 20000 + fault, message))
    if not is_authorized(account_sid):
        state.stats.record("sms", "rejected")
        return error_response(AUTH_ERROR)
    form = request.form.to_dict()
    if (error := validate_message(form)) is not None:
        state.stats.record("sms", "rejected")
        return error_response(error)
    sid = new_message_sid()
    resource = message_resource(account_sid, sid, form)
    state.store.add(
        make_message(
            message_id=sid,
            channel="sms",
            to=[resource["to"]],
            sender=resource["from"],
            body=resource["body"],
            request=form_payload(),
        )
    )
    state.stats.record("sms", "accepted")
    state.faults.answer_late("sms")
    response = jsonify(resource)
    response.status_code = 201
    return response
