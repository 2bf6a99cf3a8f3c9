"""The sweep's cost follows the reminders due, not all the data."""

from datetime import timedelta

from taskly.reminders.sweep import run_sweep
from tests.support import bulk, capture
from tests.support.reminders import fresh_epoch
from tests.support.waiting import arrived


def test_sweep_reads_only_due_tasks_among_5000(db):
    day = fresh_epoch(db)
    seeded = bulk.seed(db, people=50, tasks_each=100, due_at=day, tag="cost")
    assert len(seeded.due_task_ids) == 50

    report = run_sweep(day + timedelta(minutes=1))

    assert (report.pages, report.tasks_read, report.digests, report.batches_queued) == (
        1,
        50,
        50,
        1,
    )

    def received() -> list[str]:
        mails = capture.messages(channel="email")
        return sorted(mail["to"][0] for mail in mails if mail["to"][0] in seeded.emails)

    # One digest each: the seeding switched reminders on without a confirmation.
    assert arrived(received, len(seeded.emails), timeout=120) == sorted(seeded.emails)
