"""Task CRUD for the signed-in person."""

from flask import Response

from taskly import tasks
from taskly.api.context import Route, RouteContext
from taskly.errors import invalid_argument
from taskly.http_io import empty_response, json_response, read_json
from taskly.validation import TASK_STATUSES, TaskCreate, TaskPatch, parse_body


def _page_size(raw: str | None) -> int:
    if raw is None:
        return tasks.PAGE_DEFAULT
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= tasks.PAGE_MAX:
        raise invalid_argument(f"Limit must be a number from 1 to {tasks.PAGE_MAX}.", "limit")
    return int(raw)


def list_tasks(ctx: RouteContext) -> Response:
    args = ctx.request.args
    unknown = sorted(set(args) - {"status", "limit", "cursor"})
    if unknown:
        raise invalid_argument(f"Unknown query parameter '{unknown[0]}'.", unknown[0])
    status = args.get("status") or None
    if status is not None and status not in TASK_STATUSES:
        raise invalid_argument(f"Status must be one of: {', '.join(TASK_STATUSES)}.", "status")
    page, next_cursor = tasks.list_tasks(
        ctx.uid, status, _page_size(args.get("limit")), args.get("cursor") or None
    )
    return json_response({"tasks": page, "next_cursor": next_cursor})


def create_task(ctx: RouteContext) -> Response:
    body = parse_body(TaskCreate, read_json(ctx.request))
    task = tasks.create_task(ctx.uid, body.description, body.status, ctx.now)
    return json_response(task, 201, {"Location": f"/api/tasks/{task['id']}"})


def get_task(ctx: RouteContext) -> Response:
    return json_response(tasks.get_task(ctx.uid, ctx.params["task_id"]))


def patch_task(ctx: RouteContext) -> Response:
    body = parse_body(TaskPatch, read_json(ctx.request))
    changes = body.model_dump(exclude_none=True)
    if not changes:
        raise invalid_argument("Nothing to change: send description and/or status.")
    return json_response(tasks.change_task(ctx.uid, ctx.params["task_id"], changes, ctx.now))


def delete_task(ctx: RouteContext) -> Response:
    tasks.delete_task(ctx.uid, ctx.params["task_id"])
    return empty_response()


ROUTES = [
    Route("/tasks", ("GET",), list_tasks),
    Route("/tasks", ("POST",), create_task),
    Route("/tasks/<task_id>", ("GET",), get_task),
    Route("/tasks/<task_id>", ("PATCH",), patch_task),
    Route("/tasks/<task_id>", ("DELETE",), delete_task),
]
