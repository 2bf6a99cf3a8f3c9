"""The signed-in person's own profile."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response, read_json
from taskly.api.validation import ProfileUpdate, parse_body
from taskly.profiles import store as profile_store
from taskly.tasks import reminder_state
from taskly.tasks.backfill import backfill_if_older
from taskly.vocabulary.errors import InvalidInput


def get_me(ctx: RouteContext) -> Response:
    profile = ctx.profile()
    # Every page asks for the profile first: older tasks get what the board's queries need.
    backfill_if_older(ctx.uid, profile.task_documents_version)
    return json_response(profile.to_json())


def put_me(ctx: RouteContext) -> Response:
    body = parse_body(ProfileUpdate, read_json(ctx.request))
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise InvalidInput("Nothing to change.")
    before = ctx.profile()
    if "phone" in changes and changes["phone"] != before.phone:
        changes["phone_verified"] = False
    changes["updated_at"] = ctx.now
    # Only the fields sent: an avatar or phone verification landing meanwhile stays.
    profile_store.profile_ref(ctx.uid).update(changes)
    after = before.with_changes(changes)
    schedule_moved = (after.timezone, after.remind_time) != (before.timezone, before.remind_time)
    if schedule_moved:
        reminder_state.reschedule(ctx.uid, after, ctx.now)
    return json_response(after.to_json())


ROUTES = [
    Route("/me", ("GET",), get_me),
    Route("/me", ("PUT",), put_me),
]
