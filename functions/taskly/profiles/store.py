"""Reading and creating profile documents ``users/{uid}``."""

from collections.abc import Iterable
from datetime import datetime

from google.api_core.exceptions import AlreadyExists
from google.cloud import firestore

from taskly.firestore_client import db
from taskly.profiles.document import Profile


def profile_ref(uid: str) -> firestore.DocumentReference:
    return db().collection("users").document(uid)


def read_profile(uid: str, transaction: firestore.Transaction | None = None) -> Profile | None:
    """The stored profile, or None when there is none (never created, or deleted)."""
    snapshot = profile_ref(uid).get(transaction=transaction)
    return Profile.from_document(uid, snapshot.to_dict() or {}) if snapshot.exists else None


def read_profiles(uids: Iterable[str]) -> dict[str, Profile]:
    """The profiles that exist among ``uids``, in one batched read."""
    refs = [profile_ref(uid) for uid in dict.fromkeys(uids)]
    if not refs:
        return {}
    return {
        snapshot.id: Profile.from_document(snapshot.id, snapshot.to_dict() or {})
        for snapshot in db().get_all(refs)
        if snapshot.exists
    }


def load_profile(uid: str, email: str | None, now: datetime) -> Profile:
    """The stored profile, created with defaults on first use."""
    existing = read_profile(uid)
    if existing is not None:
        return existing
    profile = Profile.new(uid, email, now)
    try:
        profile_ref(uid).create(profile.to_document())
    except AlreadyExists:  # a parallel first request made it
        return read_profile(uid) or profile
    return profile
