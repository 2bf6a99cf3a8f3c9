"""Reminders by push: swept, queued and pushed once per device through the Cloud Tasks and
Functions emulators to the capture server (the stand-in push service, which decrypts them);
and the notification's and the digest email's Done acting through Hosting."""

import json
import re
from datetime import UTC, datetime, timedelta
from html import unescape

import requests
from google.cloud import firestore

from tests.support import capture
from tests.support.people import Person, sign_up
from tests.support.product import run_sweep
from tests.support.push import add_device, end_subscription, pushes
from tests.support.reminders import digests, fresh_epoch, next_reminder
from tests.support.stack import API_URL
from tests.support.waiting import arrived, eventually, settled

PUSH_ONLY = {"email": False, "sms": False, "push": True}


def _timed_task(person: Person, description: str, **fields: object) -> str:
    """A task due tomorrow at 14:00 with push reminders on; its id."""
    tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
    task = person.post(
        "/tasks",
        json={"description": description, "due_date": tomorrow, "due_time": "14:00", **fields},
    ).json()
    on = person.put(f"/tasks/{task['id']}/reminders", json=PUSH_ONLY)
    assert on.status_code == 200, on.text
    return str(task["id"])


def _due_in_test_day(db: firestore.Client, person: Person, task_id: str, at: datetime) -> None:
    db.document(f"users/{person.uid}/tasks/{task_id}").update(
        {"due_at": at, "next_reminder_at": at}
    )


def _payload(push: dict) -> dict:
    return dict(json.loads(push["body"]))


def _device_ids(person: Person) -> list[str]:
    return [device["id"] for device in person.get("/devices").json()["devices"]]


def test_a_timed_reminder_by_push_arrives_once_through_a_failing_push_service(db):
    person = sign_up("Ada")
    _, subscription = add_device(person)
    task_id = _timed_task(person, "Pay rent")
    at = fresh_epoch(db) + timedelta(hours=14)
    _due_in_test_day(db, person, task_id, at)
    capture.set_fault(channel="push", status=500, count=1)
    try:
        run_sweep(at + timedelta(seconds=30))
        run_sweep(at + timedelta(seconds=40))  # overlapping sweeps queue it once
        (push,) = arrived(lambda: pushes(subscription), 1)
    finally:
        capture.clear_faults()

    payload = _payload(push)
    assert (payload["title"], payload["body"]) == ("Pay rent", "Due today at 14:00")
    assert payload["url"] == f"/board#task={task_id}" and payload["token"]
    assert [a["action"] for a in payload["actions"]] == ["done", "snooze_hour", "tomorrow"]
    eventually(lambda: next_reminder(db, person, task_id) == at.replace(hour=9) + timedelta(days=1))
    assert len(settled(lambda: pushes(subscription))) == 1
    assert capture.messages(to=person.email) == []  # push only: no email


def test_a_removed_device_is_never_sent_to_and_a_gone_one_is_removed(db):
    person = sign_up("Ada")
    _, kept = add_device(person, "Phone")
    removed_id, removed = add_device(person, "Old laptop")
    gone_id, gone = add_device(person, "Uninstalled browser")
    assert person.delete(f"/devices/{removed_id}").status_code == 204
    end_subscription(gone)  # the push service answers 410 from now on
    task_id = _timed_task(person, "Stand-up")
    at = fresh_epoch(db) + timedelta(hours=14)
    _due_in_test_day(db, person, task_id, at)

    run_sweep(at + timedelta(seconds=30))

    arrived(lambda: pushes(kept), 1)
    eventually(lambda: gone_id not in _device_ids(person))
    assert pushes(removed) == [] and pushes(gone) == []
    assert person.get("/me").json()["push_devices"] == 1
    assert len(settled(lambda: pushes(kept))) == 1


def test_done_from_the_notification_moves_a_repeating_task_on(db):
    person = sign_up("Ada")
    _, subscription = add_device(person)
    task_id = _timed_task(person, "Water plants", repeat="FREQ=WEEKLY")
    due_date = person.get(f"/tasks/{task_id}").json()["due_date"]
    at = fresh_epoch(db) + timedelta(hours=14)
    _due_in_test_day(db, person, task_id, at)
    run_sweep(at + timedelta(seconds=30))
    (push,) = arrived(lambda: pushes(subscription), 1)
    token = _payload(push)["token"]

    # What the service worker sends for the notification's Done button: no session.
    done = requests.post(f"{API_URL}/task-actions/{token}", json={"action": "done"}, timeout=30)

    assert done.status_code == 200 and done.json()["outcome"] == "moved_on", done.text
    task = person.get(f"/tasks/{task_id}").json()
    assert task["status"] == "todo" and task["due_date"] > due_date
    again = requests.post(f"{API_URL}/task-actions/{token}", json={"action": "done"}, timeout=30)
    assert again.status_code == 404
    assert person.get(f"/tasks/{task_id}").json()["due_date"] == task["due_date"]


def test_done_from_the_digest_email_link_asks_then_acts_once(db):
    person = sign_up("Ada")
    task = person.post(
        "/tasks", json={"description": "Call the bank", "due_date": "2000-01-03"}
    ).json()
    person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})
    eventually(lambda: len(capture.messages(to=person.email)) == 1)  # the confirmation
    due = fresh_epoch(db) + timedelta(hours=9)
    db.document(f"users/{person.uid}/tasks/{task['id']}").update({"next_reminder_at": due})

    run_sweep(due + timedelta(seconds=30))

    (mail,) = arrived(lambda: digests(person), 1)
    links = dict(re.findall(r"^(Done|Snooze 1 hour|Tomorrow morning): (\S+)$", mail["text"], re.M))
    assert set(links) == {"Done", "Snooze 1 hour", "Tomorrow morning"}
    assert links["Done"] in unescape(mail["html"])
    asked = requests.get(links["Done"], timeout=30)
    assert asked.status_code == 200 and 'method="post"' in asked.text
    assert person.get(f"/tasks/{task['id']}").json()["status"] == "todo"
    token = links["Done"].split("/task-actions/")[1].split("?")[0]
    form = {"task": task["id"], "action": "done"}
    acted = requests.post(f"{API_URL}/task-actions/{token}", data=form, timeout=30)
    assert acted.status_code == 200 and "Done: Call the bank" in acted.text
    assert person.get(f"/tasks/{task['id']}").json()["status"] == "done"
    assert requests.get(links["Snooze 1 hour"], timeout=30).status_code == 404
