"""A task's reminder state, and the only code that changes it.

The state is these fields of the task document: the channel switches ``notify_email``,
``notify_sms`` and ``notify_push``; ``next_reminder_at``, when the sweep finds the task due
(null unless a channel is on and the task is not done, so done, delete and unsubscribe stop
reminders exactly then); ``snoozed_until``, the time a snooze moved that reminder to; and
``reminder_change_source``, who last switched a channel (a link's change is confirmed on its
page, not by more mail). Routes, triggers and queue workers change it only through the
operations below; an edit of a task's text or status takes the state ``follow_edit`` gives,
in the edit's own transaction.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from google.api_core.exceptions import FailedPrecondition
from google.api_core.exceptions import NotFound as GoogleNotFound
from google.cloud import firestore

from taskly.platform.firestore_client import (
    Snapshot,
    db,
    run_transaction,
    update_each_in_batches,
)
from taskly.profiles.document import Profile
from taskly.profiles.store import profile_reader
from taskly.tasks.document import ChangeSource, Task
from taskly.tasks.refs import read_task, task_from, task_ref, tasks_of
from taskly.tasks.schedule import in_zone, planned_reminder, same_plan
from taskly.vocabulary.channels import Channel
from taskly.vocabulary.errors import NotFound

# Work done in the same transaction as a switch, given the task before and after it.
AlsoInTransaction = Callable[[firestore.Transaction, str, Task, Task, datetime], None]


def next_reminder(
    before: Task | None, after: Task, profile: Callable[[], Profile], now: datetime
) -> datetime | None:
    """When ``after`` is next reminded: never while it wants no reminders; as its dates plan
    (``schedule.planned_reminder``) when reminders (re)start or its dates changed; otherwise
    the time already set."""
    if not after.wants_reminders:
        return None
    kept = before is not None and before.wants_reminders and same_plan(before, after)
    if kept and after.next_reminder_at is not None:
        return after.next_reminder_at
    return planned_reminder(after, profile(), now)


def follow_edit(before: Task, after: Task, profile: Callable[[], Profile], now: datetime) -> Task:
    """``after`` (an edit of ``before``) with its reminder time kept true; ``profile`` reads the
    owner's profile in the edit's transaction."""
    next_at = next_reminder(before, after, profile, now)
    # A snooze lasts until its reminder is replaced: by a new plan, done, or switched off.
    snoozed = after.snoozed_until if next_at == after.snoozed_until else None
    return replace(after, next_reminder_at=next_at, snoozed_until=snoozed)


def _switch(
    transaction: firestore.Transaction,
    uid: str,
    task_id: str,
    switches: Mapping[Channel, bool],
    source: ChangeSource,
    now: datetime,
    also: AlsoInTransaction | None,
) -> Task:
    before = read_task(uid, task_id, transaction)
    after = replace(
        before,
        notify_email=switches.get("email", before.notify_email),
        notify_sms=switches.get("sms", before.notify_sms),
        notify_push=switches.get("push", before.notify_push),
        reminder_change_source=source,
        updated_at=now,
    )
    after = follow_edit(before, after, profile_reader(uid, transaction), now)
    transaction.set(task_ref(uid, task_id), after.to_document())
    if also is not None:
        also(transaction, uid, before, after, now)
    return after


def switch_channels(
    uid: str,
    task_id: str,
    switches: Mapping[Channel, bool],
    source: ChangeSource,
    now: datetime,
    also: AlsoInTransaction | None = None,
) -> Task:
    """Turn the named channels on or off, atomically with ``also``'s writes."""
    return run_transaction(_switch, uid, task_id, switches, source, now, also)


def _snooze(
    transaction: firestore.Transaction,
    uid: str,
    task_id: str,
    until: datetime,
    now: datetime,
    also: AlsoInTransaction | None,
) -> Task | None:
    before = read_task(uid, task_id, transaction)
    if not before.wants_reminders:
        return None
    after = replace(before, next_reminder_at=until, snoozed_until=until, updated_at=now)
    transaction.set(task_ref(uid, task_id), after.to_document())
    if also is not None:
        also(transaction, uid, before, after, now)
    return after


def snooze(
    uid: str,
    task_id: str,
    until: datetime,
    now: datetime,
    also: AlsoInTransaction | None = None,
) -> Task | None:
    """Move the task's next reminder to ``until`` (its dates stay), atomically with
    ``also``'s writes; None, and nothing written, when it wants no reminders (done or
    switched off)."""
    return run_transaction(_snooze, uid, task_id, until, now, also)


def stop_email_reminders(uid: str, task_ids: frozenset[str] | None, now: datetime) -> int:
    """Turn email reminders off (on ``task_ids``, or every task) for an unsubscribe link; how
    many tasks changed."""
    query = tasks_of(uid).where(filter=firestore.FieldFilter("notify_email", "==", True))
    changed = 0
    for snapshot in query.stream():
        if task_ids is not None and snapshot.id not in task_ids:
            continue
        try:
            switch_channels(uid, snapshot.id, {"email": False}, "unsubscribe", now)
        except NotFound:
            continue  # deleted meanwhile
        changed += 1
    return changed


def advance(snapshots: Iterable[Snapshot], next_at: datetime | None) -> int:
    """After a send: set each task's next reminder, unless the task changed since it was
    read (that write decided); how many moved."""
    moved = 0
    for snapshot in snapshots:
        option = db().write_option(last_update_time=snapshot.update_time)
        try:
            snapshot.reference.update({"next_reminder_at": next_at}, option=option)
            moved += 1
        except (FailedPrecondition, GoogleNotFound):
            pass  # Changed meanwhile (done, deleted, switched off): that write decided.
    return moved


def stop_reminding(snapshots: Iterable[Snapshot]) -> int:
    """Tasks found due with nothing to remind of (switched off, done, or their person gone):
    the sweep stops finding them. Unless changed since read; how many stopped."""
    return advance(snapshots, None)


def reschedule(uid: str, profile: Profile, now: datetime) -> int:
    """After the person's time zone or remind time changed: every timed task's ``due_at`` for
    its local time in the zone, and every pending reminder planned again; how many moved."""
    timed = tasks_of(uid).where(filter=firestore.FieldFilter("due_time", "!=", None))
    pending = tasks_of(uid).where(filter=firestore.FieldFilter("next_reminder_at", "!=", None))
    snapshots = {snapshot.id: snapshot for snapshot in timed.stream()}
    snapshots.update({snapshot.id: snapshot for snapshot in pending.stream()})
    changes = []
    for snapshot in snapshots.values():
        task = in_zone(task_from(snapshot), profile.timezone)
        next_at = planned_reminder(task, profile, now) if task.next_reminder_at else None
        changes.append((snapshot.reference, {"due_at": task.due_at, "next_reminder_at": next_at}))
    return update_each_in_batches(changes)
