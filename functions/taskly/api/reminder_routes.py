"""Turning a task's reminder channels on and off."""

from flask import Response

from taskly import profiles, tasks
from taskly.api.context import Route, RouteContext
from taskly.errors import failed_precondition
from taskly.http_io import json_response, read_json
from taskly.validation import ReminderChannels, parse_body


def put_reminders(ctx: RouteContext) -> Response:
    assert ctx.caller is not None
    body = parse_body(ReminderChannels, read_json(ctx.request))
    # Loading also creates the profile the trigger and the sweep address reminders by.
    profile = profiles.load_profile(ctx.uid, ctx.caller.email, ctx.now)
    # Nobody can make Taskly mail an address they have not proven is theirs.
    if body.email and not ctx.caller.email_verified:
        raise failed_precondition(
            "Confirm your email address first: open the link we sent you.", "email"
        )
    if body.sms and not (profile.get("phone") and profile.get("phone_verified")):
        raise failed_precondition("Verify your phone number before turning on SMS.", "sms")
    changes = {
        "notify_email": body.email,
        "notify_sms": body.sms,
        "reminder_change_source": "app",
    }
    return json_response(tasks.change_task(ctx.uid, ctx.params["task_id"], changes, ctx.now))


ROUTES = [Route("/tasks/<task_id>/reminders", ("PUT",), put_reminders)]
