"""The Progress route in process: what it reads without waiting for the task trigger. The
numbers the trigger keeps up to date are seen through the Functions emulator in
tests/integration/test_progress.py."""

from datetime import UTC, datetime, timedelta

from tests.support.people import Person
from tests.support.product import TaskWrite, record_task_write

MINUTE = timedelta(minutes=1)


def progress_of(person: Person) -> dict:
    answer = person.get("/progress")
    assert answer.status_code == 200, answer.text
    return answer.json()


def add_task(person: Person, description: str, status: str = "todo") -> dict:
    return person.post("/tasks", json={"description": description, "status": status}).json()


def test_the_oldest_open_tasks_come_oldest_first_and_skip_done_ones(person):
    ids = [add_task(person, f"Task {n}")["id"] for n in range(7)]
    person.patch(f"/tasks/{ids[0]}", json={"status": "done"})
    person.patch(f"/tasks/{ids[2]}", json={"status": "doing"})
    oldest = progress_of(person)["oldest_open"]
    assert [task["description"] for task in oldest] == [f"Task {n}" for n in range(1, 6)]


def test_a_new_person_has_an_empty_progress(person):
    progress = progress_of(person)
    assert progress["done_today"] == 0
    assert progress["streak_days"] == 0
    assert [week["done"] for week in progress["weeks"]] == [0] * 12
    assert progress["median_seconds_to_done"] == {"last_30_days": None, "month_before": None}
    assert progress["oldest_open"] == []


def test_progress_is_only_the_callers_own_board(person, other_person):
    add_task(person, "Mine")
    assert [task["description"] for task in progress_of(person)["oldest_open"]] == ["Mine"]
    assert progress_of(other_person)["oldest_open"] == []


def test_the_numbers_are_read_from_the_statistics_the_trigger_keeps(person):
    # Counted here as the trigger counts a write, so the route is read without waiting for it.
    person.put("/me", json={"timezone": "UTC"})
    now = datetime.now(UTC)
    done = {"description": "Counted", "status": "done", "created_at": now - MINUTE, "done_at": now}
    assert record_task_write(
        TaskWrite(f"direct-{person.uid}", person.uid, "direct", None, done), now
    )

    progress = progress_of(person)

    counts = {key: progress[key] for key in ("done_today", "done_this_week", "streak_days")}
    assert counts == {"done_today": 1, "done_this_week": 1, "streak_days": 1}
    this_week = progress["weeks"][-1]
    assert (this_week["created"], this_week["done"]) == (1, 1)
    assert progress["median_seconds_to_done"] == {"last_30_days": 60, "month_before": None}
