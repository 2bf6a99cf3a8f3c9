"""Due dates, times and repeats on the task routes, in process."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.support.people import Person
from tests.support.waiting import eventually

NEW_YORK = ZoneInfo("America/New_York")


def _today(zone: ZoneInfo = NEW_YORK) -> date:
    return datetime.now(UTC).astimezone(zone).date()


@pytest.fixture
def new_yorker(person: Person) -> Person:
    assert person.put("/me", json={"timezone": "America/New_York"}).status_code == 200
    return person


def _create(person: Person, **fields: object) -> dict:
    answer = person.post("/tasks", json={"description": "Pay rent", **fields})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_a_task_without_a_date_keeps_working_as_before(new_yorker):
    task = _create(new_yorker)
    assert {
        key: task[key] for key in ("due_date", "due_time", "due_at", "repeat")
    } == dict.fromkeys(("due_date", "due_time", "due_at", "repeat"))
    assert (task["repeat_from_completion"], task["remind_before_minutes"]) == (False, 0)


def test_a_due_time_is_read_in_the_persons_zone(new_yorker):
    task = _create(new_yorker, due_date="2027-07-04", due_time="09:30", remind_before_minutes=60)
    assert (task["due_date"], task["due_time"], task["remind_before_minutes"]) == (
        "2027-07-04",
        "09:30",
        60,
    )
    assert task["due_at"] == "2027-07-04T13:30:00.000Z"  # EDT, UTC-4
    assert new_yorker.get(f"/tasks/{task['id']}").json()["due_at"] == task["due_at"]


def test_moving_to_another_zone_keeps_the_local_time(new_yorker):
    task = _create(new_yorker, due_date="2027-01-15", due_time="09:00")
    assert new_yorker.put("/me", json={"timezone": "Europe/Berlin"}).status_code == 200
    assert new_yorker.get(f"/tasks/{task['id']}").json()["due_at"] == "2027-01-15T08:00:00.000Z"


@pytest.mark.parametrize(
    ("fields", "field", "says"),
    [
        ({"due_date": "2026-02-30"}, "due_date", "YYYY-MM-DD"),
        ({"due_date": "12/24/2026"}, "due_date", "YYYY-MM-DD"),
        ({"due_date": "1999-12-31"}, "due_date", "from 2000 to 2100"),
        ({"due_date": "2027-01-01", "due_time": "25:00"}, "due_time", "HH:MM"),
        ({"due_time": "09:00"}, "due_time", "needs a due date"),
        ({"repeat": "FREQ=DAILY"}, "repeat", "needs a due date"),
        ({"due_date": "2027-01-01", "repeat": "FREQ=HOURLY"}, "repeat", "not more often"),
        ({"due_date": "2027-01-01", "repeat": "FREQ=DAILY;COUNT=9999"}, "repeat", "5 years"),
        ({"due_date": "2027-01-01", "remind_before_minutes": 5}, "remind_before_minutes", "one of"),
        ({"remind_before_minutes": False}, "remind_before_minutes", "number of minutes"),
        ({"due_date": "2027-01-01", "repeat_from_completion": None}, "repeat_from_completion", ""),
    ],
)
def test_dates_that_cannot_be_kept_are_refused_and_nothing_is_made(new_yorker, fields, field, says):
    answer = new_yorker.post("/tasks", json={"description": "Refused", **fields})
    assert answer.status_code == 400, answer.text
    error = answer.json()["error"]
    assert error["field"] == field and says in error["message"]
    assert new_yorker.get("/tasks").json()["tasks"] == []


def test_a_patch_changes_only_the_dates_it_names_and_null_clears(new_yorker):
    task = _create(new_yorker, due_date="2027-03-01", due_time="08:00", repeat="FREQ=MONTHLY")
    moved = new_yorker.patch(f"/tasks/{task['id']}", json={"due_time": "10:00"}).json()
    assert (moved["due_date"], moved["due_time"], moved["repeat"]) == (
        "2027-03-01",
        "10:00",
        "FREQ=MONTHLY",
    )
    cleared = new_yorker.patch(f"/tasks/{task['id']}", json={"due_date": None}).json()
    assert (cleared["due_date"], cleared["due_time"], cleared["due_at"], cleared["repeat"]) == (
        None,
        None,
        None,
        None,
    )


def test_a_repeat_starts_on_its_first_date_and_count_becomes_its_last_date(new_yorker):
    start = _today() + timedelta(days=1)
    rule = "FREQ=WEEKLY;BYDAY=MO;COUNT=2"
    task = _create(new_yorker, due_date=start.isoformat(), repeat=rule)
    first_monday = start + timedelta(days=(7 - start.weekday()) % 7)
    assert task["due_date"] == first_monday.isoformat()
    last = first_monday + timedelta(days=7)
    assert task["repeat"] == f"FREQ=WEEKLY;BYDAY=MO;UNTIL={last:%Y%m%d}"


def test_completing_a_repeat_moves_it_to_its_next_date_and_counts_as_done(new_yorker):
    today = _today()
    task = _create(new_yorker, due_date=today.isoformat(), due_time="09:00", repeat="FREQ=DAILY")
    new_yorker.patch(f"/tasks/{task['id']}", json={"status": "doing"})

    answer = new_yorker.patch(f"/tasks/{task['id']}", json={"status": "done"})

    assert answer.status_code == 200, answer.text
    moved = answer.json()
    tomorrow = today + timedelta(days=1)
    assert (moved["status"], moved["due_date"], moved["done_at"]) == (
        "todo",
        tomorrow.isoformat(),
        None,
    )
    assert moved["last_completed_at"] is not None
    nine = datetime.combine(tomorrow, datetime.min.time().replace(hour=9), NEW_YORK)
    assert moved["due_at"] == nine.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    # The trigger counts the completion on today's Progress, not in the Done column.
    eventually(lambda: new_yorker.get("/progress").json()["done_today"] == 1)


def _progress_done_today(person: Person) -> int:
    return person.get("/progress").json()["done_today"]


def test_undoing_a_completion_moves_a_repeating_task_back_and_takes_its_done_back(new_yorker):
    today = _today()
    task = _create(new_yorker, due_date=today.isoformat(), due_time="09:00", repeat="FREQ=DAILY")
    moved = new_yorker.patch(f"/tasks/{task['id']}", json={"status": "done"}).json()
    assert (moved["completed_on"], moved["completed_due_date"]) == (today.isoformat(),) * 2
    eventually(lambda: _progress_done_today(new_yorker) == 1)

    answer = new_yorker.patch(f"/tasks/{task['id']}", json={"undo_completion": True})

    assert answer.status_code == 200, answer.text
    back = answer.json()
    nine = datetime.combine(today, datetime.min.time().replace(hour=9), NEW_YORK)
    assert (back["status"], back["due_date"], back["due_at"]) == (
        "todo",
        today.isoformat(),
        nine.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
    )
    assert (back["last_completed_at"], back["completed_on"], back["completed_due_date"]) == (
        None,
        None,
        None,
    )
    assert new_yorker.get(f"/tasks/{task['id']}").json() == back
    eventually(lambda: _progress_done_today(new_yorker) == 0)


def _refusal(person: Person, task_id: str, body: dict, status: int) -> dict:
    before = person.get(f"/tasks/{task_id}").json()
    answer = person.patch(f"/tasks/{task_id}", json=body)
    assert answer.status_code == status, answer.text
    assert person.get(f"/tasks/{task_id}").json() == before  # nothing changed
    return answer.json()["error"]


def test_a_task_with_no_completion_to_undo_is_refused_and_left_as_it_was(new_yorker):
    today = _today().isoformat()
    never_done = _create(new_yorker, due_date=today, repeat="FREQ=DAILY")
    done = _create(new_yorker, status="done")
    undone_once = _create(new_yorker, due_date=today, repeat="FREQ=DAILY")
    new_yorker.patch(f"/tasks/{undone_once['id']}", json={"status": "done"})
    new_yorker.patch(f"/tasks/{undone_once['id']}", json={"undo_completion": True})
    for task in (never_done, done, undone_once):
        error = _refusal(new_yorker, task["id"], {"undo_completion": True}, 409)
        assert error["message"] == "This task has no completion to undo."
        assert error["field"] == "undo_completion"


def test_an_undo_goes_alone_without_a_column_and_is_true_or_false(new_yorker):
    task = _create(new_yorker, due_date=_today().isoformat(), repeat="FREQ=DAILY")
    new_yorker.patch(f"/tasks/{task['id']}", json={"status": "done"})
    with_status = {"undo_completion": True, "status": "doing"}
    assert _refusal(new_yorker, task["id"], with_status, 400)["field"] == "status"
    refused = _refusal(new_yorker, task["id"], {"undo_completion": None}, 400)
    assert refused["field"] == "undo_completion"


def test_counted_from_completion_the_next_date_follows_the_completion_day(new_yorker):
    long_ago = (_today() - timedelta(days=10)).isoformat()
    task = _create(
        new_yorker, due_date=long_ago, repeat="FREQ=DAILY;INTERVAL=3", repeat_from_completion=True
    )
    moved = new_yorker.patch(f"/tasks/{task['id']}", json={"status": "done"}).json()
    assert moved["due_date"] == (_today() + timedelta(days=3)).isoformat()


def test_the_last_date_of_a_series_completes_for_good(new_yorker):
    today = _today()
    task = _create(new_yorker, due_date=today.isoformat(), repeat="FREQ=DAILY;COUNT=1")
    done = new_yorker.patch(f"/tasks/{task['id']}", json={"status": "done"}).json()
    assert (done["status"], done["due_date"]) == ("done", today.isoformat())


def test_the_repeat_preview_shows_the_next_dates_or_says_what_is_wrong(new_yorker):
    answer = new_yorker.get(
        "/repeats/preview", params={"rule": "FREQ=MONTHLY;BYMONTHDAY=31", "from": "2027-01-01"}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["dates"] == ["2027-01-31", "2027-03-31", "2027-05-31"]
    clamped = new_yorker.get(
        "/repeats/preview",
        params={"rule": "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1", "from": "2027-01-31"},
    )
    assert clamped.json()["dates"] == ["2027-01-31", "2027-02-28", "2027-03-31"]
    refused = new_yorker.get("/repeats/preview", params={"rule": "FREQ=SECONDLY", "from": "x"})
    assert refused.status_code == 400 and refused.json()["error"]["field"] == "from"


def test_the_export_carries_the_dates(new_yorker):
    _create(new_yorker, due_date="2027-05-05", due_time="07:15", repeat="FREQ=YEARLY")
    exported = new_yorker.get("/me/export").json()
    (task,) = exported["tasks"]
    assert (task["due_date"], task["due_time"], task["repeat"]) == (
        "2027-05-05",
        "07:15",
        "FREQ=YEARLY",
    )


def test_a_nine_oclock_repeat_completed_before_the_march_change_stays_at_nine(new_yorker):
    # Due on the Saturday before the US clocks go forward (Sunday 14 March 2027).
    task = _create(new_yorker, due_date="2027-03-13", due_time="09:00", repeat="FREQ=DAILY")
    assert task["due_at"] == "2027-03-13T14:00:00.000Z"  # EST, UTC-5

    moved = new_yorker.patch(f"/tasks/{task['id']}", json={"status": "done"}).json()

    assert (moved["due_date"], moved["due_time"]) == ("2027-03-14", "09:00")
    assert moved["due_at"] == "2027-03-14T13:00:00.000Z"  # EDT, UTC-4: still 9:00 on the clock


def test_monthly_on_the_31st_falls_on_the_last_day_of_shorter_months(new_yorker):
    task = _create(new_yorker, due_date="2027-01-31", repeat="FREQ=MONTHLY")
    dates = []
    for _ in range(3):
        task = new_yorker.patch(f"/tasks/{task['id']}", json={"status": "done"}).json()
        dates.append(task["due_date"])
    assert dates == ["2027-02-28", "2027-03-31", "2027-04-30"]
