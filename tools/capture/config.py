"""Settings of the capture server, read from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class CaptureConfig:
    """Credentials the fake providers insist on; ``None`` accepts any value."""

    sendgrid_api_key: str | None = None
    twilio_auth_token: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> CaptureConfig:
        """Read CAPTURE_SENDGRID_API_KEY and CAPTURE_TWILIO_AUTH_TOKEN (empty = unset)."""
        env = os.environ if environ is None else environ
        return cls(
            sendgrid_api_key=env.get("CAPTURE_SENDGRID_API_KEY") or None,
            twilio_auth_token=env.get("CAPTURE_TWILIO_AUTH_TOKEN") or None,
        )
