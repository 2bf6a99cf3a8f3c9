"""The reminder queues' worker for a task reminded on its own (at its time, or at the time a
snooze moved its reminder to): one reminder on one channel, sent once for that reminder
(ledger), and the task moved on to the daily digest once every channel that reminds of it is
done."""

from datetime import date

from taskly.delivery import ledger
from taskly.delivery.send_once import SETTLED, Outcome, send_once
from taskly.delivery.to_devices import send_to_devices
from taskly.notifications import feed
from taskly.platform import auth
from taskly.profiles.document import Profile
from taskly.profiles.store import profile_ref, read_profile
from taskly.reminders import messages
from taskly.reminders.compose import timed_message, timed_push
from taskly.reminders.jobs import TimedReminderJob, occurrence_of, timed_key
from taskly.tasks import reminder_state
from taskly.tasks.document import Task
from taskly.tasks.refs import task_from, task_ref
from taskly.vocabulary.local_time import local_date
from taskly.vocabulary.timestamps import utc_now


def _when(task: Task, job: TimedReminderJob, profile: Profile) -> str | None:
    """When the task is due, said from the reminder's day; None without a date."""
    if task.due_date is None:
        return None
    remind_day = local_date(job.remind_at, profile.timezone)
    due_day = (
        local_date(task.due_at, profile.timezone)
        if task.due_at is not None
        else date.fromisoformat(task.due_date)
    )
    return messages.due_when(remind_day, due_day, task.due_time)


def _all_channels_settled(task: Task, job: TimedReminderJob, profile: Profile) -> bool:
    """Whether this reminder is finished on every channel that can reach the person. Read
    after this channel's outcome was recorded: of two deliveries finishing at once, at least
    one sees both settled and moves the task on."""
    return all(
        ledger.is_settled(ledger.read(timed_key(job.model_copy(update={"channel": channel}))))
        for channel in task.channels_on
        if profile.reaches(channel)
    )


def _send(job: TimedReminderJob, task: Task, profile: Profile, when: str | None) -> Outcome:
    record = {"uid": job.uid, "channel": job.channel, "template": "timed"}
    if job.channel == "push":
        return send_to_devices(timed_key(job), record, timed_push(job.uid, task, when, utc_now()))
    return send_once(
        timed_key(job),
        {**record, "to": profile.address(job.channel)},
        profile_ref(job.uid),
        timed_message(profile, job.channel, task, when, utc_now()),
    )


def deliver_timed(job: TimedReminderJob) -> Outcome | None:
    """Send the reminder once and, when every channel is done, hand the task to the digest."""
    snapshot = task_ref(job.uid, job.task_id).get()
    if not snapshot.exists:
        return None
    task = task_from(snapshot)
    still_due = occurrence_of(task) == job.occurrence and task.next_reminder_at == job.remind_at
    if not (task.wants_reminders and task.reminder_is_timed and still_due):
        return None  # done, moved or switched off since the sweep: that write decided
    profile = read_profile(job.uid)
    if profile is None or not auth.account_exists(job.uid):
        reminder_state.stop_reminding([snapshot])  # nobody left to remind
        return Outcome.ACCOUNT_GONE
    outcome: Outcome | None = None
    if task.notifies(job.channel) and profile.reaches(job.channel):
        when = _when(task, job, profile)
        outcome = _send(job, task, profile, when)
        if outcome not in SETTLED:
            return outcome
        if outcome in (Outcome.SENT, Outcome.ALREADY_SENT):
            feed.add_notification(
                job.uid,
                f"timed-{job.task_id}-{job.occurrence}-{job.channel}",
                "digest_sent",
                messages.timed_feed_text(job.channel, task.description, when),
                task.id,
                utc_now(),
            )
    if _all_channels_settled(task, job, profile):
        # Until it is done, the task is in the person's daily digest from now on.
        reminder_state.advance([snapshot], profile.next_reminder_after(job.remind_at))
    return outcome
