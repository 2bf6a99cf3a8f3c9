"""Limits that show in what the task trigger and the deletion job do, through Hosting and the
Functions emulator: the feed's length, mail only to a confirmed address, nothing left of a
deleted account. The route limits are tested in process
(tests/api/test_write_limits_and_quotas.py); one of those tests runs here too, unchanged: a
429 with its Retry-After through Hosting."""

import uuid
from datetime import UTC, datetime, timedelta

import requests

from tests.api import test_write_limits_and_quotas as in_process
from tests.support import capture
from tests.support.emulators import background_triggers_off
from tests.support.people import change_auth_email, sign_in
from tests.support.product import NOTIFICATIONS_KEPT
from tests.support.waiting import arrived, eventually

test_reads_have_a_limit_too = in_process.test_reads_have_a_limit_too


def test_the_feed_keeps_only_the_newest_notifications(db, person):
    with background_triggers_off():
        batch = db.batch()
        for number in range(NOTIFICATIONS_KEPT):
            created = datetime(2020, 1, 1, tzinfo=UTC) + timedelta(seconds=number)
            batch.set(
                db.document(f"users/{person.uid}/notifications/old{number}"),
                {
                    "kind": "reminders_on",
                    "text": "old",
                    "task_id": None,
                    "read": True,
                    "created_at": created,
                },
            )
            if number % 400 == 399:
                batch.commit()
                batch = db.batch()
        batch.commit()
    task = person.post("/tasks", json={"description": "Newest"}).json()
    person.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})

    feed = db.collection(f"users/{person.uid}/notifications")
    eventually(lambda: not db.document(f"users/{person.uid}/notifications/old0").get().exists)
    assert int(feed.count().get()[0][0].value) == NOTIFICATIONS_KEPT


def test_mail_goes_only_to_the_address_the_token_confirms(new_person):
    stranger_address = f"victim-{uuid.uuid4().hex[:8]}@example.com"
    eve = new_person("Eve", email_confirmed=False)
    change_auth_email(eve.uid, stranger_address, verified=False)
    eve_token = sign_in(stranger_address, eve.password).json()["idToken"]
    eve.api.headers["Authorization"] = f"Bearer {eve_token}"
    assert eve.get("/me").json()["email"] == stranger_address  # the profile takes it, unconfirmed

    # Eve moves her account to an address she owns and confirms it.
    own_address = f"eve-{uuid.uuid4().hex[:8]}@example.com"
    change_auth_email(eve.uid, own_address, verified=True)
    eve.api.headers["Authorization"] = (
        f"Bearer {sign_in(own_address, eve.password).json()['idToken']}"
    )
    task = eve.post("/tasks", json={"description": "Buy cheap pills at example.net"}).json()
    answer = eve.put(f"/tasks/{task['id']}/reminders", json={"email": True, "sms": False})
    assert answer.status_code == 200, answer.text

    assert len(arrived(lambda: capture.messages(to=own_address, channel="email"), 1)) == 1
    assert capture.messages(to=stranger_address, channel="email") == []


def test_deleting_ones_account_leaves_no_rate_limit_record(db, person):
    person.post("/tasks", json={"description": "Something"})
    assert db.document(f"rate_limits/{person.uid}").get().exists
    assert person.delete("/me").status_code == 202
    eventually(lambda: not db.document(f"rate_limits/{person.uid}").get().exists)
    assert requests.get(f"{person.url('/me')}", timeout=10).status_code == 401


def test_a_deletion_that_stopped_half_way_can_be_asked_for_again(db, person):
    task = person.post("/tasks", json={"description": "Left behind"}).json()
    # As if a first deletion died after the mark and the profile, before the rest.
    db.document(f"account_deletions/{person.uid}").set({"requested_at": datetime.now(UTC)})
    db.document(f"users/{person.uid}").delete()

    assert person.delete("/me").status_code == 202

    eventually(lambda: not db.document(f"users/{person.uid}/tasks/{task['id']}").get().exists)
    assert sign_in(person.email, person.password).status_code == 400
