"""A new VAPID key pair for Web Push: ``python -m tools.deploy.vapid_key`` prints the private
key to store as the VAPID_PRIVATE_KEY secret (once: a new key ends every device's
subscription)."""

import base64

from cryptography.hazmat.primitives.asymmetric import ec


def new_vapid_private_key() -> str:
    """A P-256 private key as its 32 raw bytes, base64url without padding."""
    secret = ec.generate_private_key(ec.SECP256R1()).private_numbers().private_value
    return base64.urlsafe_b64encode(secret.to_bytes(32, "big")).rstrip(b"=").decode("ascii")


if __name__ == "__main__":
    print(new_vapid_private_key())
