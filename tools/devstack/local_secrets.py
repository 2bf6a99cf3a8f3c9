"""Local-only secret values for the emulator, made once and never committed."""

import secrets

from tools.deploy.params import read_dotenv
from tools.devstack.paths import FUNCTIONS

SECRET_FILE = FUNCTIONS / ".secret.local"


def _fresh_values() -> dict[str, str]:
    return {
        "SENDGRID_API_KEY": "SG.local-" + secrets.token_urlsafe(24),
        "TWILIO_ACCOUNT_SID": "AC" + secrets.token_hex(16),
        "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
        "UNSUBSCRIBE_SIGNING_KEY": secrets.token_urlsafe(32),
    }


def local_secrets() -> dict[str, str]:
    """The values in functions/.secret.local, creating the file on first use."""
    if not SECRET_FILE.exists():
        lines = [f"{name}={value}" for name, value in _fresh_values().items()]
        SECRET_FILE.write_text("\n".join(lines) + "\n")
        SECRET_FILE.chmod(0o600)
    return read_dotenv(SECRET_FILE)
