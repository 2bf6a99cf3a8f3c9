"""Exporting and deleting the signed-in person's account."""

from flask import Response

from taskly.account import lifecycle
from taskly.api.context import Route, RouteContext
from taskly.api.http_io import empty_response, json_response


def export_me(ctx: RouteContext) -> Response:
    document = lifecycle.export_account(ctx.profile(), ctx.now)
    filename = f"taskly-export-{ctx.now.date().isoformat()}.json"
    disposition = f'attachment; filename="{filename}"'
    return json_response(document, headers={"Content-Disposition": disposition})


def delete_me(ctx: RouteContext) -> Response:
    lifecycle.delete_account(ctx.uid, ctx.now)
    return empty_response()


ROUTES = [
    Route("/me/export", ("GET",), export_me),
    Route("/me", ("DELETE",), delete_me),
]
