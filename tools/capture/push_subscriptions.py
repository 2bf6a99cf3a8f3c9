"""Push subscriptions as a browser's push service mints them, with their private keys.

``pushManager.subscribe()`` gives a page an endpoint, the browser's P-256 public key
(``p256dh``) and a 16-byte auth secret; the browser keeps the private key. Here the capture
server plays the browser too, so it keeps the private key and secret to decrypt each push.
"""

from __future__ import annotations

import base64
import secrets
import threading
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

AUTH_SECRET_BYTES = 16


def b64url_encode(data: bytes) -> str:
    """Base64url without padding, as Web Push writes keys."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    """Base64url with or without padding; raises ValueError when it is not base64url."""
    return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)


def public_point(key: ec.EllipticCurvePublicKey) -> bytes:
    """The uncompressed P-256 point (65 bytes, ``04 || x || y``)."""
    return key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)


def p256_public_key(text: str) -> ec.EllipticCurvePublicKey:
    """A base64url uncompressed P-256 point as a key; raises ValueError when it is not one."""
    return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(text))


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, the ``aud`` a VAPID token must name."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class PushSubscription:
    """One subscription: what the page got, plus the browser's secrets."""

    id: str
    endpoint: str
    private_key: ec.EllipticCurvePrivateKey
    auth_secret: bytes
    # The VAPID public key the page subscribed with; pushes must then be signed by it.
    application_server_key: bytes | None = None
    expired: bool = False

    @property
    def origin(self) -> str:
        """The endpoint's origin."""
        return origin_of(self.endpoint)

    def keys(self) -> dict[str, str]:
        """``p256dh`` and ``auth``, base64url without padding."""
        return {
            "p256dh": b64url_encode(public_point(self.private_key.public_key())),
            "auth": b64url_encode(self.auth_secret),
        }

    def to_json(self) -> dict[str, Any]:
        """What ``PushSubscription.toJSON()`` gives a page."""
        return {"endpoint": self.endpoint, "expirationTime": None, "keys": self.keys()}

    def summary(self) -> dict[str, Any]:
        """The listing entry for tests: id, endpoint, expired, keys, applicationServerKey."""
        server_key = self.application_server_key
        return {
            "id": self.id,
            "endpoint": self.endpoint,
            "expired": self.expired,
            "keys": self.keys(),
            "applicationServerKey": b64url_encode(server_key) if server_key else None,
        }


class PushSubscriptions:
    """Thread-safe, in-memory subscriptions by id, oldest first."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_id: dict[str, PushSubscription] = {}

    def mint(self, base_url: str, application_server_key: bytes | None = None) -> PushSubscription:
        """A fresh subscription whose endpoint is ``<base_url>/push/<id>``."""
        subscription_id = secrets.token_urlsafe(18)
        subscription = PushSubscription(
            id=subscription_id,
            endpoint=f"{base_url.rstrip('/')}/push/{subscription_id}",
            private_key=ec.generate_private_key(ec.SECP256R1()),
            auth_secret=secrets.token_bytes(AUTH_SECRET_BYTES),
            application_server_key=application_server_key,
        )
        with self._lock:
            self._by_id[subscription_id] = subscription
        return subscription

    def get(self, subscription_id: str) -> PushSubscription | None:
        """The subscription with that id, or ``None``."""
        with self._lock:
            return self._by_id.get(subscription_id)

    def expire(self, subscription_id: str) -> PushSubscription | None:
        """Mark it expired (the browser unsubscribed); ``None`` when there is no such id."""
        with self._lock:
            found = self._by_id.get(subscription_id)
            if found is None:
                return None
            self._by_id[subscription_id] = expired = replace(found, expired=True)
            return expired

    def list(self) -> list[PushSubscription]:
        """Every subscription, oldest first."""
        with self._lock:
            return list(self._by_id.values())
