"""Reading a Firebase ID token's claims, as the rules and the API see them."""

import base64
import json
import time
from typing import Any


def claims(id_token: str) -> dict[str, Any]:
    """The token's payload, unverified (the tests hold tokens the emulator just issued)."""
    payload = id_token.split(".")[1]
    return dict(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))))


def wait_past_sign_in_second(id_token: str) -> None:
    """Sleep until the second after the token's sign-in.

    A revocation is recorded to the second and spares a sign-in from that very second (Auth's
    rule, and so the API's and the rules'): a test that signs out right after signing in
    waits this long first, or the old token would rightly still work.
    """
    delay = claims(id_token)["auth_time"] + 1 - time.time()
    if delay > 0:
        time.sleep(delay)
