"""Cloud Functions entry points: each wires one trigger to the taskly package."""

from firebase_functions import firestore_fn, https_fn, options, scheduler_fn

from taskly.api.app import handle
from taskly.reminder_confirmations import TaskWrite, confirm_reminder_change
from taskly.reminder_sweep import run_sweep
from taskly.runtime_guard import refuse_emulator_settings
from taskly.settings import SECRETS

refuse_emulator_settings()

options.set_global_options(region="us-central1", max_instances=10)


# A whole CPU (the gen-1 default is 0.58 vCPU serving one request at a time). 16 requests at
# once: they mostly wait on Firestore, and functions-framework serves them with THREADS
# threads (functions/.env; its default is 4 per CPU). 1 GiB holds the runtime (~150 MB) and
# avatar decodes: a 12-MP photo is 48 MB of pixels, the 40-MP limit 160 MB.
@https_fn.on_request(
    cpu=1,
    concurrency=16,
    memory=options.MemoryOption.GB_1,
    timeout_sec=60,
    secrets=SECRETS,
)
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


# The sweep holds every due task at once (run_sweep lists the query): 2.3 KB each, measured
# with tracemalloc for a 500-character description (snapshot 1.7 KB + its dict copy). 1 GiB
# keeps 300,000 due tasks (~700 MB) beside the runtime (~150 MB); a whole CPU for the
# SEND_WORKERS (32) threads rendering and sending digests.
@scheduler_fn.on_schedule(
    schedule="every 15 minutes",
    cpu=1,
    memory=options.MemoryOption.GB_1,
    timeout_sec=540,
    secrets=SECRETS,
    retry_count=3,
)
def send_reminders(event: scheduler_fn.ScheduledEvent) -> None:
    """Sends the reminder digests due at the scheduled time."""
    run_sweep(event.schedule_time)
