"""Signing out, in process: every session of the person ends at once, not only the one that
asked. (Firestore's rules honour it too: tests/rules/test_firestore_rules.py.)"""

import requests
from google.cloud import firestore

from tests.support.limits import spend_in_this_period
from tests.support.people import Person, sign_in
from tests.support.product import READS, READS_PER_MINUTE, WRITES, WRITES_PER_MINUTE
from tests.support.tokens import claims, wait_past_sign_in_second

EXPIRED = "Your session has expired. Sign in again."


def _me(person: Person, token: str) -> requests.Response:
    """GET /me with ``token`` rather than the person's own session."""
    return person.api.get(
        person.url("/me"), headers={"Authorization": f"Bearer {token}"}, timeout=30
    )


def test_signing_out_ends_every_session_at_once(person: Person, db: firestore.Client):
    other_device = sign_in(person.email, person.password).json()["idToken"]
    wait_past_sign_in_second(other_device)

    answer = person.post("/me/sign-out")

    assert answer.status_code == 204 and answer.content == b""
    for token in (person.id_token, other_device):
        refused = _me(person, token)
        assert refused.status_code == 401
        assert refused.json()["error"] == {
            "code": "unauthenticated",
            "message": EXPIRED,
            "field": None,
        }
    # Where the rules read it: sign-ins before this second are void.
    valid_since = db.document(f"token_revocations/{person.uid}").get().get("valid_since")
    assert valid_since > claims(other_device)["auth_time"]
    fresh = sign_in(person.email, person.password).json()["idToken"]
    assert _me(person, fresh).status_code == 200


def test_only_the_callers_sessions_end_and_an_ended_one_cannot_sign_out_again(
    person: Person, other_person: Person
):
    wait_past_sign_in_second(person.id_token)
    assert person.post("/me/sign-out").status_code == 204

    again = person.post("/me/sign-out")

    assert again.status_code == 401 and again.json()["error"]["message"] == EXPIRED
    assert other_person.get("/me").status_code == 200


def test_signing_out_works_past_the_request_limits(db: firestore.Client, person: Person):
    spend_in_this_period(db, person.uid, WRITES, WRITES_PER_MINUTE)
    spend_in_this_period(db, person.uid, READS, READS_PER_MINUTE)
    assert person.post("/tasks", json={"description": "One too many"}).status_code == 429
    assert person.get("/me").status_code == 429
    wait_past_sign_in_second(person.id_token)

    assert person.post("/me/sign-out").status_code == 204

    assert person.get("/me").status_code == 401
