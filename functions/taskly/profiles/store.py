"""The person's profile document ``users/{uid}``."""

from datetime import datetime
from typing import Any

from google.api_core.exceptions import AlreadyExists
from google.cloud import firestore

from taskly.firestore_client import db
from taskly.timestamps import to_json

DEFAULT_TIMEZONE = "UTC"
DEFAULT_REMIND_TIME = "09:00"


def profile_ref(uid: str) -> firestore.DocumentReference:
    return db().collection("users").document(uid)


def new_profile(email: str | None, now: datetime) -> dict[str, Any]:
    return {
        "first_name": "",
        "last_name": "",
        "email": email,
        "phone": None,
        "phone_verified": False,
        "timezone": DEFAULT_TIMEZONE,
        "remind_time": DEFAULT_REMIND_TIME,
        "avatar_path": None,
        "created_at": now,
        "updated_at": now,
    }


def load_profile(uid: str, email: str | None, now: datetime) -> dict[str, Any]:
    """The stored profile, created with defaults on first use."""
    ref = profile_ref(uid)
    snapshot = ref.get()
    if snapshot.exists:
        return snapshot.to_dict() or {}
    data = new_profile(email, now)
    try:
        ref.create(data)
    except AlreadyExists:  # a parallel first request made it
        return ref.get().to_dict() or {}
    return data


def profile_json(uid: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "uid": uid,
        "email": data.get("email"),
        "first_name": data.get("first_name", ""),
        "last_name": data.get("last_name", ""),
        "timezone": data.get("timezone", DEFAULT_TIMEZONE),
        "remind_time": data.get("remind_time", DEFAULT_REMIND_TIME),
        "phone": data.get("phone"),
        "phone_verified": bool(data.get("phone_verified")),
        "avatar_url": avatar_url(data),
        "created_at": to_json(data.get("created_at")),
        "updated_at": to_json(data.get("updated_at")),
    }


def avatar_url(data: dict[str, Any]) -> str | None:
    """Where the web app fetches the picture; the version changes with every new upload."""
    if not data.get("avatar_path"):
        return None
    version = data.get("avatar_version")
    return f"/api/me/avatar?v={version}" if version else "/api/me/avatar"
