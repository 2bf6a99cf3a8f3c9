"""Done and Snooze without a session: a notification's buttons post JSON here, and a
reminder email's links open a page (GET asks, its button's POST acts, as for unsubscribing).

The token is the secret, so the path is never logged; a token that is unknown, expired, used
or not for the task is one and the same 404, which tells a stranger nothing.
"""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.errors import ApiError
from taskly.api.http_io import json_response, read_form, read_json
from taskly.api.validation import TaskActionRequest, parse_body
from taskly.platform.templating import render_page
from taskly.task_actions.perform import ACTION_TITLES, ACTIONS, perform
from taskly.task_actions.tokens import only_task, read_grant

NOT_VALID = "This link has expired or was already used. Open Taskly to see your tasks."


def _page(status: int, title: str, message: str, confirm: dict[str, str] | None = None) -> Response:
    html = render_page("pages/task_action.html", title=title, message=message, confirm=confirm)
    response = Response(html, status=status, mimetype="text/html")
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _token(ctx: RouteContext) -> str:
    return str(ctx.params["token"])


def show_action(ctx: RouteContext) -> Response:
    task, action = ctx.request.args.get("task", ""), ctx.request.args.get("action", "")
    if action not in ACTIONS:
        return _page(400, "Link not valid", "This link doesn't say what to do. Nothing changed.")
    if read_grant(_token(ctx), task, ctx.now) is None:
        return _page(404, "Link not valid", NOT_VALID)
    label = ACTION_TITLES[action]
    return _page(
        200,
        f"{label}?",
        "Confirm, and Taskly changes the task for you.",
        confirm={"token": _token(ctx), "task": task, "action": action, "label": label},
    )


def act(ctx: RouteContext) -> Response:
    from_page = ctx.request.mimetype == "application/x-www-form-urlencoded"
    fields = read_form(ctx.request, ("action", "task")) if from_page else read_json(ctx.request)
    body = parse_body(TaskActionRequest, fields)
    task = body.task or only_task(_token(ctx))
    result = perform(_token(ctx), task, body.action, ctx.now) if task else None
    if from_page:
        if result is None:
            return _page(404, "Link not valid", NOT_VALID)
        return _page(200, ACTION_TITLES[body.action], result.message)
    if result is None:
        raise ApiError(404, "not_found", NOT_VALID)
    return json_response({"outcome": result.outcome, "message": result.message})


ROUTES = [
    Route("/task-actions/<token>", ("GET",), show_action, public=True, path_is_secret=True),
    Route("/task-actions/<token>", ("POST",), act, public=True, path_is_secret=True),
]
