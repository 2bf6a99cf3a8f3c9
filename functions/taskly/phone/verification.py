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
from taskly.errors import ApiError, failed_precondition, invalid_argument, too_many_requests
from taskly.firestore_client import db
from taskly.profiles import profile_ref
from taskly.reminders.templates import render_sms_verification_code
from taskly.reminders.verification_code import codes_match, hash_code, new_code

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
        raise too_many_requests("Too many codes sent. Try again in an hour.")
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


def send_code(uid: str, profile: dict[str, Any], now: datetime) -> None:
    """Text a fresh code to the profile's phone number."""
    phone = profile.get("phone")
    if not phone:
        raise failed_precondition("Add a phone number to your profile first.", "phone")
    if profile.get("phone_verified"):
        raise failed_precondition("This phone number is already verified.", "phone")
    code, salt = new_code(), secrets.token_hex(16)
    firestore.transactional(_store_code)(db().transaction(), uid, phone, code, salt, now)
    outcome = send_once(
        f"phone-code:{uid}:{salt}",
        {"uid": uid, "channel": "sms", "to": phone, "template": "verification_code"},
        profile_ref(uid),
        Sms(phone, render_sms_verification_code(code)),
    )
    if outcome is Outcome.FAILED:
        raise invalid_argument("This number can't receive texts. Check it and try again.", "phone")
    if outcome is not Outcome.SENT:
        raise ApiError(503, "unavailable", "The code could not be sent. Try again in a minute.")


def _confirm(transaction: firestore.Transaction, uid: str, code: str, now: datetime) -> bool:
    ref = verification_ref(uid)
    pending = ref.get(transaction=transaction).to_dict()
    # Read the profile in the transaction: a number changed meanwhile is never marked verified.
    profile = profile_ref(uid).get(transaction=transaction).to_dict() or {}
    phone = profile.get("phone")
    if not pending or not phone or pending.get("phone") != phone or pending["expires_at"] <= now:
        raise failed_precondition("This code has expired. Ask for a new one.", "code")
    if pending["wrong_attempts"] >= MAX_WRONG_CODES:
        raise too_many_requests("Too many wrong codes. Ask for a new one.")
    if not codes_match(hash_code(code, pending["salt"]), pending["code_hash"]):
        transaction.update(ref, {"wrong_attempts": pending["wrong_attempts"] + 1})
        return False
    transaction.delete(ref)
    transaction.update(profile_ref(uid), {"phone_verified": True, "updated_at": now})
    return True


def confirm_code(uid: str, code: str, profile: dict[str, Any], now: datetime) -> None:
    """Mark the phone verified when ``code`` is the one sent; count wrong tries."""
    phone = profile.get("phone")
    if not phone:
        raise failed_precondition("Add a phone number to your profile first.", "phone")
    matched = firestore.transactional(_confirm)(db().transaction(), uid, code, now)
    if not matched:
        raise invalid_argument("That code is not right. Check the SMS and try again.", "code")
