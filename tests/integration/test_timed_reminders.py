"""Reminders at a task's time: swept, queued and sent once per task, date and channel, through
the Cloud Tasks and Functions emulators to the capture server."""

from datetime import UTC, datetime, timedelta

from google.cloud.firestore import FieldFilter

from taskly.delivery.queue import enqueue_delivery
from taskly.reminders.jobs import TimedReminderJob, job_payload, timed_key
from tests.support import capture
from tests.support.people import Person
from tests.support.product import run_sweep
from tests.support.reminders import digests, fresh_epoch, next_reminder, person_with_reminders
from tests.support.waiting import arrived, eventually, settled


def _timed(person: Person) -> list[dict]:
    mails = capture.messages(to=person.email, channel="email")
    return [mail for mail in mails if mail["subject"].startswith("Due ")]


def _due_at_time(person: Person, task_id: str, **fields: object) -> dict:
    """Give the task a date tomorrow at 14:00 (the person's clock), through the API."""
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    answer = person.patch(
        f"/tasks/{task_id}", json={"due_date": tomorrow, "due_time": "14:00", **fields}
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def _reminded_at(db, person: Person, task_id: str, at: datetime, before: int = 0) -> None:
    """Move the task's time into this test's own day, keeping its reminder at its time."""
    db.document(f"users/{person.uid}/tasks/{task_id}").update(
        {"due_at": at + timedelta(minutes=before), "next_reminder_at": at}
    )


def test_a_task_due_at_a_time_is_reminded_then_and_once(db):
    person, (task_id,) = person_with_reminders("UTC", ["Pay rent"])
    task = _due_at_time(person, task_id, remind_before_minutes=10)
    assert task["due_at"].endswith("T14:00:00.000Z")
    day = fresh_epoch(db)
    at = day + timedelta(hours=13, minutes=50)
    _reminded_at(db, person, task_id, at, before=10)

    report = run_sweep(at + timedelta(seconds=30))
    run_sweep(at + timedelta(seconds=40))  # a second sweep, before the first one's send is done

    assert (report.timed_reminders, report.digests) == (1, 0)
    (mail,) = arrived(lambda: _timed(person), 1)
    assert mail["subject"] == 'Due today at 14:00: "Pay rent"'
    assert "Pay rent" in mail["text"] and "due today at 14:00" in mail["text"]
    # Until done, the task is in the next daily digest (09:00 UTC, the default time).
    eventually(lambda: next_reminder(db, person, task_id) == day + timedelta(days=1, hours=9))
    assert run_sweep(at + timedelta(minutes=1)).timed_reminders == 0
    assert len(settled(lambda: _timed(person))) == 1 and digests(person) == []
    feed = person.get("/notifications").json()["notifications"]
    assert "Reminder sent by email: Pay rent, due today at 14:00" in [n["text"] for n in feed]


def test_each_date_of_a_repeat_is_reminded_once(db):
    person, (task_id,) = person_with_reminders("UTC", ["Standup"])
    first = _due_at_time(person, task_id, repeat="FREQ=DAILY")
    day = fresh_epoch(db)
    _reminded_at(db, person, task_id, day + timedelta(hours=14))
    run_sweep(day + timedelta(hours=14, seconds=5))
    arrived(lambda: _timed(person), 1)
    eventually(lambda: next_reminder(db, person, task_id) == day + timedelta(days=1, hours=9))

    moved = person.patch(f"/tasks/{task_id}", json={"status": "done"}).json()
    assert moved["due_date"] > first["due_date"] and moved["status"] == "todo"
    # The first date's job dispatched again (Cloud Tasks delivers at least once): nothing.
    stale = TimedReminderJob(
        uid=person.uid,
        channel="email",
        task_id=task_id,
        occurrence=first["due_date"],
        remind_at=day + timedelta(hours=14),
    )
    assert enqueue_delivery("email", job_payload(stale), f"again-{person.uid}")
    _reminded_at(db, person, task_id, day + timedelta(days=1, hours=14))
    run_sweep(day + timedelta(days=1, hours=14, seconds=5))

    mails = arrived(lambda: _timed(person), 2)
    assert [mail["subject"] for mail in mails] == ['Due today at 14:00: "Standup"'] * 2
    records = db.collection("deliveries").where(filter=FieldFilter("uid", "==", person.uid))
    keys = {snapshot.id for snapshot in records.stream() if snapshot.id.startswith("timed:")}
    assert keys == {
        timed_key(stale),
        timed_key(
            stale.model_copy(
                update={
                    "occurrence": moved["due_date"],
                    "remind_at": day + timedelta(days=1, hours=14),
                }
            )
        ),
    }
