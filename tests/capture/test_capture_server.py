"""Tests of the SendGrid/Twilio capture server, driven by the real client libraries."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import requests
from python_http_client.exceptions import (
    BadRequestsError,
    HTTPError,
    InternalServerError,
    UnauthorizedError,
)
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Header, Mail
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from tools.capture import CaptureConfig, create_app, start_in_thread

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "twilio-token"
API_KEY = "SG.test-key"
REPO_ROOT = Path(__file__).resolve().parents[2]


def start(config: CaptureConfig) -> Iterator[str]:
    """Serve a fresh capture app on an ephemeral port; yield its base URL."""
    server, base_url = start_in_thread("127.0.0.1", 0, create_app(config))
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def base_url() -> Iterator[str]:
    """A capture server that accepts any SendGrid key and Twilio token."""
    yield from start(CaptureConfig())


@pytest.fixture
def strict_url() -> Iterator[str]:
    """A capture server that insists on API_KEY and AUTH_TOKEN."""
    yield from start(CaptureConfig(sendgrid_api_key=API_KEY, twilio_auth_token=AUTH_TOKEN))


def sendgrid_client(base_url: str, api_key: str = API_KEY) -> SendGridAPIClient:
    """The real SendGrid client, pointed at the capture server."""
    return SendGridAPIClient(api_key, host=base_url)


def twilio_client(base_url: str, account_sid: str = ACCOUNT_SID, token: str = AUTH_TOKEN) -> Client:
    """The real Twilio client, pointed at the capture server."""
    client = Client(account_sid, token)
    client.edge = None  # an edge/region from TWILIO_EDGE/TWILIO_REGION would rewrite the host
    client.region = None
    client.api.base_url = base_url
    return client


def reminder_mail(subject: str = "Due today: Pay rent", to: str = "ann@example.com") -> Mail:
    """A reminder email like the product sends: HTML + text + List-Unsubscribe headers."""
    mail = Mail(
        from_email="reminders@taskly.test",
        to_emails=to,
        subject=subject,
        plain_text_content="Pay rent is due today.",
        html_content='<p class="x">Pay <b>rent</b> is due today.</p>',
    )
    mail.header = Header("List-Unsubscribe", "<https://taskly.test/u/abc>")
    mail.header = Header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
    return mail


def valid_payload() -> dict[str, Any]:
    """A minimal valid raw mail/send body."""
    return {
        "personalizations": [{"to": [{"email": "ann@example.com"}]}],
        "from": {"email": "reminders@taskly.test"},
        "subject": "Hello",
        "content": [{"type": "text/plain", "value": "Hi"}],
    }


def post_mail(base_url: str, payload: Any, key: str | None = API_KEY) -> requests.Response:
    """POST a raw body to the fake SendGrid endpoint."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return requests.post(f"{base_url}/v3/mail/send", json=payload, headers=headers, timeout=10)


def post_sms(
    base_url: str, form: dict[str, str], auth: tuple[str, str] | None = (ACCOUNT_SID, AUTH_TOKEN)
) -> requests.Response:
    """POST a raw form to the fake Twilio endpoint."""
    url = f"{base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    return requests.post(url, data=form, auth=auth, timeout=10)


def messages(base_url: str, **filters: str) -> list[dict[str, Any]]:
    """Captured messages, through the JSON API."""
    response = requests.get(f"{base_url}/api/messages", params=filters, timeout=10)
    response.raise_for_status()
    result: list[dict[str, Any]] = response.json()["messages"]
    return result


def stats(base_url: str) -> dict[str, Any]:
    """Request counters, through the JSON API."""
    result: dict[str, Any] = requests.get(f"{base_url}/api/stats", timeout=10).json()
    return result


def set_fault(base_url: str, **spec: Any) -> requests.Response:
    """Install a fault rule."""
    return requests.post(f"{base_url}/api/faults", json=spec, timeout=10)


# --- SendGrid ---------------------------------------------------------------------------


def test_sendgrid_client_email_is_captured(base_url: str) -> None:
    response = sendgrid_client(base_url).send(reminder_mail())

    assert response.status_code == 202
    assert response.body == b""
    message_id = response.headers["X-Message-Id"]
    assert re.fullmatch(r"[A-Za-z0-9_-]{22}", message_id)
    [stored] = messages(base_url)
    assert stored["id"] == message_id
    assert stored["channel"] == "email"
    assert stored["to"] == ["ann@example.com"]
    assert stored["from"] == "reminders@taskly.test"
    assert stored["subject"] == "Due today: Pay rent"
    assert stored["text"] == "Pay rent is due today."
    assert stored["html"] == '<p class="x">Pay <b>rent</b> is due today.</p>'
    assert stored["headers"] == {
        "List-Unsubscribe": "<https://taskly.test/u/abc>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert stored["body"] is None
    assert stored["request"]["personalizations"][0]["to"] == [{"email": "ann@example.com"}]
    assert datetime.fromisoformat(stored["received_at"]).utcoffset() is not None
    by_id = requests.get(f"{base_url}/api/messages/{message_id}", timeout=10).json()
    assert by_id == stored


def test_sendgrid_subject_and_headers_may_come_from_personalization(base_url: str) -> None:
    payload = valid_payload()
    del payload["subject"]
    payload["personalizations"][0].update(subject="Per person", headers={"X-Task": "t1"})

    assert post_mail(base_url, payload).status_code == 202
    [stored] = messages(base_url)
    assert stored["subject"] == "Per person"
    assert stored["headers"] == {"X-Task": "t1"}


def test_sendgrid_missing_subject_is_rejected_and_not_stored(base_url: str) -> None:
    mail = reminder_mail()
    body = mail.get()
    del body["subject"]

    with pytest.raises(BadRequestsError) as caught:
        sendgrid_client(base_url).send(body)

    assert caught.value.status_code == 400
    errors = caught.value.to_dict["errors"]
    assert [e["field"] for e in errors] == ["subject"]
    assert errors[0]["help"] is None
    assert messages(base_url) == []
    assert stats(base_url)["email"] == {"accepted": 0, "rejected": 1, "failed": 0, "total": 1}


def _drop(key: str) -> dict[str, Any]:
    payload = valid_payload()
    del payload[key]
    return payload


def _with(**changes: Any) -> dict[str, Any]:
    return {**valid_payload(), **changes}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (_drop("personalizations"), "personalizations"),
        (_with(personalizations=[]), "personalizations"),
        (_with(personalizations=[{"to": []}]), "personalizations.0.to"),
        (
            _with(personalizations=[{"to": [{"email": "not-an-address"}]}]),
            "personalizations.0.to.0.email",
        ),
        (_drop("from"), "from"),
        (_with(**{"from": {"email": "nobody"}}), "from.email"),
        (_drop("content"), "content"),
        (_with(content=[{"type": "text/plain", "value": ""}]), "content.0.value"),
        (
            _with(
                content=[
                    {"type": "text/html", "value": "<p>x</p>"},
                    {"type": "text/plain", "value": "x"},
                ]
            ),
            "content",
        ),
        (_with(headers={"X-Count": 3}), "headers"),
        (_with(headers={"From": "evil@example.com"}), "headers"),
        ("not an object", None),
    ],
)
def test_sendgrid_invalid_body_is_rejected(base_url: str, payload: Any, field: str | None) -> None:
    response = post_mail(base_url, payload)

    assert response.status_code == 400
    fields = [e["field"] for e in response.json()["errors"]]
    assert field in fields
    assert messages(base_url) == []


def test_sendgrid_template_id_makes_subject_and_content_optional(base_url: str) -> None:
    payload = _with(template_id="d-123")
    del payload["subject"], payload["content"]

    assert post_mail(base_url, payload).status_code == 202


def test_sendgrid_body_that_is_not_json_is_rejected(base_url: str) -> None:
    response = requests.post(
        f"{base_url}/v3/mail/send",
        data=b"{oops",
        headers={"Authorization": "Bearer k", "Content-Type": "application/json"},
        timeout=10,
    )

    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": "Bad Request", "field": None, "help": None}]}


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Basic abc"}, {"Authorization": "Bearer "}]
)
def test_sendgrid_missing_bearer_key_is_401(base_url: str, headers: dict[str, str]) -> None:
    response = requests.post(
        f"{base_url}/v3/mail/send", json=valid_payload(), headers=headers, timeout=10
    )

    assert response.status_code == 401
    assert response.json()["errors"][0]["message"] == "authorization required"
    assert messages(base_url) == []


def test_sendgrid_configured_key_must_match(strict_url: str) -> None:
    with pytest.raises(UnauthorizedError) as caught:
        sendgrid_client(strict_url, api_key="SG.wrong").send(reminder_mail())

    assert caught.value.status_code == 401
    assert messages(strict_url) == []
    assert sendgrid_client(strict_url).send(reminder_mail()).status_code == 202
    assert len(messages(strict_url)) == 1


# --- Twilio -------------------------------------------------------------------------------


def test_twilio_client_sms_is_captured(base_url: str) -> None:
    message = twilio_client(base_url).messages.create(
        to="+14155550100", from_="+14155550199", body="Code: 123456"
    )

    assert re.fullmatch(r"SM[0-9a-f]{32}", message.sid)
    assert message.status == "queued"
    assert message.account_sid == ACCOUNT_SID
    assert message.to == "+14155550100"
    assert message.from_ == "+14155550199"
    assert message.num_segments == "1"
    assert isinstance(message.date_created, datetime)
    assert message.uri == f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{message.sid}.json"
    [stored] = messages(base_url, channel="sms")
    assert stored["id"] == message.sid
    assert stored["to"] == ["+14155550100"]
    assert stored["from"] == "+14155550199"
    assert stored["body"] == "Code: 123456"
    assert stored["subject"] is None
    assert stored["request"] == {
        "To": "+14155550100",
        "From": "+14155550199",
        "Body": "Code: 123456",
    }


def test_twilio_messaging_service_without_from(base_url: str) -> None:
    service = "MG" + "a" * 32
    message = twilio_client(base_url).messages.create(
        to="+14155550100", messaging_service_sid=service, body="x" * 161
    )

    assert message.from_ is None
    assert message.messaging_service_sid == service
    assert message.status == "accepted"
    assert message.num_segments == "2"


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ({"To": "4155550100", "From": "+14155550199", "Body": "hi"}, 21211),
        ({"From": "+14155550199", "Body": "hi"}, 21604),
        ({"To": "+14155550100", "From": "+14155550199", "Body": ""}, 21602),
        ({"To": "+14155550100", "Body": "hi"}, 21603),
        ({"To": "+14155550100", "From": "+14155550199", "Body": "x" * 1601}, 21617),
        ({"To": "+14155550100", "MessagingServiceSid": "MG1", "Body": "hi"}, 21705),
    ],
)
def test_twilio_invalid_request_is_400_and_not_stored(
    base_url: str, form: dict[str, str], code: int
) -> None:
    response = post_sms(base_url, form)

    assert response.status_code == 400
    error = response.json()
    assert error["code"] == code
    assert error["status"] == 400
    assert error["more_info"].endswith(str(code))
    assert messages(base_url) == []


def test_twilio_client_invalid_to_raises(base_url: str) -> None:
    with pytest.raises(TwilioRestException) as caught:
        twilio_client(base_url).messages.create(to="555", from_="+14155550199", body="hi")

    assert caught.value.status == 400
    assert caught.value.code == 21211
    assert messages(base_url) == []


@pytest.mark.parametrize(
    "auth", [None, ("AC" + "2" * 32, AUTH_TOKEN), (ACCOUNT_SID, "wrong-token")]
)
def test_twilio_bad_auth_is_401(strict_url: str, auth: tuple[str, str] | None) -> None:
    response = post_sms(
        strict_url, {"To": "+14155550100", "From": "+14155550199", "Body": "hi"}, auth
    )

    assert response.status_code == 401
    assert response.json()["code"] == 20003
    assert response.json()["message"] == "Authenticate"
    assert messages(strict_url) == []
    assert stats(strict_url)["sms"]["rejected"] == 1


def test_twilio_client_with_wrong_token_raises_401(strict_url: str) -> None:
    with pytest.raises(TwilioRestException) as caught:
        twilio_client(strict_url, token="nope").messages.create(
            to="+14155550100", from_="+14155550199", body="hi"
        )

    assert caught.value.status == 401
    assert caught.value.code == 20003


# --- JSON API -----------------------------------------------------------------------------


def test_messages_filters_lookup_and_clear(base_url: str) -> None:
    client = sendgrid_client(base_url)
    client.send(reminder_mail(to="ann@example.com"))
    client.send(reminder_mail(subject="Second", to="bob@example.com"))
    post_sms(base_url, {"To": "+14155550100", "From": "+14155550199", "Body": "hi"})

    assert [m["subject"] for m in messages(base_url, channel="email")] == [
        "Due today: Pay rent",
        "Second",
    ]
    assert [m["subject"] for m in messages(base_url, to="BOB@example.com")] == ["Second"]
    assert [m["channel"] for m in messages(base_url, to="+14155550100")] == ["sms"]
    assert requests.get(f"{base_url}/api/messages?channel=fax", timeout=10).status_code == 400
    assert requests.get(f"{base_url}/api/messages/nope", timeout=10).status_code == 404
    assert requests.delete(f"{base_url}/api/messages", timeout=10).json() == {"deleted": 3}
    assert messages(base_url) == []


@pytest.mark.parametrize(
    "spec",
    [
        {"channel": "fax", "status": 500},
        {"channel": "email"},
        {"channel": "email", "count": 2},
        {"channel": "email", "status": 200},
        {"channel": "email", "status": 500, "count": 0},
        {"channel": "email", "latency": 100},
    ],
)
def test_invalid_fault_spec_is_400(base_url: str, spec: dict[str, Any]) -> None:
    response = set_fault(base_url, **spec)

    assert response.status_code == 400
    assert requests.get(f"{base_url}/api/faults", timeout=10).json() == {
        "faults": {"email": None, "sms": None, "push": None}
    }


# --- Faults -------------------------------------------------------------------------------


def test_fail_next_two_emails_then_succeed(base_url: str) -> None:
    assert set_fault(base_url, channel="email", status=500, count=2).status_code == 200
    client = sendgrid_client(base_url)

    for _ in range(2):
        with pytest.raises(InternalServerError):
            client.send(reminder_mail())
    assert client.send(reminder_mail()).status_code == 202

    assert stats(base_url)["email"] == {"accepted": 1, "rejected": 0, "failed": 2, "total": 3}
    assert stats(base_url)["sms"]["total"] == 0
    assert len(messages(base_url)) == 1
    assert requests.get(f"{base_url}/api/faults", timeout=10).json()["faults"]["email"] is None


def test_provider_down_until_cleared(base_url: str) -> None:
    set_fault(base_url, channel="sms", status=503)
    client = twilio_client(base_url)

    for _ in range(3):
        with pytest.raises(TwilioRestException) as caught:
            client.messages.create(to="+14155550100", from_="+14155550199", body="hi")
        assert caught.value.status == 503
    faults = requests.get(f"{base_url}/api/faults", timeout=10).json()["faults"]
    assert faults["sms"] == {"status": 503, "count": None, "latency_ms": 0, "late_answer_ms": 0}
    assert faults["email"] is None
    assert sendgrid_client(base_url).send(reminder_mail()).status_code == 202

    requests.delete(f"{base_url}/api/faults", timeout=10)
    client.messages.create(to="+14155550100", from_="+14155550199", body="hi")
    assert stats(base_url)["sms"] == {"accepted": 1, "rejected": 0, "failed": 3, "total": 4}


def test_429_carries_retry_after_on_both_channels(base_url: str) -> None:
    set_fault(base_url, channel="all", status=429, count=1)

    email = post_mail(base_url, valid_payload())
    sms = post_sms(base_url, {"To": "+14155550100", "From": "+14155550199", "Body": "hi"})

    assert email.status_code == 429
    assert email.headers["Retry-After"] == "1"
    assert "errors" in email.json()
    assert sms.status_code == 429
    assert sms.headers["Retry-After"] == "1"
    assert sms.json()["code"] == 20429
    assert post_mail(base_url, valid_payload()).status_code == 202
    assert messages(base_url, channel="sms") == []


def test_sendgrid_client_sees_429(base_url: str) -> None:
    set_fault(base_url, channel="email", status=429)

    with pytest.raises(HTTPError) as caught:
        sendgrid_client(base_url).send(reminder_mail())

    assert caught.value.status_code == 429
    assert caught.value.headers["Retry-After"] == "1"


def test_latency_is_applied_concurrently(base_url: str) -> None:
    latency = 0.4
    set_fault(base_url, channel="email", latency_ms=int(latency * 1000))

    def timed_send(_: int) -> tuple[int, float]:
        began = time.monotonic()
        response = post_mail(base_url, valid_payload())
        return response.status_code, time.monotonic() - began

    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=5) as pool:
        results = list(pool.map(timed_send, range(5)))
    elapsed = time.monotonic() - began

    assert [status for status, _ in results] == [202] * 5
    assert all(took >= latency for _, took in results)
    assert elapsed < 5 * latency * 0.75, f"5 requests took {elapsed:.2f}s: serialised?"
    assert len(messages(base_url)) == 5
    started = time.monotonic()
    post_sms(base_url, {"To": "+14155550100", "From": "+14155550199", "Body": "hi"})
    assert time.monotonic() - started < latency


def test_latency_with_status_delays_the_failure(base_url: str) -> None:
    set_fault(base_url, channel="sms", status=500, count=1, latency_ms=200)

    began = time.monotonic()
    response = post_sms(base_url, {"To": "+14155550100", "From": "+14155550199", "Body": "hi"})

    assert response.status_code == 500
    assert time.monotonic() - began >= 0.2
    faults = requests.get(f"{base_url}/api/faults", timeout=10).json()["faults"]
    assert faults["sms"] == {
        "status": None,
        "count": None,
        "latency_ms": 200,
        "late_answer_ms": 0,
    }


def test_a_late_answer_comes_after_the_message_was_accepted(base_url: str) -> None:
    set_fault(base_url, channel="all", late_answer_ms=1500)
    with pytest.raises(requests.Timeout):
        requests.post(
            f"{base_url}/v3/mail/send",
            json=valid_payload(),
            headers={"Authorization": f"Bearer {API_KEY}"},
            timeout=0.5,
        )
    with pytest.raises(requests.Timeout):
        requests.post(
            f"{base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json",
            data={"To": "+14155550100", "From": "+14155550199", "Body": "hi"},
            auth=(ACCOUNT_SID, AUTH_TOKEN),
            timeout=0.5,
        )

    # The client gave up, yet both messages were taken: the outcome was unknown to it.
    assert len(messages(base_url, channel="email")) == 1
    assert len(messages(base_url, channel="sms")) == 1


# --- Page ---------------------------------------------------------------------------------


def test_page_escapes_captured_content(base_url: str) -> None:
    mail = reminder_mail(subject="<script>alert('x')</script> & more")
    mail.header = Header("X-Note", '"><img src=x onerror=alert(1)>')
    sendgrid_client(base_url).send(mail)
    post_sms(base_url, {"To": "+14155550100", "From": "+14155550199", "Body": "<b>sms</b>"})

    response = requests.get(f"{base_url}/", timeout=10)

    assert response.status_code == 200
    page = response.text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more" in page
    assert "<img src=x" not in page
    assert "<b>sms</b>" not in page and "&lt;b&gt;sms&lt;/b&gt;" in page
    assert "List-Unsubscribe" in page and "reminders@taskly.test" in page
    [srcdoc] = re.findall(r'<iframe[^>]*\ssandbox="[^"]*"[^>]*srcdoc="([^"]*)"', page)
    assert (
        unescape(srcdoc) == '<base target="_blank"><p class="x">Pay <b>rent</b> is due today.</p>'
    )
    assert "Pay rent is due today." in page
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert re.search(r'<script src="/static/capture\.js"', page)
    assert "<script>" not in page
    assert requests.get(f"{base_url}/static/capture.js", timeout=10).status_code == 200


def test_page_lists_newest_first(base_url: str) -> None:
    client = sendgrid_client(base_url)
    client.send(reminder_mail(subject="First one"))
    client.send(reminder_mail(subject="Second one"))

    page = requests.get(f"{base_url}/", timeout=10).text

    assert page.index("Second one") < page.index("First one")


def test_page_clear_button_empties_store(base_url: str) -> None:
    sendgrid_client(base_url).send(reminder_mail())
    page = requests.get(f"{base_url}/", timeout=10).text
    assert re.search(r'<form method="post" action="/clear">', page)

    response = requests.post(f"{base_url}/clear", allow_redirects=False, timeout=10)

    assert response.status_code == 303
    assert messages(base_url) == []
    assert "No email captured yet." in requests.get(f"{base_url}/", timeout=10).text


# --- CLI ----------------------------------------------------------------------------------


def test_cli_serves_on_given_port() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tools.capture", "--host", "127.0.0.1", "--port", "0"],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", first_line)
        assert match, first_line
        assert stats(match.group(0))["email"]["total"] == 0
    finally:
        process.terminate()
        process.wait(timeout=10)
