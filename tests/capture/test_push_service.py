"""The capture server as a browser's Web Push service, driven by the real pywebpush."""

from __future__ import annotations

import base64
import json
import re
import time
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from py_vapid import Vapid, Vapid01
from py_vapid.jwt import sign as sign_jwt
from pywebpush import WebPusher, WebPushException, webpush

from tools.capture import CaptureConfig, create_app, start_in_thread
from tools.capture.page import email_preview

SUB = "mailto:test@example.com"


@pytest.fixture
def base_url() -> Iterator[str]:
    """A fresh capture server on an ephemeral port."""
    server, url = start_in_thread("127.0.0.1", 0, create_app(CaptureConfig()))
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def subscribe(base_url: str, **body: Any) -> dict[str, Any]:
    """What ``pushManager.subscribe()`` would give a page, minted by the capture server."""
    response = requests.post(f"{base_url}/api/push/subscriptions", json=body or None, timeout=10)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def subscription_id(subscription: dict[str, Any]) -> str:
    return str(subscription["endpoint"].rsplit("/", 1)[1])


def vapid_key() -> Vapid:
    """An application server's VAPID key (py_vapid's RFC 8292 signer, a Vapid01 subclass)."""
    key = Vapid()
    key.generate_keys()
    return key


def public_key_of(key: Vapid01) -> str:
    point = key.public_key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    return b64url(point)


def send(
    subscription: dict[str, Any],
    payload: dict[str, Any] | str | None,
    key: Vapid01 | None = None,
    **options: Any,
) -> requests.Response:
    """Push with the real library, as the product's functions would."""
    data = json.dumps(payload) if isinstance(payload, dict) else payload
    response: requests.Response = webpush(
        subscription,
        data=data,
        vapid_private_key=key or vapid_key(),
        vapid_claims={"sub": SUB},
        ttl=60,
        **options,
    )
    return response


def refused_status(subscription: dict[str, Any], **options: Any) -> int:
    """The status a push is refused with (the library raises WebPushException)."""
    with pytest.raises(WebPushException) as caught:
        send(subscription, {"title": "x"}, **options)
    assert caught.value.response is not None
    status: int = caught.value.response.status_code
    return status


def pushes(base_url: str, **filters: str) -> list[dict[str, Any]]:
    response = requests.get(
        f"{base_url}/api/messages", params={"channel": "push", **filters}, timeout=10
    )
    response.raise_for_status()
    result: list[dict[str, Any]] = response.json()["messages"]
    return result


def push_stats(base_url: str) -> dict[str, int]:
    result: dict[str, int] = requests.get(f"{base_url}/api/stats", timeout=10).json()["push"]
    return result


def set_fault(base_url: str, **spec: Any) -> None:
    requests.post(f"{base_url}/api/faults", json=spec, timeout=10).raise_for_status()


def authorization(claims: dict[str, Any], key: Vapid01, k: str | None = None) -> str:
    """An RFC 8292 header for exactly these claims (py_vapid's signer would check them)."""
    return f"vapid t={sign_jwt(claims, key.private_key)}, k={k or public_key_of(key)}"


# --- Subscriptions ------------------------------------------------------------------------


def test_subscribe_gives_what_a_browser_gives(base_url: str) -> None:
    subscription = subscribe(base_url)

    assert set(subscription) == {"endpoint", "expirationTime", "keys"}
    assert subscription["expirationTime"] is None
    assert re.fullmatch(
        rf"{re.escape(base_url)}/push/[A-Za-z0-9_-]{{16,}}", subscription["endpoint"]
    )
    p256dh, auth = subscription["keys"]["p256dh"], subscription["keys"]["auth"]
    assert "=" not in p256dh + auth
    point = unb64url(p256dh)
    assert len(point) == 65 and point[0] == 4
    ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    assert len(unb64url(auth)) == 16
    other = subscribe(base_url)
    assert other["endpoint"] != subscription["endpoint"]
    assert other["keys"]["p256dh"] != p256dh and other["keys"]["auth"] != auth

    listed = requests.get(f"{base_url}/api/push/subscriptions", timeout=10).json()
    assert [(s["id"], s["endpoint"], s["expired"]) for s in listed["subscriptions"]] == [
        (subscription_id(subscription), subscription["endpoint"], False),
        (subscription_id(other), other["endpoint"], False),
    ]
    assert listed["subscriptions"][0]["keys"] == subscription["keys"]


def test_endpoint_uses_the_host_the_request_came_in_on(base_url: str) -> None:
    port = base_url.rsplit(":", 1)[1]
    answer = requests.post(f"http://localhost:{port}/api/push/subscriptions", timeout=10).json()

    assert answer["endpoint"].startswith(f"http://localhost:{port}/push/")


@pytest.mark.parametrize(
    "body",
    [b"{oops", b"[]", b'{"applicationServerKey": "not-a-key"}', b'{"nope": 1}'],
)
def test_subscribe_with_a_bad_body_is_400(base_url: str, body: bytes) -> None:
    response = requests.post(
        f"{base_url}/api/push/subscriptions",
        data=body,
        headers={"Content-Type": "application/json"},
        timeout=10,
    )

    assert response.status_code == 400
    assert response.json()["error"]


def test_clearing_messages_keeps_subscriptions(base_url: str) -> None:
    subscription = subscribe(base_url)
    send(subscription, {"title": "One"})

    requests.delete(f"{base_url}/api/messages", timeout=10).raise_for_status()

    assert pushes(base_url) == []
    assert send(subscription, {"title": "Two"}).status_code == 201
    assert [m["subject"] for m in pushes(base_url)] == ["Two"]


# --- Receiving pushes ---------------------------------------------------------------------


def test_real_library_push_is_decrypted_and_captured(base_url: str) -> None:
    subscription = subscribe(base_url)
    payload = {"title": "Due today: Pay rent", "body": "Open Taskly", "url": "/board"}

    response = send(subscription, payload, headers={"Urgency": "high", "Topic": "task-1"})

    assert response.status_code == 201
    location = response.headers["Location"]
    match = re.fullmatch(rf"/push/{subscription_id(subscription)}/messages/(\S+)", location)
    assert match, location
    assert response.headers["TTL"] == "60"
    [stored] = pushes(base_url)
    assert stored["id"] == match.group(1)
    assert stored["channel"] == "push"
    assert stored["to"] == [subscription_id(subscription)]
    assert stored["from"] == SUB
    assert stored["subject"] == "Due today: Pay rent"
    assert stored["text"] == "Open Taskly"
    assert stored["html"] is None
    assert json.loads(stored["body"]) == payload
    assert stored["headers"] == {"TTL": "60", "Urgency": "high", "Topic": "task-1"}
    assert stored["request"]["aud"] == base_url
    assert stored["request"]["sub"] == SUB
    assert 0 < stored["request"]["exp"] - time.time() <= 24 * 3600
    by_id = requests.get(f"{base_url}/api/messages/{stored['id']}", timeout=10).json()
    assert by_id == stored
    assert pushes(base_url, to=subscription_id(subscription)) == [stored]
    assert push_stats(base_url) == {"accepted": 1, "rejected": 0, "failed": 0, "total": 1}


@pytest.mark.parametrize(
    ("data", "subject", "text"),
    [
        ("just words", None, None),
        ('["title"]', None, None),
        ('{"title": 3, "body": "b"}', None, "b"),
        ('{"title": "t"}', "t", None),
    ],
)
def test_payload_other_than_a_notification_is_kept_raw(
    base_url: str, data: str, subject: str | None, text: str | None
) -> None:
    send(subscribe(base_url), data)

    [stored] = pushes(base_url)
    assert (stored["body"], stored["subject"], stored["text"]) == (data, subject, text)


def test_push_without_payload_is_accepted(base_url: str) -> None:
    assert send(subscribe(base_url), None).status_code == 201

    [stored] = pushes(base_url)
    assert stored["body"] is None and stored["subject"] is None


def test_draft_webpush_scheme_is_refused(base_url: str) -> None:
    """py_vapid's plain Vapid01 signs draft-01 (``WebPush <JWT>`` + Crypto-Key): not RFC 8292."""
    draft = Vapid01()
    draft.generate_keys()

    assert refused_status(subscribe(base_url), key=draft) == 401
    assert pushes(base_url) == []


def test_wrong_aud_is_refused_through_the_library(base_url: str) -> None:
    subscription = subscribe(base_url)
    with pytest.raises(WebPushException) as caught:
        webpush(
            subscription,
            data="{}",
            vapid_private_key=vapid_key(),
            vapid_claims={"sub": SUB, "aud": "https://fcm.googleapis.com"},
            ttl=60,
        )

    assert caught.value.response is not None
    assert caught.value.response.status_code == 403
    assert "aud" in caught.value.response.json()["message"]
    assert pushes(base_url) == []


def _case(
    name: str, subscription: dict[str, Any], other: dict[str, Any], base_url: str
) -> tuple[dict[str, str], bytes]:
    """Headers and body of a push that is valid but for the one thing ``name`` says."""
    key = vapid_key()
    claims: dict[str, Any] = {"aud": base_url, "sub": SUB, "exp": int(time.time()) + 3600}
    plaintext = b'{"title": "x"}'
    target = other if name == "encrypted for another subscription" else subscription
    if name == "over 4096 bytes":
        plaintext = b"x" * 4100
    body: bytes = WebPusher(target).encode(plaintext)["body"]
    match name:
        case "aud of another origin":
            claims["aud"] = "http://127.0.0.1:1"
        case "aud with a path":
            claims["aud"] = f"{base_url}/push"
        case "expired":
            claims["exp"] = int(time.time()) - 1
        case "exp beyond 24 hours":
            claims["exp"] = int(time.time()) + 25 * 3600
        case "no sub":
            del claims["sub"]
        case "sub not a contact":
            claims["sub"] = "test@example.com"
        case "garbage body":
            body = b"\x00" * 100
    headers = {"TTL": "60", "Content-Encoding": "aes128gcm"}
    headers["Authorization"] = authorization(claims, key)
    match name:
        case "no Authorization":
            del headers["Authorization"]
        case "vapid without k":
            headers["Authorization"] = headers["Authorization"].split(",")[0]
        case "signed by another key":
            headers["Authorization"] = authorization(claims, key, k=public_key_of(vapid_key()))
        case "t is not a JWT":
            headers["Authorization"] = f"vapid t=abc.def, k={public_key_of(key)}"
        case "no TTL":
            del headers["TTL"]
        case "negative TTL":
            headers["TTL"] = "-1"
        case "bad Urgency":
            headers["Urgency"] = "urgent"
        case "aesgcm encoding":
            headers["Content-Encoding"] = "aesgcm"
        case "no Content-Encoding":
            del headers["Content-Encoding"]
    return headers, body


@pytest.mark.parametrize(
    ("name", "status"),
    [
        ("no Authorization", 401),
        ("vapid without k", 401),
        ("signed by another key", 403),
        ("t is not a JWT", 403),
        ("aud of another origin", 403),
        ("aud with a path", 403),
        ("expired", 403),
        ("exp beyond 24 hours", 403),
        ("no sub", 403),
        ("sub not a contact", 403),
        ("no TTL", 400),
        ("negative TTL", 400),
        ("bad Urgency", 400),
        ("aesgcm encoding", 415),
        ("no Content-Encoding", 415),
        ("over 4096 bytes", 413),
        ("garbage body", 400),
        ("encrypted for another subscription", 400),
    ],
)
def test_invalid_push_is_refused_and_not_stored(base_url: str, name: str, status: int) -> None:
    subscription, other = subscribe(base_url), subscribe(base_url)
    headers, body = _case(name, subscription, other, base_url)

    response = requests.post(subscription["endpoint"], data=body, headers=headers, timeout=10)

    assert response.status_code == status, response.text
    answer = response.json()
    assert answer["code"] == status and answer["message"]
    assert pushes(base_url) == []
    assert push_stats(base_url) == {"accepted": 0, "rejected": 1, "failed": 0, "total": 1}


def test_subscription_made_with_an_application_server_key_takes_only_that_key(
    base_url: str,
) -> None:
    key = vapid_key()
    subscription = subscribe(
        base_url, applicationServerKey=public_key_of(key), userVisibleOnly=True
    )

    assert refused_status(subscription) == 403
    assert send(subscription, {"title": "ok"}, key=key).status_code == 201
    listed = requests.get(f"{base_url}/api/push/subscriptions", timeout=10).json()
    assert listed["subscriptions"][0]["applicationServerKey"] == public_key_of(key)


def test_unsubscribed_is_410_and_unknown_is_404(base_url: str) -> None:
    subscription = subscribe(base_url)
    sid = subscription_id(subscription)

    deleted = requests.delete(f"{base_url}/api/push/subscriptions/{sid}", timeout=10)

    assert deleted.status_code == 200
    assert deleted.json()["expired"] is True
    assert refused_status(subscription) == 410
    shown = requests.get(f"{base_url}/api/push/subscriptions/{sid}", timeout=10).json()
    assert shown["expired"] is True
    unknown = {**subscription, "endpoint": f"{base_url}/push/never-minted"}
    assert refused_status(unknown) == 404
    gone = requests.delete(f"{base_url}/api/push/subscriptions/never-minted", timeout=10)
    assert gone.status_code == 404
    assert pushes(base_url) == []


# --- Faults -------------------------------------------------------------------------------


def test_fault_500_then_success_stores_exactly_one(base_url: str) -> None:
    subscription = subscribe(base_url)
    set_fault(base_url, channel="push", status=500, count=1)

    assert refused_status(subscription) == 500
    assert send(subscription, {"title": "Retried"}).status_code == 201

    assert [m["subject"] for m in pushes(base_url)] == ["Retried"]
    assert push_stats(base_url) == {"accepted": 1, "rejected": 0, "failed": 1, "total": 2}
    faults = requests.get(f"{base_url}/api/faults", timeout=10).json()["faults"]
    assert faults == {"email": None, "sms": None, "push": None}


@pytest.mark.parametrize("status", [410, 404, 429])
def test_fault_status_is_answered_as_is(base_url: str, status: int) -> None:
    subscription = subscribe(base_url)
    set_fault(base_url, channel="push", status=status)

    with pytest.raises(WebPushException) as caught:
        send(subscription, {"title": "x"})

    assert caught.value.response is not None
    assert caught.value.response.status_code == status
    assert pushes(base_url) == []


def test_fault_on_all_channels_covers_push_and_clears_by_channel(base_url: str) -> None:
    subscription = subscribe(base_url)
    set_fault(base_url, channel="all", status=503)
    requests.delete(f"{base_url}/api/faults", params={"channel": "push"}, timeout=10)

    assert send(subscription, {"title": "x"}).status_code == 201
    faults = requests.get(f"{base_url}/api/faults", timeout=10).json()["faults"]
    assert faults["push"] is None and faults["email"]["status"] == 503


def test_a_late_answer_comes_after_the_push_was_accepted(base_url: str) -> None:
    subscription = subscribe(base_url)
    set_fault(base_url, channel="push", late_answer_ms=1500)

    with pytest.raises(requests.Timeout):
        send(subscription, {"title": "Taken"}, timeout=0.5)

    assert [m["subject"] for m in pushes(base_url)] == ["Taken"]


def test_channel_filter_names_push(base_url: str) -> None:
    answer = requests.get(f"{base_url}/api/messages", params={"channel": "fax"}, timeout=10)

    assert answer.status_code == 400
    assert "push" in answer.json()["error"]


# --- Page ---------------------------------------------------------------------------------


def test_page_shows_pushes_as_text(base_url: str) -> None:
    subscription = subscribe(base_url)
    payload = {"title": "<b>Due</b> today", "body": "<img src=x onerror=alert(1)>"}
    send(subscription, payload)

    page = requests.get(f"{base_url}/", timeout=10).text

    assert "1 push</title>" in page
    assert "<b>Due</b>" not in page and "&lt;b&gt;Due&lt;/b&gt; today" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert subscription_id(subscription) in page
    [raw] = re.findall(r"<details[^>]*>\s*<summary>[^<]*</summary>\s*<pre>([^<]*)</pre>", page)
    assert json.loads(unescape(raw)) == payload


def test_email_preview_links_open_a_new_tab(base_url: str) -> None:
    requests.post(
        f"{base_url}/v3/mail/send",
        json={
            "personalizations": [{"to": [{"email": "ann@example.com"}]}],
            "from": {"email": "reminders@taskly.test"},
            "subject": "Confirm",
            "content": [
                {"type": "text/html", "value": '<!DOCTYPE html><a href="http://app/x">Go</a>'}
            ],
        },
        headers={"Authorization": "Bearer k"},
        timeout=10,
    ).raise_for_status()

    page = requests.get(f"{base_url}/", timeout=10).text

    [(sandbox, srcdoc)] = re.findall(r'<iframe[^>]*\ssandbox="([^"]*)"[^>]*srcdoc="([^"]*)"', page)
    # Popups only (for target=_blank), escaping the sandbox so the app's page can run; never
    # scripts or the capture page's origin inside the preview.
    assert set(sandbox.split()) == {"allow-popups", "allow-popups-to-escape-sandbox"}
    assert unescape(srcdoc) == '<!DOCTYPE html><base target="_blank"><a href="http://app/x">Go</a>'


def test_email_preview_base_goes_after_the_doctype_only() -> None:
    assert email_preview("<p>x</p>") == '<base target="_blank"><p>x</p>'
    assert (
        email_preview("\n<!doctype html>\n<html><head></head></html>")
        == '\n<!doctype html><base target="_blank">\n<html><head></head></html>'
    )
