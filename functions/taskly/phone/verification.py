"""Proving a phone number with a 6-digit SMS code before any reminder SMS goes to it.

Pending codes live in ``phone_verifications/{uid}``, outside ``users/{uid}``, so no
client can read even the hash under the rules.
"""

import secrets
from datetime import datetime, timedelta
from typing import Any

from google.cloud import firestore

from taskly.delivery.messages import Sms
from taskly.delivery.send_once import Outcome, send_once
from taskly.errors import Conflict, InvalidInput, LimitReached, Unavailable
from taskly.firestore_client import db
from taskly.phone.code import codes_match, hash_code, new_code, render_code_sms
from taskly.profiles.document import Profile
from taskly.profiles.store import profile_ref, read_profile

CODE_LIFETIME = timedelta(minutes=10)
MAX_WRONG_CODES = 5
MAX_CODES_PER_HOUR = 5


def verification_ref(uid: str) -> firestore.DocumentReference:
    return db().collection("phone_verifications").document(uid)


def _recent_sends(pending: dict[str, Any], now: datetime) -> list[datetime]:
    return [sent for sent in pending.get("sent_at", []) if now - sent < timedelta(hours=1)]


def _store_code(
    transaction: firestore.Transaction, uid: str, phone: str, code: str, salt: str, now: datetime
) -> None:
    """Count and store a new code atomically, so parallel requests can't pass the limit."""
    ref = verification_ref(uid)
    recent = _recent_sends(ref.get(transaction=transaction).to_dict() or {}, now)
    if len(recent) >= MAX_CODES_PER_HOUR:
        wait = min(recent) + timedelta(hours=1) - now
        minutes = max(1, round(wait.total_seconds() / 60))
        raise LimitReached(
            f"You asked for {MAX_CODES_PER_HOUR} codes within an hour. "
            f"Try again in {minutes} minutes.",
            int(wait.total_seconds()),
            "phone",
        )
    transaction.set(
        ref,
        {
            "phone": phone,
            "code_hash": hash_code(code, salt),
            "salt": salt,
            "expires_at": now + CODE_LIFETIME,
            "wrong_attempts": 0,
            "sent_at": [*recent, now],
        },
    )


def send_code(uid: str, profile: Profile, now: datetime) -> None:
    """Text a fresh code to the profile's phone number."""
    phone = profile.phone
    if not phone:
        raise Conflict("Add a phone number to your profile first.", "phone")
    if profile.phone_verified:
        raise Conflict("This phone number is already verified.", "phone")
    code, salt = new_code(), secrets.token_hex(16)
    firestore.transactional(_store_code)(db().transaction(), uid, phone, code, salt, now)
    outcome = send_once(
        f"phone-code:{uid}:{salt}",
        {"uid": uid, "channel": "sms", "to": phone, "template": "verification_code"},
        profile_ref(uid),
        Sms(phone, render_code_sms(code)),
    )
    if outcome is Outcome.FAILED:
        raise InvalidInput("This number can't receive texts. Check it and try again.", "phone")
    # An unknown outcome most likely reached the phone; the person can ask again if not.
    if outcome not in (Outcome.SENT, Outcome.UNKNOWN):
        raise Unavailable("The code could not be sent. Try again in a minute.")


def _confirm(transaction: firestore.Transaction, uid: str, code: str, now: datetime) -> bool:
    ref = verification_ref(uid)
    pending = ref.get(transaction=transaction).to_dict()
    # Read the profile in the transaction: a number changed meanwhile is never marked verified.
    profile = read_profile(uid, transaction)
    phone = profile.phone if profile else None
    if not pending or not phone or pending.get("phone") != phone or pending["expires_at"] <= now:
        raise Conflict("This code has expired. Ask for a new one.", "code")
    if pending["wrong_attempts"] >= MAX_WRONG_CODES:
        raise LimitReached("Too many wrong codes. Ask for a new code.", 0, "code")
    if not codes_match(hash_code(code, pending["salt"]), pending["code_hash"]):
        transaction.update(ref, {"wrong_attempts": pending["wrong_attempts"] + 1})
        return False
    transaction.delete(ref)
    transaction.update(profile_ref(uid), {"phone_verified": True, "updated_at": now})
    return True


def confirm_code(uid: str, code: str, profile: Profile, now: datetime) -> None:
    """Mark the phone verified when ``code`` is the one sent; count wrong tries."""
    if not profile.phone:
        raise Conflict("Add a phone number to your profile first.", "phone")
    matched = firestore.transactional(_confirm)(db().transaction(), uid, code, now)
    if not matched:
        raise InvalidInput("That code is not right. Check the SMS and try again.", "code")
