"""Stand-in for a browser's Web Push service (RFC 8030, 8291, 8292).

``POST /api/push/subscriptions`` mints what ``pushManager.subscribe()`` gives a page;
``POST /push/<id>`` takes a push as a push service does (VAPID, TTL, aes128gcm, 4 KB),
decrypts it with the subscription's keys and stores it as a "push" message.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from typing import Any

import http_ece  # type: ignore[import-untyped]
from flask import Blueprint, Response, jsonify, request
from werkzeug.http import HTTP_STATUS_CODES

from tools.capture.api import json_error
from tools.capture.push_subscriptions import PushSubscription, p256_public_key, public_point
from tools.capture.state import get_state
from tools.capture.store import Message, make_message
from tools.capture.vapid_auth import PushRefused, VapidClaims, verify_vapid

bp = Blueprint("push", __name__)

MAX_PAYLOAD_BYTES = 4096
CONTENT_ENCODING = "aes128gcm"
ECE_HEADER_BYTES = 21  # salt (16), record size (4), key id length (1), then the key id
TTL_RE = re.compile(r"[0-9]+")
URGENCIES = frozenset({"very-low", "low", "normal", "high"})
TOPIC_RE = re.compile(r"[A-Za-z0-9_-]{1,32}")
KEPT_HEADERS = ("TTL", "Urgency", "Topic")
SUBSCRIBE_KEYS = frozenset({"applicationServerKey", "userVisibleOnly"})


def push_error(status: int, reason: str) -> Response:
    """A push service's JSON error: ``{"code", "error", "message"}``."""
    response = jsonify(
        {"code": status, "error": HTTP_STATUS_CODES.get(status, "Error"), "message": reason}
    )
    response.status_code = status
    if status == 429:
        response.headers["Retry-After"] = "1"
    return response


def application_server_key(raw: bytes) -> bytes | None:
    """The optional ``applicationServerKey`` of a subscribe body, as an uncompressed point.

    Raises ValueError with the reason when the body is not what ``subscribe()`` takes.
    """
    if not raw.strip():
        return None
    try:
        payload = json.loads(raw)
    except ValueError:
        raise ValueError("body must be JSON") from None
    if not isinstance(payload, dict):
        raise ValueError("body must be a JSON object")
    unknown = sorted(set(payload) - SUBSCRIBE_KEYS)
    if unknown:
        raise ValueError(f"unknown keys: {', '.join(unknown)}")
    key = payload.get("applicationServerKey")
    if key is None:
        return None
    try:
        if not isinstance(key, str):
            raise ValueError("not a string")
        return public_point(p256_public_key(key))
    except ValueError:
        raise ValueError("applicationServerKey must be a base64url P-256 public key") from None


@bp.post("/api/push/subscriptions")
def subscribe() -> Response:
    """Mint a subscription on the URL this request came in on; 201 with its JSON.

    The body is optional: ``{"applicationServerKey": <base64url VAPID public key>}`` binds
    the subscription to that key, as a browser does.
    """
    try:
        server_key = application_server_key(request.get_data())
    except ValueError as exc:
        return json_error(400, str(exc))
    subscription = get_state().push.mint(request.host_url, server_key)
    response = jsonify(subscription.to_json())
    response.status_code = 201
    response.headers["Location"] = f"/api/push/subscriptions/{subscription.id}"
    return response


@bp.get("/api/push/subscriptions")
def list_subscriptions() -> Response:
    """Every subscription, oldest first: id, endpoint, expired, keys, applicationServerKey."""
    return jsonify({"subscriptions": [s.summary() for s in get_state().push.list()]})


@bp.get("/api/push/subscriptions/<subscription_id>")
def show_subscription(subscription_id: str) -> Response:
    """One subscription, as listed."""
    subscription = get_state().push.get(subscription_id)
    if subscription is None:
        return json_error(404, "no such subscription")
    return jsonify(subscription.summary())


@bp.delete("/api/push/subscriptions/<subscription_id>")
def expire_subscription(subscription_id: str) -> Response:
    """Unsubscribe, as the browser would: later pushes to it answer 410 Gone."""
    expired = get_state().push.expire(subscription_id)
    if expired is None:
        return json_error(404, "no such subscription")
    return jsonify(expired.summary())


def live_subscription(subscription_id: str) -> PushSubscription:
    """The subscription pushes go to; 404 when never minted, 410 when expired."""
    subscription = get_state().push.get(subscription_id)
    if subscription is None:
        raise PushRefused(404, "no such subscription")
    if subscription.expired:
        raise PushRefused(410, "the subscription has expired or was unsubscribed")
    return subscription


def kept_headers() -> dict[str, str]:
    """TTL (required), Urgency and Topic as received; 400 when one is malformed."""
    ttl = request.headers.get("TTL", "").strip()
    if not TTL_RE.fullmatch(ttl):
        raise PushRefused(400, "a TTL header (seconds, an integer >= 0) is required")
    urgency = request.headers.get("Urgency")
    if urgency is not None and urgency.strip().lower() not in URGENCIES:
        raise PushRefused(400, "Urgency must be very-low, low, normal or high")
    topic = request.headers.get("Topic")
    if topic is not None and not TOPIC_RE.fullmatch(topic.strip()):
        raise PushRefused(400, "Topic must be 1 to 32 base64url characters")
    return {name: value.strip() for name in KEPT_HEADERS if (value := request.headers.get(name))}


def decrypted_payload(subscription: PushSubscription) -> bytes | None:
    """The plaintext of the body, ``None`` for a push without payload; 413, 415 or 400."""
    body = request.get_data()
    if len(body) > MAX_PAYLOAD_BYTES:
        raise PushRefused(413, f"the payload is larger than {MAX_PAYLOAD_BYTES} bytes")
    if not body:
        return None  # allowed: it only wakes the service worker up
    if request.headers.get("Content-Encoding", "").strip().lower() != CONTENT_ENCODING:
        raise PushRefused(415, f"Content-Encoding must be {CONTENT_ENCODING} (RFC 8291)")
    try:
        key_id_length = body[ECE_HEADER_BYTES - 1] if len(body) >= ECE_HEADER_BYTES else 0
        if len(body) <= ECE_HEADER_BYTES + key_id_length:
            # http_ece reads a header without any record as an empty message.
            raise ValueError("no record after the header")
        plaintext: bytes = http_ece.decrypt(
            body,
            private_key=subscription.private_key,
            auth_secret=subscription.auth_secret,
            version=CONTENT_ENCODING,
        )
    except (http_ece.ECEException, ValueError):
        raise PushRefused(
            400, "the payload does not decrypt with the subscription's keys"
        ) from None
    return plaintext


def notification_fields(text: str | None) -> tuple[str | None, str | None]:
    """``title`` and ``body`` of a JSON object payload, when they are strings."""
    try:
        payload: Any = json.loads(text) if text else None
    except ValueError:
        return None, None
    if not isinstance(payload, dict):
        return None, None
    title, body = payload.get("title"), payload.get("body")
    return (
        title if isinstance(title, str) else None,
        body if isinstance(body, str) else None,
    )


def push_message(
    subscription: PushSubscription,
    claims: VapidClaims,
    headers: dict[str, str],
    plaintext: bytes | None,
) -> Message:
    """The stored record: to the subscription id, from the VAPID ``sub``."""
    text = plaintext.decode("utf-8", errors="replace") if plaintext is not None else None
    title, shown = notification_fields(text)
    return make_message(
        message_id=secrets.token_urlsafe(16),
        channel="push",
        to=[subscription.id],
        sender=claims.sub,
        subject=title,
        text=shown,
        headers=headers,
        body=text,
        request=claims.to_json(),
    )


@bp.post("/push/<subscription_id>")
def receive_push(subscription_id: str) -> Response:
    """Check a push like a push service, decrypt and store it; 201 with its Location."""
    state = get_state()
    fault = state.faults.apply("push")
    if fault is not None:
        state.stats.record("push", "failed")
        return push_error(fault, "injected fault")
    try:
        subscription = live_subscription(subscription_id)
        claims = verify_vapid(
            request.headers.get("Authorization"),
            audience=subscription.origin,
            application_server_key=subscription.application_server_key,
            now=time.time(),
        )
        headers = kept_headers()
        plaintext = decrypted_payload(subscription)
    except PushRefused as refused:
        state.stats.record("push", "rejected")
        return push_error(refused.status, refused.reason)
    message = push_message(subscription, claims, headers, plaintext)
    state.store.add(message)
    state.stats.record("push", "accepted")
    state.faults.answer_late("push")
    response = Response(status=201)
    response.headers["Location"] = f"/push/{subscription.id}/messages/{message['id']}"
    response.headers["TTL"] = headers["TTL"]
    return response
