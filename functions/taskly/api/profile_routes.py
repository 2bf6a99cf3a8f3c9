"""The signed-in person's own profile."""

from flask import Response

from taskly import profiles, tasks
from taskly.api.context import Route, RouteContext
from taskly.errors import invalid_argument
from taskly.http_io import json_response, read_json
from taskly.validation import ProfileUpdate, parse_body


def get_me(ctx: RouteContext) -> Response:
    assert ctx.caller is not None
    data = profiles.load_profile(ctx.uid, ctx.caller.email, ctx.now)
    return json_response(profiles.profile_json(ctx.uid, data))


def put_me(ctx: RouteContext) -> Response:
    assert ctx.caller is not None
    body = parse_body(ProfileUpdate, read_json(ctx.request))
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise invalid_argument("Nothing to change.")
    before = profiles.load_profile(ctx.uid, ctx.caller.email, ctx.now)
    if "phone" in changes and changes["phone"] != before.get("phone"):
        changes["phone_verified"] = False
    changes["updated_at"] = ctx.now
    # Only the fields sent: an avatar or phone verification landing meanwhile stays.
    profiles.profile_ref(ctx.uid).update(changes)
    after = {**before, **changes}
    schedule_moved = any(after.get(key) != before.get(key) for key in ("timezone", "remind_time"))
    if schedule_moved:
        tasks.reschedule_reminders(ctx.uid, after, ctx.now)
    return json_response(profiles.profile_json(ctx.uid, after))


ROUTES = [
    Route("/me", ("GET",), get_me),
    Route("/me", ("PUT",), put_me),
]
