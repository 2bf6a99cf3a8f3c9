"""Reminders end to end: the sweep queues, the delivery queues send each digest exactly once."""

import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import time, timedelta

import pytest
import requests

from taskly.delivery.queue import enqueue_delivery
from taskly.progress.document import stats_ref
from taskly.reminders.jobs import DigestJob, job_payload
from taskly.reminders.sweep import run_sweep
from tests.support import capture
from tests.support.people import delete_auth_account
from tests.support.phones import unique_phone, verify_phone
from tests.support.product import TaskWrite, record_task_write
from tests.support.reminders import (
    digests,
    fresh_epoch,
    make_due,
    next_reminder,
    person_with_reminders,
    remind_instant,
)
from tests.support.waiting import arrived, eventually, landed, settled


@pytest.fixture(autouse=True)
def no_faults():
    capture.clear_faults()
    yield
    capture.clear_faults()


def _record(db, person, day, channel="email"):
    return db.document(f"deliveries/reminder:{person.uid}:{day.date().isoformat()}:{channel}").get()


def _sms_digests(phone: str) -> list[dict]:
    return [
        text
        for text in capture.messages(to=phone, channel="sms")
        if text["body"].startswith("Taskly reminder:")
    ]


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

    report = run_sweep(sweep_at)

    assert (report.tasks_read, report.digests, report.batches_queued) == (3, 2, 1)
    landed(lambda: digests(tokyo), 1)
    berlin_mail = arrived(lambda: digests(berlin), 1)
    tokyo_mail = digests(tokyo)  # read after the wait: a second copy would show
    assert len(tokyo_mail) == 1 and len(berlin_mail) == 1 and digests(new_york) == []
    assert tokyo_mail[0]["subject"] == "Reminder: 2 tasks to finish"
    assert "Pay rent" in tokyo_mail[0]["text"] and "Call grandma" in tokyo_mail[0]["text"]
    assert berlin_mail[0]["subject"] == 'Reminder: "Water plants"'
    assert "File taxes" not in berlin_mail[0]["text"]
    tomorrow_berlin = remind_instant(day + timedelta(days=1), "Europe/Berlin")
    eventually(lambda: next_reminder(db, berlin, berlin_tasks[0]) == tomorrow_berlin)
    assert next_reminder(db, new_york, ny_tasks[0]) == remind_instant(day, "America/New_York")

    again = run_sweep(sweep_at)
    assert again.batches_queued == 0  # the same page in the same hour: the same task
    assert len(settled(lambda: digests(tokyo))) == 1 and len(digests(berlin)) == 1


def test_five_sweeps_at_once_send_each_digest_once(db):
    day = fresh_epoch(db)
    people = [person_with_reminders("UTC", [f"Task {n}"]) for n in range(20)]
    for person, tasks in people:
        make_due(db, person, tasks, day)

    with ThreadPoolExecutor(5) as pool:
        reports = list(pool.map(run_sweep, [day + timedelta(minutes=1)] * 5))

    assert [report.digests for report in reports] == [20] * 5
    assert sum(report.batches_queued for report in reports) == 1
    arrived(lambda: [mail for person, _ in people for mail in digests(person)], 20)
    assert [len(digests(person)) for person, _ in people] == [1] * 20


def test_a_digest_dispatched_twice_at_once_is_sent_once(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Only once"])
    make_due(db, person, tasks, day)
    job = DigestJob(uid=person.uid, channel="email", due_by=day + timedelta(minutes=1))

    # Cloud Tasks delivers at least once: the same job under five names, claimed at once.
    for copy in range(5):
        assert enqueue_delivery("email", job_payload(job), f"copy-{copy}-{person.uid}")

    assert len(arrived(lambda: digests(person), 1)) == 1
    eventually(lambda: next_reminder(db, person, tasks[0]) == day + timedelta(hours=9))


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

    (mail,) = arrived(lambda: digests(person), 1)
    assert mail["subject"] == 'Reminder: "Keep me"'
    for gone in ("Done one", "Deleted one", "Unsubscribed one"):
        assert gone not in mail["text"]


def test_one_digest_through_a_503_then_a_429(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Retry me"])
    make_due(db, person, tasks, day)
    failed_before = capture.stats()["email"]["failed"]
    capture.set_fault(channel="email", status=503, count=1)

    run_sweep(day + timedelta(minutes=1))

    eventually(lambda: capture.stats()["email"]["failed"] == failed_before + 1)
    capture.set_fault(channel="email", status=429, count=1)
    eventually(lambda: capture.stats()["email"]["failed"] == failed_before + 2)
    assert len(arrived(lambda: digests(person), 1)) == 1
    record = _record(db, person, day)
    assert record.get("state") == "sent" and record.get("attempts") == 3
    eventually(lambda: next_reminder(db, person, tasks[0]) == day + timedelta(hours=9))


def test_a_provider_down_for_a_while_loses_nothing(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Do not lose me"])
    make_due(db, person, tasks, day)
    failed_before = capture.stats()["email"]["failed"]
    capture.set_fault(channel="email", status=503)

    run_sweep(day + timedelta(minutes=1))

    eventually(lambda: capture.stats()["email"]["failed"] >= failed_before + 3)
    assert digests(person) == []
    assert _record(db, person, day).get("state") == "failed"
    assert next_reminder(db, person, tasks[0]) == day
    capture.clear_faults()

    assert len(arrived(lambda: digests(person), 1)) == 1
    eventually(lambda: next_reminder(db, person, tasks[0]) == day + timedelta(hours=9))


def test_an_answer_lost_after_the_send_is_never_sent_again(db):
    """SendGrid and Twilio take the message but answer after the client's timeout."""
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Sent but unanswered"])
    phone = verify_phone(person)
    person.put(f"/tasks/{tasks[0]}/reminders", json={"email": True, "sms": True})
    eventually(lambda: len(capture.messages(to=phone, channel="sms")) == 2)  # code, confirmation
    make_due(db, person, tasks, day)
    capture.set_fault(channel="all", late_answer_ms=5000)  # the local timeout is 3 s

    run_sweep(day + timedelta(minutes=1))

    eventually(lambda: _record(db, person, day).get("state") == "unknown", timeout=30)
    eventually(lambda: _record(db, person, day, "sms").get("state") == "unknown", timeout=30)
    capture.clear_faults()
    # The queue would have retried by now (backoff 1 s): an unknown outcome is not retried.
    assert len(settled(lambda: digests(person), quiet=6)) == 1
    assert len(_sms_digests(phone)) == 1
    # An unknown outcome settles the day: the task moves on to tomorrow.
    eventually(lambda: next_reminder(db, person, tasks[0]) == day + timedelta(hours=9))


def test_no_digest_for_a_person_deleted_from_auth(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Nobody to remind"])
    make_due(db, person, tasks, day)
    delete_auth_account(person.uid)

    report = run_sweep(day + timedelta(minutes=1))

    assert report.digests == 1
    eventually(lambda: next_reminder(db, person, tasks[0]) is None)
    assert digests(person) == []
    assert not _record(db, person, day).exists


def test_digest_carries_a_working_one_click_unsubscribe(db):
    day = fresh_epoch(db)
    person, tasks = person_with_reminders("UTC", ["Unsubscribe from me"])
    make_due(db, person, tasks, day)
    run_sweep(day + timedelta(minutes=1))
    (mail,) = arrived(lambda: digests(person), 1)
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
    assert report.tasks_read == 0 and report.digests == 0
    assert len(settled(lambda: digests(person))) == 1


def test_sms_digest_goes_only_to_a_verified_phone(db, person, other_person):
    day = fresh_epoch(db)
    phone = verify_phone(person)
    unverified_phone = unique_phone()
    other_person.put("/me", json={"phone": unverified_phone})
    mine = person.post("/tasks", json={"description": "Text me the reminder"}).json()
    answer = person.put(f"/tasks/{mine['id']}/reminders", json={"email": False, "sms": True})
    assert answer.status_code == 200
    theirs = other_person.post("/tasks", json={"description": "Never texted"}).json()
    # Only a verified phone can switch SMS on; force it to show the delivery checks again.
    db.document(f"users/{other_person.uid}/tasks/{theirs['id']}").update({"notify_sms": True})
    make_due(db, person, [mine["id"]], day)
    make_due(db, other_person, [theirs["id"]], day)

    run_sweep(day + timedelta(minutes=1))

    texts = arrived(lambda: _sms_digests(phone), 1)
    assert len(texts) == 1 and "Text me the reminder" in texts[0]["body"]
    # The unreachable channel does not hold the task back: it moves on, with nothing sent.
    eventually(lambda: next_reminder(db, other_person, theirs["id"]) == day + timedelta(hours=9))
    assert capture.messages(to=unverified_phone, channel="sms") == []


def test_the_digest_says_what_was_done_this_week(db):
    day = fresh_epoch(db) + timedelta(days=3)
    person, tasks = person_with_reminders("UTC", ["Plan the trip"])
    make_due(db, person, tasks, remind_instant(day, "UTC"))
    stats = stats_ref(person.uid)
    # Once the trigger is done with these writes (it forgets days this far from today), two
    # tasks done earlier in the digest's week.
    settled(lambda: stats.get().to_dict())
    earlier_this_week = day - timedelta(days=day.weekday())
    stats.set({"days": {earlier_this_week.date().isoformat(): {"done": 2}}}, merge=True)

    run_sweep(day + timedelta(hours=10))

    mail = arrived(lambda: digests(person), 1)[0]
    assert "You've finished 2 tasks this week. Nice going!" in mail["text"]
    assert re.search(r"See your progress: https?://\S+/progress", mail["text"])


def test_after_a_change_of_zone_the_digest_counts_what_was_done_on_a_later_day(db):
    """Two tasks finished in UTC just after midnight count on that UTC day; the person then
    moves to New York, where it is still the evening before, and that day's digest counts
    them: a day after the digest's counts as its day."""
    day = fresh_epoch(db) + timedelta(days=3)  # a Thursday
    person, tasks = person_with_reminders("UTC", ["Plan the trip"])
    stats = stats_ref(person.uid)
    settled(lambda: stats.get().to_dict())  # the trigger is done with the writes so far
    digest_at = remind_instant(day, "America/New_York", time(21))
    finished = digest_at - timedelta(minutes=30)  # 20:30 Thursday in New York
    assert finished.date() == day.date() + timedelta(days=1)  # Friday in UTC
    for number in range(2):
        task = {
            "description": f"Finished {number}",
            "status": "done",
            "created_at": day,
            "done_at": finished,
            "completed_on": finished.date().isoformat(),  # as the API records it, in UTC
        }
        write = TaskWrite(uuid.uuid4().hex, person.uid, f"finished-{number}", None, task)
        assert record_task_write(write, finished)

    person.put("/me", json={"timezone": "America/New_York", "remind_time": "21:00"})
    make_due(db, person, tasks, digest_at)
    run_sweep(digest_at + timedelta(minutes=1))

    mail = arrived(lambda: digests(person), 1)[0]
    assert "You've finished 2 tasks this week. Nice going!" in mail["text"]


def _digest_feed(person) -> list[dict]:
    feed = person.get("/notifications").json()["notifications"]
    return [item for item in feed if item["kind"] == "digest_sent"]


def test_each_digest_sent_adds_one_item_to_the_feed_per_channel(db, person):
    day = fresh_epoch(db)
    phone = verify_phone(person)
    tasks = [
        person.post("/tasks", json={"description": text}).json()["id"]
        for text in ("Pay rent", "Call grandma", "Water plants", "Book flights")
    ]
    for task_id in tasks:
        answer = person.put(f"/tasks/{task_id}/reminders", json={"email": True, "sms": True})
        assert answer.status_code == 200, answer.text
    for second, task_id in enumerate(tasks):
        # A second apart: the digest lists the oldest due first, so the feed names these three.
        make_due(db, person, [task_id], day + timedelta(seconds=second))
    job = DigestJob(uid=person.uid, channel="email", due_by=day + timedelta(minutes=1))

    run_sweep(day + timedelta(minutes=1))
    landed(lambda: digests(person), 1)
    arrived(lambda: _sms_digests(phone), 1)
    # Dispatched again (Cloud Tasks delivers at least once): nothing more, in mail or feed.
    assert enqueue_delivery("email", job_payload(job), f"again-{person.uid}")

    items = settled(lambda: _digest_feed(person))
    assert sorted((item["text"], item["read"]) for item in items) == [
        ("Reminder sent by SMS: Pay rent, Call grandma, Water plants and 1 more", False),
        ("Reminder sent by email: Pay rent, Call grandma, Water plants and 1 more", False),
    ]
    assert len(digests(person)) == 1
