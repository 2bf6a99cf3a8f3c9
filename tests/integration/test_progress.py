"""The Progress numbers through Hosting and the Functions emulator: kept up to date by the task
trigger, read in a handful of reads. What the route reads without the trigger is tested in
process (tests/api/test_progress.py)."""

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from tests.api.test_progress import add_task, progress_of
from tests.support.product import (
    DONE_TIMES_PER_DAY_KEPT,
    MEDIAN_WINDOW_DAYS,
    TaskWrite,
    done_time_key,
    record_task_write,
    stats_ref,
)
from tests.support.waiting import eventually


def test_done_tasks_show_today_this_week_and_in_the_streak(person):
    person.put("/me", json={"timezone": "Pacific/Auckland"})
    first = add_task(person, "Book the dentist")
    add_task(person, "Pay rent")
    add_task(person, "Water plants", status="done")
    person.patch(f"/tasks/{first['id']}", json={"status": "done"})

    eventually(lambda: progress_of(person)["done_today"] == 2)
    progress = progress_of(person)
    assert progress["timezone"] == "Pacific/Auckland"
    assert progress["done_this_week"] == 2
    assert progress["streak_days"] == 1
    assert progress["weeks"][-1]["created"] == 3
    assert progress["weeks"][-1]["done"] == 2
    assert sum(week["created"] for week in progress["weeks"]) == 3
    assert progress["median_seconds_to_done"]["last_30_days"] is not None
    assert progress["median_seconds_to_done"]["month_before"] is None
    assert [task["description"] for task in progress["oldest_open"]] == ["Pay rent"]


def test_reopening_a_task_takes_it_out_of_the_count(person):
    task = add_task(person, "Send invoice")
    person.patch(f"/tasks/{task['id']}", json={"status": "done"})
    eventually(lambda: progress_of(person)["done_today"] == 1)
    person.patch(f"/tasks/{task['id']}", json={"status": "doing"})
    eventually(lambda: progress_of(person)["done_today"] == 0)
    assert progress_of(person)["streak_days"] == 0


# 25 hours apart: the same instant is on different local dates in the two, whatever the hour.
AHEAD, BEHIND = "Pacific/Kiritimati", "Pacific/Pago_Pago"


def _figures(person) -> tuple[int, int, int]:
    """Done today, this week, and in the chart's current week."""
    progress = progress_of(person)
    return progress["done_today"], progress["done_this_week"], progress["weeks"][-1]["done"]


def _days_done(person) -> list[int]:
    return [day.get("done", 0) for day in stats_ref(person.uid).get().to_dict()["days"].values()]


def test_a_change_of_zone_keeps_every_figure_and_a_reopen_takes_back_from_its_day(person):
    """Done counts on the day it was where the person finished it; a day after today in their
    zone now counts as today; reopening takes the done back from the day it counted on."""
    person.put("/me", json={"timezone": AHEAD})
    first, second = add_task(person, "Book the dentist"), add_task(person, "Pay rent")
    for task in (first, second):
        assert person.patch(f"/tasks/{task['id']}", json={"status": "done"}).status_code == 200
    eventually(lambda: _figures(person) == (2, 2, 2))
    ahead_today = progress_of(person)["today"]

    person.put("/me", json={"timezone": BEHIND})

    progress = progress_of(person)
    assert progress["today"] < ahead_today
    assert _figures(person) == (2, 2, 2)
    assert progress["streak_days"] == 1
    assert person.get(f"/tasks/{first['id']}").json()["completed_on"] == ahead_today

    person.patch(f"/tasks/{first['id']}", json={"status": "todo"})
    eventually(lambda: sum(_days_done(person)) == 1)
    assert min(_days_done(person)) >= 0  # taken from the day it counted on, none below zero
    assert _figures(person) == (1, 1, 1)


def test_undoing_a_repeat_completion_after_a_change_of_zone_takes_its_done_back(person):
    person.put("/me", json={"timezone": AHEAD})
    today = progress_of(person)["today"]
    body = {"description": "Water plants", "due_date": today, "repeat": "FREQ=DAILY"}
    task = person.post("/tasks", json=body).json()
    person.patch(f"/tasks/{task['id']}", json={"status": "done"})
    eventually(lambda: _figures(person) == (1, 1, 1))
    person.put("/me", json={"timezone": BEHIND})
    assert _figures(person) == (1, 1, 1)

    undone = person.patch(f"/tasks/{task['id']}", json={"undo_completion": True})

    assert undone.status_code == 200, undone.text
    assert undone.json()["due_date"] == today
    eventually(lambda: _days_done(person) == [0])
    assert _figures(person) == (0, 0, 0)


def test_a_replayed_trigger_event_counts_once(person):
    person.put("/me", json={"timezone": "UTC"})
    now = datetime.now(UTC)
    task = {"description": "Replayed", "status": "done", "created_at": now, "done_at": now}
    write = TaskWrite("event-replayed", person.uid, "task-replayed", None, task)
    assert record_task_write(write, now)
    assert not record_task_write(write, now)
    days = stats_ref(person.uid).get().to_dict()["days"]
    assert days[now.date().isoformat()]["done"] == 1


def test_progress_is_only_the_callers_own(person, other_person):
    add_task(person, "Mine", status="done")
    eventually(lambda: progress_of(person)["done_today"] == 1)
    assert progress_of(other_person)["done_today"] == 0


def test_many_trigger_runs_at_once_are_all_counted(person):
    """Trigger runs of one person's writes at the same moment all update one document, with
    increments that never contend: none is lost, none counts twice."""
    person.put("/me", json={"timezone": "UTC"})
    now = datetime.now(UTC)
    done = {"description": "Burst", "status": "done", "created_at": now, "done_at": now}

    def created(number: int) -> bool:
        write = TaskWrite(f"burst-{person.uid}-{number}", person.uid, f"burst{number}", None, done)
        return record_task_write(write, now)

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert all(pool.map(created, range(24)))
        assert not any(pool.map(created, range(24)))  # every one replayed
    days = stats_ref(person.uid).get().to_dict()["days"]
    assert days[now.date().isoformat()]["created"] == 24
    assert days[now.date().isoformat()]["done"] == 24


def _longest_id(label: str) -> str:
    return label.ljust(128, "x")  # tasks.cursor.DOCUMENT_ID allows up to 128 characters


def test_a_person_with_long_task_ids_keeps_counting(person):
    """Two months of DONE_TIMES_PER_DAY_KEPT tasks done a day, every id as long as ids go, as
    the trigger counts them: the document holds it, and new writes still count."""
    person.put("/me", json={"timezone": "UTC"})
    now = datetime.now(UTC)
    today = now.date()
    days = {
        (today - timedelta(days=back)).isoformat(): {
            "created": DONE_TIMES_PER_DAY_KEPT,
            "done": DONE_TIMES_PER_DAY_KEPT,
            "done_seconds": {
                done_time_key(_longest_id(f"{back}-{number}-")): 3600
                for number in range(DONE_TIMES_PER_DAY_KEPT)
            },
        }
        for back in range(1, 2 * MEDIAN_WINDOW_DAYS)
    }
    done_tasks = len(days) * DONE_TIMES_PER_DAY_KEPT
    stats_ref(person.uid).set({"timezone": "UTC", "done_tasks": done_tasks, "days": days})

    task_id = _longest_id("today-")
    answer = person.put(f"/tasks/{task_id}", json={"description": "Ship it", "status": "done"})
    assert answer.status_code == 201, answer.text
    eventually(lambda: progress_of(person)["done_today"] == 1)
    medians = progress_of(person)["median_seconds_to_done"]
    assert medians == {"last_30_days": 3600, "month_before": 3600}

    person.patch(f"/tasks/{task_id}", json={"status": "todo"})
    eventually(lambda: progress_of(person)["done_today"] == 0)
    today_counts = stats_ref(person.uid).get().to_dict()["days"][today.isoformat()]
    assert today_counts == {"created": 1, "done": 0, "done_seconds": {}}
