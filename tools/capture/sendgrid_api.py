"""Fake SendGrid v3 endpoint: ``POST /v3/mail/send``."""

from __future__ import annotations

import base64
import secrets

from flask import Blueprint, Response, jsonify, request

from tools.capture.sendgrid_mail import FieldError, summarize_mail, validate_mail
from tools.capture.state import get_state
from tools.capture.store import make_message

bp = Blueprint("sendgrid", __name__)

FAULT_MESSAGES = {429: "too many requests", 503: "service unavailable"}


def new_message_id() -> str:
    """A random 22 character id like SendGrid's ``X-Message-Id``."""
    return base64.urlsafe_b64encode(secrets.token_bytes(16)).rstrip(b"=").decode()


def error_response(status: int, *errors: FieldError) -> Response:
    """A SendGrid-style error body: ``{"errors": [{"message", "field", "help"}]}``."""
    response = jsonify({"errors": [e.to_json() for e in errors]})
    response.status_code = status
    if status == 429:
        response.headers["Retry-After"] = "1"
    return response


def auth_error() -> FieldError | None:
    """Why the Authorization header is refused, or ``None`` when it is accepted."""
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        return FieldError("authorization required", None)
    expected = get_state().config.sendgrid_api_key
    if expected is not None and not secrets.compare_digest(key.strip(), expected):
        return FieldError("The provided authorization grant is invalid, expired, or revoked", None)
    return None


@bp.post("/v3/mail/send")
def mail_send() -> Response:
    """Check the request like SendGrid does; store it and answer 202 when it is valid."""
    state = get_state()
    fault = state.faults.apply("email")
    if fault is not None:
        state.stats.record("email", "failed")
        message = FAULT_MESSAGES.get(fault, "injected fault")
        return error_response(fault, FieldError(message, None))
    if (refused := auth_error()) is not None:
        state.stats.record("email", "rejected")
        return error_response(401, refused)
    payload = request.get_json(force=True, silent=True)
    errors = validate_mail(payload)
    if errors or not isinstance(payload, dict):
        state.stats.record("email", "rejected")
        return error_response(400, *errors)
    message_id = new_message_id()
    state.store.add(
        make_message(
            message_id=message_id, channel="email", request=payload, **summarize_mail(payload)
        )
    )
    state.stats.record("email", "accepted")
    state.faults.answer_late("email")
    response = Response(status=202)
    response.headers["X-Message-Id"] = message_id
    return response
