"""The delivery jobs the reminder queues carry, and the ledger keys they send under."""

from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter

from taskly.tasks.document import Task
from taskly.vocabulary.channels import Channel
from taskly.vocabulary.limits import CONFIRMATION_PERIOD_SECONDS, CONFIRMATIONS_PER_PERIOD


class _QueuedJob(BaseModel):
    """A queue task's payload: read strictly, never changed once made."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class _DeliveryJob(_QueuedJob):
    """One message for one person on one channel."""

    uid: str
    channel: Channel


class DigestJob(_DeliveryJob):
    """Send ``uid`` the digest of their tasks due by ``due_by`` on ``channel``."""

    kind: Literal["digest"] = "digest"
    due_by: AwareDatetime


class TimedReminderJob(_DeliveryJob):
    """Remind ``uid`` on ``channel`` of one task on its own: its date ``occurrence`` (see
    ``occurrence_of``), at ``remind_at`` (its time less the offset the person chose, or the
    time a snooze moved the reminder to)."""

    kind: Literal["timed"] = "timed"
    task_id: str
    occurrence: str
    remind_at: AwareDatetime


class ConfirmationJob(_DeliveryJob):
    """Confirm that a task's reminders on ``channel`` were turned on or off by one write."""

    kind: Literal["confirmation"] = "confirmation"
    event_id: str
    # Queued for the end of a period whose confirmations ran out: it tells the switch's state
    # as it is then, if the last confirmation said otherwise.
    settle: bool = False
    task_id: str
    description: str
    turned_on: bool
    channels_on: list[Channel]
    # When the write happened: SMS confirmations of one task are one per period from it.
    changed_at: AwareDatetime


SweptJob = Annotated[DigestJob | TimedReminderJob, Field(discriminator="kind")]


class DigestBatchJob(_QueuedJob):
    """The reminder jobs found on one page of the sweep, to be queued one by one."""

    kind: Literal["digest_batch"] = "digest_batch"
    swept_at: AwareDatetime
    jobs: list[SweptJob]


Job = Annotated[DigestJob | TimedReminderJob | ConfirmationJob, Field(discriminator="kind")]
_JOB = TypeAdapter(Job)


def read_job(data: Any) -> DigestJob | TimedReminderJob | ConfirmationJob:
    """The job in a task's payload; pydantic's ValidationError for anything else."""
    return _JOB.validate_python(data)


def job_payload(job: BaseModel) -> dict[str, Any]:
    return job.model_dump(mode="json")


def digest_key(uid: str, day: date, channel: Channel) -> str:
    """One digest per person, local day and channel."""
    return f"reminder:{uid}:{day.isoformat()}:{channel}"


UNDATED = "undated"


def occurrence_of(task: Task) -> str:
    """The date a task's reminder is for: its due date, or UNDATED (a snoozed reminder of a
    task without one)."""
    return task.due_date or UNDATED


def timed_key(job: TimedReminderJob) -> str:
    """One reminder per task, occurrence, time and channel: a repeat's dates never collide, a
    snoozed reminder is a new one, and a sweep or dispatch run twice sends nothing twice.
    Also the queue task's name."""
    at = int(job.remind_at.timestamp())
    return f"timed:{job.uid}:{job.task_id}:{job.occurrence}:{at}:{job.channel}"


def swept_task_name(job: DigestJob | TimedReminderJob, swept_at: datetime) -> str:
    """The queue task's name for a job the sweep found."""
    if isinstance(job, TimedReminderJob):
        return timed_key(job)
    return digest_task_key(job.uid, job.channel, swept_at)


def confirmation_task_name(job: ConfirmationJob) -> str:
    """The queue task's name: one per write and channel, so a duplicate trigger event queues
    nothing more."""
    return f"confirmation:{job.event_id}:{job.channel}"


def _confirmation_period(job: ConfirmationJob) -> int:
    # The write's own time: a replayed event falls in the same period.
    return int(job.changed_at.timestamp()) // CONFIRMATION_PERIOD_SECONDS


def _confirmation_prefix(job: ConfirmationJob) -> str:
    return f"confirmation:{job.uid}:{job.task_id}:{job.channel}:{_confirmation_period(job)}"


def confirmation_slot_keys(job: ConfirmationJob) -> list[str]:
    """The ledger keys this task and channel may confirm under in the period of the write,
    filled in order, and last the one for the period's end (settle)."""
    prefix = _confirmation_prefix(job)
    return [f"{prefix}:{slot}" for slot in range(CONFIRMATIONS_PER_PERIOD)] + [f"{prefix}:settle"]


def confirmation_period_end(job: ConfirmationJob) -> datetime:
    return datetime.fromtimestamp(
        (_confirmation_period(job) + 1) * CONFIRMATION_PERIOD_SECONDS, tz=UTC
    )


def digest_task_key(uid: str, channel: Channel, swept_at: datetime) -> str:
    """The queue task's name for a sweep's digest job: sweeps within the same UTC hour name it
    alike, so Cloud Tasks drops the copies. The hour lets a later sweep queue it again after a
    job ran out of attempts (a name stays taken for about an hour after its task ends)."""
    return f"digest:{uid}:{channel}:{swept_at.strftime('%Y-%m-%dT%H')}"
