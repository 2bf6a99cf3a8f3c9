"""firestore.rules through the emulator's REST API, with two people's tokens and none."""

import pytest
import requests

from taskly.calendar_feed.links import token_hash
from taskly.vocabulary.limits import NOTIFICATIONS_KEPT, OPEN_TASKS_MAX
from tests.support.people import Person, sign_in
from tests.support.stack import FIRESTORE_REST
from tests.support.tokens import wait_past_sign_in_second


def _headers(reader: Person | str | None) -> dict[str, str]:
    """A person's token, a token itself, or none."""
    token = reader.id_token if isinstance(reader, Person) else reader
    return {"Authorization": f"Bearer {token}"} if token else {}


def _read(path: str, reader: Person | str | None) -> int:
    return requests.get(
        f"{FIRESTORE_REST}/{path}", headers=_headers(reader), timeout=10
    ).status_code


def _write(path: str, person: Person | None) -> int:
    body = {"fields": {"description": {"stringValue": "forged"}, "status": {"stringValue": "todo"}}}
    answer = requests.patch(
        f"{FIRESTORE_REST}/{path}", json=body, headers=_headers(person), timeout=10
    )
    return answer.status_code


def _query(
    owner: Person,
    reader: Person | str | None,
    collection: str = "tasks",
    limit: int | None = 50,
) -> int:
    """A list query on one of the owner's collections, as the web app's listeners run them."""
    query: dict = {"from": [{"collectionId": collection}]}
    if limit is not None:
        query["limit"] = limit
    answer = requests.post(
        f"{FIRESTORE_REST}/users/{owner.uid}:runQuery",
        json={"structuredQuery": query},
        headers=_headers(reader),
        timeout=10,
    )
    return answer.status_code


def _count(owner: Person, reader: Person | str | None, limit: int | None) -> int:
    """A count aggregation over the owner's tasks, as the board counts a long column."""
    query: dict = {"from": [{"collectionId": "tasks"}]}
    if limit is not None:
        query["limit"] = limit
    aggregation = {"structuredQuery": query, "aggregations": [{"alias": "n", "count": {}}]}
    answer = requests.post(
        f"{FIRESTORE_REST}/users/{owner.uid}:runAggregationQuery",
        json={"structuredAggregationQuery": aggregation},
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
    assert _query(person, person) == 200


def test_another_person_cannot_read(person, other_person, ada_task):
    assert _read(f"users/{person.uid}", other_person) == 403
    assert _read(ada_task, other_person) == 403
    assert _query(person, other_person) == 403


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
    assert _read(f"token_revocations/{person.uid}", person) == 403


def test_list_queries_need_a_limit_within_the_cap(person, other_person, ada_task):
    for collection, cap in (("tasks", OPEN_TASKS_MAX), ("notifications", NOTIFICATIONS_KEPT)):
        assert _query(person, person, collection, limit=None) == 403, collection
        assert _query(person, person, collection, limit=cap + 1) == 403, collection
        assert _query(person, person, collection, limit=cap) == 200, collection
        assert _query(person, person, collection, limit=1) == 200, collection
        assert _query(person, other_person, collection, limit=1) == 403, collection


def test_task_counts_need_a_limit_within_the_cap(person, other_person, ada_task):
    assert _count(person, person, limit=None) == 403
    assert _count(person, person, limit=OPEN_TASKS_MAX + 1) == 403
    assert _count(person, person, limit=OPEN_TASKS_MAX) == 200
    assert _count(person, other_person, limit=OPEN_TASKS_MAX) == 403


def test_other_collections_are_read_one_document_at_a_time(person, ada_task):
    assert _query(person, person, "stats", limit=1) == 403
    assert _read(f"users/{person.uid}/stats/progress", person) in (200, 404)


def test_signing_out_voids_earlier_tokens_until_the_next_sign_in(person, other_person, ada_task):
    old_token = person.id_token
    wait_past_sign_in_second(old_token)
    assert _read(ada_task, old_token) == 200

    assert person.post("/me/sign-out").status_code == 204

    assert _read(ada_task, old_token) == 403
    assert _read(f"users/{person.uid}", old_token) == 403
    assert _query(person, old_token) == 403
    assert person.get("/me").status_code == 401
    # Only this person's sessions ended.
    assert _read(f"users/{other_person.uid}", other_person) in (200, 404)
    assert _query(other_person, other_person) == 200

    fresh_token = sign_in(person.email, person.password).json()["idToken"]
    assert _read(ada_task, fresh_token) == 200
    assert _query(person, fresh_token) == 200
    assert person.api.get(person.url("/me"), headers=_headers(fresh_token)).status_code == 200


def test_calendar_feed_links_are_out_of_every_clients_reach(person, other_person):
    url = person.post("/calendar").json()["url"]
    hashed = token_hash(url.rsplit("/", 1)[1].removesuffix(".ics"))
    for reader in (person, other_person, None):
        assert _read(f"calendar_feeds/{hashed}", reader) == 403
        assert _write(f"calendar_feeds/{hashed}", reader) == 403
    listing = requests.post(
        f"{FIRESTORE_REST}:runQuery",
        json={"structuredQuery": {"from": [{"collectionId": "calendar_feeds"}], "limit": 1}},
        headers=_headers(person),
        timeout=10,
    )
    assert listing.status_code == 403
