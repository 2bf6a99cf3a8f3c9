"""Web Push (RFC 8030) with VAPID (RFC 8292) and payload encryption (RFC 8291), by pywebpush."""

import base64
from email.utils import parseaddr
from functools import cache

from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid, Vapid01
from pywebpush import WebPushException, webpush
from requests import RequestException

from taskly.delivery.messages import (
    OutcomeUnknown,
    ProviderError,
    Push,
    SubscriptionGone,
    is_retryable_status,
    never_connected,
)
from taskly.platform import settings

# How long a push service keeps a message for a device that is offline: a reminder half a
# day late still helps; one older is noise.
TTL_SECONDS = 12 * 60 * 60


@cache
def vapid_key(private_key: str) -> Vapid01:
    """The VAPID key pair from the secret (a base64url P-256 private key)."""
    return Vapid.from_string(private_key=private_key)


def send_push(push: Push) -> str:
    """Hand one message to the device's push service; where it put it (its Location)."""
    try:
        response = webpush(
            {"endpoint": push.endpoint, "keys": {"p256dh": push.p256dh, "auth": push.auth}},
            data=push.payload,
            vapid_private_key=vapid_key(settings.VAPID_PRIVATE_KEY.value),
            # Push services write to this address about a problem with Taskly's pushes.
            vapid_claims={"sub": f"mailto:{parseaddr(settings.MAIL_FROM.value)[1]}"},
            ttl=TTL_SECONDS,
            timeout=settings.PROVIDER_TIMEOUT_SECONDS.value,
        )
    except WebPushException as error:
        status = error.status_code or 0
        if status in (404, 410):
            raise SubscriptionGone(f"the push service answered {status}") from error
        retryable = is_retryable_status(status)
        raise ProviderError(f"the push service answered {status}", retryable=retryable) from error
    except RequestException as error:
        if never_connected(error):
            raise ProviderError(f"push service unreachable: {error}", retryable=True) from error
        raise OutcomeUnknown(f"the push service did not answer: {error!r}") from error
    assert not isinstance(response, str)  # a string only when asked for a curl command
    return response.headers.get("Location") or str(response.status_code)


def application_server_key() -> str:
    """The VAPID public key, as a browser's ``pushManager.subscribe()`` takes it: the
    uncompressed P-256 point, base64url without padding."""
    point = vapid_key(settings.VAPID_PRIVATE_KEY.value).public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(point).rstrip(b"=").decode("ascii")
