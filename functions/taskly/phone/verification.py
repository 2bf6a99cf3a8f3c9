"""Proving a phone number with a 6-digit SMS code before any reminder SMS goes to it.

Pending codes live in ``phone_verifications/{uid}``, outside ``users/{uid}``, so no
client can read even the hash under the rules.
"""

import secrets
from datetime import datetime, timedelta

from google.cloud import firestore

from taskly.delivery import budget
from taskly.delivery.messages import Sms
from taskly.delivery.send_once import Outcome, send_once
from taskly.phone import send_limits
from taskly.phone.code import codes_match, hash_code, new_code, render_code_sms
from taskly.phone.numbers import allowed_countries, may_text
from taskly.platform.firestore_client import db, run_transaction
from taskly.profiles.document import Profile
from taskly.profiles.store import profile_ref, read_profile
from taskly.vocabulary.errors import Conflict, InvalidInput, LimitReached, Unavailable
from taskly.vocabulary.limits import WRONG_CODES_MAX

CODE_LIFETIME = timedelta(minutes=10)


def verification_ref(uid: str) -> firestore.DocumentReference:
    return db().collection("phone_verifications").document(uid)


def number_ref(phone: str) -> firestore.DocumentReference:
    """Codes sent to one number, whichever account asked: ``phone_numbers/{e164}``."""
    return db().collection("phone_numbers").document(phone)


def _store_code(
    transaction: firestore.Transaction, uid: str, phone: str, code: str, salt: str, now: datetime
) -> None:
    """Check every sending limit and store the new code in one transaction, so parallel
    requests (from one account or many) can't get past a limit together."""
    account_ref, number_doc = verification_ref(uid), number_ref(phone)
    account = account_ref.get(transaction=transaction).to_dict() or {}
    number = number_doc.get(transaction=transaction).to_dict() or {}
    account_sends = send_limits.recent(account.get("sent_at", []), now)
    number_sends = send_limits.recent(number.get("sent_at", []), now)
    pending_phone = account.get("phone") if account.get("code_hash") else None
    send_limits.check_resend(pending_phone, max(account_sends, default=None), phone, now)
    send_limits.check(account_sends, send_limits.ACCOUNT_WINDOWS, now)
    send_limits.check(number_sends, send_limits.NUMBER_WINDOWS, now)
    transaction.set(
        account_ref,
        {
            "phone": phone,
            "code_hash": hash_code(code, salt),
            "salt": salt,
            "expires_at": now + CODE_LIFETIME,
            "wrong_attempts": 0,
            "sent_at": [*account_sends, now],
        },
    )
    # Kept a day after the last send (the longest window), then removed by a TTL policy.
    sends = {"sent_at": [*number_sends, now], "expires_at": now + send_limits.DAY}
    transaction.set(number_doc, sends)


def send_code(uid: str, profile: Profile, now: datetime) -> None:
    """Text a fresh code to the profile's phone number."""
    phone = profile.phone
    if not phone:
        raise Conflict("Add a phone number to your profile first.", "phone")
    if profile.phone_verified:
        raise Conflict("This phone number is already verified.", "phone")
    if not may_text(phone):
        countries = ", ".join(sorted(allowed_countries()))
        raise Conflict(f"Taskly can text numbers in these countries only: {countries}.", "phone")
    if not budget.sms_budget_left(now):
        send_limits.refuse_for_today(now)
    code, salt = new_code(), secrets.token_hex(16)
    run_transaction(_store_code, uid, phone, code, salt, now)
    outcome = send_once(
        f"phone-code:{uid}:{salt}",
        {"uid": uid, "channel": "sms", "to": phone, "template": "verification_code"},
        profile_ref(uid),
        Sms(phone, render_code_sms(code)),
    )
    if outcome not in (Outcome.SENT, Outcome.UNKNOWN):
        # Nothing is on its way: no pending code holds the next request back. The send still
        # counts toward the limits.
        run_transaction(_forget_code, uid, salt)
    if outcome is Outcome.OVER_BUDGET:
        send_limits.refuse_for_today(now)
    if outcome is Outcome.FAILED:
        raise InvalidInput("This number can't receive texts. Check it and try again.", "phone")
    # An unknown outcome most likely reached the phone; the person can ask again if not.
    if outcome not in (Outcome.SENT, Outcome.UNKNOWN):
        raise Unavailable("The code could not be sent. Try again in a minute.")


def _forget_code(transaction: firestore.Transaction, uid: str, salt: str) -> None:
    """Drop the code stored with ``salt``, unless a newer request replaced it meanwhile."""
    ref = verification_ref(uid)
    pending = ref.get(transaction=transaction).to_dict() or {}
    if pending.get("salt") == salt:
        transaction.update(ref, {"code_hash": None})


def _confirm(transaction: firestore.Transaction, uid: str, code: str, now: datetime) -> bool:
    ref = verification_ref(uid)
    pending = ref.get(transaction=transaction).to_dict()
    # Read the profile in the transaction: a number changed meanwhile is never marked verified.
    profile = read_profile(uid, transaction)
    phone = profile.phone if profile else None
    if not pending or not phone or pending.get("phone") != phone or pending["expires_at"] <= now:
        raise Conflict("This code has expired. Ask for a new one.", "code")
    if pending.get("code_hash") is None:
        # Used already, or its text could not be sent: no code is waiting.
        raise Conflict("No code is waiting for this number. Ask for a new one.", "code")
    if pending["wrong_attempts"] >= WRONG_CODES_MAX:
        raise LimitReached("Too many wrong codes. Ask for a new code.", 0, "code")
    if not codes_match(hash_code(code, pending["salt"]), pending["code_hash"]):
        transaction.update(ref, {"wrong_attempts": pending["wrong_attempts"] + 1})
        return False
    # The code is used up; its send history stays and keeps counting toward the limits.
    transaction.update(ref, {"code_hash": None, "expires_at": now})
    transaction.update(profile_ref(uid), {"phone_verified": True, "updated_at": now})
    return True


def confirm_code(uid: str, code: str, profile: Profile, now: datetime) -> None:
    """Mark the phone verified when ``code`` is the one sent; count wrong tries."""
    if not profile.phone:
        raise Conflict("Add a phone number to your profile first.", "phone")
    matched = run_transaction(_confirm, uid, code, now)
    if not matched:
        raise InvalidInput("That code is not right. Check the SMS and try again.", "code")
