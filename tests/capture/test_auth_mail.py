"""Firebase Auth's emails on the capture server: the Auth emulator's codes, collected."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.support.stack import AUTH_HOST, IDENTITY_URL, PROJECT
from tools.capture import CaptureConfig, create_app, start_in_thread

OOB_CODES_URL = f"http://{AUTH_HOST}/emulator/v1/projects/{PROJECT}/oobCodes"
ACTION_URL = "http://app.test/action"


@pytest.fixture
def base_url() -> Iterator[str]:
    config = CaptureConfig(auth_oob_codes_url=OOB_CODES_URL, auth_action_url=ACTION_URL)
    server, url = start_in_thread("127.0.0.1", 0, create_app(config))
    # Codes other tests made before are not this test's mail: collected once, then cleared.
    requests.get(f"{url}/api/messages", timeout=10).raise_for_status()
    requests.delete(f"{url}/api/messages", timeout=10).raise_for_status()
    yield url
    server.shutdown()
    server.server_close()


def _new_account() -> tuple[str, str]:
    email = f"auth-mail-{uuid.uuid4().hex[:12]}@example.com"
    answer = requests.post(
        f"{IDENTITY_URL}/accounts:signUp?key=test",
        json={"email": email, "password": "long-enough-1", "returnSecureToken": True},
        timeout=10,
    )
    answer.raise_for_status()
    return email, answer.json()["idToken"]


def _send(body: dict) -> None:
    requests.post(
        f"{IDENTITY_URL}/accounts:sendOobCode?key=test", json=body, timeout=10
    ).raise_for_status()


def _mail(base_url: str, email: str) -> list[dict]:
    answer = requests.get(f"{base_url}/api/messages", params={"to": email}, timeout=10)
    answer.raise_for_status()
    return answer.json()["messages"]


def test_a_confirmation_email_is_captured_once_with_a_link_to_the_apps_page(base_url):
    email, token = _new_account()
    _send({"requestType": "VERIFY_EMAIL", "idToken": token, "continueUrl": "http://app.test/board"})

    [mail] = _mail(base_url, email)
    assert mail["subject"] == "Confirm your email address for Taskly"
    assert mail["headers"] == {"X-Captured-From": "Firebase Auth emulator"}
    link = next(word for word in mail["text"].split() if word.startswith("http://app.test/"))
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == ACTION_URL
    assert query["mode"] == ["verifyEmail"]
    assert query["continueUrl"] == ["http://app.test/board"]
    assert query["oobCode"][0] and query["apiKey"][0]
    assert f'href="{link.replace("&", "&amp;")}"' in mail["html"]
    assert "Taskly capture: 1 email" in requests.get(base_url, timeout=10).text

    # Seen again: no copy. Cleared: not brought back, though the emulator still lists it.
    assert len(_mail(base_url, email)) == 1
    requests.delete(f"{base_url}/api/messages", timeout=10).raise_for_status()
    assert _mail(base_url, email) == []

    _send({"requestType": "VERIFY_EMAIL", "idToken": token})  # "send it again"
    [again] = _mail(base_url, email)
    assert again["id"] != mail["id"] and again["subject"] == mail["subject"]


def test_a_password_reset_email_names_the_account(base_url):
    email, _ = _new_account()
    _send({"requestType": "PASSWORD_RESET", "email": email})

    [mail] = _mail(base_url, email)
    assert mail["subject"] == "Choose a new password for Taskly"
    assert f"for your Taskly account {email}." in mail["text"]
    assert "mode=resetPassword" in mail["text"]


def test_without_the_auth_emulator_the_capture_server_works_as_before():
    closed_port = "http://127.0.0.1:9/emulator/v1/projects/x/oobCodes"
    server, url = start_in_thread(
        "127.0.0.1", 0, create_app(CaptureConfig(auth_oob_codes_url=closed_port))
    )
    try:
        answer = requests.get(f"{url}/api/messages", timeout=10)
        assert answer.status_code == 200 and answer.json() == {"messages": []}
    finally:
        server.shutdown()
        server.server_close()
