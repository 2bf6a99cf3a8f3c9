"""Exporting and deleting an account."""

from datetime import timedelta
from io import BytesIO

import requests
from google.auth.credentials import AnonymousCredentials
from google.cloud import storage
from google.cloud.firestore import FieldFilter
from PIL import Image

from taskly.reminders.sweep import run_sweep
from tests.support import capture
from tests.support.people import Person, sign_in
from tests.support.reminders import digests, fresh_epoch, make_due, person_with_reminders
from tests.support.waiting import eventually


def _png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (64, 64), "teal").save(out, "PNG")
    return out.getvalue()


def test_export_holds_exactly_the_persons_data(person: Person, other_person: Person):
    person.put("/me", json={"first_name": "Ada", "timezone": "Europe/Paris"})
    mine = person.post("/tasks", json={"description": "Mine"}).json()
    person.put(f"/tasks/{mine['id']}/reminders", json={"email": True, "sms": False})
    other_person.post("/tasks", json={"description": "Not yours"})
    eventually(lambda: person.get("/notifications").json()["notifications"])

    answer = person.get("/me/export")

    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"].startswith("attachment;")
    export = answer.json()
    assert export["profile"]["uid"] == person.uid
    assert export["profile"]["timezone"] == "Europe/Paris"
    assert [task["description"] for task in export["tasks"]] == ["Mine"]
    assert export["tasks"][0]["notify_email"] is True
    assert [item["task_id"] for item in export["notifications"]] == [mine["id"]]
    assert "Not yours" not in answer.text and other_person.uid not in answer.text


def test_delete_leaves_nothing_behind(db, person: Person):
    person.put("/me", json={"first_name": "Ada"})
    task = person.post("/tasks", json={"description": "Forget me"}).json()
    person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})
    eventually(lambda: capture.messages(to=person.email))
    upload = person.put("/me/avatar", data=_png(), headers={"Content-Type": "image/png"})
    assert upload.status_code == 200

    assert person.delete("/me").status_code == 204

    assert not db.document(f"users/{person.uid}").get().exists
    assert list(db.collection(f"users/{person.uid}/tasks").stream()) == []
    assert list(db.collection(f"users/{person.uid}/notifications").stream()) == []
    records = db.collection("deliveries").where(filter=FieldFilter("uid", "==", person.uid))
    assert [r.get("to") for r in records.stream()] == [None]
    bucket = storage.Client(project="demo-taskly", credentials=AnonymousCredentials()).bucket(
        "demo-taskly.appspot.com"
    )
    assert not bucket.blob(f"avatars/{person.uid}.webp").exists()
    assert sign_in(person.email, person.password).status_code == 400
    assert person.get("/tasks").status_code == 401


def test_no_reminder_after_deletion_even_from_a_due_sweep(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Due when deleted"])
    make_due(db, person, tasks, day)
    assert person.delete("/me").status_code == 204

    report = run_sweep(day + timedelta(minutes=1))

    assert report.tasks_read == 0
    assert digests(person) == []


def test_deletion_needs_the_persons_own_token():
    assert requests.delete("http://127.0.0.1:5000/api/me", timeout=10).status_code == 401
