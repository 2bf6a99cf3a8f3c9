"""Requests no client of ours sends still get the API's JSON error shape, in process: through
functions-framework's own routing for the api target, where main.py's ``_unrouted`` answers
the paths the framework's URL rule does not match."""

import pytest

from tests.support.people import Person

# Characters a task id can never hold; %0A once fell through to the framework's HTML page.
ODD_TASK_IDS = ["a%0Ab", "%0A", "a%04b", "a%0Db", "a%00b"]


def _json_error(answer) -> dict:
    assert answer.headers["Content-Type"].startswith("application/json"), answer.text
    return answer.json()["error"]


@pytest.mark.parametrize("task_id", ODD_TASK_IDS)
def test_a_task_id_with_control_characters_is_no_such_task(person: Person, task_id):
    for answer in (
        person.get(f"/tasks/{task_id}"),
        person.patch(f"/tasks/{task_id}", json={"status": "done"}),
        person.delete(f"/tasks/{task_id}"),
        person.put(f"/tasks/{task_id}", json={"description": "Pay rent"}),
    ):
        assert answer.status_code == 404, answer.text
        assert _json_error(answer) == {
            "code": "not_found",
            "message": "No such task.",
            "field": None,
        }
    assert person.get("/tasks").json()["tasks"] == []


def test_an_unknown_route_with_a_line_break_is_no_such_route(person: Person):
    answer = person.get("/tasks%0A/none")
    assert answer.status_code == 404
    assert _json_error(answer)["message"] == "No such API route."
