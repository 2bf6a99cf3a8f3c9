"""One Firestore client per process.

``google.cloud.firestore.Client`` talks to the emulator anonymously when
``FIRESTORE_EMULATOR_HOST`` is set, and to Firestore with the runtime's
service account in the cloud.
"""

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

from google.cloud import firestore
from google.cloud.firestore_v1 import DocumentReference, DocumentSnapshot

from taskly.platform.settings import project_id
from taskly.vocabulary.errors import Unavailable

# A document as read (the client's snapshot type is generic over its reference's type).
Snapshot = DocumentSnapshot[DocumentReference]


@cache
def db() -> firestore.Client:
    """The shared Firestore client."""
    return firestore.Client(project=project_id())


def count(query: firestore.Query | firestore.CollectionReference) -> int:
    """How many documents ``query`` matches, by aggregation (a read per 1,000 matched)."""
    # The client's annotations call AggregationQuery.get unbound; it returns rows of results.
    aggregation: Any = query.count()
    results = aggregation.get()
    return int(results[0][0].value)


ResultT = TypeVar("ResultT")
_Item = TypeVar("_Item")


class Contention(Unavailable):
    """Others changed the same documents at the same moment, again and again."""

    def __init__(self) -> None:
        super().__init__("This was being changed elsewhere at the same moment. Try again.")


def run_transaction(work: Callable[..., ResultT], *args: Any) -> ResultT:
    """``work(transaction, *args)`` in a transaction, retried by the client on conflicts."""
    try:
        return firestore.transactional(work)(db().transaction(), *args)
    except ValueError as error:
        # The client gives up after 5 aborted commits ("Failed to commit transaction in 5
        # attempts"): a normal outcome under contention, for the caller to answer, not a crash.
        if "Failed to commit transaction" not in str(error):
            raise
        raise Contention() from None


BATCH_LIMIT = 400  # below Firestore's 500 writes per commit


def update_in_batches(refs: Iterable[firestore.DocumentReference], changes: dict[str, Any]) -> int:
    """Apply the same field changes to many documents, a bounded batch per commit."""
    return _in_batches(refs, lambda batch, ref: batch.update(ref, changes))


def update_each_in_batches(
    updates: Iterable[tuple[firestore.DocumentReference, dict[str, Any]]],
) -> int:
    """Apply each document's own field changes, a bounded batch per commit."""
    return _in_batches(updates, lambda batch, update: batch.update(*update))


def delete_in_batches(refs: Iterable[firestore.DocumentReference]) -> int:
    """Delete many documents, a bounded batch per commit."""
    return _in_batches(refs, lambda batch, ref: batch.delete(ref))


def _in_batches(
    items: Iterable[_Item], write: Callable[[firestore.WriteBatch, _Item], object]
) -> int:
    batch, pending, total = db().batch(), 0, 0
    for item in items:
        write(batch, item)
        pending += 1
        total += 1
        if pending == BATCH_LIMIT:
            batch.commit()
            batch, pending = db().batch(), 0
    if pending:
        batch.commit()
    return total
