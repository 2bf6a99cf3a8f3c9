"""Direct control of the emulators, for arranging test data."""

import contextlib
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import requests
from google.cloud import firestore

from tests.support.stack import HUB_URL, PROJECT
from tests.support.waiting import eventually

# The Firestore emulator hands a seeding's write events to the (paused) trigger one by one,
# and later events queue behind them: thousands take minutes.
CATCH_UP_SECONDS = 300


@contextlib.contextmanager
def background_triggers_off() -> Iterator[None]:
    """Bulk-seed data without firing a function per document; afterwards the task trigger is
    running again and has caught up with the events the block caused."""
    requests.put(f"{HUB_URL}/functions/disableBackgroundTriggers", timeout=10).raise_for_status()
    try:
        yield
    finally:
        requests.put(f"{HUB_URL}/functions/enableBackgroundTriggers", timeout=10).raise_for_status()
    _task_trigger_caught_up()


def _task_trigger_caught_up() -> None:
    """A task written now has been counted by the trigger (in a person of its own)."""
    db = firestore.Client(project=PROJECT)
    uid = f"probe-{uuid.uuid4().hex}"
    now = datetime.now(UTC)
    db.document(f"users/{uid}/tasks/probe").set(
        {"description": "Probe", "status": "todo", "created_at": now, "updated_at": now}
    )
    stats = db.document(f"users/{uid}/stats/progress")
    eventually(lambda: stats.get().exists, timeout=CATCH_UP_SECONDS, interval=1)
