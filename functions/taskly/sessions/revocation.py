"""Ending every session of a person, for the API and for Firestore's rules alike.

Auth's revocation stops refresh tokens at once, and the API refuses the ID tokens issued
before it (``verify_id_token(check_revoked=True)``). Firestore's rules cannot ask Auth, so the
revocation time is also written where they can read it: ``token_revocations/{uid}``, a
server-only document (clients read only under ``users/``), outside the profile so that it
exists whatever becomes of the profile. This is Firebase's documented pattern for detecting
revoked ID tokens in security rules.
"""

from firebase_admin import auth as firebase_auth
from google.cloud import firestore

from taskly.platform.auth import app
from taskly.platform.firestore_client import db


def revocation_ref(uid: str) -> firestore.DocumentReference:
    """``valid_since``: seconds since the epoch; ID tokens from a sign-in before it are void."""
    return db().collection("token_revocations").document(uid)


def end_all_sessions(uid: str) -> None:
    """Revoke the person's tokens in Auth and record the time for the rules."""
    firebase_auth.revoke_refresh_tokens(uid, app=app())
    valid_after_ms = firebase_auth.get_user(uid, app=app()).tokens_valid_after_timestamp
    # Maximum: of two sign-outs at once, the later time wins whichever write lands last.
    revocation_ref(uid).set({"valid_since": firestore.Maximum(valid_after_ms // 1000)}, merge=True)
