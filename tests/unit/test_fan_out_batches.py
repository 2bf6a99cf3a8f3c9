"""The sweep's fan-out tasks stay small whatever a page holds."""

import json
from datetime import UTC, datetime

from taskly.reminders.jobs import TimedReminderJob, job_payload
from taskly.reminders.sweep import BATCH_JOBS_MAX, PAGE_SIZE, fan_out_batches

SWEPT = datetime(2026, 12, 9, 14, 0, tzinfo=UTC)


def _timed(number: int, channel: str) -> TimedReminderJob:
    return TimedReminderJob(
        uid=f"person-{number:028d}",
        channel=channel,  # type: ignore[arg-type]
        task_id=f"task-{number:016d}",
        occurrence="2026-12-09",
        remind_at=SWEPT,
    )


def _name(job: TimedReminderJob) -> tuple[str, str]:
    return job.uid, job.channel


def test_a_page_of_timed_reminders_is_queued_in_tasks_under_a_queue_tasks_size():
    jobs = [_timed(number, channel) for number in range(PAGE_SIZE) for channel in ("email", "sms")]

    batches = fan_out_batches(jobs, SWEPT)

    assert [len(batch.jobs) for batch in batches] == [BATCH_JOBS_MAX] * 5
    assert max(len(json.dumps(job_payload(batch))) for batch in batches) < 64 * 1024
    queued = [job for batch in batches for job in batch.jobs]
    assert sorted(queued, key=_name) == sorted(jobs, key=_name)
    # A second sweep of the same page makes the same batches: the queue drops the copies.
    assert fan_out_batches(list(reversed(jobs)), SWEPT) == batches
