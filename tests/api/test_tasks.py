"""The task routes (and health, auth and routing at the front door), in process."""

from datetime import UTC, datetime

import pytest
import requests
from google.cloud import firestore

from tests.support.people import Person
from tests.support.stack import API_URL


def _create(person: Person, description: str, **extra: object) -> dict:
    answer = person.post("/tasks", json={"description": description, **extra})
    assert answer.status_code == 201, answer.text
    return answer.json()


def _all_tasks(person: Person) -> list[dict]:
    answer = person.get("/tasks", params={"limit": 100})
    assert answer.status_code == 200
    return answer.json()["tasks"]


def _assert_error(answer: requests.Response, status: int, code: str, field: str | None = None):
    assert answer.status_code == status, answer.text
    error = answer.json()["error"]
    assert error["code"] == code
    assert error["message"] and "Traceback" not in error["message"]
    if field is not None:
        assert error["field"] == field


def test_health_needs_no_token(anonymous: requests.Session):
    answer = anonymous.get(f"{API_URL}/health", timeout=10)
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok"}


def test_create_trims_and_starts_in_todo(person):
    task = _create(person, "  Buy milk  ")
    assert task["description"] == "Buy milk"
    assert task["status"] == "todo"
    assert task["notify_email"] is False and task["next_reminder_at"] is None
    assert task["created_at"].endswith("Z") and task["done_at"] is None


def test_get_returns_the_created_task(person):
    created = _create(person, "Water the plants", status="doing")
    answer = person.get(f"/tasks/{created['id']}")
    assert answer.status_code == 200
    assert answer.json() == created


def test_patch_changes_text_and_status_and_stamps_done(person):
    task = _create(person, "Write the report")
    answer = person.patch(f"/tasks/{task['id']}", json={"description": "Write the Q3 report"})
    assert answer.json()["description"] == "Write the Q3 report"
    done = person.patch(f"/tasks/{task['id']}", json={"status": "done"}).json()
    assert done["status"] == "done" and done["done_at"] is not None
    reopened = person.patch(f"/tasks/{task['id']}", json={"status": "doing"}).json()
    assert reopened["done_at"] is None
    assert person.get(f"/tasks/{task['id']}").json()["status"] == "doing"


def test_an_edit_from_text_changed_elsewhere_is_refused_and_changes_nothing(person):
    task = _create(person, "Call the bank")
    elsewhere = person.patch(f"/tasks/{task['id']}", json={"description": "Call the bank at 9"})
    assert elsewhere.status_code == 200

    stale = person.patch(
        f"/tasks/{task['id']}",
        json={"description": "Call the bank today", "previous_description": "Call the bank"},
    )
    _assert_error(stale, 409, "failed_precondition", "description")
    assert "changed elsewhere" in stale.json()["error"]["message"]
    assert person.get(f"/tasks/{task['id']}").json()["description"] == "Call the bank at 9"

    current = person.patch(
        f"/tasks/{task['id']}",
        json={"description": "Call the bank today", "previous_description": "Call the bank at 9"},
    )
    assert current.status_code == 200, current.text
    assert current.json()["description"] == "Call the bank today"


def test_the_same_edit_saved_twice_is_no_conflict(person):
    task = _create(person, "Buy stamps")
    body = {"description": "Buy stamps and envelopes", "previous_description": "Buy stamps"}
    assert person.patch(f"/tasks/{task['id']}", json=body).status_code == 200
    again = person.patch(f"/tasks/{task['id']}", json=body)  # e.g. from another tab
    assert again.status_code == 200, again.text
    assert again.json()["description"] == "Buy stamps and envelopes"


def test_a_previous_description_needs_a_new_one(person):
    task = _create(person, "Feed the cat")
    answer = person.patch(
        f"/tasks/{task['id']}", json={"status": "done", "previous_description": "Feed the cat"}
    )
    _assert_error(answer, 400, "invalid_argument", "previous_description")
    assert person.get(f"/tasks/{task['id']}").json()["status"] == "todo"


def test_delete_removes_the_task(person):
    task = _create(person, "Throw away")
    assert person.delete(f"/tasks/{task['id']}").status_code == 204
    _assert_error(person.get(f"/tasks/{task['id']}"), 404, "not_found")
    _assert_error(person.delete(f"/tasks/{task['id']}"), 404, "not_found")


def test_list_is_newest_first_and_paginates_by_cursor(person):
    created = [_create(person, f"Task {number}")["id"] for number in range(5)]
    first = person.get("/tasks", params={"limit": 2}).json()
    second = person.get("/tasks", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    third = person.get("/tasks", params={"limit": 2, "cursor": second["next_cursor"]}).json()
    seen = [task["id"] for page in (first, second, third) for task in page["tasks"]]
    assert seen == list(reversed(created))
    assert third["next_cursor"] is None


def test_list_filters_by_status(person):
    _create(person, "Still to do")
    doing = _create(person, "In progress", status="doing")
    answer = person.get("/tasks", params={"status": "doing"}).json()
    assert [task["id"] for task in answer["tasks"]] == [doing["id"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"description": ""}, "description"),
        ({"description": "   "}, "description"),
        ({"description": "x" * 501}, "description"),
        ({"description": 42}, "description"),
        ({}, "description"),
        ({"description": "ok", "status": "blocked"}, "status"),
        ({"description": "ok", "owner": "someone-else"}, "owner"),
        ({"description": "ok", "status": None}, "status"),
        ({"description": "\u200b\u200d\u2060"}, "description"),  # zero-width only
        ({"description": "\u202e\u2066\u200f \u2069"}, "description"),  # bidi controls only
    ],
)
def test_bad_task_bodies_are_400_and_create_nothing(person, body, field):
    _assert_error(person.post("/tasks", json=body), 400, "invalid_argument", field)
    assert _all_tasks(person) == []


def test_description_of_500_characters_is_accepted(person):
    assert len(_create(person, "y" * 500)["description"]) == 500


def test_a_json_array_body_is_400(person):
    _assert_error(person.post("/tasks", json=["description"]), 400, "invalid_argument")
    assert _all_tasks(person) == []


def test_non_json_body_is_415(person):
    answer = person.post("/tasks", data="description=hi", headers={"Content-Type": "text/plain"})
    _assert_error(answer, 415, "unsupported_media_type")
    assert _all_tasks(person) == []


def test_malformed_json_is_400(person):
    answer = person.post("/tasks", data="{not json", headers={"Content-Type": "application/json"})
    _assert_error(answer, 400, "invalid_argument")


def test_oversized_body_is_413(person):
    body = '{"description": "' + "z" * 40_000 + '"}'
    answer = person.post("/tasks", data=body, headers={"Content-Type": "application/json"})
    _assert_error(answer, 413, "payload_too_large")
    assert _all_tasks(person) == []


def test_bad_patches_change_nothing(person):
    task = _create(person, "Keep me")
    for body in ({"status": "archived"}, {"description": ""}, {"id": "x"}, {}):
        answer = person.patch(f"/tasks/{task['id']}", json=body)
        _assert_error(answer, 400, "invalid_argument")
    assert person.get(f"/tasks/{task['id']}").json() == task


@pytest.mark.parametrize(
    "params",
    [
        {"status": "nope"},
        {"limit": "0"},
        {"limit": "101"},
        {"limit": "ten"},
        {"limit": "1" * 4301},  # more digits than Python's int() takes
        {"cursor": "%%%"},
        {"cursor": ""},
        {"status": ""},
    ],
)
def test_bad_list_queries_are_400(person, params):
    _assert_error(person.get("/tasks", params=params), 400, "invalid_argument")


def test_a_cursor_survives_the_deletion_of_its_task(person):
    ids = [_create(person, f"Task {n}")["id"] for n in range(5)]
    first = person.get("/tasks", params={"limit": 2}).json()
    assert [task["id"] for task in first["tasks"]] == ids[:-3:-1]
    person.delete(f"/tasks/{first['tasks'][-1]['id']}")  # the task the cursor was taken at

    rest = person.get("/tasks", params={"limit": 10, "cursor": first["next_cursor"]})

    assert rest.status_code == 200, rest.text
    assert [task["id"] for task in rest.json()["tasks"]] == ids[2::-1]


def test_a_name_of_only_invisible_characters_is_refused(person):
    answer = person.put("/me", json={"first_name": "\u200b\u2063"})
    _assert_error(answer, 400, "invalid_argument", "first_name")
    assert person.put("/me", json={"first_name": ""}).status_code == 200


def test_missing_or_malformed_token_is_401(anonymous: requests.Session):
    for headers in (
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer not-a-jwt"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
    ):
        answer = anonymous.get(f"{API_URL}/tasks", headers=headers, timeout=10)
        _assert_error(answer, 401, "unauthenticated")


def test_unknown_route_is_404_and_wrong_method_is_405(person):
    _assert_error(person.get("/nothing-here"), 404, "not_found")
    answer = person.put("/tasks", json={})
    _assert_error(answer, 405, "method_not_allowed")
    assert "POST" in answer.headers["Allow"]


def test_unknown_task_id_is_404(person):
    _assert_error(person.get("/tasks/does-not-exist"), 404, "not_found")
    _assert_error(person.patch("/tasks/..", json={"status": "done"}), 404, "not_found")


def test_people_never_reach_each_others_tasks(person, other_person):
    mine = _create(person, "Ada's secret plan")
    path = f"/tasks/{mine['id']}"
    _assert_error(other_person.get(path), 404, "not_found")
    _assert_error(other_person.patch(path, json={"status": "done"}), 404, "not_found")
    _assert_error(other_person.delete(path), 404, "not_found")
    assert _all_tasks(other_person) == []
    assert person.get(path).json() == mine


def test_a_create_sent_twice_with_its_id_makes_one_task(person):
    first = person.put("/tasks/clientChosenId0001", json={"description": "Only once"})
    again = person.put("/tasks/clientChosenId0001", json={"description": "Only once"})

    assert first.status_code == 201 and again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["Location"] == "/api/tasks/clientChosenId0001"
    assert [task["id"] for task in _all_tasks(person)] == ["clientChosenId0001"]


def test_an_id_of_another_shape_is_refused_and_creates_nothing(person):
    assert person.put("/tasks/__reserved__", json={"description": "No"}).status_code == 404
    assert _all_tasks(person) == []


def _rank(person: Person, task: dict) -> str:
    return person.get(f"/tasks/{task['id']}").json()["rank"]


def test_a_new_task_is_ranked_on_top_of_its_column(person):
    first, second, third = (_create(person, name) for name in ("First", "Second", "Third"))
    assert third["rank"] < second["rank"] < first["rank"]
    doing = _create(person, "Started", status="doing")
    # Each column has its own top: Doing's first task is not ranked against Todo's.
    assert doing["rank"]


def test_placing_a_task_ranks_it_between_its_neighbours_and_writes_only_it(person):
    first, second, third = (_create(person, name) for name in ("First", "Second", "Third"))
    # Shown: Third, Second, First. First goes between Third and Second.
    placed = person.patch(
        f"/tasks/{first['id']}", json={"place": {"above": third["id"], "below": second["id"]}}
    )
    assert placed.status_code == 200, placed.text
    assert third["rank"] < placed.json()["rank"] < second["rank"]
    assert placed.json()["updated_at"] > first["updated_at"]
    for other in (second, third):
        assert person.get(f"/tasks/{other['id']}").json()["updated_at"] == other["updated_at"]
    # To the very top, with nothing above.
    top = person.patch(
        f"/tasks/{second['id']}", json={"place": {"above": None, "below": third["id"]}}
    )
    assert top.json()["rank"] < third["rank"]


def test_a_task_moved_to_another_column_goes_on_top_or_where_it_was_put(person):
    doing = [_create(person, name, status="doing") for name in ("Old", "New")]
    moved = person.patch(f"/tasks/{_create(person, 'Moved')['id']}", json={"status": "doing"})
    assert moved.json()["rank"] < min(_rank(person, task) for task in doing)
    put = _create(person, "Put")
    answer = person.patch(
        f"/tasks/{put['id']}",
        json={"status": "doing", "place": {"above": doing[1]["id"], "below": doing[0]["id"]}},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "doing"
    assert _rank(person, doing[1]) < answer.json()["rank"] < _rank(person, doing[0])


def test_a_place_on_a_board_that_changed_meanwhile_is_refused_and_changes_nothing(person):
    first, second = _create(person, "First"), _create(person, "Second")
    elsewhere = _create(person, "Elsewhere", status="doing")
    task = _create(person, "Task")
    out_of_column = {"place": {"above": second["id"], "below": elsewhere["id"]}}
    out_of_order = {"place": {"above": first["id"], "below": second["id"]}}  # Second is above
    gone = {"place": {"above": None, "below": "no-such-task"}}
    for body in (out_of_column, out_of_order, gone):
        answer = person.patch(f"/tasks/{task['id']}", json=body)
        _assert_error(answer, 409, "failed_precondition", "place")
        assert "changed" in answer.json()["error"]["message"]
    assert person.get(f"/tasks/{task['id']}").json() == task


@pytest.mark.parametrize(
    "place",
    [
        {"above": "same", "below": "same"},
        {"above": "../x", "below": None},
        {"above": None},
        "top",
    ],
)
def test_bad_places_are_400_and_change_nothing(person, place):
    task = _create(person, "Task")
    if isinstance(place, dict) and place.get("above") == "same":
        place = {"above": task["id"], "below": task["id"]}
    answer = person.patch(f"/tasks/{task['id']}", json={"place": place})
    assert answer.status_code == 400, answer.text
    assert person.get(f"/tasks/{task['id']}").json() == task


def test_tasks_from_before_ranks_and_due_dates_get_them_on_the_next_visit(person, db):
    """A task document without due_date or rank matches none of the board's queries: the
    person's next visit (GET /me) gives their older tasks both, once, newest on top."""
    kept = _create(person, "Made with a rank")
    assert person.get("/me").status_code == 200  # the profile, made since ranks
    person_ref = db.document(f"users/{person.uid}")
    old_times = [datetime(2025, 1, day, tzinfo=UTC) for day in (1, 2)]
    for number, created in enumerate(old_times):
        db.document(f"users/{person.uid}/tasks/legacy-{number}").set(
            {"description": f"Legacy {number}", "status": "todo", "created_at": created}
        )
    person_ref.update({"task_documents_version": firestore.DELETE_FIELD})

    assert person.get("/me").status_code == 200

    older, newer = (person.get(f"/tasks/legacy-{number}").json() for number in (0, 1))
    assert older["due_date"] is None and newer["due_date"] is None
    # Below every task ranked since, the newer of them first.
    assert kept["rank"] < newer["rank"] < older["rank"]
    assert person.get(f"/tasks/{kept['id']}").json() == kept
    undated = (
        db.collection(f"users/{person.uid}/tasks")
        .where(filter=firestore.FieldFilter("status", "==", "todo"))
        .where(filter=firestore.FieldFilter("due_date", "==", None))
        .order_by("rank")
    )
    assert [snapshot.id for snapshot in undated.stream()] == [kept["id"], "legacy-1", "legacy-0"]
    # Once: the profile says so, and a new task needs nothing.
    assert person_ref.get().get("task_documents_version") >= 1
