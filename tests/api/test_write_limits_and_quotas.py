"""Limits a stranger meets and a normal person does not, in process: write and read rates,
quotas, mail only to a confirmed address. Those that wait for the task trigger or the
deletion job are in tests/integration/test_write_limits_and_quotas.py."""

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from tests.support.emulators import background_triggers_off
from tests.support.limits import spend_in_this_period
from tests.support.people import Person, change_auth_email, sign_in
from tests.support.product import (
    EXPORTS_PER_HOUR,
    OPEN_TASKS_MAX,
    READS,
    READS_PER_MINUTE,
    REMINDER_TASKS_MAX,
    TASKS_MAX,
    WRITES_PER_MINUTE,
)


def _seed_tasks(db, person: Person, count: int, **fields) -> None:
    with background_triggers_off():
        batch = db.batch()
        for number in range(count):
            ref = db.document(f"users/{person.uid}/tasks/seed{number}")
            batch.set(
                ref,
                {
                    "description": f"Seeded {number}",
                    "status": "todo",
                    "notify_email": False,
                    "notify_sms": False,
                    "next_reminder_at": None,
                    "created_at": datetime(2020, 1, 1, tzinfo=UTC) + timedelta(seconds=number),
                    "updated_at": datetime(2020, 1, 1, tzinfo=UTC),
                    "done_at": None,
                    **fields,
                },
            )
            if number % 400 == 399:
                batch.commit()
                batch = db.batch()
        batch.commit()


def _task_count(db, person: Person) -> int:
    return int(db.collection(f"users/{person.uid}/tasks").count().get()[0][0].value)


def test_fifty_tasks_in_a_minute_pass_and_a_flood_is_slowed_down(db, person):
    for number in range(50):
        answer = person.post("/tasks", json={"description": f"Task {number}"})
        assert answer.status_code == 201, answer.text

    refused = None
    for number in range(WRITES_PER_MINUTE):
        created_before = _task_count(db, person)
        answer = person.post("/tasks", json={"description": f"Flood {number}"})
        if answer.status_code == 429:
            refused = answer
            assert _task_count(db, person) == created_before  # a refused write changes nothing
            break
    assert refused is not None, "no limit met"
    error = refused.json()["error"]
    assert error["code"] == "resource_exhausted" and "a minute" in error["message"]
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert person.get("/tasks").status_code == 200  # reading is never slowed down


def test_a_full_board_takes_no_more_open_tasks(db, person):
    _seed_tasks(db, person, OPEN_TASKS_MAX)

    answer = person.post("/tasks", json={"description": "One too many"})

    assert answer.status_code == 409
    assert f"{OPEN_TASKS_MAX:,} open tasks" in answer.json()["error"]["message"]
    assert _task_count(db, person) == OPEN_TASKS_MAX
    assert person.post("/tasks", json={"description": "Done", "status": "done"}).status_code == 201
    assert person.patch("/tasks/seed0", json={"status": "done"}).status_code == 200
    assert person.post("/tasks", json={"description": "Room again"}).status_code == 201


def test_reminders_stop_at_their_quota(db, person):
    later = datetime(2099, 1, 1, tzinfo=UTC)
    _seed_tasks(db, person, REMINDER_TASKS_MAX, notify_email=True, next_reminder_at=later)
    task = person.post("/tasks", json={"description": "One more reminder"}).json()

    answer = person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})

    assert (
        answer.status_code == 409 and str(REMINDER_TASKS_MAX) in answer.json()["error"]["message"]
    )
    assert person.get(f"/tasks/{task['id']}").json()["notify_email"] is False
    # A task that already has reminders can still be changed.
    assert person.put("/tasks/seed0/reminders", json={"email": False, "sms": False}).ok


def test_a_changed_unconfirmed_address_stops_email_until_confirmed(person):
    person.get("/me")
    new_address = f"moved-{uuid.uuid4().hex[:8]}@example.com"
    change_auth_email(person.uid, new_address, verified=False)
    person.api.headers["Authorization"] = (
        f"Bearer {sign_in(new_address, person.password).json()['idToken']}"
    )

    profile = person.get("/me").json()

    assert profile["email"] == new_address and profile["email_verified"] is False
    task = person.post("/tasks", json={"description": "Mail me"}).json()
    answer = person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})
    assert answer.status_code == 409 and answer.json()["error"]["field"] == "email"


@pytest.mark.parametrize("ids", [None, "all", [1, 2]])
def test_marking_read_needs_a_list_of_ids(person, ids):
    answer = person.post("/notifications/read", json={"ids": ids})
    assert answer.status_code == 400 and answer.json()["error"]["field"] == "ids"


def test_a_request_racing_the_deletion_cannot_bring_the_profile_back(db, new_person):
    person = new_person("Racer")
    # The deletion has marked the account and removed the profile; the Auth user is still there.
    db.document(f"account_deletions/{person.uid}").set({"requested_at": datetime.now(UTC)})

    answer = person.get("/me")

    assert answer.status_code == 404
    assert not db.document(f"users/{person.uid}").get().exists


def test_many_writes_of_one_person_at_once_are_answered_not_crashed(person):
    def create(number: int) -> int:
        return person.post("/tasks", json={"description": f"At once {number}"}).status_code

    with ThreadPoolExecutor(12) as pool:
        statuses = list(pool.map(create, range(24)))

    # Within the limit, parallel writes of one person don't queue behind each other's
    # transactions on the limit record: every one is taken.
    assert statuses == [201] * 24


def test_reads_have_a_limit_too(db, person):
    assert person.get("/me").status_code == 200
    spend_in_this_period(db, person.uid, READS, READS_PER_MINUTE)

    answer = person.get("/me")

    assert answer.status_code == 429
    error = answer.json()["error"]
    assert error["code"] == "resource_exhausted"
    assert f"{READS_PER_MINUTE} a minute" in error["message"]
    assert 1 <= int(answer.headers["Retry-After"]) <= 120
    # Writes have their own allowance.
    assert person.post("/tasks", json={"description": "Still saved"}).status_code == 201


def test_exports_are_few_an_hour(person):
    person.post("/tasks", json={"description": "Mine"})
    for _ in range(EXPORTS_PER_HOUR):
        answer = person.get("/me/export")
        assert answer.status_code == 200 and len(answer.json()["tasks"]) == 1

    answer = person.get("/me/export")

    assert answer.status_code == 429
    assert f"{EXPORTS_PER_HOUR} an hour" in answer.json()["error"]["message"]
    assert person.get("/me").status_code == 200  # other reads go on


def test_done_tasks_count_toward_the_total(db, person):
    _seed_tasks(db, person, TASKS_MAX, status="done")

    answer = person.post("/tasks", json={"description": "Done already", "status": "done"})

    assert answer.status_code == 409
    assert f"{TASKS_MAX:,} tasks" in answer.json()["error"]["message"]
    assert _task_count(db, person) == TASKS_MAX
    assert person.delete("/tasks/seed0").status_code == 204
    assert person.post("/tasks", json={"description": "Room again"}).status_code == 201
