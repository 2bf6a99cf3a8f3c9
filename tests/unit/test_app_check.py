"""App Check in the API: which requests need a token, and that a bad one is a clear 401.

The refusals of forged tokens go through the Admin SDK's real ``verify_token``. Offline it
cannot fetch Google's public keys, and no test can make a token Google would sign: a valid
token is only ever seen in production (or against a real project with the debug provider).
"""

import json
import os
import subprocess
from pathlib import Path

import jwt
import pytest
import yaml
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from flask import Request
from werkzeug.test import EnvironBuilder

from taskly.api import app_check
from taskly.api.app import ROUTES
from taskly.api.errors import ApiError
from taskly.platform.settings import project_id
from tools.devstack.paths import ROOT

PRIVATE_ROUTE = next(route for route in ROUTES if route.path == "/me")
HEALTH = next(route for route in ROUTES if route.path == "/health")
UNSUBSCRIBE = [route for route in ROUTES if route.path == "/unsubscribe"]


def request_with(headers: dict[str, str]) -> Request:
    return Request(EnvironBuilder(path="/api/me", headers=headers).get_environ())


def refusal(request: Request) -> ApiError:
    with pytest.raises(ApiError) as refused:
        app_check.require_app_check(request, PRIVATE_ROUTE)
    return refused.value


def rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def enforced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APP_CHECK_ENFORCED", "true")


@pytest.fixture
def admin_credentials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A service account of no real project: the Admin SDK wants one to build its App Check
    service (it would use it only for replay protection), as Cloud Functions always has."""
    pem = rsa_key().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    account = {
        "type": "service_account",
        "project_id": project_id(),
        "private_key_id": "test",
        "private_key": pem.decode(),
        "client_email": f"test@{project_id()}.iam.gserviceaccount.com",
        "client_id": "1",
        "token_uri": "https://oauth2.googleapis.com/token",
    }
    path = tmp_path / "service-account.json"
    path.write_text(json.dumps(account))
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(path))


def test_every_private_route_needs_app_check_when_enforced():
    needing = {(r.path, r.methods) for r in ROUTES if app_check.needs_app_check(r, True)}
    assert needing == {(r.path, r.methods) for r in ROUTES if not r.public}
    assert ("/me", ("GET",)) in needing


def test_health_and_one_click_unsubscribe_are_exempt():
    # Monitors and mail clients call these: they cannot attest an app.
    assert len(UNSUBSCRIBE) == 2
    for route in [HEALTH, *UNSUBSCRIBE]:
        assert not app_check.needs_app_check(route, True)


def test_nothing_needs_app_check_when_not_enforced():
    assert not any(app_check.needs_app_check(route, False) for route in ROUTES)


@pytest.mark.usefixtures("enforced")
@pytest.mark.parametrize("header", [{}, {app_check.HEADER: ""}, {app_check.HEADER: "   "}])
def test_a_request_without_a_token_is_refused_when_enforced(header):
    error = refusal(request_with(header))
    assert (error.status, error.code) == (401, "app_check_required")
    assert error.message == app_check.MISSING_MESSAGE


@pytest.mark.usefixtures("enforced")
@pytest.mark.parametrize("route", [HEALTH, *UNSUBSCRIBE], ids=lambda r: f"{r.methods[0]} {r.path}")
def test_exempt_routes_pass_without_a_token_when_enforced(route):
    assert app_check.require_app_check(request_with({}), route) is None


def test_a_request_without_a_token_passes_when_not_enforced(monkeypatch):
    monkeypatch.setenv("APP_CHECK_ENFORCED", "false")
    assert app_check.require_app_check(request_with({}), PRIVATE_ROUTE) is None


def test_enforcement_is_on_unless_a_setting_turns_it_off(monkeypatch):
    monkeypatch.delenv("APP_CHECK_ENFORCED", raising=False)
    error = refusal(request_with({}))
    assert error.code == "app_check_required"


@pytest.mark.usefixtures("enforced", "admin_credentials")
@pytest.mark.parametrize("token", ["garbage", "not.a.jwt", "x" * 4000])
def test_a_malformed_token_is_a_clear_401(token):
    error = refusal(request_with({app_check.HEADER: token}))
    assert (error.status, error.code) == (401, "app_check_required")
    assert error.message == app_check.INVALID_MESSAGE


@pytest.mark.usefixtures("enforced", "admin_credentials")
def test_a_token_signed_by_anyone_but_google_is_a_clear_401():
    # Shaped like an App Check token for this project, signed with a key of our own. Offline,
    # Google's keys cannot be fetched; online, none of them has this key id: 401 either way.
    claims = {
        "sub": "1:123:web:abc",
        "aud": [f"projects/{project_id()}"],
        "iss": "https://firebaseappcheck.googleapis.com/123",
        "exp": 4_000_000_000,
    }
    forged = jwt.encode(claims, rsa_key(), algorithm="RS256", headers={"kid": "forged"})
    error = refusal(request_with({app_check.HEADER: forged}))
    assert (error.status, error.code) == (401, "app_check_required")
    assert error.message == app_check.INVALID_MESSAGE


def test_the_refusal_code_is_the_one_the_contract_documents():
    spec = yaml.safe_load((ROOT / "functions" / "openapi.yaml").read_text(encoding="utf-8"))
    unauthenticated = spec["components"]["responses"]["Unauthenticated"]
    schema = unauthenticated["content"]["application/json"]["schema"]["allOf"][1]
    assert app_check.REFUSED_CODE in schema["properties"]["error"]["properties"]["code"]["enum"]


# The web build reads the site key from the functions' dotenv files: hosting/app-check-site-key.mjs.


def site_key(functions_dir: Path, project: str | None) -> str:
    script = (
        "import { appCheckSiteKey } from './hosting/app-check-site-key.mjs';"
        "process.stdout.write(appCheckSiteKey(process.argv[1], process.argv[2] || undefined));"
    )
    command = ["node", "--input-type=module", "-e", script, str(functions_dir), project or ""]
    env = {name: value for name, value in os.environ.items() if name != "GCLOUD_PROJECT"}
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def test_the_deploy_build_takes_the_projects_site_key(tmp_path: Path):
    (tmp_path / ".env").write_text("MAIL_FROM=x\nAPP_CHECK_SITE_KEY=from-env\n")
    (tmp_path / ".env.taskly-example").write_text('APP_CHECK_SITE_KEY="6LcProjectKey"\n')
    (tmp_path / ".env.local").write_text("APP_CHECK_SITE_KEY=\n")
    assert site_key(tmp_path, "taskly-example") == "6LcProjectKey"
    assert site_key(tmp_path, "other-project") == "from-env"


def test_a_local_build_takes_the_emulators_settings(tmp_path: Path):
    (tmp_path / ".env").write_text("APP_CHECK_SITE_KEY=from-env\n")
    (tmp_path / ".env.local").write_text("# no App Check here\nAPP_CHECK_SITE_KEY=\n")
    assert site_key(tmp_path, None) == ""


def test_without_a_site_key_the_web_app_starts_no_app_check(tmp_path: Path):
    (tmp_path / ".env").write_text("MAIL_FROM=x\n")
    assert site_key(tmp_path, "taskly-example") == ""
    assert site_key(ROOT / "functions", None) == ""  # the checkout's local settings
