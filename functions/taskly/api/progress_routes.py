"""The Progress page's numbers: a handful of reads whatever the person's history."""

from datetime import timedelta

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import json_response
from taskly.progress import summary
from taskly.progress.document import read_stats
from taskly.progress.oldest_open import oldest_open_tasks
from taskly.vocabulary.limits import MEDIAN_WINDOW_DAYS
from taskly.vocabulary.local_time import local_date

OLDEST_OPEN_SHOWN = 5


def get_progress(ctx: RouteContext) -> Response:
    profile = ctx.profile()
    stats = read_stats(ctx.uid, profile.timezone)
    today = local_date(ctx.now, profile.timezone)
    month_ago = today - timedelta(days=MEDIAN_WINDOW_DAYS)
    return json_response(
        {
            "timezone": profile.timezone,
            "today": today.isoformat(),
            "done_today": summary.done_today(stats, today),
            "done_this_week": summary.done_this_week(stats, today),
            "streak_days": summary.streak_days(stats, today),
            "weeks": [
                {"starts": week.starts.isoformat(), "created": week.created, "done": week.done}
                for week in summary.weeks(stats, today)
            ],
            "median_seconds_to_done": {
                "last_30_days": summary.median_seconds_to_done(stats, today),
                "month_before": summary.median_seconds_to_done(stats, today, month_ago),
            },
            "oldest_open": [
                task.to_json() for task in oldest_open_tasks(ctx.uid, OLDEST_OPEN_SHOWN)
            ],
        }
    )


ROUTES = [Route("/progress", ("GET",), get_progress)]
