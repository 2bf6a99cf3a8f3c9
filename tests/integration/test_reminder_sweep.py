"""send_reminders: due digests only, once, across time zones, through provider faults."""

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
import requests

from taskly.reminder_sweep import run_sweep
from tests.support import capture
from tests.support.phones import unique_phone, verify_phone
from tests.support.reminders import (
    digests,
    fresh_epoch,
    make_due,
    next_reminder,
    person_with_reminders,
    remind_instant,
)


@pytest.fixture(autouse=True)
def no_faults():
    capture.clear_faults()
    yield
    capture.clear_faults()


def test_three_time_zones_get_exactly_their_due_digests(db):
    day = fresh_epoch(db) + timedelta(days=160)  # June: summer time in Berlin and New York
    tokyo, tokyo_tasks = person_with_reminders("Asia/Tokyo", ["Pay rent", "Call grandma"])
    berlin, berlin_tasks = person_with_reminders("Europe/Berlin", ["Water plants"])
    new_york, ny_tasks = person_with_reminders("America/New_York", ["File taxes"])
    for person, tasks, zone in (
        (tokyo, tokyo_tasks, "Asia/Tokyo"),
        (berlin, berlin_tasks, "Europe/Berlin"),
        (new_york, ny_tasks, "America/New_York"),
    ):
        make_due(db, person, tasks, remind_instant(day, zone))
    sweep_at = day + timedelta(hours=8)  # 17:00 Tokyo, 10:00 Berlin, 04:00 New York

    run_sweep(sweep_at)

    tokyo_mail, berlin_mail = digests(tokyo), digests(berlin)
    assert len(tokyo_mail) == 1 and len(berlin_mail) == 1 and digests(new_york) == []
    assert tokyo_mail[0]["subject"] == "Reminder: 2 tasks to finish"
    assert "Pay rent" in tokyo_mail[0]["text"] and "Call grandma" in tokyo_mail[0]["text"]
    assert berlin_mail[0]["subject"] == 'Reminder: "Water plants"'
    assert "File taxes" not in berlin_mail[0]["text"]
    tomorrow_berlin = remind_instant(day + timedelta(days=1), "Europe/Berlin")
    assert next_reminder(db, berlin, berlin_tasks[0]) == tomorrow_berlin
    assert next_reminder(db, new_york, ny_tasks[0]) == remind_instant(day, "America/New_York")

    again = run_sweep(sweep_at)
    assert again.outcomes.get("sent", 0) == 0
    assert len(digests(tokyo)) == 1 and len(digests(berlin)) == 1


def test_two_sweeps_at_once_send_each_digest_once(db):
    day = fresh_epoch(db)
    people = [person_with_reminders("UTC", [f"Task {n}"]) for n in range(4)]
    for person, tasks in people:
        make_due(db, person, tasks, day)

    with ThreadPoolExecutor(2) as pool:
        list(pool.map(run_sweep, [day + timedelta(minutes=1)] * 2))
    assert [len(digests(person)) for person, _ in people] == [1, 1, 1, 1]


def test_done_deleted_and_unsubscribed_tasks_never_appear(db):
    day = fresh_epoch(db)
    person, (keep, done, deleted, unsubscribed) = person_with_reminders(
        "UTC", ["Keep me", "Done one", "Deleted one", "Unsubscribed one"]
    )
    make_due(db, person, [keep, done, deleted, unsubscribed], day)
    person.patch(f"/tasks/{done}", json={"status": "done"})
    person.delete(f"/tasks/{deleted}")
    person.put(f"/tasks/{unsubscribed}/reminders", json={"email": False, "sms": False})

    run_sweep(day + timedelta(minutes=5))

    (mail,) = digests(person)
    assert mail["subject"] == 'Reminder: "Keep me"'
    for gone in ("Done one", "Deleted one", "Unsubscribed one"):
        assert gone not in mail["text"]


def test_a_passing_500_is_retried_and_recorded(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Retry me"])
    make_due(db, person, tasks, day)
    capture.set_fault(channel="email", status=500, count=1)

    run_sweep(day + timedelta(minutes=1))

    assert len(digests(person)) == 1
    record = db.document(f"deliveries/reminder:{person.uid}:{day.date().isoformat()}:email").get()
    assert record.get("state") == "sent" and record.get("attempts") == 2


def test_a_provider_down_for_a_whole_sweep_loses_nothing(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Do not lose me"])
    make_due(db, person, tasks, day)
    capture.set_fault(channel="email", status=503)

    report = run_sweep(day + timedelta(minutes=1))

    assert report.outcomes == {"retry_later": 1}
    assert digests(person) == []
    record = db.document(f"deliveries/reminder:{person.uid}:{day.date().isoformat()}:email").get()
    assert record.get("state") == "failed" and record.get("last_error")
    assert next_reminder(db, person, tasks[0]) == day
    capture.clear_faults()

    run_sweep(day + timedelta(minutes=16))

    assert len(digests(person)) == 1
    assert next_reminder(db, person, tasks[0]) == day + timedelta(hours=9)


def test_digest_carries_a_working_one_click_unsubscribe(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Unsubscribe from me"])
    make_due(db, person, tasks, day)
    run_sweep(day + timedelta(minutes=1))
    (mail,) = digests(person)
    assert mail["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = mail["headers"]["List-Unsubscribe"].strip("<>")
    assert link in mail["text"]

    tampered = link[:-3] + ("abc" if not link.endswith("abc") else "xyz")
    refused = requests.post(tampered, data="List-Unsubscribe=One-Click", timeout=10)
    assert refused.status_code == 400 and "not valid" in refused.text
    assert person.get(f"/tasks/{tasks[0]}").json()["notify_email"] is True

    page = requests.get(link, timeout=10)
    assert page.status_code == 200 and "<form" in page.text
    assert person.get(f"/tasks/{tasks[0]}").json()["notify_email"] is True

    done = requests.post(link, data="List-Unsubscribe=One-Click", timeout=10)
    assert done.status_code == 200
    task = person.get(f"/tasks/{tasks[0]}").json()
    assert task["notify_email"] is False and task["next_reminder_at"] is None
    report = run_sweep(day + timedelta(days=1, hours=10))
    assert len(digests(person)) == 1
    assert report.outcomes.get("sent", 0) == 0


def test_sms_digest_goes_only_to_a_verified_phone(db, person, other_person):
    day = fresh_epoch(db)
    phone = verify_phone(person)
    unverified_phone = unique_phone()
    other_person.put("/me", json={"phone": unverified_phone})
    mine = person.post("/tasks", json={"description": "Text me the reminder"}).json()
    answer = person.put(f"/tasks/{mine['id']}/reminders", json={"email": False, "sms": True})
    assert answer.status_code == 200
    theirs = other_person.post("/tasks", json={"description": "Never texted"}).json()
    # Only a verified phone can switch SMS on; force it to show the sweep checks again.
    db.document(f"users/{other_person.uid}/tasks/{theirs['id']}").update({"notify_sms": True})
    make_due(db, person, [mine["id"]], day)
    make_due(db, other_person, [theirs["id"]], day)

    run_sweep(day + timedelta(minutes=1))

    digests_sent = [
        text["body"]
        for text in capture.messages(to=phone, channel="sms")
        if text["body"].startswith("Taskly reminder:")
    ]
    assert len(digests_sent) == 1 and "Text me the reminder" in digests_sent[0]
    assert capture.messages(to=unverified_phone, channel="sms") == []
