"""firestore.rules through the emulator's REST API, with two people's tokens and none."""

import pytest
import requests

from tests.support.people import Person
from tests.support.stack import FIRESTORE_REST


def _headers(person: Person | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {person.id_token}"} if person else {}


def _read(path: str, person: Person | None) -> int:
    return requests.get(
        f"{FIRESTORE_REST}/{path}", headers=_headers(person), timeout=10
    ).status_code


def _write(path: str, person: Person | None) -> int:
    body = {"fields": {"description": {"stringValue": "forged"}, "status": {"stringValue": "todo"}}}
    answer = requests.patch(
        f"{FIRESTORE_REST}/{path}", json=body, headers=_headers(person), timeout=10
    )
    return answer.status_code


def _query_tasks(owner: Person, reader: Person | None) -> int:
    answer = requests.post(
        f"{FIRESTORE_REST}/users/{owner.uid}:runQuery",
        json={"structuredQuery": {"from": [{"collectionId": "tasks"}]}},
        headers=_headers(reader),
        timeout=10,
    )
    return answer.status_code


@pytest.fixture
def ada_task(person: Person) -> str:
    person.get("/me")
    task = person.post("/tasks", json={"description": "Ada's task"}).json()
    return f"users/{person.uid}/tasks/{task['id']}"


def test_owner_reads_own_profile_and_tasks(person, ada_task):
    assert _read(f"users/{person.uid}", person) == 200
    assert _read(ada_task, person) == 200
    assert _query_tasks(person, person) == 200


def test_another_person_cannot_read(person, other_person, ada_task):
    assert _read(f"users/{person.uid}", other_person) == 403
    assert _read(ada_task, other_person) == 403
    assert _query_tasks(person, other_person) == 403


def test_no_token_cannot_read(person, ada_task):
    assert _read(f"users/{person.uid}", None) == 403
    assert _read(ada_task, None) == 403


def test_nobody_can_write_from_a_client(person, other_person, ada_task):
    for writer in (person, other_person, None):
        assert _write(ada_task, writer) == 403
        assert _write(f"users/{person.uid}/tasks/new-one", writer) == 403
        assert _write(f"users/{person.uid}", writer) == 403
        assert _write("deliveries/anything", writer) == 403
    assert person.get(f"/tasks/{ada_task.rsplit('/', 1)[1]}").json()["description"] == "Ada's task"


def test_server_only_collections_are_not_readable(person):
    assert _read("deliveries/anything", person) == 403
    assert _read(f"phone_verifications/{person.uid}", person) == 403
