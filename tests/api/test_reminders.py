"""The reminders switch, PUT /api/tasks/{id}/reminders, in process. What it sets off (the feed
item, the confirmation email or text) is the task trigger's: see
tests/integration/test_reminder_confirmations.py. Its limits are in
test_write_limits_and_quotas.py, its contract in test_contract.py."""

import requests
from google.cloud import firestore

from tests.support.people import Person


def _switch(person: Person, task_id: str, *, email: bool, sms: bool) -> requests.Response:
    return person.put(f"/tasks/{task_id}/reminders", json={"email": email, "sms": sms})


def test_email_reminders_go_on_and_off(person: Person, db: firestore.Client):
    task = person.post("/tasks", json={"description": "Water the ferns"}).json()

    on = _switch(person, task["id"], email=True, sms=False)

    assert on.status_code == 200, on.text
    assert (on.json()["notify_email"], on.json()["notify_sms"]) == (True, False)
    assert on.json()["next_reminder_at"] is not None
    stored = db.document(f"users/{person.uid}/tasks/{task['id']}").get().to_dict() or {}
    assert (stored["notify_email"], stored["notify_sms"]) == (True, False)
    off = _switch(person, task["id"], email=False, sms=False)
    assert off.status_code == 200, off.text
    assert (off.json()["notify_email"], off.json()["next_reminder_at"]) == (False, None)
    assert person.get(f"/tasks/{task['id']}").json() == off.json()


def test_nobody_switches_reminders_on_another_persons_task(person: Person, other_person: Person):
    theirs = other_person.post("/tasks", json={"description": "Private"}).json()

    answer = _switch(person, theirs["id"], email=True, sms=False)

    assert answer.status_code == 404 and answer.json()["error"]["code"] == "not_found"
    assert other_person.get(f"/tasks/{theirs['id']}").json() == theirs
