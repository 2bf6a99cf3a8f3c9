"""Where a person's task documents live, and reading one as a Task."""

from google.cloud import firestore

from taskly.platform.firestore_client import Snapshot
from taskly.profiles.store import profile_ref
from taskly.tasks.document import Task
from taskly.vocabulary.errors import NotFound
from taskly.vocabulary.ids import DOCUMENT_ID


def tasks_of(uid: str) -> firestore.CollectionReference:
    return profile_ref(uid).collection("tasks")


def task_ref(uid: str, task_id: str) -> firestore.DocumentReference:
    # Ids that are not ours (other shapes, other people's) are simply "not found".
    if not DOCUMENT_ID.fullmatch(task_id):
        raise NotFound("No such task.")
    return tasks_of(uid).document(task_id)


def task_from(snapshot: Snapshot) -> Task:
    return Task.from_document(snapshot.id, snapshot.to_dict() or {})


def read_task(uid: str, task_id: str, transaction: firestore.Transaction | None = None) -> Task:
    snapshot = task_ref(uid, task_id).get(transaction=transaction)
    if not snapshot.exists:
        raise NotFound("No such task.")
    return task_from(snapshot)
