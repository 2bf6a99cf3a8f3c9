"""Turning a task's reminder channels on and off."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response, read_json
from taskly.api.validation import ReminderChannels, parse_body
from taskly.errors import Conflict
from taskly.reminders import outbox
from taskly.tasks import quotas
from taskly.tasks import store as task_store


def put_reminders(ctx: RouteContext) -> Response:
    body = parse_body(ReminderChannels, read_json(ctx.request))
    # Loading also creates the profile the trigger and the sweep address reminders by.
    profile = ctx.profile()
    # Nobody can make Taskly mail an address they have not proven is theirs.
    if body.email and not ctx.caller.email_verified:
        raise Conflict("Confirm your email address first: open the link we sent you.", "email")
    if body.sms and not profile.can_text:
        raise Conflict("Verify your phone number before turning on SMS.", "sms")
    if body.email or body.sms:
        quotas.check_room_for_reminders(ctx.uid, ctx.params["task_id"])
    changes = {
        "notify_email": body.email,
        "notify_sms": body.sms,
        "reminder_change_source": "app",
    }
    task = task_store.change_task(
        ctx.uid, ctx.params["task_id"], changes, ctx.now, also=outbox.record_confirmations
    )
    return json_response(task.to_json())


ROUTES = [Route("/tasks/<task_id>/reminders", ("PUT",), put_reminders)]
