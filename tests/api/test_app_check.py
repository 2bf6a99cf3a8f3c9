"""App Check wired into the API's front door, in process: the real handler, a real ID token
(Auth emulator).

The running Functions emulator has enforcement off (functions/.env.local), as the local stack
needs; these tests turn the setting on for the function in this process. How tokens are
judged is in tests/unit/test_app_check.py.
"""

from typing import Any

import pytest
import requests
from google.cloud import firestore

from tests.support.people import Person
from tests.support.product import APP_CHECK_MISSING_MESSAGE
from tests.support.stack import API_URL


def call(session: requests.Session, path: str) -> tuple[int, Any]:
    response = session.get(f"{API_URL}{path}", timeout=30)
    return response.status_code, response.json() if response.content else None


@pytest.fixture
def enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_CHECK_ENFORCED", "true")


@pytest.mark.usefixtures("enforced")
def test_a_signed_in_script_without_app_check_is_refused_and_changes_nothing(
    person: Person, db: firestore.Client
):
    status, body = call(person.api, "/me")
    assert status == 401
    assert body["error"] == {
        "code": "app_check_required",
        "message": APP_CHECK_MISSING_MESSAGE,
        "field": None,
    }
    assert not db.document(f"users/{person.uid}").get().exists  # GET /me would have made it


@pytest.mark.usefixtures("enforced")
def test_a_missing_id_token_is_still_reported_first(anonymous: requests.Session):
    status, body = call(anonymous, "/me")
    assert (status, body["error"]["code"]) == (401, "unauthenticated")


@pytest.mark.usefixtures("enforced")
def test_health_and_unsubscribe_answer_without_app_check(anonymous: requests.Session):
    assert call(anonymous, "/health") == (200, {"status": "ok"})
    unsubscribe = anonymous.get(f"{API_URL}/unsubscribe", params={"token": "x"}, timeout=30)
    assert unsubscribe.status_code == 400  # the link's own check, not App Check's


def test_the_local_setting_lets_the_web_app_work_without_app_check(
    monkeypatch: pytest.MonkeyPatch, person: Person
):
    monkeypatch.setenv("APP_CHECK_ENFORCED", "false")
    status, body = call(person.api, "/me")
    assert status == 200 and body["uid"] == person.uid
