"""Local-only secret values for the emulator, made once and never committed."""

import os
import secrets
from pathlib import Path

from tools.deploy.params import read_dotenv
from tools.devstack.paths import FUNCTIONS

SECRET_FILE = FUNCTIONS / ".secret.local"
OWNER_ONLY = 0o600


def _fresh_values() -> dict[str, str]:
    return {
        "SENDGRID_API_KEY": "SG.local-" + secrets.token_urlsafe(24),
        "TWILIO_ACCOUNT_SID": "AC" + secrets.token_hex(16),
        "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
        "UNSUBSCRIBE_SIGNING_KEY": secrets.token_urlsafe(32),
    }


def _write_private(path: Path, text: str) -> None:
    """Create ``path`` readable by its owner only from the start: no moment open to others."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    with os.fdopen(descriptor, "w") as out:
        out.write(text)


def local_secrets(path: Path = SECRET_FILE) -> dict[str, str]:
    """The values in ``path`` (functions/.secret.local), creating the file on first use."""
    if not path.exists():
        lines = [f"{name}={value}" for name, value in _fresh_values().items()]
        _write_private(path, "\n".join(lines) + "\n")
    return read_dotenv(path)
