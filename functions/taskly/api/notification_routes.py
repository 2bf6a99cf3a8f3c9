"""The in-app notification feed."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response, read_json
from taskly.api.validation import NotificationsRead, parse_body
from taskly.notifications import feed


def list_notifications(ctx: RouteContext) -> Response:
    return json_response(
        {
            "notifications": feed.recent(ctx.uid),
            "unread_count": feed.unread_count(ctx.uid),
        }
    )


def mark_read(ctx: RouteContext) -> Response:
    body = parse_body(NotificationsRead, read_json(ctx.request, allow_empty=True))
    feed.mark_read(ctx.uid, body.ids)
    return json_response({"unread_count": feed.unread_count(ctx.uid)})


ROUTES = [
    Route("/notifications", ("GET",), list_notifications),
    Route("/notifications/read", ("POST",), mark_read),
]
