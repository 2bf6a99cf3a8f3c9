"""Task CRUD for the signed-in person."""

from flask import Response

from taskly.api.context import Route, RouteContext
from taskly.api.http_io import empty_response, json_response, read_json
from taskly.api.validation import TaskCreate, TaskPatch, parse_body
from taskly.tasks import quotas
from taskly.tasks import store as task_store
from taskly.tasks.refs import read_task
from taskly.tasks.store import TaskEdit
from taskly.vocabulary.errors import InvalidInput
from taskly.vocabulary.limits import PAGE_DEFAULT, PAGE_MAX
from taskly.vocabulary.statuses import OPEN_STATUSES, STATUSES


def _page_size(raw: str | None) -> int:
    if raw is None:
        return PAGE_DEFAULT
    # At most 3 digits before int(): Python refuses to parse thousands of them (a 500).
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 3) or not (1 <= int(raw) <= PAGE_MAX):
        raise InvalidInput(f"Limit must be a number from 1 to {PAGE_MAX}.", "limit")
    return int(raw)


def list_tasks(ctx: RouteContext) -> Response:
    args = ctx.request.args
    unknown = sorted(set(args) - {"status", "limit", "cursor"})
    if unknown:
        raise InvalidInput(f"Unknown query parameter '{unknown[0]}'.", unknown[0])
    status = args.get("status")
    if status is not None and status not in STATUSES:
        raise InvalidInput(f"Status must be one of: {', '.join(STATUSES)}.", "status")
    page, next_cursor = task_store.list_tasks(
        ctx.uid, status, _page_size(args.get("limit")), args.get("cursor")
    )
    return json_response({"tasks": [task.to_json() for task in page], "next_cursor": next_cursor})


def create_task(ctx: RouteContext) -> Response:
    return _create(ctx, None)


def put_task(ctx: RouteContext) -> Response:
    """Create with the client's id: sending it again answers the same task, 200."""
    return _create(ctx, ctx.params["task_id"])


def _create(ctx: RouteContext, task_id: str | None) -> Response:
    body = parse_body(TaskCreate, read_json(ctx.request))
    if task_id is not None and task_store.task_exists(ctx.uid, task_id):
        task, created = read_task(ctx.uid, task_id), False
    else:
        quotas.check_room_for_task(ctx.uid)
        if body.status in OPEN_STATUSES:
            quotas.check_room_for_open_task(ctx.uid)
        task, created = task_store.create_task(
            ctx.uid, body.description, body.status, ctx.now, task_id, body.schedule_patch()
        )
    headers = {"Location": f"/api/tasks/{task.id}"}
    return json_response(task.to_json(), 201 if created else 200, headers)


def get_task(ctx: RouteContext) -> Response:
    return json_response(read_task(ctx.uid, ctx.params["task_id"]).to_json())


def patch_task(ctx: RouteContext) -> Response:
    body = parse_body(TaskPatch, read_json(ctx.request))
    schedule = body.schedule_patch()
    nothing = body.description is None and body.status is None and schedule is None
    if nothing and not body.undo_completion and body.place is None:
        raise InvalidInput(
            "Nothing to change: send description, status, place or the task's dates."
        )
    if body.undo_completion and body.status is not None:
        raise InvalidInput(
            "Undo a completion on its own, without moving the task to a column.", "status"
        )
    if body.previous_description is not None and body.description is None:
        raise InvalidInput(
            "Previous description goes with a new description.", "previous_description"
        )
    if body.status in OPEN_STATUSES:
        quotas.check_reopening(ctx.uid, ctx.params["task_id"])
    edit = TaskEdit(
        description=body.description,
        status=body.status,
        schedule=schedule,
        undo_completion=body.undo_completion,
        place=body.place.place() if body.place else None,
    )
    task = task_store.change_task(
        ctx.uid, ctx.params["task_id"], edit, ctx.now, body.previous_description
    )
    return json_response(task.to_json())


def delete_task(ctx: RouteContext) -> Response:
    task_store.delete_task(ctx.uid, ctx.params["task_id"])
    return empty_response()


ROUTES = [
    Route("/tasks", ("GET",), list_tasks),
    Route("/tasks", ("POST",), create_task),
    Route("/tasks/<task_id>", ("GET",), get_task),
    Route("/tasks/<task_id>", ("PUT",), put_task),
    Route("/tasks/<task_id>", ("PATCH",), patch_task),
    Route("/tasks/<task_id>", ("DELETE",), delete_task),
]
