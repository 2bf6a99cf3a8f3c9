"""Which push services a subscription may point at: Taskly posts to the endpoint a browser
gave, so an endpoint anywhere else (an internal address, someone's server) is refused."""

import base64
import binascii
from fnmatch import fnmatchcase
from urllib.parse import urlsplit

from cryptography.hazmat.primitives.asymmetric import ec


def allowed_origins(setting: str) -> list[str]:
    """The comma-separated ``scheme://host[:port]`` patterns of PUSH_SERVICE_ORIGINS."""
    return [origin.strip().lower() for origin in setting.split(",") if origin.strip()]


def is_push_service(endpoint: str, origins: list[str]) -> bool:
    """Whether ``endpoint`` is a URL at one of ``origins`` ("*." matches any subdomain)."""
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError:
        return False
    if parts.username is not None or parts.password is not None or not parts.hostname:
        return False
    origin = f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port is not None else "")
    # An origin holds no "/" and "*." needs a label before the dot, so a pattern matches
    # only hosts under its domain.
    return any(fnmatchcase(origin, pattern) for pattern in origins)


def _decoded(value: str) -> bytes | None:
    try:
        return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
    except (ValueError, binascii.Error):
        return None


def valid_keys(p256dh: str, auth: str) -> bool:
    """Whether the subscription's keys are what RFC 8291 asks for: a P-256 public key (an
    uncompressed point on the curve) and a 16-byte auth secret. Checked when the device is
    added, so a delivery never meets keys it cannot encrypt for."""
    point, secret = _decoded(p256dh), _decoded(auth)
    if point is None or secret is None or len(secret) != 16:
        return False
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError:
        return False
    return len(point) == 65
