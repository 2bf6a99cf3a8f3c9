"""Reading and creating profile documents ``users/{uid}``."""

from collections.abc import Callable
from datetime import datetime
from functools import cache

from google.api_core.exceptions import AlreadyExists
from google.cloud import firestore

from taskly.platform.firestore_client import db, run_transaction
from taskly.profiles.document import Profile
from taskly.vocabulary.errors import NotFound


def profile_ref(uid: str) -> firestore.DocumentReference:
    return db().collection("users").document(uid)


def read_profile(uid: str, transaction: firestore.Transaction | None = None) -> Profile | None:
    """The stored profile, or None when there is none (never created, or deleted)."""
    snapshot = profile_ref(uid).get(transaction=transaction)
    return Profile.from_document(uid, snapshot.to_dict() or {}) if snapshot.exists else None


def profile_reader(
    uid: str, transaction: firestore.Transaction | None = None
) -> Callable[[], Profile]:
    """The profile (defaults when there is none), read when first asked for and then kept: one
    operation needing the person's zone in several steps pays one read."""

    @cache
    def profile() -> Profile:
        return read_profile(uid, transaction) or Profile(uid)

    return profile


def load_profile(uid: str, email: str | None, email_verified: bool, now: datetime) -> Profile:
    """The stored profile, created with defaults on first use.

    Its address follows the caller's ID token, and so does whether it is confirmed: email goes
    only to an address the token says is verified, so a changed, unconfirmed one gets nothing.
    """
    existing = read_profile(uid)
    if existing is not None:
        if (existing.email, existing.email_verified) == (email, email_verified):
            return existing
        changes = {"email": email, "email_verified": email_verified, "updated_at": now}
        profile_ref(uid).update(changes)
        return existing.with_changes(changes)
    profile = Profile.new(uid, email, email_verified, now)
    try:
        run_transaction(_create_unless_deleting, profile)
    except AlreadyExists:  # a parallel first request made it
        return read_profile(uid) or profile
    return profile


def deletion_mark(uid: str) -> firestore.DocumentReference:
    """Set while (and after) an account is deleted: nothing may be created for it again."""
    return db().collection("account_deletions").document(uid)


def _create_unless_deleting(transaction: firestore.Transaction, profile: Profile) -> None:
    # In one transaction with reading the mark: a deletion that marks the account meanwhile
    # makes this transaction run again and see it.
    if deletion_mark(profile.uid).get(transaction=transaction).exists:
        raise NotFound("This account has been deleted.")
    transaction.create(profile_ref(profile.uid), profile.to_document())
