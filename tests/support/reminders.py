"""Arranging people with due reminders, and reading the digests they got."""

import itertools
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from google.cloud import firestore

from tests.support import capture
from tests.support.people import Person, sign_up
from tests.support.waiting import eventually

# Sweep tests live on days long before real data, each on its own day.
_TEST_ERA_END = datetime(2001, 1, 1, tzinfo=UTC)
_days_back = itertools.count(1)


def fresh_epoch(db: firestore.Client) -> datetime:
    """Midnight UTC on a day of its own, with no reminder left due from earlier tests."""
    leftovers = db.collection_group("tasks").where(
        filter=firestore.FieldFilter("next_reminder_at", "<=", _TEST_ERA_END)
    )
    for snapshot in leftovers.stream():
        snapshot.reference.update({"next_reminder_at": None})
    return _TEST_ERA_END - timedelta(days=7 * next(_days_back))


def turn_on_email_reminders(person: Person, descriptions: list[str]) -> list[str]:
    """New tasks of ``person``, each with email reminders on; their ids."""
    ids = []
    for description in descriptions:
        task = person.post("/tasks", json={"description": description}).json()
        answer = person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})
        assert answer.status_code == 200, answer.text
        ids.append(task["id"])
    return ids


def person_with_reminders(
    timezone: str, descriptions: list[str], first_name: str = "Ada"
) -> tuple[Person, list[str]]:
    """A person in ``timezone`` with email reminders on for each task."""
    person = sign_up(first_name)
    person.put("/me", json={"first_name": first_name, "timezone": timezone})
    ids = turn_on_email_reminders(person, descriptions)
    # Let the confirmations land first, so they never meet a fault a test sets up next.
    eventually(lambda: len(capture.messages(to=person.email)) == len(descriptions))
    return person, ids


def remind_instant(day: datetime, timezone: str, remind_time: time = time(9)) -> datetime:
    """The remind time, in UTC, on the local calendar date ``day.date()`` in ``timezone``."""
    return datetime.combine(day.date(), remind_time, tzinfo=ZoneInfo(timezone)).astimezone(UTC)


def make_due(db: firestore.Client, person: Person, task_ids: list[str], at: datetime) -> None:
    for task_id in task_ids:
        db.document(f"users/{person.uid}/tasks/{task_id}").update({"next_reminder_at": at})


def next_reminder(db: firestore.Client, person: Person, task_id: str) -> datetime | None:
    return db.document(f"users/{person.uid}/tasks/{task_id}").get().get("next_reminder_at")


def digests(person: Person) -> list[dict]:
    return [
        mail
        for mail in capture.messages(to=person.email, channel="email")
        if mail["subject"].startswith("Reminder:")
    ]


def confirmations_told(db: firestore.Client, uid: str, task_id: str, channel: str) -> list[dict]:
    """The ledger's confirmation records for one task and channel, in the order they were
    sent (their keys end in the period and the slot)."""
    prefix = f"confirmation:{uid}:{task_id}:{channel}:"
    records = db.collection("deliveries").where(filter=firestore.FieldFilter("uid", "==", uid))
    return [
        {"key": snapshot.id, **(snapshot.to_dict() or {})}
        for snapshot in sorted(records.stream(), key=lambda snapshot: snapshot.id)
        if snapshot.id.startswith(prefix)
    ]
