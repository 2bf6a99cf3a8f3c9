"""One Firestore client per process.

``google.cloud.firestore.Client`` talks to the emulator anonymously when
``FIRESTORE_EMULATOR_HOST`` is set, and to Firestore with the runtime's
service account in the cloud.
"""

from functools import cache

from google.cloud import firestore

from taskly.settings import project_id


@cache
def db() -> firestore.Client:
    """The shared Firestore client."""
    return firestore.Client(project=project_id())
