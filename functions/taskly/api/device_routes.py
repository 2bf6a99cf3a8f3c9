"""The caller's devices with notifications on: list, add, remove, and a test push."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response, read_json
from taskly.api.validation import DeviceRegistration, EmptyBody, parse_body
from taskly.delivery.send_once import Outcome
from taskly.delivery.to_devices import send_test
from taskly.delivery.web_push import application_server_key
from taskly.devices.push_services import allowed_origins, is_push_service, valid_keys
from taskly.devices.store import (
    Subscription,
    list_devices,
    read_device,
    register_device,
    remove_device,
)
from taskly.platform import settings
from taskly.vocabulary.errors import Conflict, InvalidInput, LimitReached, Unavailable
from taskly.vocabulary.limits import DEVICES_MAX
from taskly.vocabulary.timestamps import seconds_to_next_utc_day


def show_devices(ctx: RouteContext) -> Response:
    return json_response(
        {
            "devices": [device.to_json() for device in list_devices(ctx.uid)],
            "public_key": application_server_key(),
            "max": DEVICES_MAX,
        }
    )


def add_device(ctx: RouteContext) -> Response:
    body = parse_body(DeviceRegistration, read_json(ctx.request))
    subscription = body.subscription
    origins = allowed_origins(settings.PUSH_SERVICE_ORIGINS.value)
    if not is_push_service(subscription.endpoint, origins):
        raise InvalidInput(
            "This browser's push service isn't one Taskly can send to.", "subscription.endpoint"
        )
    if not valid_keys(subscription.keys.p256dh, subscription.keys.auth):
        raise InvalidInput("The subscription's keys are not valid.", "subscription.keys")
    ctx.profile()  # the device count lives on the profile: made now if this is the first request
    device, created = register_device(
        ctx.uid,
        Subscription(subscription.endpoint, subscription.keys.p256dh, subscription.keys.auth),
        body.label,
        ctx.now,
    )
    return json_response(device.to_json(), status=201 if created else 200)


def delete_device(ctx: RouteContext) -> Response:
    remove_device(ctx.uid, str(ctx.params["device_id"]), ctx.now)
    return Response(status=204)


def test_device(ctx: RouteContext) -> Response:
    parse_body(EmptyBody, read_json(ctx.request, allow_empty=True))
    device = read_device(ctx.uid, str(ctx.params["device_id"]))
    outcome = send_test(ctx.uid, device)
    if outcome is Outcome.SENT:
        return json_response({"sent": True}, status=202)
    if outcome is Outcome.GONE:
        raise Conflict(
            "This browser has stopped taking Taskly's notifications, so it was removed: "
            "turn notifications on again on that device."
        )
    if outcome is Outcome.OVER_BUDGET:
        raise LimitReached(
            "That's all the notifications Taskly sends you today; try again tomorrow.",
            seconds_to_next_utc_day(ctx.now),
        )
    raise Unavailable("The browser's push service didn't take the test. Try again shortly.")


ROUTES = [
    Route("/devices", ("GET",), show_devices),
    Route("/devices", ("POST",), add_device),
    Route("/devices/<device_id>", ("DELETE",), delete_device),
    Route("/devices/<device_id>/test", ("POST",), test_device),
]
