"""App Check: in production only Taskly's own web app may call the API.

The web app sends a Firebase App Check token (reCAPTCHA Enterprise attests the browser) in
``X-Firebase-AppCheck``; a script with a free account and its ID token has none. Public routes
(health, the one-click unsubscribe that mail clients call) cannot carry one and are exempt.
``APP_CHECK_ENFORCED`` is off on the emulators: App Check has no emulator, and its tokens are
made and checked against Google's servers.
"""

from firebase_admin import app_check
from flask import Request
from jwt import PyJWKClientConnectionError, PyJWKClientError

from taskly.api.context import Route
from taskly.api.errors import ApiError
from taskly.platform import settings
from taskly.platform.auth import app
from taskly.platform.request_log import log_event

HEADER = "X-Firebase-AppCheck"
REFUSED_CODE = "app_check_required"
MISSING_MESSAGE = (
    "This request did not come from the Taskly app. Open Taskly in your browser and try again."
)
INVALID_MESSAGE = (
    "Taskly could not confirm that this request came from its app. Reload the page and try again."
)


def needs_app_check(route: Route, enforced: bool) -> bool:
    """Whether a request to ``route`` must carry a valid App Check token."""
    return enforced and not route.public


def _refused(message: str) -> ApiError:
    return ApiError(401, REFUSED_CODE, message)


def _verify(token: str) -> None:
    """Checks the token's signature, project and expiry; a bad token is a 401, never a 500."""
    try:
        app_check.verify_token(token, app=app())
    except PyJWKClientConnectionError:
        # Google's public keys could not be fetched (they are cached for 6 hours once fetched):
        # the token cannot be trusted, and the log says why it was refused.
        log_event("ERROR", "App Check keys could not be fetched")
        raise _refused(INVALID_MESSAGE) from None
    except (ValueError, PyJWKClientError):  # malformed, forged, expired, or another project's
        raise _refused(INVALID_MESSAGE) from None


def require_app_check(request: Request, route: Route) -> None:
    """Refuses (401) a request to a non-public route without a valid token, when enforced."""
    if not needs_app_check(route, settings.APP_CHECK_ENFORCED.value):
        return
    token = request.headers.get(HEADER, "").strip()
    if not token:
        raise _refused(MISSING_MESSAGE)
    _verify(token)
