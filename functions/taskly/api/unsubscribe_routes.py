"""One-click unsubscribe: GET shows a confirmation, POST (RFC 8058 too) unsubscribes."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.platform import settings
from taskly.platform.templating import render_page
from taskly.reminders.unsubscribe_token import InvalidUnsubscribeToken, read_unsubscribe_token
from taskly.tasks import reminder_state


def _page(status: int, title: str, message: str, confirm_token: str | None = None) -> Response:
    html = render_page(
        "pages/unsubscribe.html", title=title, message=message, confirm_token=confirm_token
    )
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _token(ctx: RouteContext) -> str:
    return ctx.request.args.get("token", "")


def show_unsubscribe(ctx: RouteContext) -> Response:
    try:
        read_unsubscribe_token(settings.UNSUBSCRIBE_SIGNING_KEY.value, _token(ctx))
    except InvalidUnsubscribeToken as error:
        return _page(400, "Link not valid", f"{error.message} Nothing was changed.")
    return _page(
        200,
        "Stop reminder emails?",
        "Taskly will stop emailing you reminders. Your tasks stay as they are.",
        confirm_token=_token(ctx),
    )


def unsubscribe(ctx: RouteContext) -> Response:
    try:
        request = read_unsubscribe_token(settings.UNSUBSCRIBE_SIGNING_KEY.value, _token(ctx))
    except InvalidUnsubscribeToken as error:
        return _page(400, "Link not valid", f"{error.message} Nothing was changed.")
    task_ids = None if request.task_ids is None else frozenset(request.task_ids)
    reminder_state.stop_email_reminders(request.uid, task_ids, ctx.now)
    return _page(
        200,
        "You're unsubscribed",
        "Taskly won't email you reminders any more. Turn them back on from a task's bell.",
    )


ROUTES = [
    Route("/unsubscribe", ("GET",), show_unsubscribe, public=True),
    Route("/unsubscribe", ("POST",), unsubscribe, public=True),
]
