"""The fan-out queue's worker: one sweep page's reminders, each queued on its channel."""

from concurrent.futures import ThreadPoolExecutor

from taskly.delivery.queue import enqueue_delivery
from taskly.reminders.jobs import DigestBatchJob, job_payload, swept_task_name

# Enqueue calls in flight at once in a fan-out task (each one HTTP request to Cloud Tasks).
ENQUEUE_WORKERS = 16


def queue_digests(batch: DigestBatchJob) -> int:
    """Queue each reminder of a sweep page on its channel; how many were new.

    A failure raises, and Cloud Tasks runs the batch again: those already queued are
    dropped as duplicates by name.
    """
    with ThreadPoolExecutor(max_workers=ENQUEUE_WORKERS) as pool:
        queued = pool.map(
            lambda job: enqueue_delivery(
                job.channel, job_payload(job), swept_task_name(job, batch.swept_at)
            ),
            batch.jobs,
        )
        return sum(queued)
