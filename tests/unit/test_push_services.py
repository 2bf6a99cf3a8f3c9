"""Which subscription endpoints Taskly will post to, and which keys it can encrypt for."""

import base64
import secrets

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from taskly.devices.push_services import allowed_origins, is_push_service, valid_keys

ORIGINS = allowed_origins(
    "https://fcm.googleapis.com, https://web.push.apple.com,https://*.notify.windows.com"
)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _browser_key() -> str:
    public = ec.generate_private_key(ec.SECP256R1()).public_key()
    return _b64(
        public.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
    )


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/abc:APA91",
        "https://web.push.apple.com/QGuQyavXutnMH",
        "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA",
        "HTTPS://FCM.googleapis.com/fcm/send/x",
    ],
)
def test_the_browsers_push_services_are_allowed(endpoint: str):
    assert is_push_service(endpoint, ORIGINS)


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://fcm.googleapis.com/fcm/send/x",  # not https
        "https://fcm.googleapis.com:8443/fcm/send/x",  # another port
        "https://fcm.googleapis.com.evil.example/x",
        "https://evilfcm.googleapis.com/x",
        "https://notify.windows.com/x",  # "*." needs a subdomain
        "https://evil.example/x.notify.windows.com",
        "https://a@fcm.googleapis.com/x",
        "https://169.254.169.254/computeMetadata/v1/",
        "https://fcm.googleapis.com:99999/x",
        "fcm.googleapis.com/x",
        "",
    ],
)
def test_anything_else_is_refused(endpoint: str):
    assert not is_push_service(endpoint, ORIGINS)


def test_keys_must_be_a_curve_point_and_a_16_byte_secret():
    key, secret = _browser_key(), _b64(secrets.token_bytes(16))

    assert valid_keys(key, secret)
    assert valid_keys(key + "=", secret + "==")  # padded base64url too
    assert not valid_keys(key[:-8] + "AAAAAAAA", secret)  # off the curve
    assert not valid_keys(key, _b64(secrets.token_bytes(12)))
    assert not valid_keys("not base64 at all!", secret)
