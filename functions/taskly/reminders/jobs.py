"""The delivery jobs the reminder queues carry, and the ledger keys they send under."""

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, TypeAdapter

from taskly.limits import CONFIRMATION_EVERY_SECONDS
from taskly.profiles.document import Channel


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


class ConfirmationJob(_DeliveryJob):
    """Confirm that a task's reminders on ``channel`` were turned on or off by one write."""

    kind: Literal["confirmation"] = "confirmation"
    task_id: str
    description: str
    turned_on: bool
    channels_on: list[Channel]
    # When the write happened: SMS confirmations of one task are one per period from it.
    changed_at: AwareDatetime


class DigestBatchJob(_QueuedJob):
    """The digest jobs found on one page of the sweep, to be queued one by one."""

    kind: Literal["digest_batch"] = "digest_batch"
    swept_at: AwareDatetime
    jobs: list[DigestJob]


Job = Annotated[DigestJob | ConfirmationJob, Field(discriminator="kind")]
_JOB = TypeAdapter(Job)


def read_job(data: Any) -> DigestJob | ConfirmationJob:
    """The job in a task's payload; pydantic's ValidationError for anything else."""
    return _JOB.validate_python(data)


def job_payload(job: BaseModel) -> dict[str, Any]:
    return job.model_dump(mode="json")


def digest_key(uid: str, day: date, channel: Channel) -> str:
    """One digest per person, local day and channel."""
    return f"reminder:{uid}:{day.isoformat()}:{channel}"


def confirmation_key(job: ConfirmationJob) -> str:
    """One "on" and one "off" confirmation per task and channel per CONFIRMATION_EVERY_SECONDS,
    the same rule for email and SMS: flipping a switch again and again sends no more mail or
    texts (the feed still shows each flip). The period comes from the write's own time, so a
    replayed event gives the same key."""
    period = int(job.changed_at.timestamp()) // CONFIRMATION_EVERY_SECONDS
    direction = "on" if job.turned_on else "off"
    return f"confirmation:{job.uid}:{job.task_id}:{job.channel}:{direction}:{period}"


def digest_task_key(uid: str, channel: Channel, swept_at: datetime) -> str:
    """The queue task's name for a sweep's digest job: sweeps within the same UTC hour name it
    alike, so Cloud Tasks drops the copies. The hour lets a later sweep queue it again after a
    job ran out of attempts (a name stays taken for about an hour after its task ends)."""
    return f"digest:{uid}:{channel}:{swept_at.strftime('%Y-%m-%dT%H')}"
