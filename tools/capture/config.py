"""Settings of the capture server, read from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class CaptureConfig:
    """Credentials the fake providers insist on (``None`` accepts any value), and where the
    Auth emulator lists the emails it would have sent, and the app's page for their links."""

    sendgrid_api_key: str | None = None
    twilio_auth_token: str | None = None
    auth_oob_codes_url: str | None = None
    auth_action_url: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> CaptureConfig:
        """Read CAPTURE_SENDGRID_API_KEY, CAPTURE_TWILIO_AUTH_TOKEN, CAPTURE_AUTH_OOB_CODES_URL
        and CAPTURE_AUTH_ACTION_URL (empty = unset)."""
        env = os.environ if environ is None else environ
        return cls(
            sendgrid_api_key=env.get("CAPTURE_SENDGRID_API_KEY") or None,
            twilio_auth_token=env.get("CAPTURE_TWILIO_AUTH_TOKEN") or None,
            auth_oob_codes_url=env.get("CAPTURE_AUTH_OOB_CODES_URL") or None,
            auth_action_url=env.get("CAPTURE_AUTH_ACTION_URL") or None,
        )
