"""Cloud Functions entry points: each wires one trigger to the taskly package."""

from firebase_functions import firestore_fn, https_fn, options, scheduler_fn

from taskly.api.app import handle
from taskly.reminder_confirmations import TaskWrite, confirm_reminder_change
from taskly.reminder_sweep import run_sweep
from taskly.settings import SECRETS

options.set_global_options(region="us-central1", max_instances=10)


@https_fn.on_request(memory=options.MemoryOption.GB_1, timeout_sec=60, secrets=SECRETS)
def api(request: https_fn.Request) -> https_fn.Response:
    """The HTTP API, served by Hosting at /api/**."""
    return handle(request)


@firestore_fn.on_document_written(document="users/{uid}/tasks/{task_id}", secrets=SECRETS)
def on_task_written(
    event: firestore_fn.Event[firestore_fn.Change[firestore_fn.DocumentSnapshot | None]],
) -> None:
    """Confirms reminders turning on or off, by email/SMS and in the in-app feed."""
    before, after = event.data.before, event.data.after
    confirm_reminder_change(
        TaskWrite(
            event_id=event.id,
            uid=event.params["uid"],
            task_id=event.params["task_id"],
            before=before.to_dict() if before is not None else None,
            after=after.to_dict() if after is not None else None,
        )
    )


@scheduler_fn.on_schedule(
    schedule="every 15 minutes", timeout_sec=540, secrets=SECRETS, retry_count=3
)
def send_reminders(event: scheduler_fn.ScheduledEvent) -> None:
    """Sends the reminder digests due at the scheduled time."""
    run_sweep(event.schedule_time)
