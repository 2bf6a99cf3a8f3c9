"""Phone number verification by SMS code."""

from flask import Response

from taskly import phone_verification, profiles
from taskly.api.context import Route, RouteContext
from taskly.http_io import json_response, read_json
from taskly.validation import PhoneVerification, parse_body


def verify_phone(ctx: RouteContext) -> Response:
    assert ctx.caller is not None
    body = parse_body(PhoneVerification, read_json(ctx.request, allow_empty=True))
    profile = profiles.load_profile(ctx.uid, ctx.caller.email, ctx.now)
    if body.code is None:
        phone_verification.send_code(ctx.uid, profile, ctx.now)
        return json_response({"status": "code_sent"}, 202)
    phone_verification.confirm_code(ctx.uid, body.code, profile, ctx.now)
    verified = profiles.load_profile(ctx.uid, ctx.caller.email, ctx.now)
    return json_response(profiles.profile_json(ctx.uid, verified))


ROUTES = [Route("/me/phone/verify", ("POST",), verify_phone)]
