"""Action tokens: the only writer of ``action_tokens`` and ``action_uses``.

A token is 32 random bytes handed out once, in one notification or one email; it names
nothing, and the server keeps only its SHA-256 hash, with whose tasks it may act on (each at
the date it was sent for) until when. Using it for a task creates ``action_uses/{hash}-{task}``
in the same transaction as the task's change, so it acts once per task: a second use fails
that transaction and changes nothing. A TTL policy on ``expires_at`` (firestore.indexes.json)
removes both kinds of document after they expire.
"""

import hashlib
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from google.cloud import firestore
from google.cloud.firestore_v1.field_path import FieldPath

from taskly.platform.firestore_client import db

TOKEN_BYTES = 32
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


@dataclass(frozen=True)
class Grant:
    """What one token allows: acting on ``tasks`` (id -> the due date it was sent for, or
    None for an undated task) of ``uid`` until ``expires_at``."""

    hashed: str
    uid: str
    tasks: dict[str, str | None]
    expires_at: datetime


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _token_ref(hashed: str) -> firestore.DocumentReference:
    return db().collection("action_tokens").document(hashed)


def _use_ref(hashed: str, task_id: str) -> firestore.DocumentReference:
    return db().collection("action_uses").document(f"{hashed}-{task_id}")


def mint(uid: str, tasks: dict[str, str | None], lifetime: timedelta, now: datetime) -> str:
    """A new token for acting on ``tasks`` until ``now + lifetime``: one write."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    _token_ref(_hash(token)).create(
        {"uid": uid, "tasks": tasks, "created_at": now, "expires_at": now + lifetime}
    )
    return token


def _grant(hashed: str, data: dict[str, object]) -> Grant | None:
    uid, tasks, expires_at = data.get("uid"), data.get("tasks"), data.get("expires_at")
    if not isinstance(uid, str) or not isinstance(tasks, dict):
        return None
    if not isinstance(expires_at, datetime):
        return None
    return Grant(hashed, uid, {str(key): value for key, value in tasks.items()}, expires_at)


def read_grant(token: str, task_id: str, now: datetime) -> Grant | None:
    """The token's grant when it is well formed, known, unexpired, covers ``task_id`` and was
    not used for it yet; None otherwise (a stranger learns nothing from which)."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    hashed = _hash(token)
    snapshot = _token_ref(hashed).get()
    grant = _grant(hashed, snapshot.to_dict() or {}) if snapshot.exists else None
    if grant is None or grant.expires_at <= now or task_id not in grant.tasks:
        return None
    if _use_ref(hashed, task_id).get().exists:
        return None
    return grant


def only_task(token: str) -> str | None:
    """The task a token for a single task acts on (a notification's buttons name none)."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    snapshot = _token_ref(_hash(token)).get()
    tasks = (snapshot.to_dict() or {}).get("tasks") if snapshot.exists else None
    return next(iter(tasks)) if isinstance(tasks, dict) and len(tasks) == 1 else None


def record_use(transaction: firestore.Transaction, grant: Grant, task_id: str) -> None:
    """Spend the token for ``task_id`` inside the change's transaction: if it was spent
    meanwhile, the commit fails (AlreadyExists) and the change with it."""
    transaction.create(
        _use_ref(grant.hashed, task_id), {"uid": grant.uid, "expires_at": grant.expires_at}
    )


def tokens_of(uid: str, limit: int) -> Iterator[firestore.DocumentReference]:
    """Up to ``limit`` each of the account's tokens and their uses, for its erasure."""
    for name in ("action_tokens", "action_uses"):
        query = db().collection(name).where(filter=firestore.FieldFilter("uid", "==", uid))
        ids = query.select([FieldPath.document_id()]).limit(limit)
        yield from (snapshot.reference for snapshot in ids.stream())
