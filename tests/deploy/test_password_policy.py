"""Auth enforces the password rules the web app shows, both read from password-policy.json.

Offline, Identity Platform cannot be called (the Auth emulator neither serves the Admin API's
path nor enforces a policy): these check the request built from the one policy file, that the
browser accepts nothing that request would have Auth refuse, and that `make deploy` sends it
through firebase-tools' client, here to a local server that records it.
"""

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.deploy.conftest import PROJECT
from tests.deploy.node_script import run_node_script
from tools.deploy import password_policy

RULES_RUNNER = Path(__file__).with_name("password_rules.mjs")
# Auth's own minimum when no policy is set.
AUTH_DEFAULT_MINIMUM = 6
PASSWORDS = [
    "abc123",
    "abcdefg",
    "abcdefg1",
    "12345678",
    "abcdefgh",
    "パスワード1234",
    "パスワード١٢٣",
    "correct-horse-battery-9",
    "ABCDEFG1",
]


def browser_rules(passwords: list[str]) -> dict[str, Any]:
    return dict(run_node_script(RULES_RUNNER, passwords))


def auth_accepts(update: dict[str, Any], password: str) -> bool:
    """What Auth's password policy (the update's strength options) lets through."""
    strength = update["passwordPolicyConfig"]["passwordPolicyVersions"][0]["customStrengthOptions"]
    has_digit = any("0" <= char <= "9" for char in password)
    return len(password) >= strength["minPasswordLength"] and (
        has_digit or not strength["containsNumericCharacter"]
    )


def test_the_deploy_enforces_the_policy_files_rules():
    policy = password_policy.load_policy()

    update = password_policy.config_update(policy)

    assert update == {
        "passwordPolicyConfig": {
            "passwordPolicyEnforcementState": "ENFORCE",
            "forceUpgradeOnSignin": False,
            "passwordPolicyVersions": [
                {
                    "customStrengthOptions": {
                        "minPasswordLength": policy["minLength"],
                        "containsNumericCharacter": policy["requireDigit"],
                    }
                }
            ],
        }
    }
    assert policy["minLength"] > AUTH_DEFAULT_MINIMUM
    assert policy["requireDigit"]


def test_the_browser_accepts_no_password_auth_would_refuse():
    update = password_policy.config_update(password_policy.load_policy())
    checked = browser_rules(PASSWORDS)["meets"]

    assert {p for p in PASSWORDS if checked[p] and not auth_accepts(update, p)} == set()
    # The browser's own extra rule: a letter, of any script.
    assert [p for p in PASSWORDS if checked[p]] == [
        "abcdefg1",
        "パスワード1234",
        "correct-horse-battery-9",
        "ABCDEFG1",
    ]


def test_the_browser_states_the_policy_files_length():
    policy = password_policy.load_policy()
    assert f"at least {policy['minLength']} characters" in browser_rules([])["message"]


@pytest.mark.parametrize("length", [5, 31])
def test_a_minimum_auth_cannot_enforce_is_refused(tmp_path, length):
    path = tmp_path / "password-policy.json"
    path.write_text(json.dumps({"minLength": length, "requireLetter": True, "requireDigit": True}))
    with pytest.raises(ValueError, match="Auth takes 6 to 30"):
        password_policy.load_policy(path)


class _Recorder(BaseHTTPRequestHandler):
    requests: list[dict[str, Any]]

    def do_PATCH(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.requests.append(
            {"path": self.path, "headers": dict(self.headers), "body": json.loads(body)}
        )
        answer = json.dumps(json.loads(body)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def identity_api(monkeypatch, tmp_path) -> Iterator[list[dict[str, Any]]]:
    """A local stand-in for identitytoolkit.googleapis.com that records what it is sent."""
    recorded: list[dict[str, Any]] = []
    handler = type("Recorder", (_Recorder,), {"requests": recorded})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("FIREBASE_IDENTITY_URL", f"http://127.0.0.1:{server.server_port}")
    # No `firebase login` here: a token firebase-tools accepts without a call (the local
    # address gets no real credentials anyway).
    monkeypatch.setenv("FIREBASE_TOKEN", "offline")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    yield recorded
    server.shutdown()
    server.server_close()


def test_the_policy_is_sent_as_an_admin_api_config_update(identity_api):
    policy = password_policy.load_policy()

    answer = password_policy.apply(PROJECT, policy)

    assert answer.returncode == 0, answer.stderr
    [sent] = identity_api
    assert sent["path"] == f"/admin/v2/projects/{PROJECT}/config?updateMask=passwordPolicyConfig"
    assert sent["headers"]["x-goog-user-project"] == PROJECT
    assert sent["body"] == password_policy.config_update(policy)
