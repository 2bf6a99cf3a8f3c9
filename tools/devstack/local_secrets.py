"""Local-only secret values for the emulator, made once and never committed."""

import os
import secrets
from pathlib import Path

from tools.deploy.params import read_dotenv
from tools.deploy.vapid_key import new_vapid_private_key
from tools.devstack.paths import FUNCTIONS

SECRET_FILE = FUNCTIONS / ".secret.local"
OWNER_ONLY = 0o600


def _fresh_values() -> dict[str, str]:
    return {
        "SENDGRID_API_KEY": "SG.local-" + secrets.token_urlsafe(24),
        "TWILIO_ACCOUNT_SID": "AC" + secrets.token_hex(16),
        "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
        "UNSUBSCRIBE_SIGNING_KEY": secrets.token_urlsafe(32),
        "VAPID_PRIVATE_KEY": new_vapid_private_key(),
    }


def _write_private(path: Path, text: str) -> None:
    """Create ``path`` readable by its owner only from the start: no moment open to others."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    with os.fdopen(descriptor, "w") as out:
        out.write(text)


def _lines(values: dict[str, str]) -> str:
    return "".join(f"{name}={value}\n" for name, value in values.items())


def local_secrets(path: Path = SECRET_FILE) -> dict[str, str]:
    """The values in ``path`` (functions/.secret.local), creating the file on first use and
    adding a secret the functions came to need since, keeping the ones it has."""
    if not path.exists():
        _write_private(path, _lines(_fresh_values()))
    kept = read_dotenv(path)
    missing = {name: value for name, value in _fresh_values().items() if name not in kept}
    if missing:
        with path.open("a") as out:
            out.write(_lines(missing))
    return read_dotenv(path)
