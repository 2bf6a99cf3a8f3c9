"""Validation of a Twilio ``Messages.json`` form and the message resource it returns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from tools.capture.sms_segments import count_segments

E164_RE = re.compile(r"^\+[1-9]\d{6,14}$")
ALPHA_SENDER_RE = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$")
MESSAGING_SERVICE_RE = re.compile(r"^MG[0-9a-fA-F]{32}$")
MAX_BODY_CHARS = 1600
API_VERSION = "2010-04-01"


@dataclass(frozen=True)
class TwilioError:
    """A Twilio REST error: HTTP status, Twilio error code and message."""

    status: int
    code: int
    message: str

    def to_json(self) -> dict[str, Any]:
        """Twilio's error body: code, message, more_info, status."""
        return {
            "code": self.code,
            "message": self.message,
            "more_info": f"https://www.twilio.com/docs/errors/{self.code}",
            "status": self.status,
        }


def validate_message(form: dict[str, str]) -> TwilioError | None:
    """The first problem Twilio would report for these parameters, or ``None``."""
    to = form.get("To", "").strip()
    body = form.get("Body", "")
    sender = form.get("From", "").strip()
    service = form.get("MessagingServiceSid", "").strip()
    if not to:
        return TwilioError(400, 21604, "A 'To' phone number is required.")
    if not E164_RE.match(to):
        return TwilioError(400, 21211, f"Invalid 'To' Phone Number: {to}")
    if not sender and not service:
        return TwilioError(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required.")
    if sender and not (E164_RE.match(sender) or ALPHA_SENDER_RE.match(sender)):
        return TwilioError(400, 21212, f"Invalid From Number (caller ID): {sender}")
    if service and not MESSAGING_SERVICE_RE.match(service):
        return TwilioError(400, 21705, "The Messaging Service is invalid.")
    if not body.strip():
        return TwilioError(400, 21602, "Message body is required.")
    if len(body) > MAX_BODY_CHARS:
        return TwilioError(
            400, 21617, "The concatenated message body exceeds the 1600 character limit."
        )
    return None


def message_resource(account_sid: str, sid: str, form: dict[str, str]) -> dict[str, Any]:
    """The JSON Twilio answers with after creating a message."""
    now = format_datetime(datetime.now(UTC).replace(microsecond=0))
    base = f"/{API_VERSION}/Accounts/{account_sid}/Messages/{sid}"
    sender = form.get("From") or None
    return {
        "account_sid": account_sid,
        "api_version": API_VERSION,
        "body": form["Body"],
        "date_created": now,
        "date_sent": None,
        "date_updated": now,
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": sender,
        "messaging_service_sid": form.get("MessagingServiceSid") or None,
        "num_media": "0",
        "num_segments": str(count_segments(form["Body"])),
        "price": None,
        "price_unit": "USD",
        "sid": sid,
        "status": "queued" if sender else "accepted",
        "subresource_uris": {"media": f"{base}/Media.json"},
        "to": form["To"],
        "uri": f"{base}.json",
    }
