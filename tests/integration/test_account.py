"""Exporting and deleting an account through Hosting and the Functions emulator: what the
task trigger put in an export, and everything the deletion job erases. The routes themselves
are tested in process (tests/api/test_account.py, test_sign_out.py); one sign-out test runs
here too, unchanged."""

from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from google.auth.credentials import AnonymousCredentials
from google.cloud import storage
from google.cloud.firestore import FieldFilter
from openapi_core import OpenAPI
from openapi_core.contrib.requests import RequestsOpenAPIRequest, RequestsOpenAPIResponse
from PIL import Image

from tests.api import test_sign_out as in_process_sign_out
from tests.support import capture
from tests.support.emulators import background_triggers_off
from tests.support.openapi_spec import SPEC_PATH
from tests.support.people import Person, sign_in
from tests.support.phones import verify_phone
from tests.support.product import account_exists, run_sweep, settle_time
from tests.support.reminders import digests, fresh_epoch, make_due, person_with_reminders
from tests.support.waiting import eventually

test_signing_out_ends_every_session_at_once = (
    in_process_sign_out.test_signing_out_ends_every_session_at_once
)


@pytest.fixture(scope="module")
def openapi() -> OpenAPI:
    return OpenAPI.from_file_path(str(SPEC_PATH))


def _png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (64, 64), "teal").save(out, "PNG")
    return out.getvalue()


def _delete_account(openapi: OpenAPI, person: Person) -> None:
    answer = person.delete("/me")
    assert answer.status_code == 202, answer.text
    assert answer.json() == {"state": "deleting"}
    openapi.validate_response(
        RequestsOpenAPIRequest(answer.request), RequestsOpenAPIResponse(answer)
    )


def _documents_left(db, uid: str) -> list[str]:
    profile = db.document(f"users/{uid}")
    paths = [profile.path] if profile.get().exists else []
    for collection in profile.collections():
        paths += [s.reference.path for s in collection.recursive().stream()]
    records = db.collection("deliveries").where(filter=FieldFilter("uid", "==", uid))
    paths += [s.reference.path for s in records.stream()]
    for path in (f"phone_verifications/{uid}", f"rate_limits/{uid}"):
        paths += [path] if db.document(path).get().exists else []
    return paths


def _seed(db, uid: str, collection: str, count: int, document: dict) -> None:
    with background_triggers_off():
        batch = db.batch()
        for number in range(count):
            batch.set(db.document(f"users/{uid}/{collection}/seed{number}"), document)
            if number % 400 == 399:
                batch.commit()
                batch = db.batch()
        batch.commit()


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


def test_delete_leaves_nothing_behind(db, openapi, person: Person):
    person.put("/me", json={"first_name": "Ada"})
    task = person.post("/tasks", json={"description": "Forget me"}).json()
    person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})
    eventually(lambda: capture.messages(to=person.email))
    upload = person.put("/me/avatar", data=_png(), headers={"Content-Type": "image/png"})
    assert upload.status_code == 200
    assert db.collection("deliveries").where(filter=FieldFilter("uid", "==", person.uid)).get()

    _delete_account(openapi, person)

    # Closed at once: no token of it works, and it can't sign in.
    assert person.get("/tasks").status_code == 401
    assert sign_in(person.email, person.password).status_code == 400
    assert eventually(lambda: _documents_left(db, person.uid) == [])
    bucket = storage.Client(project="demo-taskly", credentials=AnonymousCredentials()).bucket(
        "demo-taskly.appspot.com"
    )
    assert not bucket.blob(f"avatars/{person.uid}.webp").exists()


def test_a_large_account_is_closed_at_once_and_erased_to_the_last_write(db, openapi, person):
    person.put("/me", json={"first_name": "Ada"})
    task = {"description": "Seeded", "status": "todo", "notify_email": False, "notify_sms": False}
    _seed(db, person.uid, "tasks", 600, task)
    note = {
        "kind": "reminders_on",
        "text": "Seeded",
        "read": False,
        "created_at": datetime.now(UTC),
    }
    _seed(db, person.uid, "notifications", 200, note)

    _delete_account(openapi, person)

    eventually(lambda: _documents_left(db, person.uid) == [], timeout=60)
    assert account_exists(person.uid)  # the last pass is still to come
    # What a request that passed the token check just before the account closed writes late.
    db.document(f"users/{person.uid}/tasks/late").set({**task, "description": "Am I still here?"})
    # Past the settling time the last pass runs; the rest allows for a busy emulator.
    done_within = settle_time().total_seconds() + 90
    eventually(lambda: not account_exists(person.uid), timeout=done_within)
    assert _documents_left(db, person.uid) == []


def test_after_the_answer_nothing_the_person_tries_is_kept(db, openapi, person: Person):
    person.post("/tasks", json={"description": "Before"})

    _delete_account(openapi, person)

    tries = [
        person.post("/tasks", json={"description": "Am I still here?"}),
        person.put("/me", json={"first_name": "Ghost"}),
        person.put("/me/avatar", data=_png(), headers={"Content-Type": "image/png"}),
        person.delete("/me"),
    ]
    assert [answer.status_code for answer in tries] == [401] * len(tries)
    assert eventually(lambda: _documents_left(db, person.uid) == [])
    assert not db.document(f"users/{person.uid}").get().exists


def test_the_verified_numbers_code_history_goes_with_the_account(db, openapi, person: Person):
    phone = verify_phone(person)
    assert db.document(f"phone_numbers/{phone}").get().exists

    _delete_account(openapi, person)

    eventually(lambda: not db.document(f"phone_numbers/{phone}").get().exists)
    assert eventually(lambda: _documents_left(db, person.uid) == [])


def test_no_reminder_after_deletion_even_from_a_due_sweep(db, openapi):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Due when deleted"])
    make_due(db, person, tasks, day)
    _delete_account(openapi, person)
    eventually(lambda: _documents_left(db, person.uid) == [])

    report = run_sweep(day + timedelta(minutes=1))

    assert report.tasks_read == 0
    assert digests(person) == []
