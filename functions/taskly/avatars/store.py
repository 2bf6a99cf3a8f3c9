"""Avatar files in Cloud Storage: one ``avatars/{uid}.webp`` object per person."""

import contextlib
import os
from functools import cache

from google.api_core.exceptions import NotFound
from google.auth.credentials import AnonymousCredentials

# google-cloud-storage carries no type information.
from google.cloud import storage  # type: ignore[attr-defined]

from taskly.platform import settings

CONTENT_TYPE = "image/webp"
CACHE_CONTROL = "private, no-store"
TIMEOUT_SECONDS = 30


@cache
def _client() -> storage.Client:
    """The shared client: anonymous on the local emulator, the runtime's account in the cloud."""
    if os.environ.get("STORAGE_EMULATOR_HOST"):
        anonymous = AnonymousCredentials()  # type: ignore[no-untyped-call]
        return storage.Client(project=settings.project_id(), credentials=anonymous)
    return storage.Client(project=settings.project_id())


def avatar_path(uid: str) -> str:
    return f"avatars/{uid}.webp"


def _blob(uid: str) -> storage.Blob:
    return _client().bucket(settings.AVATAR_BUCKET.value).blob(avatar_path(uid))


def upload_avatar(uid: str, webp: bytes) -> str:
    """Store ``webp`` as the person's avatar, replacing any old one; returns its path."""
    blob = _blob(uid)
    blob.cache_control = CACHE_CONTROL
    blob.upload_from_string(webp, content_type=CONTENT_TYPE, timeout=TIMEOUT_SECONDS)
    return blob.name


def download_avatar(uid: str) -> bytes | None:
    """The person's avatar bytes, or None when there is none."""
    try:
        return _blob(uid).download_as_bytes(timeout=TIMEOUT_SECONDS)
    except NotFound:
        return None


def delete_avatar_file(uid: str) -> None:
    """Remove the person's avatar file; a missing one is fine."""
    with contextlib.suppress(NotFound):
        _blob(uid).delete(timeout=TIMEOUT_SECONDS)
