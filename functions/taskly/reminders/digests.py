"""Delivering one person's daily digest on one channel, and moving their tasks on."""

from collections.abc import Iterable
from datetime import date, datetime

from google.api_core.exceptions import FailedPrecondition, NotFound
from google.cloud import firestore

from taskly import auth, settings
from taskly.delivery import ledger
from taskly.delivery.messages import Email, Message, Sms
from taskly.delivery.send_once import SETTLED, Outcome, send_once
from taskly.firestore_client import db
from taskly.notifications import feed
from taskly.profiles.document import CHANNELS, Channel, Profile
from taskly.profiles.store import profile_ref, read_profile
from taskly.progress import summary
from taskly.progress.store import read_stats
from taskly.reminders import messages
from taskly.reminders.jobs import DigestJob, digest_key
from taskly.reminders.schedule import local_date
from taskly.reminders.unsubscribe_token import make_unsubscribe_token
from taskly.tasks.document import Task
from taskly.tasks.store import task_from, tasks_of
from taskly.timestamps import utc_now

# Tasks one digest reads: the oldest due first. Any more wait for the next digest.
DIGEST_TASKS_MAX = 500


def unsubscribe_url(uid: str) -> str:
    token = make_unsubscribe_token(settings.UNSUBSCRIBE_SIGNING_KEY.value, uid, None)
    return f"{settings.APP_URL.value}/api/unsubscribe?token={token}"


def digest_message(
    profile: Profile, channel: Channel, tasks: list[Task], done_this_week: int
) -> Message:
    descriptions = [task.description for task in tasks]
    address = profile.address(channel)
    assert address is not None
    if channel == "sms":
        return Sms(address, messages.render_sms_digest(descriptions))
    link = unsubscribe_url(profile.uid)
    rendered = messages.render_digest(
        profile.first_name,
        descriptions,
        settings.APP_URL.value,
        link,
        done_this_week=done_this_week,
    )
    return Email(
        address,
        rendered.subject,
        rendered.html,
        rendered.text,
        {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def due_tasks_of(job: DigestJob) -> list[firestore.DocumentSnapshot]:
    query = (
        tasks_of(job.uid)
        .where(filter=firestore.FieldFilter("next_reminder_at", "<=", job.due_by))
        .order_by("next_reminder_at")
        .limit(DIGEST_TASKS_MAX)
    )
    return list(query.stream())


def advance(snapshots: Iterable[firestore.DocumentSnapshot], next_at: datetime | None) -> int:
    """Set each task's next reminder, unless the task changed since it was read."""
    moved = 0
    for snapshot in snapshots:
        option = db().write_option(last_update_time=snapshot.update_time)
        try:
            snapshot.reference.update({"next_reminder_at": next_at}, option=option)
            moved += 1
        except (FailedPrecondition, NotFound):
            pass  # Changed meanwhile (done, deleted, switched off): that write decided.
    return moved


def _channels_settled(
    profile: Profile, day: date, tasks: list[Task], own: Channel, outcome: Outcome | None
) -> dict[Channel, bool]:
    """Per channel that can reach the person and has tasks: is today's digest finished?

    The other channel's record is read after this one's outcome was recorded, so of two
    deliveries finishing at once at least one sees both settled and moves the tasks on.
    """
    settled: dict[Channel, bool] = {}
    for channel in CHANNELS:
        if not profile.address(channel) or not any(task.notifies(channel) for task in tasks):
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


def deliver_digest(job: DigestJob) -> Outcome | None:
    """Send the digest once (ledger) and move on the tasks whose every channel is done."""
    snapshots = due_tasks_of(job)
    if not snapshots:
        return None
    profile = read_profile(job.uid)
    if profile is None or not auth.account_exists(job.uid):
        advance(snapshots, None)  # nobody left to remind: these tasks stop being due
        return Outcome.ACCOUNT_GONE
    rows = [(snapshot, task_from(snapshot)) for snapshot in snapshots]
    advance([snapshot for snapshot, task in rows if not task.wants_reminders], None)
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
    if mine and profile.address(job.channel):
        done = summary.done_this_week(read_stats(job.uid, profile.timezone), day)
        message = digest_message(profile, job.channel, mine, done)
        outcome = send_once(
            digest_key(job.uid, day, job.channel),
            {"uid": job.uid, "channel": job.channel, "to": message.to, "template": "digest"},
            profile_ref(job.uid),
            message,
        )
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
    advance(finished, profile.next_reminder_after(job.due_by))
    return outcome
