"""Done and Snooze by token (POST/GET /api/task-actions/{token}), in process: what a
notification's buttons and a reminder email's links do, without a session."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import requests
from google.cloud import firestore

from taskly.task_actions.tokens import mint
from tests.support.people import Person
from tests.support.stack import API_URL


def _task(person: Person, description: str, **fields: object) -> dict:
    task = person.post("/tasks", json={"description": description, **fields}).json()
    on = person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})
    assert on.status_code == 200, on.text
    return dict(on.json())


def _token(person: Person, *tasks: dict, lasts: timedelta = timedelta(hours=1)) -> str:
    now = datetime.now(UTC)
    return mint(person.uid, {task["id"]: task["due_date"] for task in tasks}, lasts, now)


def _act(anonymous: requests.Session, token: str, **body: str) -> requests.Response:
    return anonymous.post(f"{API_URL}/task-actions/{token}", json=body, timeout=30)


def test_done_from_a_notification_works_once(person: Person, anonymous: requests.Session):
    task = _task(person, "Buy milk")
    token = _token(person, task)

    done = _act(anonymous, token, action="done")

    assert done.status_code == 200, done.text
    assert done.json() == {"outcome": "done", "message": "Done: Buy milk"}
    assert person.get(f"/tasks/{task['id']}").json()["status"] == "done"
    person.patch(f"/tasks/{task['id']}", json={"status": "todo"})
    again = _act(anonymous, token, action="done")
    assert again.status_code == 404 and again.json()["error"]["code"] == "not_found"
    assert person.get(f"/tasks/{task['id']}").json()["status"] == "todo"


def test_a_token_expires(person: Person, anonymous: requests.Session):
    task = _task(person, "Old news")
    token = _token(person, task, lasts=timedelta(seconds=-1))

    assert _act(anonymous, token, action="done").status_code == 404
    assert person.get(f"/tasks/{task['id']}").json()["status"] == "todo"


def test_an_unknown_or_malformed_token_tells_nothing(anonymous: requests.Session):
    for token in ("A" * 43, "short", "x" * 200):
        answer = _act(anonymous, token, action="done")
        assert answer.status_code == 404, (token, answer.text)
        assert "expired or was already used" in answer.json()["error"]["message"]


def test_done_on_a_repeating_task_moves_it_to_its_next_date(
    person: Person, anonymous: requests.Session
):
    task = _task(person, "Water plants", due_date="2026-12-01", repeat="FREQ=WEEKLY")

    moved = _act(anonymous, _token(person, task), action="done")

    assert moved.json()["outcome"] == "moved_on"
    after = person.get(f"/tasks/{task['id']}").json()
    assert after["status"] == "todo" and after["due_date"] > "2026-12-01"
    assert after["due_date"] in moved.json()["message"]


def test_a_token_for_a_date_already_done_changes_nothing(
    person: Person, anonymous: requests.Session
):
    task = _task(person, "Standup", due_date="2026-12-01", repeat="FREQ=DAILY")
    token = _token(person, task)
    person.patch(f"/tasks/{task['id']}", json={"status": "done"})  # on to the next date
    next_date = person.get(f"/tasks/{task['id']}").json()["due_date"]

    answer = _act(anonymous, token, action="done")

    assert answer.json() == {"outcome": "already_done", "message": "This task was already done."}
    assert person.get(f"/tasks/{task['id']}").json()["due_date"] == next_date


def test_a_deleted_task_is_said_calmly(person: Person, anonymous: requests.Session):
    task = _task(person, "Gone soon")
    token = _token(person, task)
    person.delete(f"/tasks/{task['id']}")

    answer = _act(anonymous, token, action="snooze_hour")

    assert answer.status_code == 200 and answer.json()["outcome"] == "gone"


def test_snooze_moves_only_the_next_reminder(
    person: Person, anonymous: requests.Session, db: firestore.Client
):
    task = _task(person, "Call mom", due_date="2026-12-24", due_time="18:00")
    before = datetime.now(UTC)

    snoozed = _act(anonymous, _token(person, task), action="snooze_hour")

    assert snoozed.json()["outcome"] == "snoozed", snoozed.text
    after = person.get(f"/tasks/{task['id']}").json()
    assert (after["due_date"], after["due_time"]) == ("2026-12-24", "18:00")
    at = datetime.fromisoformat(after["next_reminder_at"])
    answered = datetime.now(UTC)
    assert before + timedelta(minutes=59) < at < answered + timedelta(minutes=61)
    # In the person's zone (UTC, the default): an hour after 23:00 is tomorrow.
    local = at.astimezone(UTC)
    said = {
        f"Snoozed until {'' if local.date() == today else 'tomorrow at '}{local:%H:%M}: Call mom"
        for today in (before.date(), answered.date())
    }
    assert snoozed.json()["message"] in said
    assert after["snoozed_until"] == after["next_reminder_at"]
    stored = db.document(f"users/{person.uid}/tasks/{task['id']}").get().to_dict() or {}
    assert stored["snoozed_until"] == stored["next_reminder_at"]


def test_tomorrow_morning_is_the_persons_reminder_time_tomorrow(
    person: Person, anonymous: requests.Session
):
    person.put("/me", json={"timezone": "America/New_York", "remind_time": "08:30"})
    task = _task(person, "Pay rent")

    answer = _act(anonymous, _token(person, task), action="tomorrow")

    assert answer.json()["message"] == "Snoozed until tomorrow at 08:30: Pay rent"
    at = datetime.fromisoformat(person.get(f"/tasks/{task['id']}").json()["next_reminder_at"])
    local = at.astimezone(ZoneInfo("America/New_York"))
    today = datetime.now(local.tzinfo).date()
    assert (local.date(), local.strftime("%H:%M")) == (today + timedelta(days=1), "08:30")


def test_a_later_edit_of_the_dates_ends_the_snooze(person: Person, anonymous: requests.Session):
    task = _task(person, "Dentist")
    _act(anonymous, _token(person, task), action="snooze_hour")

    edited = person.patch(f"/tasks/{task['id']}", json={"due_date": "2026-12-30"}).json()

    assert edited["snoozed_until"] is None and edited["next_reminder_at"] is not None


def test_snooze_with_reminders_off_changes_nothing(person: Person, anonymous: requests.Session):
    task = _task(person, "Quiet")
    token = _token(person, task)
    person.put(f"/tasks/{task['id']}/reminders", json={"email": False, "sms": False})

    answer = _act(anonymous, token, action="snooze_hour")

    assert answer.json()["outcome"] == "unchanged"
    assert person.get(f"/tasks/{task['id']}").json()["next_reminder_at"] is None


def test_an_email_token_acts_on_each_of_its_tasks_once(person: Person, anonymous: requests.Session):
    first, second = _task(person, "One"), _task(person, "Two")
    token = _token(person, first, second)

    assert _act(anonymous, token, action="done", task=first["id"]).json()["outcome"] == "done"
    assert _act(anonymous, token, action="done", task=second["id"]).json()["outcome"] == "done"
    assert _act(anonymous, token, action="done", task=first["id"]).status_code == 404
    # Several tasks: which one must be said.
    assert _act(anonymous, _token(person, first, second), action="done").status_code == 404


def test_a_token_acts_only_on_the_tasks_it_names(
    person: Person, other_person: Person, anonymous: requests.Session
):
    mine = _task(person, "Mine")
    theirs = _task(other_person, "Theirs")

    answer = _act(anonymous, _token(person, mine), action="done", task=theirs["id"])

    assert answer.status_code == 404
    assert other_person.get(f"/tasks/{theirs['id']}").json()["status"] == "todo"


def test_the_email_link_asks_first_and_its_button_acts(person: Person, anonymous: requests.Session):
    task = _task(person, "Send the <b>report</b>")
    token = _token(person, task)
    link = f"{API_URL}/task-actions/{token}?task={task['id']}&action=done"

    page = anonymous.get(link)

    assert page.status_code == 200 and page.headers["Content-Type"].startswith("text/html")
    assert 'method="post"' in page.text and "<b>report</b>" not in page.text
    assert person.get(f"/tasks/{task['id']}").json()["status"] == "todo"  # a GET changes nothing
    form = {"task": task["id"], "action": "done"}
    acted = anonymous.post(f"{API_URL}/task-actions/{token}", data=form)
    assert acted.status_code == 200 and "Done: Send the &lt;b&gt;report&lt;/b&gt;" in acted.text
    assert person.get(f"/tasks/{task['id']}").json()["status"] == "done"
    used = anonymous.get(link)
    assert used.status_code == 404 and "expired or was already used" in used.text


def test_a_link_without_a_known_action_is_refused(person: Person, anonymous: requests.Session):
    task = _task(person, "Fine")
    token = _token(person, task)

    assert (
        anonymous.get(f"{API_URL}/task-actions/{token}?task={task['id']}&action=delete").status_code
        == 400
    )
    refused = _act(anonymous, token, action="delete")
    assert refused.status_code == 400 and refused.json()["error"]["field"] == "action"
