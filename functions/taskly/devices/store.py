"""The only writer of ``users/{uid}/devices`` and of the profile's ``push_devices`` count,
which changes in the same transaction as the device list."""

from dataclasses import dataclass
from datetime import datetime

from google.cloud import firestore

from taskly.devices.document import Device, device_id
from taskly.platform.firestore_client import run_transaction
from taskly.profiles.store import profile_ref
from taskly.vocabulary.errors import Conflict, NotFound
from taskly.vocabulary.limits import DEVICES_MAX


@dataclass(frozen=True)
class Subscription:
    """A browser's PushSubscription: where to post, and the keys to encrypt for."""

    endpoint: str
    p256dh: str
    auth: str


def devices_of(uid: str) -> firestore.CollectionReference:
    return profile_ref(uid).collection("devices")


def list_devices(uid: str) -> list[Device]:
    """The person's devices, oldest first (at most DEVICES_MAX: one read each)."""
    query = devices_of(uid).order_by("created_at").limit(DEVICES_MAX)
    return [Device.from_document(s.id, s.to_dict() or {}) for s in query.stream()]


def _count(transaction: firestore.Transaction, uid: str) -> int:
    snapshot = profile_ref(uid).get(transaction=transaction)
    return int((snapshot.to_dict() or {}).get("push_devices") or 0) if snapshot.exists else 0


def _register(
    transaction: firestore.Transaction,
    uid: str,
    subscription: Subscription,
    label: str,
    now: datetime,
) -> tuple[Device, bool]:
    ref = devices_of(uid).document(device_id(subscription.endpoint))
    existing = ref.get(transaction=transaction)
    count = _count(transaction, uid)
    created_at = (existing.to_dict() or {}).get("created_at", now) if existing.exists else now
    device = Device(
        ref.id, subscription.endpoint, subscription.p256dh, subscription.auth, label, created_at
    )
    if existing.exists:
        transaction.set(ref, device.to_document())
        return device, False
    if count >= DEVICES_MAX:
        raise Conflict(
            f"Notifications are on for {DEVICES_MAX} devices already, the most one account "
            "can have: remove one on the Account page first.",
            "subscription",
        )
    transaction.create(ref, device.to_document())
    transaction.update(profile_ref(uid), {"push_devices": count + 1, "updated_at": now})
    return device, True


def register_device(
    uid: str, subscription: Subscription, label: str, now: datetime
) -> tuple[Device, bool]:
    """Add the browser (or update its keys and label when it is there); True when it is new.
    The profile must exist."""
    return run_transaction(_register, uid, subscription, label, now)


def _remove(transaction: firestore.Transaction, uid: str, device: str, now: datetime) -> bool:
    ref = devices_of(uid).document(device)
    if not ref.get(transaction=transaction).exists:
        return False
    count = _count(transaction, uid)
    transaction.delete(ref)
    transaction.update(profile_ref(uid), {"push_devices": max(count - 1, 0), "updated_at": now})
    return True


def remove_device(uid: str, device: str, now: datetime) -> None:
    """Remove the device (the person's choice); NotFound when there is no such device."""
    if not run_transaction(_remove, uid, device, now):
        raise NotFound("There is no such device among yours.", "device_id")


def forget_gone_device(uid: str, device: str, now: datetime) -> None:
    """Remove a device whose subscription the push service no longer knows; nothing when it
    is already gone (two deliveries can both find out)."""
    run_transaction(_remove, uid, device, now)


def read_device(uid: str, device: str) -> Device:
    snapshot = devices_of(uid).document(device).get()
    if not snapshot.exists:
        raise NotFound("There is no such device among yours.", "device_id")
    return Device.from_document(snapshot.id, snapshot.to_dict() or {})
