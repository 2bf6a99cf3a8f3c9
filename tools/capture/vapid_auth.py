"""VAPID (RFC 8292) checks a push service makes before it accepts a push."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from tools.capture.push_subscriptions import b64url_decode, p256_public_key, public_point

MAX_EXP_AHEAD_SECONDS = 24 * 60 * 60
SUB_SCHEMES = ("mailto:", "https:")
ES256_SIGNATURE_BYTES = 64


class PushRefused(Exception):
    """A push the service turns down: the HTTP status and a short reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class VapidClaims:
    """The checked claims of a VAPID token and the sender's public key (uncompressed)."""

    aud: str
    sub: str
    exp: int
    key: bytes

    def to_json(self) -> dict[str, Any]:
        """``aud``, ``sub`` and ``exp``, as stored with the push."""
        return {"aud": self.aud, "sub": self.sub, "exp": self.exp}


def parse_authorization(header: str | None) -> tuple[str, str]:
    """``(t, k)`` of ``vapid t=<JWT>, k=<key>``; 401 when missing or another scheme."""
    if not header or not header.strip():
        raise PushRefused(401, "missing Authorization: vapid t=<JWT>, k=<key>")
    scheme, _, rest = header.strip().partition(" ")
    if scheme.lower() != "vapid":
        raise PushRefused(401, f"Authorization scheme must be 'vapid' (RFC 8292), not {scheme!r}")
    params: dict[str, str] = {}
    for part in rest.split(","):
        name, sep, value = part.strip().partition("=")
        if sep:
            params[name.strip().lower()] = value.strip()
    token, key = params.get("t"), params.get("k")
    if not token or not key:
        raise PushRefused(401, "Authorization needs both t=<JWT> and k=<key>")
    return token, key


def verified_claims(token: str, key_text: str) -> tuple[dict[str, Any], bytes]:
    """The claims of an ES256 JWT signed by ``k``, and k's point; 403 when it is not."""
    try:
        key = p256_public_key(key_text)
    except ValueError:
        raise PushRefused(403, "k is not a P-256 public key") from None
    pieces = token.split(".")
    try:
        if len(pieces) != 3:
            raise ValueError("not three parts")
        header = json.loads(b64url_decode(pieces[0]))
        claims = json.loads(b64url_decode(pieces[1]))
        signature = b64url_decode(pieces[2])
    except ValueError:
        raise PushRefused(403, "t is not a JWT") from None
    if not isinstance(header, dict) or header.get("alg") != "ES256":
        raise PushRefused(403, "the JWT's alg must be ES256")
    if len(signature) != ES256_SIGNATURE_BYTES:
        raise PushRefused(403, "the JWT's signature is not an ES256 signature")
    # JWS carries r || s; cryptography verifies DER.
    der = encode_dss_signature(
        int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big")
    )
    try:
        key.verify(der, f"{pieces[0]}.{pieces[1]}".encode("ascii"), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise PushRefused(403, "the JWT is not signed by k") from None
    if not isinstance(claims, dict):
        raise PushRefused(403, "the JWT's claims are not an object")
    return claims, public_point(key)


def checked_claims(claims: dict[str, Any], key: bytes, audience: str, now: float) -> VapidClaims:
    """``aud`` is ``audience``, ``exp`` within the next 24 hours, ``sub`` a contact; else 403."""
    aud = claims.get("aud")
    if not isinstance(aud, str) or aud.lower() != audience.lower():
        raise PushRefused(403, f"aud {aud!r} is not the endpoint's origin {audience!r}")
    exp = claims.get("exp")
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        raise PushRefused(403, "exp must be a number of seconds since the epoch")
    if exp <= now:
        raise PushRefused(403, "the JWT has expired")
    if exp > now + MAX_EXP_AHEAD_SECONDS:
        raise PushRefused(403, "exp is more than 24 hours ahead")
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub.startswith(SUB_SCHEMES):
        raise PushRefused(403, "sub must be a mailto: or https: contact")
    return VapidClaims(aud=aud, sub=sub, exp=int(exp), key=key)


def verify_vapid(
    header: str | None, *, audience: str, application_server_key: bytes | None, now: float
) -> VapidClaims:
    """Check an ``Authorization`` header for a push to an endpoint of origin ``audience``.

    A subscription made with an applicationServerKey only takes pushes signed by that key.
    Raises :class:`PushRefused` (401 or 403) with the reason.
    """
    token, key_text = parse_authorization(header)
    claims, key = verified_claims(token, key_text)
    if application_server_key is not None and key != application_server_key:
        raise PushRefused(403, "k is not the applicationServerKey of this subscription")
    return checked_claims(claims, key, audience, now)
