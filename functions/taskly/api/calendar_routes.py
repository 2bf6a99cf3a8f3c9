"""The calendar feed: the signed-in person's link (GET, POST) and the feed behind it.

``GET /api/calendar/{token}.ics`` has no sign-in: the token is the secret. It answers plain
text when refused, for a calendar app or a browser to show, and never says whether a person
exists: an unknown, ended or malformed token is the same 404.
"""

import hashlib
from urllib.parse import urlsplit

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response
from taskly.calendar_feed.ics import REFRESH_MINUTES, feed_calendar
from taskly.calendar_feed.links import current_link, make_link, owner_of
from taskly.calendar_feed.open_tasks import open_dated_tasks
from taskly.platform import settings
from taskly.profiles.store import read_profile
from taskly.ratelimit.requests import spend_feed_fetch
from taskly.vocabulary.errors import LimitReached
from taskly.vocabulary.limits import CALENDAR_FEED_TASKS_MAX
from taskly.vocabulary.timestamps import to_json

# How long a calendar app may keep the feed: as long as it is asked to wait between refreshes.
# firebase.json says the same for Hosting, whose site-wide rule is no-store (a unit test holds
# the two together).
FEED_CACHE_CONTROL = f"private, max-age={REFRESH_MINUTES * 60}"

NOT_FOUND_MESSAGE = (
    "This calendar link doesn't work: it was replaced by a new one, or never existed. "
    "Copy the current link from Taskly's Account page."
)


def _feed_url(token: str) -> str:
    return f"{settings.APP_URL.value}/api/calendar/{token}.ics"


def show_link(ctx: RouteContext) -> Response:
    link = current_link(ctx.uid)
    return json_response(
        {
            "active": link is not None,
            "url": _feed_url(link.token) if link else None,
            "created_at": to_json(link.created_at) if link else None,
            "tasks_max": CALENDAR_FEED_TASKS_MAX,
        }
    )


def renew_link(ctx: RouteContext) -> Response:
    ctx.profile()  # the feed reads the zone there: made now if this is the first request
    link = make_link(ctx.uid, ctx.now)
    return json_response(
        {"url": _feed_url(link.token), "created_at": to_json(link.created_at)}, status=201
    )


def _plain(status: int, message: str) -> Response:
    response = Response(message + "\n", status=status, mimetype="text/plain")
    response.headers["Cache-Control"] = "no-store"
    return response


def serve_feed(ctx: RouteContext) -> Response:
    uid = owner_of(str(ctx.params["token"]))
    if uid is None:
        return _plain(404, NOT_FOUND_MESSAGE)
    try:
        spend_feed_fetch(uid, ctx.now)
    except LimitReached as error:
        refused = _plain(429, error.message)
        refused.headers["Retry-After"] = str(max(1, error.retry_after_seconds))
        return refused
    profile = read_profile(uid)
    if profile is None:  # the account is being deleted (a link is made with a profile)
        return _plain(404, NOT_FOUND_MESSAGE)
    tasks = open_dated_tasks(uid, CALENDAR_FEED_TASKS_MAX)
    domain = urlsplit(settings.APP_URL.value).hostname or "taskly"
    body = feed_calendar(tasks, profile.timezone, domain)
    response = Response(body, mimetype="text/calendar")
    response.headers["Cache-Control"] = FEED_CACHE_CONTROL
    response.headers["Content-Disposition"] = 'inline; filename="taskly.ics"'
    response.headers["Referrer-Policy"] = "no-referrer"
    response.set_etag(hashlib.sha256(body).hexdigest()[:32])
    response.make_conditional(ctx.request)  # 304 when the calendar app already has it
    return response


ROUTES = [
    Route("/calendar", ("GET",), show_link),
    Route("/calendar", ("POST",), renew_link),
    Route("/calendar/<token>.ics", ("GET",), serve_feed, public=True, path_is_secret=True),
]
