"""One account can't run up mail or texts: a daily budget per account and channel that every
kind of message counts against, and a daily budget for all of the project's texts."""

import os
from datetime import UTC, datetime, timedelta

import pytest
from google.cloud.firestore import FieldFilter

from taskly.delivery.budget import allowance
from taskly.reminders.sweep import run_sweep
from taskly.vocabulary.limits import (
    EMAILS_PER_ACCOUNT_PER_DAY,
    KEPT_FOR_DIGESTS,
    TEXTS_PER_ACCOUNT_PER_DAY,
)
from tests.support import capture
from tests.support.people import Person
from tests.support.phones import unique_phone, verify_phone
from tests.support.reminders import digests, fresh_epoch, make_due
from tests.support.waiting import arrived, eventually, settled


def _today() -> str:
    return datetime.now(UTC).date().isoformat()


def _spent(db, person: Person, **counts: int) -> None:
    db.document(f"users/{person.uid}/message_budget/{_today()}").set(counts, merge=True)


def _budget_counts(db, person: Person) -> dict:
    return db.document(f"users/{person.uid}/message_budget/{_today()}").get().to_dict() or {}


def _confirmations_finished(db, person: Person, channel: str, count: int) -> list[str]:
    """The states of the person's ``count`` confirmations on ``channel``, once each is
    recorded and none is still being sent."""

    def states() -> list[str] | None:
        records = db.collection("deliveries").where(filter=FieldFilter("uid", "==", person.uid))
        found = sorted(
            record.get("state")
            for record in records.stream()
            if record.get("template") == "confirmation" and record.get("channel") == channel
        )
        return found if len(found) == count and "sending" not in found else None

    return eventually(states)


def _task_with(person: Person, description: str, *, email: bool, sms: bool = False) -> str:
    task = person.post("/tasks", json={"description": description}).json()
    answer = person.put(f"/tasks/{task['id']}/reminders", json={"email": email, "sms": sms})
    assert answer.status_code == 200, answer.text
    return str(task["id"])


def test_a_normal_person_gets_every_confirmation_and_each_counts_once(db, person):
    for number in range(3):
        _task_with(person, f"Normal {number}", email=True)

    mails = arrived(lambda: capture.messages(to=person.email, channel="email"), 3)

    assert len(mails) == 3
    assert _budget_counts(db, person)["email"] == 3
    # The records that stop a second send hold an address: they expire (a TTL policy).
    records = db.collection("deliveries").where(filter=FieldFilter("uid", "==", person.uid))
    kept = [record.get("expires_at") - record.get("created_at") for record in records.stream()]
    assert kept == [timedelta(days=30)] * 3


def test_confirmations_stop_short_of_the_accounts_daily_budget(db, person):
    email_room = allowance("email", "confirmation")
    assert email_room == EMAILS_PER_ACCOUNT_PER_DAY - KEPT_FOR_DIGESTS
    _spent(db, person, email=email_room - 1)
    first = _task_with(person, "Fits the budget", email=True)
    eventually(lambda: capture.messages(to=person.email, channel="email"))
    second = _task_with(person, "Past the budget", email=True)

    # The second was refused for good: nothing of it can still go out.
    assert _confirmations_finished(db, person, "email", 2) == ["failed", "sent"]
    mails = settled(lambda: capture.messages(to=person.email, channel="email"))

    assert [mail["subject"] for mail in mails] == ['Reminders on: "Fits the budget"']
    assert _budget_counts(db, person)["email"] == email_room
    # The switch itself is on, and the bell tells of both changes.
    assert person.get(f"/tasks/{second}").json()["notify_email"] is True
    assert person.get(f"/tasks/{first}").json()["notify_email"] is True
    eventually(lambda: person.get("/notifications").json()["unread_count"] == 2)


def test_the_days_digest_still_goes_when_confirmations_used_their_share(db, person):
    task = _task_with(person, "Remind me anyway", email=True)
    eventually(lambda: capture.messages(to=person.email, channel="email"))
    _spent(db, person, email=allowance("email", "confirmation"))
    day = fresh_epoch(db)
    make_due(db, person, [task], day)

    run_sweep(day + timedelta(minutes=1))

    (mail,) = arrived(lambda: digests(person), 1)
    assert mail["subject"] == 'Reminder: "Remind me anyway"'


def test_texts_stop_at_the_accounts_daily_budget(db, person):
    phone = verify_phone(person)  # the code counts: 1 text
    assert _budget_counts(db, person)["sms"] == 1
    _spent(db, person, sms=TEXTS_PER_ACCOUNT_PER_DAY - KEPT_FOR_DIGESTS)

    _task_with(person, "No more texts today", email=False, sms=True)

    assert _confirmations_finished(db, person, "sms", 1) == ["failed"]
    texts = settled(lambda: capture.messages(to=phone, channel="sms"), quiet=4.0)
    assert len(texts) == 1  # the code only
    # The refused confirmation was counted and taken back out.
    assert _budget_counts(db, person)["sms"] == TEXTS_PER_ACCOUNT_PER_DAY - KEPT_FOR_DIGESTS
    eventually(lambda: person.get("/notifications").json()["unread_count"] == 1)


@pytest.fixture
def project_texts_spent(db):
    """Every text the project may send today already went out (restored afterwards)."""
    shard = db.document(f"sms_budget/{_today()}/shards/test")
    shard.set({"sent": int(os.environ.get("SMS_DAILY_BUDGET", "1000"))})
    yield
    shard.delete()


def test_no_text_of_any_kind_past_the_projects_daily_budget(db, person, project_texts_spent):
    # No code can be texted now: mark a number proven directly.
    person.get("/me")  # creates the profile
    phone = unique_phone()
    db.document(f"users/{person.uid}").update({"phone": phone, "phone_verified": True})
    _task_with(person, "Text me", email=True, sms=True)

    mails = arrived(lambda: capture.messages(to=person.email, channel="email"), 1)

    assert len(mails) == 1  # email has its own budget
    assert _confirmations_finished(db, person, "sms", 1) == ["failed"]
    assert settled(lambda: capture.messages(to=phone, channel="sms")) == []
    assert "sms" not in _budget_counts(db, person)
