"""Confirming a reminder channel turning on or off: the feed item at once, the email or text
through the delivery queue (which retries it when a provider is down)."""

from taskly import settings
from taskly.delivery.messages import Email, Message, Sms
from taskly.delivery.queue import enqueue_delivery
from taskly.delivery.send_once import Outcome, send_once
from taskly.notifications import feed
from taskly.profiles.document import CHANNELS, Channel, Profile
from taskly.profiles.store import profile_ref, read_profile
from taskly.reminders import messages
from taskly.reminders.jobs import ConfirmationJob, confirmation_key, job_payload
from taskly.tasks.document import Task
from taskly.tasks.writes import TaskWrite
from taskly.timestamps import utc_now

# Changes made by an unsubscribe link are confirmed on the page, not by more email.
QUIET_SOURCE = "unsubscribe"
_CHANNEL_NAMES: dict[Channel, str] = {"email": "email", "sms": "SMS"}


def channel_changes(before: Task | None, after: Task) -> dict[Channel, bool]:
    """Channels whose switch moved in this write: channel -> now on."""
    return {
        channel: after.notifies(channel)
        for channel in CHANNELS
        if (before is not None and before.notifies(channel)) != after.notifies(channel)
    }


def feed_text(description: str, turned_on: list[Channel], turned_off: list[Channel]) -> str:
    parts = []
    if turned_on:
        parts.append(f"on by {' and '.join(_CHANNEL_NAMES[c] for c in turned_on)}")
    if turned_off:
        parts.append(f"off for {' and '.join(_CHANNEL_NAMES[c] for c in turned_off)}")
    return f"Reminders {' and '.join(parts)}: {description}"


def confirm_reminder_change(write: TaskWrite) -> list[Channel]:
    """Record the change in the feed and queue its confirmations; the channels queued."""
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
        feed_text(after.description, turned_on, turned_off),
        write.task_id,
        utc_now(),
    )
    if after.reminder_change_source == QUIET_SOURCE:
        return []
    for channel, on in changes.items():
        job = ConfirmationJob(
            uid=write.uid,
            channel=channel,
            task_id=write.task_id,
            description=after.description,
            turned_on=on,
            channels_on=list(after.channels_on),
            # The write's own time, so a replayed event gives the same ledger key.
            changed_at=after.updated_at or utc_now(),
        )
        # Named by its ledger key: a duplicate trigger event queues nothing more.
        enqueue_delivery(channel, job_payload(job), confirmation_key(job))
    return list(changes)


def confirmation_message(profile: Profile, job: ConfirmationJob) -> Message | None:
    """The email or text this change calls for, to the account's own address or phone."""
    address = profile.address(job.channel)
    if address is None:
        return None
    if job.channel == "sms":
        render_sms = (
            messages.render_sms_reminders_on if job.turned_on else messages.render_sms_reminders_off
        )
        return Sms(address, render_sms(job.description))
    if job.turned_on:
        rendered = messages.render_reminders_on(
            profile.first_name, job.description, list(job.channels_on), settings.APP_URL.value
        )
    else:
        rendered = messages.render_reminders_off(
            profile.first_name, job.description, settings.APP_URL.value
        )
    return Email(address, rendered.subject, rendered.html, rendered.text)


def deliver_confirmation(job: ConfirmationJob) -> Outcome | None:
    """Send the confirmation once (ledger); None when the person can't be reached that way."""
    profile = read_profile(job.uid)
    message = confirmation_message(profile, job) if profile else None
    if message is None:
        return None
    return send_once(
        confirmation_key(job),
        {"uid": job.uid, "channel": job.channel, "to": message.to, "template": "confirmation"},
        profile_ref(job.uid),
        message,
    )
