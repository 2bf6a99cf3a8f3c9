"""The on_task_written trigger: the in-app feed at once, confirmations through the queue."""

import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from google.cloud.firestore import FieldFilter

from taskly.delivery.queue import enqueue_delivery
from taskly.reminders import outbox as outbox_module
from taskly.reminders.confirm_on_write import confirm_reminder_change
from taskly.reminders.jobs import ConfirmationJob, job_payload
from taskly.reminders.outbox import LEFT_BEHIND_AFTER, OUTBOX, queue_left_behind
from taskly.tasks.writes import TaskWrite
from taskly.vocabulary.limits import CONFIRMATION_PERIOD_SECONDS, CONFIRMATIONS_PER_PERIOD
from tests.support import capture
from tests.support.emulators import background_triggers_off
from tests.support.people import Person
from tests.support.reminders import confirmations_told
from tests.support.waiting import arrived, eventually, landed, settled


def _task(person: Person, description: str) -> dict:
    return person.post("/tasks", json={"description": description}).json()


def _set(person: Person, task_id: str, *, email: bool, sms: bool = False):
    return person.put(f"/tasks/{task_id}/reminders", json={"email": email, "sms": sms})


def _emails(person: Person) -> list[dict]:
    return capture.messages(to=person.email, channel="email")


def _subjects(mails: list[dict]) -> list[str]:
    return [mail["subject"] for mail in mails]


# Long enough for a test's flips (each waiting for its confirmation) to stay in one period.
FLIPPING_TAKES_SECONDS = 120


def _clear_of_a_period_end(seconds: float = FLIPPING_TAKES_SECONDS) -> None:
    """Wait for the next confirmation period if this one ends within ``seconds``: flips on
    both sides of its end would each have a period's confirmations."""
    left = CONFIRMATION_PERIOD_SECONDS - time.time() % CONFIRMATION_PERIOD_SECONDS
    if left < seconds:
        time.sleep(left + 1)


@pytest.fixture
def named_person(person: Person) -> Person:
    person.put("/me", json={"first_name": "Ada", "timezone": "Europe/Berlin"})
    return person


def test_turning_email_on_sends_one_confirmation_with_the_task_text(named_person):
    task = _task(named_person, "Renew passport <soon>")
    answer = _set(named_person, task["id"], email=True)
    assert answer.status_code == 200
    assert answer.json()["notify_email"] is True
    assert answer.json()["next_reminder_at"] is not None
    mails = arrived(lambda: _emails(named_person), 1)
    assert len(mails) == 1
    assert mails[0]["subject"] == 'Reminders on: "Renew passport <soon>"'
    assert "Renew passport &lt;soon&gt;" in mails[0]["html"]
    assert "Renew passport <soon>" in mails[0]["text"]


def test_a_timed_tasks_reminders_on_email_says_its_own_time_then_the_daily_one(named_person):
    tomorrow = (datetime.now(ZoneInfo("Europe/Berlin")).date() + timedelta(days=1)).isoformat()
    body = {
        "description": "Call the bank",
        "due_date": tomorrow,
        "due_time": "14:30",
        "remind_before_minutes": 10,
    }
    task = named_person.post("/tasks", json=body).json()
    assert _set(named_person, task["id"], email=True).status_code == 200
    mail = arrived(lambda: _emails(named_person), 1)[0]
    when = f"at 14:20 on {tomorrow}, then daily at 09:00 (Berlin time)"
    assert when in mail["text"]
    assert when in mail["html"]


def test_turning_email_off_sends_one_stopped_email(named_person):
    task = _task(named_person, "Call the bank")
    _set(named_person, task["id"], email=True)
    eventually(lambda: len(_emails(named_person)) == 1)
    answer = _set(named_person, task["id"], email=False)
    assert answer.json()["next_reminder_at"] is None
    mails = arrived(lambda: _emails(named_person), 2)
    assert [mail["subject"] for mail in mails] == [
        'Reminders on: "Call the bank"',
        'Reminders stopped: "Call the bank"',
    ]


def test_flipping_email_reminders_mails_only_a_few(named_person):
    task = _task(named_person, "Flip the mail")
    _clear_of_a_period_end()
    # The period's confirmations, then the one that says where the switch ended up: the
    # emulator runs that one at once (Cloud Tasks would at the period's end).
    mailed = CONFIRMATIONS_PER_PERIOD + 1
    for flip in range(mailed):
        assert _set(named_person, task["id"], email=flip % 2 == 0).status_code == 200
        landed(lambda: _emails(named_person), flip + 1)  # each lands before the next flip
    for flip in range(mailed, 10):
        assert _set(named_person, task["id"], email=flip % 2 == 0).status_code == 200
    # The feed records every flip.
    eventually(lambda: named_person.get("/notifications").json()["unread_count"] == 10)
    assert _subjects(settled(lambda: _emails(named_person), quiet=4.0)) == [
        'Reminders on: "Flip the mail"',
        'Reminders stopped: "Flip the mail"',
        'Reminders on: "Flip the mail"',
        'Reminders stopped: "Flip the mail"',
        'Reminders on: "Flip the mail"',
    ]


def test_past_the_periods_confirmations_one_more_tells_where_the_switch_ended(named_person, db):
    """Cloud Tasks runs that one at the period's end; the emulator runs scheduled tasks at once."""
    task = _task(named_person, "Feed the fish")
    _clear_of_a_period_end()
    flips = CONFIRMATIONS_PER_PERIOD + 1
    for count in range(1, flips + 1):
        assert _set(named_person, task["id"], email=count % 2 == 1).status_code == 200
        landed(lambda: _emails(named_person), count)
    assert _subjects(settled(lambda: _emails(named_person))) == [
        'Reminders on: "Feed the fish"',
        'Reminders stopped: "Feed the fish"',
        'Reminders on: "Feed the fish"',
        'Reminders stopped: "Feed the fish"',
        'Reminders on: "Feed the fish"',
    ]
    told = confirmations_told(db, named_person.uid, task["id"], "email")
    assert [record["direction"] for record in told] == ["on", "off", "on", "off", "on"]
    assert told[-1]["key"].endswith(":settle")


def test_on_off_on_confirms_each_so_the_last_message_matches_the_switch(named_person, db):
    task = _task(named_person, "Water the ferns")
    for count, on in enumerate((True, False, True), start=1):
        assert _set(named_person, task["id"], email=on).status_code == 200
        landed(lambda: _emails(named_person), count)  # each lands before the next flip
    subjects = [mail["subject"] for mail in settled(lambda: _emails(named_person))]
    assert subjects == [
        'Reminders on: "Water the ferns"',
        'Reminders stopped: "Water the ferns"',
        'Reminders on: "Water the ferns"',
    ]
    told = confirmations_told(db, named_person.uid, task["id"], "email")
    assert [record["direction"] for record in told] == ["on", "off", "on"]


def test_other_writes_send_nothing(named_person):
    task = _task(named_person, "Quiet task")
    named_person.patch(f"/tasks/{task['id']}", json={"description": "Still quiet"})
    named_person.patch(f"/tasks/{task['id']}", json={"status": "doing"})
    # Then a write that does send: its confirmation, once the trigger had the writes before
    # it, is the one message.
    _set(named_person, task["id"], email=True)
    mails = arrived(lambda: _emails(named_person), 1)
    assert _subjects(mails) == ['Reminders on: "Still quiet"']


def test_a_replayed_event_sends_nothing_more(named_person, db):
    task = _task(named_person, "Replay me")
    _set(named_person, task["id"], email=True)
    eventually(lambda: len(_emails(named_person)) == 1)
    feed = named_person.get("/notifications").json()["notifications"]
    event_id = feed[0]["id"]
    after = db.document(f"users/{named_person.uid}/tasks/{task['id']}").get().to_dict()
    replay = TaskWrite(
        event_id, named_person.uid, task["id"], {**after, "notify_email": False}, after
    )
    assert confirm_reminder_change(replay) == ["email"]
    assert len(arrived(lambda: _emails(named_person), 1)) == 1
    assert len(named_person.get("/notifications").json()["notifications"]) == 1


def test_a_confirmation_dispatched_twice_is_sent_once(named_person):
    task = _task(named_person, "Dispatched twice")
    answer = _set(named_person, task["id"], email=True)
    eventually(lambda: len(_emails(named_person)) == 1)
    event_id = named_person.get("/notifications").json()["notifications"][0]["id"]
    job = ConfirmationJob(
        uid=named_person.uid,
        channel="email",
        event_id=event_id,
        task_id=task["id"],
        description="Dispatched twice",
        turned_on=True,
        channels_on=["email"],
        # The write's own time, as the trigger's job has it: the same period, whatever the clock.
        changed_at=datetime.fromisoformat(answer.json()["updated_at"]),
    )
    # Cloud Tasks delivers at least once: the same job under other task names, all at once.
    for copy in range(3):
        assert enqueue_delivery("email", job_payload(job), f"copy-{copy}-of-{event_id}")
    assert len(arrived(lambda: _emails(named_person), 1)) == 1


def test_the_feed_counts_unread_and_marks_read(named_person):
    first, second = _task(named_person, "One"), _task(named_person, "Two")
    _set(named_person, first["id"], email=True)
    _set(named_person, second["id"], email=True)

    def both_arrived() -> dict | None:
        # The list and the count are two reads; both must have seen the second event.
        feed = named_person.get("/notifications").json()
        return feed if feed["unread_count"] == len(feed["notifications"]) == 2 else None

    feed = eventually(both_arrived)
    texts = sorted(item["text"] for item in feed["notifications"])
    assert texts == ["Reminders on by email: One", "Reminders on by email: Two"]
    one_id = feed["notifications"][0]["id"]
    refused = named_person.post("/notifications/read", json={"ids": None})
    assert refused.status_code == 400 and refused.json()["error"]["field"] == "ids"
    assert named_person.get("/notifications").json()["unread_count"] == 2
    answer = named_person.post("/notifications/read", json={"ids": [one_id, "unknown-id"]})
    assert answer.json() == {"unread_count": 1}
    assert named_person.post("/notifications/read", json={}).json() == {"unread_count": 0}
    # Both confirmations land in this test, not under a later test's provider fault.
    assert len(arrived(lambda: _emails(named_person), 2)) == 2


def test_sms_needs_a_verified_phone(named_person):
    task = _task(named_person, "Text me")
    answer = _set(named_person, task["id"], email=False, sms=True)
    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "failed_precondition"
    assert named_person.get(f"/tasks/{task['id']}").json()["notify_sms"] is False


def test_reminders_route_rejects_bad_bodies(named_person, other_person):
    task = _task(named_person, "Typed")
    for body in (
        {"email": "yes", "sms": False},
        {"email": True},
        {"email": True, "sms": False, "x": 1},
    ):
        assert _set_raw(named_person, task["id"], body).status_code == 400
    assert _set(other_person, task["id"], email=True).status_code == 404
    assert named_person.get(f"/tasks/{task['id']}").json()["notify_email"] is False


def _set_raw(person: Person, task_id: str, body: dict):
    return person.put(f"/tasks/{task_id}/reminders", json=body)


def test_done_clears_the_next_reminder_and_reopening_restores_it(named_person):
    task = _task(named_person, "Finish me")
    _set(named_person, task["id"], email=True)
    done = named_person.patch(f"/tasks/{task['id']}", json={"status": "done"}).json()
    assert done["next_reminder_at"] is None and done["notify_email"] is True
    reopened = named_person.patch(f"/tasks/{task['id']}", json={"status": "todo"}).json()
    assert reopened["next_reminder_at"] is not None
    # Done and reopened leave the switch on: the one message is its confirmation.
    assert _subjects(arrived(lambda: _emails(named_person), 1)) == ['Reminders on: "Finish me"']


def test_a_confirmation_retried_by_the_queue_after_an_outage_arrives_once(named_person, db):
    records = db.collection("deliveries").where(filter=FieldFilter("uid", "==", named_person.uid))
    refusals = 3
    failed_before = capture.stats()["email"]["failed"]
    capture.set_fault(channel="email", status=503, count=refusals)  # SendGrid down a while
    try:
        task = _task(named_person, "Outage-proof")
        _set(named_person, task["id"], email=True)

        def failed_again() -> list[dict]:
            # The queue tries again while SendGrid is down: the record counts each claim.
            return [
                record.to_dict()
                for record in records.stream()
                if record.get("state") == "failed" and record.get("attempts") > 1
            ]

        (failed,) = eventually(failed_again)
        assert failed["retryable"] is True
        assert _emails(named_person) == []
        mails = arrived(lambda: _emails(named_person), 1)
    finally:
        capture.clear_faults()

    assert _subjects(mails) == ['Reminders on: "Outage-proof"']
    assert capture.stats()["email"]["failed"] == failed_before + refusals
    (record,) = records.stream()
    # Each refused try, then the one that went through.
    assert record.get("state") == "sent" and record.get("attempts") == refusals + 1


def test_email_reminders_need_a_confirmed_address(new_person):
    stranger = new_person("Eve", email_confirmed=False)
    task = _task(stranger, "Mail this to someone else")
    answer = _set(stranger, task["id"], email=True)
    assert answer.status_code == 409
    assert answer.json()["error"]["field"] == "email"
    assert stranger.get(f"/tasks/{task['id']}").json()["notify_email"] is False
    assert settled(lambda: _emails(stranger)) == []


def test_a_confirmation_the_trigger_could_not_queue_goes_out_from_the_sweep(
    named_person, db, monkeypatch
):
    task = _task(named_person, "Queue was down")
    with background_triggers_off():
        # The trigger never queues this change's confirmation, as when it is cut short.
        assert _set(named_person, task["id"], email=True).status_code == 200
    outbox = db.collection(f"users/{named_person.uid}/tasks/{task['id']}/{OUTBOX}")
    assert len(list(outbox.stream())) == 1  # written with the switch, in its transaction
    assert settled(lambda: _emails(named_person)) == []
    later = datetime.now(UTC) + LEFT_BEHIND_AFTER

    def refused(*args, **kwargs):
        raise ConnectionError("Cloud Tasks did not answer")

    with monkeypatch.context() as queue_down:
        queue_down.setattr(outbox_module, "enqueue_delivery", refused)
        queue_left_behind(later)  # the queue is still down: the entry stays
    assert len(list(outbox.stream())) == 1
    queue_left_behind(later)

    mails = arrived(lambda: _emails(named_person), 1)
    assert _subjects(mails) == ['Reminders on: "Queue was down"']
    assert list(outbox.stream()) == []
    queue_left_behind(later)  # queued again by a later sweep: still one message
    assert len(settled(lambda: _emails(named_person))) == 1


def test_a_damaged_outbox_entry_is_dropped_without_holding_others_back(named_person, db):
    task = _task(named_person, "Damaged entry")
    outbox = db.collection(f"users/{named_person.uid}/tasks/{task['id']}/{OUTBOX}")
    old = datetime.now(UTC) - LEFT_BEHIND_AFTER
    outbox.document("damaged").set({"job": {"kind": "confirmation"}, "created_at": old})

    queue_left_behind(datetime.now(UTC))

    assert list(outbox.stream()) == []
    assert settled(lambda: _emails(named_person)) == []
