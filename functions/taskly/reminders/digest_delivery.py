"""The digest queue's worker: one person's daily digest on one channel, sent once, and their
tasks moved on to the next reminder once every channel that reminds of them is done."""

from datetime import date

from taskly.delivery import ledger
from taskly.delivery.send_once import SETTLED, Outcome, send_once
from taskly.delivery.to_devices import send_to_devices
from taskly.notifications import feed
from taskly.platform import auth
from taskly.profiles.document import Profile
from taskly.profiles.store import profile_ref, read_profile
from taskly.progress import summary
from taskly.progress.document import read_stats
from taskly.reminders import messages
from taskly.reminders.compose import digest_message, digest_push
from taskly.reminders.due import due_tasks_of
from taskly.reminders.jobs import DigestJob, digest_key
from taskly.tasks import reminder_state
from taskly.tasks.document import Task
from taskly.tasks.refs import task_from
from taskly.vocabulary.channels import CHANNELS, Channel
from taskly.vocabulary.local_time import local_date
from taskly.vocabulary.timestamps import utc_now


def _channels_settled(
    profile: Profile, day: date, tasks: list[Task], own: Channel, outcome: Outcome | None
) -> dict[Channel, bool]:
    """Per channel that can reach the person and has tasks: is today's digest finished?

    The other channel's record is read after this one's outcome was recorded, so of two
    deliveries finishing at once at least one sees both settled and moves the tasks on.
    """
    settled: dict[Channel, bool] = {}
    for channel in CHANNELS:
        if not profile.reaches(channel) or not any(task.notifies(channel) for task in tasks):
            continue
        if channel == own:
            settled[channel] = outcome in SETTLED
        else:
            settled[channel] = ledger.is_settled(ledger.read(digest_key(profile.uid, day, channel)))
    return settled


def _record_in_feed(job: DigestJob, day: date, tasks: list[Task]) -> None:
    """One bell item per digest sent (person, channel, day). Also after ALREADY_SENT: a run
    that sent and then failed before this line leaves the item to its retry."""
    feed.add_notification(
        job.uid,
        f"digest-{day.isoformat()}-{job.channel}",
        "digest_sent",
        messages.digest_feed_text(job.channel, [task.description for task in tasks]),
        tasks[0].id if len(tasks) == 1 else None,
        utc_now(),
    )


def _send(job: DigestJob, profile: Profile, tasks: list[Task], day: date) -> Outcome:
    key = digest_key(job.uid, day, job.channel)
    record = {"uid": job.uid, "channel": job.channel, "template": "digest"}
    if job.channel == "push":
        return send_to_devices(key, record, digest_push(job.uid, tasks, day, utc_now()))
    done = summary.done_this_week(read_stats(job.uid, profile.timezone), day)
    message = digest_message(profile, job.channel, tasks, done, day, utc_now())
    return send_once(key, {**record, "to": message.to}, profile_ref(job.uid), message)


def deliver_digest(job: DigestJob) -> Outcome | None:
    """Send the digest once (ledger) and move on the tasks whose every channel is done."""
    snapshots = due_tasks_of(job)
    if not snapshots:
        return None
    profile = read_profile(job.uid)
    if profile is None or not auth.account_exists(job.uid):
        reminder_state.stop_reminding(snapshots)  # nobody left to remind
        return Outcome.ACCOUNT_GONE
    rows = [(snapshot, task_from(snapshot)) for snapshot in snapshots]
    reminder_state.stop_reminding([snapshot for snapshot, task in rows if not task.wants_reminders])
    rows = [(snapshot, task) for snapshot, task in rows if task.wants_reminders]
    if not rows:
        return None
    tasks = [task for _, task in rows]
    # The digest belongs to the day its latest reminder was due, not the day a late delivery
    # ran: a retry after midnight can't use up the next day's digest.
    latest_due = max(task.next_reminder_at for task in tasks if task.next_reminder_at)
    day = local_date(latest_due, profile.timezone)
    mine = [task for task in tasks if task.notifies(job.channel)]
    outcome: Outcome | None = None
    if mine and profile.reaches(job.channel):
        outcome = _send(job, profile, mine, day)
        if outcome not in SETTLED:
            return outcome
        if outcome in (Outcome.SENT, Outcome.ALREADY_SENT):
            _record_in_feed(job, day, mine)
    settled = _channels_settled(profile, day, tasks, job.channel, outcome)
    finished = [
        snapshot
        for snapshot, task in rows
        if all(settled.get(channel, True) for channel in task.channels_on)
    ]
    reminder_state.advance(finished, profile.next_reminder_after(job.due_by))
    return outcome
