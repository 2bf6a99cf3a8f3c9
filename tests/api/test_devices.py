"""Devices with notifications on (GET/POST /api/devices, DELETE and test), in process, with
subscriptions at the capture server standing in for a browser's push service."""

import json

import pytest
from google.cloud import firestore

from taskly.vocabulary.limits import DEVICES_MAX
from tests.support.people import Person
from tests.support.push import add_device, end_subscription, new_subscription, pushes


def _profile_count(db: firestore.Client, person: Person) -> int:
    return int((db.document(f"users/{person.uid}").get().to_dict() or {})["push_devices"])


def test_a_device_is_added_listed_and_removed(person: Person, db: firestore.Client):
    device_id, subscription = add_device(person, "Firefox on Windows")

    listing = person.get("/devices").json()
    assert [(d["id"], d["label"]) for d in listing["devices"]] == [
        (device_id, "Firefox on Windows")
    ]
    assert listing["max"] == DEVICES_MAX and len(listing["public_key"]) == 87
    # The list never gives the subscription back: it is the device's address.
    assert subscription["endpoint"] not in json.dumps(listing)
    assert person.get("/me").json()["push_devices"] == 1 == _profile_count(db, person)

    assert person.delete(f"/devices/{device_id}").status_code == 204
    assert person.get("/devices").json()["devices"] == []
    assert _profile_count(db, person) == 0
    again = person.delete(f"/devices/{device_id}")
    assert again.status_code == 404 and again.json()["error"]["code"] == "not_found"


def test_subscribing_the_same_browser_again_updates_it(person: Person, db: firestore.Client):
    device_id, subscription = add_device(person, "Chrome")

    again = person.post("/devices", json={"subscription": subscription, "label": "Chrome on Mac"})

    assert again.status_code == 200 and again.json()["id"] == device_id
    assert [d["label"] for d in person.get("/devices").json()["devices"]] == ["Chrome on Mac"]
    assert _profile_count(db, person) == 1


def test_the_device_limit_refuses_one_more_and_changes_nothing(
    person: Person, db: firestore.Client
):
    for n in range(DEVICES_MAX):
        add_device(person, f"Device {n}")

    refused = person.post("/devices", json={"subscription": new_subscription(), "label": "More"})

    assert refused.status_code == 409, refused.text
    assert refused.json()["error"]["code"] == "failed_precondition"
    assert "remove one" in refused.json()["error"]["message"]
    assert len(person.get("/devices").json()["devices"]) == DEVICES_MAX
    assert _profile_count(db, person) == DEVICES_MAX


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://169.254.169.254/computeMetadata/v1/",
        "https://evil.example.com/push/1",
        "https://fcm.googleapis.com.evil.example/push",
        "https://user@fcm.googleapis.com/fcm/send/x",
        "http://127.0.0.1:8080/v1/projects",
        "not a url",
    ],
)
def test_an_endpoint_outside_the_push_services_is_refused(person: Person, endpoint: str):
    subscription = {**new_subscription(), "endpoint": endpoint}

    refused = person.post("/devices", json={"subscription": subscription, "label": "Mine"})

    assert refused.status_code == 400, refused.text
    assert refused.json()["error"]["field"] == "subscription.endpoint"
    assert person.get("/devices").json()["devices"] == []


def test_keys_a_push_cannot_be_encrypted_for_are_refused(person: Person):
    subscription = new_subscription()
    point = subscription["keys"]["p256dh"]
    # The same length, but no longer a point on the curve.
    subscription["keys"] = {**subscription["keys"], "p256dh": point[:-8] + "AAAAAAAA"}

    refused = person.post("/devices", json={"subscription": subscription, "label": "Mine"})

    assert refused.status_code == 400 and refused.json()["error"]["field"] == "subscription.keys"


def test_a_test_push_arrives_decrypted_at_the_device(person: Person):
    device_id, subscription = add_device(person, "Edge on Windows")

    sent = person.post(f"/devices/{device_id}/test")

    assert sent.status_code == 202 and sent.json() == {"sent": True}
    (push,) = pushes(subscription)
    payload = json.loads(push["body"])
    assert payload["title"] == "Notifications are on"
    assert "Edge on Windows" in payload["body"] and payload["actions"] == []


def test_a_device_its_push_service_dropped_is_removed_on_test(person: Person, db: firestore.Client):
    device_id, subscription = add_device(person)
    end_subscription(subscription)

    answer = person.post(f"/devices/{device_id}/test")

    assert answer.status_code == 409 and "removed" in answer.json()["error"]["message"]
    assert person.get("/devices").json()["devices"] == []
    assert _profile_count(db, person) == 0


def test_nobody_sees_tests_or_removes_another_persons_device(person: Person, other_person: Person):
    device_id, subscription = add_device(other_person)

    assert person.get("/devices").json()["devices"] == []
    assert person.post(f"/devices/{device_id}/test").status_code == 404
    assert person.delete(f"/devices/{device_id}").status_code == 404
    assert pushes(subscription) == []
    assert [d["id"] for d in other_person.get("/devices").json()["devices"]] == [device_id]


def test_push_reminders_need_a_device(person: Person):
    task = person.post("/tasks", json={"description": "Call the plumber"}).json()
    body = {"email": False, "sms": False, "push": True}

    refused = person.put(f"/tasks/{task['id']}/reminders", json=body)
    assert refused.status_code == 409 and refused.json()["error"]["field"] == "push"
    add_device(person)
    on = person.put(f"/tasks/{task['id']}/reminders", json=body)

    assert on.status_code == 200 and on.json()["notify_push"] is True
    assert on.json()["next_reminder_at"] is not None
    # Left out, push stays as it is.
    kept = person.put(f"/tasks/{task['id']}/reminders", json={"email": False, "sms": False})
    assert kept.json()["notify_push"] is True


def test_the_export_names_the_devices_but_not_their_push_addresses(person: Person):
    device_id, subscription = add_device(person, "Safari on iPhone")

    export = person.get("/me/export").json()

    assert [(d["id"], d["label"]) for d in export["devices"]] == [(device_id, "Safari on iPhone")]
    assert subscription["endpoint"] not in json.dumps(export)
    assert subscription["keys"]["auth"] not in json.dumps(export)
