"""The task trigger's side of confirming a reminder channel turning on or off: the feed item
at once, and the confirmations the switch's own transaction left in the task's outbox
(``outbox.py``) handed to the delivery queue, which retries them when a provider is down."""

from taskly.notifications import feed
from taskly.reminders import messages
from taskly.reminders.outbox import channel_changes, queue_task_outbox
from taskly.tasks.writes import TaskWrite
from taskly.vocabulary.channels import Channel
from taskly.vocabulary.timestamps import utc_now


def confirm_reminder_change(write: TaskWrite) -> list[Channel]:
    """Record the change in the feed and queue the confirmations waiting in the task's
    outbox; the channels whose switch moved."""
    before, after = write.before_task(), write.after_task()
    if after is None:
        return []
    changes = channel_changes(before, after)
    if not changes:
        return []
    turned_on = [channel for channel, on in changes.items() if on]
    turned_off = [channel for channel, on in changes.items() if not on]
    feed.add_notification(
        write.uid,
        write.event_id,
        "reminders_on" if turned_on else "reminders_off",
        messages.change_feed_text(after.description, turned_on, turned_off),
        write.task_id,
        utc_now(),
    )
    queue_task_outbox(write.uid, write.task_id)
    return list(changes)
