"""Phone number verification by SMS code."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response, read_json
from taskly.api.validation import PhoneVerification, parse_body
from taskly.phone import verification as phone_verification
from taskly.vocabulary.limits import CODE_RESEND_AFTER_SECONDS


def verify_phone(ctx: RouteContext) -> Response:
    body = parse_body(PhoneVerification, read_json(ctx.request, allow_empty=True))
    profile = ctx.profile()
    if body.code is None:
        phone_verification.send_code(ctx.uid, profile, ctx.now)
        sent = {
            "status": "code_sent",
            "phone": profile.phone,
            "resend_after_seconds": CODE_RESEND_AFTER_SECONDS,
            "expires_in_seconds": int(phone_verification.CODE_LIFETIME.total_seconds()),
        }
        return json_response(sent, 202)
    phone_verification.confirm_code(ctx.uid, body.code, profile, ctx.now)
    verified = ctx.profile()
    return json_response(verified.to_json())


ROUTES = [Route("/me/phone/verify", ("POST",), verify_phone)]
