"""Liveness."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response


def health(_: RouteContext) -> Response:
    return json_response({"status": "ok"})


ROUTES = [Route("/health", ("GET",), health, public=True)]
