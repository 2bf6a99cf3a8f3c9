"""The signed-in person's own profile picture. No route names a uid: only one's own."""

import dataclasses
import hashlib
from typing import Any

from flask import Request, Response

from taskly import avatar_store, profiles
from taskly.api.context import Route, RouteContext
from taskly.avatar_image import avatar_webp
from taskly.errors import ApiError, not_found
from taskly.http_io import json_response, read_bytes

UPLOAD_LIMIT_MB = 5
UPLOAD_LIMIT = UPLOAD_LIMIT_MB * 1024 * 1024


def _upload(request: Request) -> bytes:
    try:
        return read_bytes(request, UPLOAD_LIMIT)
    except ApiError as error:
        # read_bytes counts in KB; a person choosing a photo thinks in MB.
        message = f"The image is larger than {UPLOAD_LIMIT_MB} MB."
        raise dataclasses.replace(error, message=message) from None


def _profile(ctx: RouteContext) -> dict[str, Any]:
    assert ctx.caller is not None
    return profiles.load_profile(ctx.uid, ctx.caller.email, ctx.now)


def _save_profile(ctx: RouteContext, profile: dict[str, Any], changes: dict[str, Any]) -> Response:
    changes = {**changes, "updated_at": ctx.now}
    profiles.profile_ref(ctx.uid).update(changes)
    return json_response(profiles.profile_json(ctx.uid, {**profile, **changes}))


def put_avatar(ctx: RouteContext) -> Response:
    webp = avatar_webp(_upload(ctx.request))
    profile = _profile(ctx)
    path = avatar_store.upload_avatar(ctx.uid, webp)
    version = hashlib.sha256(webp).hexdigest()[:12]
    return _save_profile(ctx, profile, {"avatar_path": path, "avatar_version": version})


def get_avatar(ctx: RouteContext) -> Response:
    webp = avatar_store.download_avatar(ctx.uid)
    if webp is None:
        raise not_found("No profile picture yet.")
    response = Response(webp, mimetype=avatar_store.CONTENT_TYPE)
    response.headers["Cache-Control"] = avatar_store.CACHE_CONTROL
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def delete_avatar(ctx: RouteContext) -> Response:
    profile = _profile(ctx)
    avatar_store.delete_avatar_file(ctx.uid)
    return _save_profile(ctx, profile, {"avatar_path": None, "avatar_version": None})


ROUTES = [
    Route("/me/avatar", ("PUT",), put_avatar),
    Route("/me/avatar", ("GET",), get_avatar),
    Route("/me/avatar", ("DELETE",), delete_avatar),
]
