"""A task's place in its column: its order key ``rank``, a fractional index (text that sorts
as the column does, with room between any two keys), so placing a task writes only that task.

A column shows its tasks by due first; the person's own order (by rank) applies among tasks
with the same due and among those without one. A new task, and one moved to another column,
goes on top: before the column's first rank. A task placed by the person goes between the
ranks of the two tasks they put it between.
"""

from dataclasses import dataclass

from fractional_indexing import FIError, generate_key_between
from google.cloud import firestore

from taskly.tasks.document import Task
from taskly.tasks.refs import read_task, tasks_of
from taskly.vocabulary.errors import Conflict, NotFound
from taskly.vocabulary.statuses import Status

_MOVED_MEANWHILE = "Your board changed while you were moving this task. Try again."


@dataclass(frozen=True)
class Place:
    """Between the tasks ``above`` and ``below`` of a column (ids; None: no task that side)."""

    above: str | None = None
    below: str | None = None


def rank_on_top(uid: str, status: Status, transaction: firestore.Transaction | None = None) -> str:
    """A rank before every other of the column ``status`` (one read)."""
    first = (
        tasks_of(uid)
        .where(filter=firestore.FieldFilter("status", "==", status))
        .where(filter=firestore.FieldFilter("rank", ">", ""))
        .order_by("rank")
        .limit(1)
    )
    ranks = [snapshot.get("rank") for snapshot in first.get(transaction=transaction)]
    return _between(None, ranks[0] if ranks else None)


def rank_at(
    uid: str, status: Status, place: Place, transaction: firestore.Transaction | None = None
) -> str:
    """A rank between those of ``place``'s tasks, which must be in the column ``status`` and
    in that order still (else Conflict: the person placed it on a board that has changed)."""
    above, below = (
        _neighbour(uid, task_id, status, transaction) for task_id in (place.above, place.below)
    )
    if above is not None and below is not None and not above < below:
        raise Conflict(_MOVED_MEANWHILE, "place")
    return _between(above, below)


def _neighbour(
    uid: str, task_id: str | None, status: Status, transaction: firestore.Transaction | None
) -> str | None:
    if task_id is None:
        return None
    try:
        neighbour: Task = read_task(uid, task_id, transaction)
    except NotFound:
        raise Conflict(_MOVED_MEANWHILE, "place") from None
    if neighbour.status != status or not neighbour.rank:
        raise Conflict(_MOVED_MEANWHILE, "place")
    return neighbour.rank


def _between(above: str | None, below: str | None) -> str:
    try:
        return generate_key_between(above, below)
    except FIError:
        # A rank not written by Taskly (or its neighbours out of order): no bound from it.
        return generate_key_between(None, None)
