"""The confirmation queue's worker: the email or text saying a task's reminder channel turned
on or off (queued by ``confirm_on_write.py``, or by the sweep from the outbox).

A confirmation tells the person the state the switch has settled in. One whose write a later
write undid stays quiet (the later one speaks), and so does one whose state is what the last
confirmation sent already said. Past CONFIRMATIONS_PER_PERIOD in a period only the feed
speaks, until the period's end, when one last message says where the switch ended up if the
last one said otherwise. So flipping a switch again and again can't flood mail or texts, and
the last message the person got matches the switch, whatever the order of flips.
"""

from typing import Any

from taskly.delivery import ledger
from taskly.delivery.queue import enqueue_delivery
from taskly.delivery.send_once import Outcome, send_once
from taskly.profiles.store import profile_ref, read_profile
from taskly.reminders.compose import confirmation_message
from taskly.reminders.jobs import (
    ConfirmationJob,
    confirmation_period_end,
    confirmation_slot_keys,
    job_payload,
)
from taskly.tasks.document import Task
from taskly.tasks.refs import task_from, task_ref


def _direction(turned_on: bool) -> str:
    return "on" if turned_on else "off"


def _current_task(job: ConfirmationJob) -> Task | None:
    snapshot = task_ref(job.uid, job.task_id).get()
    return task_from(snapshot) if snapshot.exists else None


def _told(keys: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """The period's confirmations so far, in the order they were sent: (key, record)."""
    used = ledger.read_all(keys)
    return [(key, used[key]) for key in keys if key in used]


def deliver_confirmation(job: ConfirmationJob) -> Outcome | None:
    """Send the confirmation once (ledger), if the person has not been told this state yet;
    None when there is nothing to send."""
    profile = read_profile(job.uid)
    task = _current_task(job)
    if profile is None or profile.address(job.channel) is None or task is None:
        return None
    if job.settle:
        # The period's end: tell the switch as it is now (if the last message said otherwise).
        now_on = task.notifies(job.channel)
        job = job.model_copy(
            update={
                "turned_on": now_on,
                "description": task.description,
                "channels_on": list(task.channels_on) if now_on else job.channels_on,
            }
        )
    elif task.notifies(job.channel) != job.turned_on:
        return None  # a later write turned it back: that write's confirmation speaks
    direction = _direction(job.turned_on)
    *slots, settle_key = confirmation_slot_keys(job)
    told = _told([*slots, settle_key])
    if told and told[-1][1].get("direction") == direction:
        # The last confirmation says this already (or is still on its way): the ledger knows
        # whether it went out, or should be tried again.
        key = told[-1][0]
    elif job.settle:
        key = settle_key
    elif len(told) < len(slots):
        key = slots[len(told)]
    else:
        # The period's confirmations are spent (the feed has every change): its end says
        # where the switch ended up, once.
        settle = job.model_copy(update={"settle": True})
        enqueue_delivery(
            job.channel, job_payload(settle), settle_key, at=confirmation_period_end(job)
        )
        return None
    message = confirmation_message(profile, job, task)
    assert message is not None  # the address was checked above
    return send_once(
        key,
        {
            "uid": job.uid,
            "channel": job.channel,
            "to": message.to,
            "template": "confirmation",
            "direction": direction,
        },
        profile_ref(job.uid),
        message,
    )
