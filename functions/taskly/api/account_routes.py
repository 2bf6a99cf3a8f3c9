"""Exporting and deleting the signed-in person's account."""

from flask import Response

from taskly.account.deletion_start import start_deletion
from taskly.account.export import export_account
from taskly.api.context import Route, RouteContext
from taskly.api.errors import ApiError
from taskly.api.http_io import json_response
from taskly.ratelimit.requests import spend_export
from taskly.vocabulary.limits import RECENT_SIGN_IN_SECONDS


def export_me(ctx: RouteContext) -> Response:
    spend_export(ctx.uid, ctx.now)
    document = export_account(ctx.profile(), ctx.now)
    filename = f"taskly-export-{ctx.now.date().isoformat()}.json"
    disposition = f'attachment; filename="{filename}"'
    return json_response(document, headers={"Content-Disposition": disposition})


def delete_me(ctx: RouteContext) -> Response:
    """Closes the account at once and answers; a queued job erases it (``deletion_job``)."""
    if not ctx.signed_in.signed_in_within(RECENT_SIGN_IN_SECONDS, ctx.now):
        message = "For your safety, enter your password again to delete your account."
        raise ApiError(403, "recent_sign_in_required", message)
    start_deletion(ctx.uid, ctx.now)
    return json_response({"state": "deleting"}, status=202)


ROUTES = [
    Route("/me/export", ("GET",), export_me),
    Route("/me", ("DELETE",), delete_me),
]
