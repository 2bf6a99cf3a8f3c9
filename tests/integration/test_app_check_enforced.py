"""App Check wired into the API's front door: the real handler, a real ID token (Auth emulator).

The running Functions emulator has enforcement off (functions/.env.local), as the local stack
needs; these tests call the same handler in this process with the setting on. How tokens are
judged is in tests/unit/test_app_check.py.
"""

import json

import pytest
from flask import Request
from google.cloud import firestore
from werkzeug.test import EnvironBuilder

from taskly.api.app import handle
from taskly.api.app_check import MISSING_MESSAGE
from tests.support.people import Person


def call(path: str, headers: dict[str, str] | None = None):
    request = Request(EnvironBuilder(path=f"/api{path}", headers=headers or {}).get_environ())
    response = handle(request)
    return response.status_code, json.loads(response.get_data() or b"null")


def as_person(person: Person, **headers: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {person.id_token}", **headers}


@pytest.fixture
def enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_CHECK_ENFORCED", "true")


@pytest.mark.usefixtures("enforced")
def test_a_signed_in_script_without_app_check_is_refused_and_changes_nothing(
    person: Person, db: firestore.Client
):
    status, body = call("/me", as_person(person))
    assert status == 401
    assert body["error"] == {
        "code": "app_check_required",
        "message": MISSING_MESSAGE,
        "field": None,
    }
    assert not db.document(f"users/{person.uid}").get().exists  # GET /me would have made it


@pytest.mark.usefixtures("enforced")
def test_a_missing_id_token_is_still_reported_first():
    status, body = call("/me")
    assert (status, body["error"]["code"]) == (401, "unauthenticated")


@pytest.mark.usefixtures("enforced")
def test_health_and_unsubscribe_answer_without_app_check():
    assert call("/health") == (200, {"status": "ok"})
    request = Request(EnvironBuilder(path="/api/unsubscribe", query_string="token=x").get_environ())
    assert handle(request).status_code == 400  # the link's own check, not App Check's


def test_the_local_setting_lets_the_web_app_work_without_app_check(
    monkeypatch: pytest.MonkeyPatch, person: Person
):
    monkeypatch.setenv("APP_CHECK_ENFORCED", "false")
    status, body = call("/me", as_person(person))
    assert status == 200 and body["uid"] == person.uid
