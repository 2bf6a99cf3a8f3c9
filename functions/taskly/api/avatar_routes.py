"""The signed-in person's own profile picture. No route names a uid: only one's own."""

import dataclasses
import hashlib

from flask import Request, Response
from google.api_core.exceptions import NotFound as GoogleNotFound

from taskly.api.context import Route, RouteContext
from taskly.api.errors import ApiError
from taskly.api.http_io import json_response, read_bytes
from taskly.avatars import store as avatar_store
from taskly.avatars.decode_slots import DECODES, NoSlotFree
from taskly.avatars.image import avatar_webp, checked_picture
from taskly.profiles import store as profile_store
from taskly.profiles.document import Profile
from taskly.vocabulary.errors import NotFound
from taskly.vocabulary.limits import DECODE_WAIT_SECONDS, UPLOAD_LIMIT, UPLOAD_LIMIT_MB


def _upload(request: Request) -> bytes:
    try:
        return read_bytes(request, UPLOAD_LIMIT)
    except ApiError as error:
        # read_bytes counts in KB; a person choosing a photo thinks in MB.
        message = f"The image is larger than {UPLOAD_LIMIT_MB} MB."
        raise dataclasses.replace(error, message=message) from None


def made_avatar(upload: bytes) -> bytes:
    """The avatar of ``upload``, decoded only while one of the instance's decode slots is free."""
    picture = checked_picture(upload)  # a picture too large to decode is refused first
    try:
        with DECODES.held(DECODE_WAIT_SECONDS):
            return avatar_webp(picture)
    except NoSlotFree:
        message = "Taskly is busy with other pictures right now: try again in a few seconds."
        retry_after = (("Retry-After", str(DECODE_WAIT_SECONDS)),)
        raise ApiError(503, "unavailable", message, headers=retry_after) from None


def _profile(ctx: RouteContext) -> Profile:
    return ctx.profile()


def _save_profile(ctx: RouteContext, profile: Profile, changes: dict[str, str | None]) -> Response:
    saved = {**changes, "updated_at": ctx.now}
    try:
        profile_store.profile_ref(ctx.uid).update(saved)  # fails when the profile is gone
    except GoogleNotFound:
        raise NotFound("This account has been deleted.") from None
    return json_response(profile.with_changes(saved).to_json())


def put_avatar(ctx: RouteContext) -> Response:
    webp = made_avatar(_upload(ctx.request))
    profile = _profile(ctx)
    path = avatar_store.upload_avatar(ctx.uid, webp)
    version = hashlib.sha256(webp).hexdigest()[:12]
    try:
        return _save_profile(ctx, profile, {"avatar_path": path, "avatar_version": version})
    except NotFound:
        avatar_store.delete_avatar_file(ctx.uid)  # the account was deleted meanwhile
        raise


def get_avatar(ctx: RouteContext) -> Response:
    webp = avatar_store.download_avatar(ctx.uid)
    if webp is None:
        raise NotFound("No profile picture yet.")
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
