"""The API's front door: route, authenticate, answer, log — one request at a time."""

import time
import traceback
from collections.abc import Mapping
from typing import Any

from flask import Request, Response
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule

from taskly.api import (
    account_routes,
    avatar_routes,
    calendar_routes,
    device_routes,
    health_routes,
    notification_routes,
    phone_routes,
    profile_routes,
    progress_routes,
    reminder_routes,
    repeat_routes,
    session_routes,
    task_action_routes,
    task_routes,
    unsubscribe_routes,
)
from taskly.api.app_check import require_app_check
from taskly.api.caller import Caller, verified_caller
from taskly.api.context import Route, RouteContext
from taskly.api.errors import ApiError, from_domain
from taskly.api.http_io import error_response
from taskly.platform.request_log import log_event, log_request
from taskly.ratelimit.requests import spend_request
from taskly.vocabulary.errors import TasklyError
from taskly.vocabulary.timestamps import utc_now

ROUTES: list[Route] = [
    *health_routes.ROUTES,
    *profile_routes.ROUTES,
    *account_routes.ROUTES,
    *avatar_routes.ROUTES,
    *task_routes.ROUTES,
    *reminder_routes.ROUTES,
    *repeat_routes.ROUTES,
    *session_routes.ROUTES,
    *notification_routes.ROUTES,
    *progress_routes.ROUTES,
    *calendar_routes.ROUTES,
    *device_routes.ROUTES,
    *task_action_routes.ROUTES,
    *phone_routes.ROUTES,
    *unsubscribe_routes.ROUTES,
]

_URL_MAP = Map(
    [Rule(route.path, methods=list(route.methods), endpoint=route) for route in ROUTES],
    strict_slashes=False,
    merge_slashes=False,
)


def _route_path(request: Request) -> str:
    """The path below /api: Hosting passes /api/..., the bare function URL does not."""
    path = request.path
    if path == "/api" or path.startswith("/api/"):
        path = path[len("/api") :]
    return path or "/"


def _match(request: Request) -> tuple[Route, Mapping[str, Any]]:
    adapter = _URL_MAP.bind("taskly", path_info=_route_path(request))
    try:
        route, params = adapter.match(method=request.method)
    except MethodNotAllowed as error:
        allowed = ", ".join(sorted(error.valid_methods or []))
        message = f"Use one of: {allowed}."
        raise ApiError(405, "method_not_allowed", message, headers=(("Allow", allowed),)) from None
    except NotFound:
        raise ApiError(404, "not_found", "No such API route.") from None
    assert isinstance(route, Route)
    return route, params


def handle(request: Request) -> Response:
    started = time.perf_counter()
    caller: Caller | None = None
    logged_path: str | None = None
    try:
        route, params = _match(request)
        if route.path_is_secret:
            logged_path = f"/api{route.path}"
        caller = None if route.public else verified_caller(request)
        require_app_check(request, route)
        now = utc_now()
        if caller is not None and route.metered:
            spend_request(caller.uid, request.method, now)
        response = route.handler(RouteContext(request, caller, params, now))
    except ApiError as error:
        response = error_response(error)
    except TasklyError as error:
        response = error_response(from_domain(error))
    except Exception:
        log_event("ERROR", "unhandled error", path=request.path, trace=traceback.format_exc())
        response = error_response(ApiError(500, "internal", "Something went wrong. Try again."))
    latency_ms = (time.perf_counter() - started) * 1000
    uid = caller.uid if caller else None
    log_request(request, response.status_code, latency_ms, uid, path=logged_path)
    return response
