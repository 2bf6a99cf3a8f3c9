"""What an account owns, and erasing it a bounded batch at a time.

Everything under ``users/{uid}`` (profile, tasks, notifications, statistics, message budgets,
whatever else lives there), the delivery records of what was sent for it, the records kept
about it outside the profile (its calendar feed's link and its action tokens among them), its
verified number's send history and its picture. Each call deletes what it finds and can run
again any number of times.
"""

from collections.abc import Iterator
from itertools import chain, islice

from google.cloud import firestore
from google.cloud.firestore_v1.field_path import FieldPath

from taskly.avatars.store import delete_avatar_file
from taskly.calendar_feed.links import erase_links
from taskly.phone.verification import number_ref, verification_ref
from taskly.platform.firestore_client import db, delete_in_batches
from taskly.profiles.store import profile_ref, read_profile
from taskly.ratelimit.counters import limits_ref
from taskly.task_actions.tokens import tokens_of

_ID_ONLY = [FieldPath.document_id()]


def _documents_under_profile(uid: str, limit: int) -> Iterator[firestore.DocumentReference]:
    """Up to ``limit`` documents of each collection below the profile, at any depth."""
    for collection in profile_ref(uid).collections():
        query = collection.recursive().select(_ID_ONLY).limit(limit)
        yield from (snapshot.reference for snapshot in query.stream())


def _delivery_records(uid: str, limit: int) -> Iterator[firestore.DocumentReference]:
    # Nothing is sent for an account without a profile (the ledger's claim reads it), so the
    # records have no duplicate left to stop: only the addresses they hold.
    records = db().collection("deliveries").where(filter=firestore.FieldFilter("uid", "==", uid))
    yield from (snapshot.reference for snapshot in records.select(_ID_ONLY).limit(limit).stream())


def _erase_profile(uid: str) -> None:
    profile = read_profile(uid)
    if profile is None:
        return
    # The person proved this number is theirs. An unverified number's history stays until it
    # expires: the number may be a stranger's, and it holds the per-number limit on codes.
    if profile.phone and profile.phone_verified:
        number_ref(profile.phone).delete()
    # The profile before the rest: a delivery's claim and the task trigger read it and back off.
    profile_ref(uid).delete()


def erase_some(uid: str, limit: int) -> int:
    """Delete the account's single records and up to ``limit`` of its many documents; how
    many of those it deleted (``limit`` means some may be left)."""
    _erase_profile(uid)
    verification_ref(uid).delete()
    limits_ref(uid).delete()
    erase_links(uid)
    delete_avatar_file(uid)
    many = chain(
        _documents_under_profile(uid, limit),
        _delivery_records(uid, limit),
        tokens_of(uid, limit),
    )
    return delete_in_batches(islice(many, limit))
