"""The feed's secret link: the only writer of ``calendar_feeds/{hash}`` and
``users/{uid}/calendar/feed``.

The link carries a random token. A fetch looks it up by its SHA-256 hash, in a top-level
document keyed by the hash, so that collection names no working link. The person's own
document keeps the token (only they and the API can read it), so the Account page shows the
link whenever they come back, and its hash, which a renewal ends.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from google.cloud import firestore

from taskly.platform.firestore_client import db, run_transaction
from taskly.profiles.store import profile_ref

# 32 random bytes, URL-safe base64 without padding: 43 characters.
TOKEN_BYTES = 32
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")
# How many stray mappings one erasure removes (there is one, unless a renewal raced it).
_ERASE_BATCH = 20


@dataclass(frozen=True)
class Link:
    token: str
    created_at: datetime


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _mapping_ref(hashed: str) -> firestore.DocumentReference:
    return db().collection("calendar_feeds").document(hashed)


def _holder_ref(uid: str) -> firestore.DocumentReference:
    return profile_ref(uid).collection("calendar").document("feed")


def make_link(uid: str, now: datetime) -> Link:
    """A new link for ``uid``; the one before it (if any) stops working in the same commit."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    run_transaction(_replace_link, uid, token, now)
    return Link(token, now)


def _replace_link(transaction: firestore.Transaction, uid: str, token: str, now: datetime) -> None:
    holder = _holder_ref(uid).get(transaction=transaction)
    old_hash = (holder.to_dict() or {}).get("token_hash") if holder.exists else None
    if isinstance(old_hash, str):
        transaction.delete(_mapping_ref(old_hash))
    hashed = token_hash(token)
    transaction.create(_mapping_ref(hashed), {"uid": uid, "created_at": now})
    transaction.set(_holder_ref(uid), {"token": token, "token_hash": hashed, "created_at": now})


def current_link(uid: str) -> Link | None:
    """The person's working link; None without one."""
    holder = _holder_ref(uid).get()
    data = (holder.to_dict() or {}) if holder.exists else {}
    token, created_at = data.get("token"), data.get("created_at")
    if not isinstance(token, str) or not isinstance(created_at, datetime):
        return None
    return Link(token, created_at)


def owner_of(token: str) -> str | None:
    """The uid a working link's token belongs to; None for any other string (a token of
    another shape costs no read)."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    mapping = _mapping_ref(token_hash(token)).get()
    uid = (mapping.to_dict() or {}).get("uid") if mapping.exists else None
    return uid if isinstance(uid, str) else None


def erase_links(uid: str) -> None:
    """End every link of ``uid`` (account deletion); safe to run again."""
    mappings = (
        db()
        .collection("calendar_feeds")
        .where(filter=firestore.FieldFilter("uid", "==", uid))
        .limit(_ERASE_BATCH)
    )
    for snapshot in mappings.stream():
        snapshot.reference.delete()
    _holder_ref(uid).delete()
