"""Exporting one's account and asking for its deletion, in process. What the deletion job then
erases, and the export of what the task trigger wrote, are seen through the Functions
emulator in tests/integration/test_account.py."""

import base64
import json
import time
from datetime import UTC, datetime

import requests
from google.cloud import firestore

from tests.support.people import Person, sign_in
from tests.support.product import RECENT_SIGN_IN_SECONDS
from tests.support.stack import API_URL
from tests.support.tokens import claims


def _signed_in_ago(person: Person, seconds: int) -> str:
    """The person's ID token as a refresh long after the sign-in makes it: ``auth_time`` old,
    the rest as issued (the Auth emulator does not sign its tokens)."""
    header, _, signature = person.id_token.split(".")
    payload = {**claims(person.id_token), "auth_time": int(time.time()) - seconds}
    body = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    return f"{header}.{body}.{signature}"


def test_export_is_a_download_of_exactly_the_persons_data(
    db: firestore.Client, person: Person, other_person: Person
):
    person.put("/me", json={"first_name": "Ada", "timezone": "Europe/Paris"})
    mine = person.post("/tasks", json={"description": "Mine"}).json()
    other_person.post("/tasks", json={"description": "Not yours"})
    # A feed item as the task trigger writes it (the integration test waits for a real one).
    db.document(f"users/{person.uid}/notifications/switched").set(
        {
            "kind": "reminders_on",
            "text": "Reminders on by email: Mine",
            "task_id": mine["id"],
            "read": False,
            "created_at": datetime.now(UTC),
        }
    )

    answer = person.get("/me/export")

    assert answer.status_code == 200
    assert answer.headers["Content-Disposition"].startswith('attachment; filename="taskly-export-')
    export = answer.json()
    assert export["profile"]["uid"] == person.uid
    assert export["profile"]["timezone"] == "Europe/Paris"
    assert export["tasks"] == [mine]
    assert [(item["id"], item["task_id"]) for item in export["notifications"]] == [
        ("switched", mine["id"])
    ]
    assert "Not yours" not in answer.text and other_person.uid not in answer.text


def test_an_old_sign_in_cannot_delete_the_account_a_fresh_one_can(db, person: Person):
    task = person.post("/tasks", json={"description": "Still mine"}).json()
    stale = _signed_in_ago(person, RECENT_SIGN_IN_SECONDS + 10)

    answer = person.api.delete(
        person.url("/me"), headers={"Authorization": f"Bearer {stale}"}, timeout=30
    )

    assert answer.status_code == 403, answer.text
    assert answer.json()["error"] == {
        "code": "recent_sign_in_required",
        "message": "For your safety, enter your password again to delete your account.",
        "field": None,
    }
    assert not db.document(f"account_deletions/{person.uid}").get().exists
    assert person.get(f"/tasks/{task['id']}").status_code == 200
    fresh = sign_in(person.email, person.password).json()["idToken"]
    answer = person.api.delete(
        person.url("/me"), headers={"Authorization": f"Bearer {fresh}"}, timeout=30
    )
    assert answer.status_code == 202, answer.text


def test_deletion_needs_the_persons_own_token(anonymous: requests.Session):
    assert anonymous.delete(f"{API_URL}/me", timeout=10).status_code == 401
