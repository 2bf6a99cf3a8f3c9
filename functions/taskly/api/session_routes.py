"""Signing out: the caller's ID tokens stop working everywhere, not only in this browser."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import empty_response
from taskly.sessions.revocation import end_all_sessions


def sign_out(ctx: RouteContext) -> Response:
    end_all_sessions(ctx.uid)
    return empty_response()


ROUTES = [Route("/me/sign-out", ("POST",), sign_out, metered=False)]
