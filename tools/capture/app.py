"""Flask application factory of the capture server."""

from __future__ import annotations

from flask import Flask, request
from flask.json.provider import DefaultJSONProvider

from tools.capture import api, page, push_service, sendgrid_api, twilio_api
from tools.capture.config import CaptureConfig
from tools.capture.state import EXTENSION_KEY, CaptureState, get_state

MAX_REQUEST_BYTES = 32 * 1024 * 1024


def create_app(config: CaptureConfig | None = None) -> Flask:
    """A capture app with its own empty store; ``config`` defaults to the environment."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_REQUEST_BYTES
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    if isinstance(app.json, DefaultJSONProvider):
        app.json.sort_keys = False
    app.extensions[EXTENSION_KEY] = CaptureState(config=config or CaptureConfig.from_env())
    for blueprint in (sendgrid_api.bp, twilio_api.bp, push_service.bp, api.bp, page.bp):
        app.register_blueprint(blueprint)
    app.before_request(_collect_auth_mail)
    return app


def _collect_auth_mail() -> None:
    """Whoever looks at the messages (the page, its poll, a test) sees Auth's mail too."""
    if request.method == "GET" and request.blueprint in (api.bp.name, page.bp.name):
        state = get_state()
        state.auth_mail.collect(state.store)
