"""The sweep's cost follows the reminders due, not all the data."""

from datetime import timedelta

from taskly.reminder_sweep import run_sweep
from tests.support import bulk, capture
from tests.support.reminders import fresh_epoch


def test_sweep_reads_only_due_tasks_among_5000(db):
    day = fresh_epoch(db)
    seeded = bulk.seed(db, people=50, tasks_each=100, due_at=day, tag="cost")
    assert len(seeded.due_task_ids) == 50

    report = run_sweep(day + timedelta(minutes=1))

    assert report.tasks_read == 50 <= 60
    assert report.people == 50
    assert report.outcomes == {"sent": 50}
    received = {mail["to"][0] for mail in capture.messages(channel="email")}
    assert set(seeded.emails) <= received
