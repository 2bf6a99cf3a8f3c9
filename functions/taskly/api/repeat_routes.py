"""The next dates of a repeat rule, so the task dialog can show them before saving."""

from datetime import date

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response
from taskly.vocabulary.errors import InvalidInput
from taskly.vocabulary.local_time import local_date
from taskly.vocabulary.repeats import RepeatError, normalized_rule, upcoming

# Dates a preview shows.
PREVIEW_DATES = 3


def preview_repeat(ctx: RouteContext) -> Response:
    args = ctx.request.args
    unknown = sorted(set(args) - {"rule", "from"})
    if unknown:
        raise InvalidInput(f"Unknown query parameter '{unknown[0]}'.", unknown[0])
    rule = args.get("rule") or ""
    try:
        start = date.fromisoformat(args.get("from") or "")
    except ValueError:
        raise InvalidInput("From must be a date written YYYY-MM-DD.", "from") from None
    today = local_date(ctx.now, ctx.profile().timezone)
    try:
        kept = normalized_rule(rule, start, today)
    except RepeatError as error:
        raise InvalidInput(str(error), "rule") from None
    dates = upcoming(kept, start, PREVIEW_DATES)
    return json_response({"rule": kept, "dates": [day.isoformat() for day in dates]})


ROUTES = [Route("/repeats/preview", ("GET",), preview_repeat)]
