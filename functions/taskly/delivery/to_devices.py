"""A push reaches each of the person's devices at most once: one ledger record per device,
then one for the message, once every device's is settled, which the other channels read."""

import json
import secrets
from collections.abc import Iterable
from typing import Any

from taskly.delivery import ledger
from taskly.delivery.messages import Push
from taskly.delivery.send_once import TRY_AGAIN, Outcome, send_once
from taskly.devices.document import Device
from taskly.devices.store import forget_gone_device, list_devices
from taskly.profiles.store import profile_ref
from taskly.vocabulary.timestamps import utc_now


def push_payload(
    title: str,
    body: str,
    tag: str,
    url: str,
    token: str | None = None,
    actions: Iterable[tuple[str, str]] = (),
) -> str:
    """The JSON the service worker shows: ``tag`` replaces an earlier notification of the
    same tag, ``url`` opens on a click, and ``actions`` ((name, button title) pairs) come
    back with ``token``."""
    return json.dumps(
        {
            "title": title,
            "body": body,
            "tag": tag,
            "url": url,
            "token": token,
            "actions": [{"action": name, "title": title} for name, title in actions],
        },
        ensure_ascii=False,
    )


def _push(device: Device, payload: str) -> Push:
    return Push(device.id, device.endpoint, device.p256dh, device.auth, payload)


def _send_to(key: str, record: dict[str, Any], device: Device, payload: str) -> Outcome:
    outcome = send_once(
        f"{key}:{device.id}",
        {**record, "to": device.id},
        profile_ref(record["uid"]),
        _push(device, payload),
    )
    if outcome is Outcome.GONE:
        forget_gone_device(record["uid"], device.id, utc_now())
    return outcome


def send_to_devices(key: str, record: dict[str, Any], payload: str) -> Outcome:
    """Push ``payload`` once to each of ``record["uid"]``'s devices, under ``key``.

    SENT when a device has it; RETRY_LATER while a device met a passing fault (the retry
    sends to the others nothing more); UNKNOWN or FAILED when no device got it for sure.
    A device its push service no longer knows is removed, and a removed device is never
    sent to: the list is read on every try.
    """
    outcomes = [_send_to(key, record, device, payload) for device in list_devices(record["uid"])]
    if Outcome.ACCOUNT_GONE in outcomes:
        return Outcome.ACCOUNT_GONE
    if any(outcome in TRY_AGAIN for outcome in outcomes):
        return Outcome.RETRY_LATER
    ledger.record_settled(key, record, utc_now())
    if any(outcome in (Outcome.SENT, Outcome.ALREADY_SENT) for outcome in outcomes):
        return Outcome.SENT
    return Outcome.UNKNOWN if Outcome.UNKNOWN in outcomes else Outcome.FAILED


def send_test(uid: str, device: Device) -> Outcome:
    """A test notification to one device, counted in the day's pushes."""
    payload = push_payload(
        "Notifications are on",
        f"Taskly's reminders will show up like this on {device.label}.",
        "test",
        "/account#devices",
    )
    key = f"test:{uid}:{device.id}:{secrets.token_hex(8)}"
    return _send_to(key, {"uid": uid, "channel": "push", "template": "test"}, device, payload)
