"""The scheduled sweep: find who is due and hand their digests to the fan-out queue.

The sweep reads only what is due (an indexed collection-group query on ``next_reminder_at``),
one page at a time, and queues one fan-out task per page; the fan-out queues one delivery per
person and channel. So the sweep's time and memory grow with pages, not people, and the
enqueueing itself runs spread over instances. Every task is named: two sweeps at once, or one
retried, name the same tasks, and Cloud Tasks drops the copies.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from google.cloud import firestore

from taskly.delivery.queue import FAN_OUT_QUEUE, enqueue
from taskly.platform.firestore_client import Snapshot
from taskly.platform.request_log import log_event
from taskly.reminders.due import due_tasks
from taskly.reminders.jobs import (
    DigestBatchJob,
    DigestJob,
    SweptJob,
    TimedReminderJob,
    job_payload,
    occurrence_of,
    swept_task_name,
)
from taskly.reminders.outbox import queue_left_behind
from taskly.tasks import reminder_state
from taskly.tasks.refs import task_from

# Due tasks held in memory at once: the sweep's memory does not grow with the number due.
PAGE_SIZE = 500
# Jobs in one fan-out task: a page of timed reminders (one job per task and channel) would
# otherwise outgrow a queue task's body (the emulator takes 100 KB; a job is about 200 bytes).
BATCH_JOBS_MAX = 200


@dataclass
class SweepReport:
    pages: int = 0
    tasks_read: int = 0
    digests: int = 0
    timed_reminders: int = 0
    batches_queued: int = 0
    stale_cleared: int = 0
    confirmations_queued: int = 0


def _pages(query: firestore.Query) -> Iterator[list[Snapshot]]:
    last: Snapshot | None = None
    while True:
        page_query = query.limit(PAGE_SIZE)
        if last is not None:
            page_query = page_query.start_after(last)
        page = list(page_query.stream())
        if page:
            yield page
        if len(page) < PAGE_SIZE:
            return
        last = page[-1]


def _owner(snapshot: Snapshot) -> str | None:
    owner = snapshot.reference.parent.parent
    return owner.id if owner is not None and owner.parent.id == "users" else None


def _jobs_in(page: list[Snapshot], now: datetime, report: SweepReport) -> list[SweptJob]:
    """One digest job per person and channel among this page's tasks due for the digest, and
    one job per channel for each task reminded at its time."""
    jobs: dict[tuple[str, ...], SweptJob] = {}
    stale = []
    for snapshot in page:
        uid = _owner(snapshot)
        task = task_from(snapshot)
        if uid is None or not task.wants_reminders:
            stale.append(snapshot)
            continue
        for channel in task.channels_on:
            if task.reminder_is_timed and task.next_reminder_at:
                timed = TimedReminderJob(
                    uid=uid,
                    channel=channel,
                    task_id=task.id,
                    occurrence=occurrence_of(task),
                    remind_at=task.next_reminder_at,
                )
                jobs[(uid, task.id, channel)] = timed
            else:
                jobs.setdefault((uid, channel), DigestJob(uid=uid, channel=channel, due_by=now))
    # Due but nothing to remind of (switched off or done without clearing): stop finding it.
    report.stale_cleared += reminder_state.stop_reminding(stale)
    return list(jobs.values())


def fan_out_batches(jobs: list[SweptJob], swept_at: datetime) -> list[DigestBatchJob]:
    """A page's jobs in fan-out tasks of at most BATCH_JOBS_MAX, in the order of their names
    (so equal sweeps make equal batches)."""
    ordered = sorted(jobs, key=lambda job: swept_task_name(job, swept_at))
    return [
        DigestBatchJob(swept_at=swept_at, jobs=ordered[start : start + BATCH_JOBS_MAX])
        for start in range(0, len(ordered), BATCH_JOBS_MAX)
    ]


def _batch_key(batch: DigestBatchJob) -> str:
    """Equal pages of equal sweeps in one hour get one name."""
    keys = sorted(swept_task_name(job, batch.swept_at) for job in batch.jobs)
    return "digest-batch:" + hashlib.sha256("\n".join(keys).encode()).hexdigest()


def run_sweep(now: datetime) -> SweepReport:
    """Queue every reminder due at ``now``, a page at a time, and the confirmations whose
    trigger did not queue them."""
    report = SweepReport(confirmations_queued=queue_left_behind(now))
    for page in _pages(due_tasks(now)):
        report.pages += 1
        report.tasks_read += len(page)
        jobs = _jobs_in(page, now, report)
        if not jobs:
            continue
        report.digests += sum(isinstance(job, DigestJob) for job in jobs)
        report.timed_reminders += sum(isinstance(job, TimedReminderJob) for job in jobs)
        for batch in fan_out_batches(jobs, now):
            report.batches_queued += enqueue(FAN_OUT_QUEUE, job_payload(batch), _batch_key(batch))
    log_event("INFO", "reminder sweep", now=now.isoformat(), **report.__dict__)
    return report
