"""Turning a task's reminder channels on and off."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response, read_json
from taskly.api.validation import ReminderChannels, parse_body
from taskly.reminders import outbox
from taskly.tasks import quotas, reminder_state
from taskly.vocabulary.channels import Channel
from taskly.vocabulary.errors import Conflict


def put_reminders(ctx: RouteContext) -> Response:
    body = parse_body(ReminderChannels, read_json(ctx.request))
    # Loading also creates the profile the trigger and the sweep address reminders by.
    profile = ctx.profile()
    # Nobody can make Taskly mail an address they have not proven is theirs.
    if body.email and not ctx.signed_in.email_verified:
        raise Conflict("Confirm your email address first: open the link we sent you.", "email")
    if body.sms and not profile.can_text:
        raise Conflict("Verify your phone number before turning on SMS.", "sms")
    if body.push and not profile.reaches("push"):
        raise Conflict("Turn on notifications on a device first (on the Account page).", "push")
    if body.email or body.sms or body.push:
        quotas.check_room_for_reminders(ctx.uid, ctx.params["task_id"])
    switches: dict[Channel, bool] = {"email": body.email, "sms": body.sms}
    if body.push is not None:
        switches["push"] = body.push
    task = reminder_state.switch_channels(
        ctx.uid,
        ctx.params["task_id"],
        switches,
        "app",
        ctx.now,
        also=outbox.record_confirmations,
    )
    return json_response(task.to_json())


ROUTES = [Route("/tasks/<task_id>/reminders", ("PUT",), put_reminders)]
