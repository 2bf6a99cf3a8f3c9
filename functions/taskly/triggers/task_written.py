"""What a write to a task document sets off: its reminder confirmations and its count in the
person's progress."""

from taskly.progress.record_write import record_task_write
from taskly.reminders.confirm_on_write import confirm_reminder_change
from taskly.tasks.writes import TaskWrite
from taskly.vocabulary.timestamps import utc_now


def handle_task_write(write: TaskWrite) -> None:
    """Records reminders turning on or off in the feed, queues their confirmations, and counts
    the write in the person's progress."""
    # One step failing must not cost the other its turn.
    try:
        confirm_reminder_change(write)
    finally:
        record_task_write(write, utc_now())
