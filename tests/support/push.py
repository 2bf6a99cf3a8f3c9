"""Devices with notifications on, as tests make them: subscriptions from the capture server,
which stands in for the browsers' push services and decrypts what it is sent."""

from typing import Any

import requests

from tests.support import capture
from tests.support.people import Person
from tests.support.stack import CAPTURE_URL


def new_subscription() -> dict[str, Any]:
    """What a browser's ``pushManager.subscribe()`` gives, at the capture server."""
    answer = requests.post(f"{CAPTURE_URL}/api/push/subscriptions", timeout=10)
    answer.raise_for_status()
    return dict(answer.json())


def subscription_id(subscription: dict[str, Any]) -> str:
    return str(subscription["endpoint"]).rsplit("/", 1)[1]


def end_subscription(subscription: dict[str, Any]) -> None:
    """The browser unsubscribed: its push service answers 410 from now on."""
    url = f"{CAPTURE_URL}/api/push/subscriptions/{subscription_id(subscription)}"
    requests.delete(url, timeout=10).raise_for_status()


def add_device(person: Person, label: str = "Chrome on Linux") -> tuple[str, dict[str, Any]]:
    """A device of ``person``'s with notifications on: its id and its subscription."""
    subscription = new_subscription()
    answer = person.post("/devices", json={"subscription": subscription, "label": label})
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"]), subscription


def pushes(subscription: dict[str, Any]) -> list[dict[str, Any]]:
    """What the subscription's device was sent, decrypted, oldest first."""
    return capture.messages(to=subscription_id(subscription), channel="push")
