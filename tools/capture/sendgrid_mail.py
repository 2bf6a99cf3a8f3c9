"""Validation and summary of a SendGrid v3 mail/send body, as the real API checks it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, TypedDict

EMAIL_RE = re.compile(r"^[^@\s<>()\[\]\\,;:\"]+@[^@\s<>()\[\]\\,;:\"]+\.[A-Za-z0-9-]{2,}$")
MAX_PERSONALIZATIONS = 1000
MAX_RECIPIENTS = 1000
RESERVED_HEADERS = frozenset(
    {
        "x-sg-id",
        "x-sg-eid",
        "received",
        "dkim-signature",
        "content-type",
        "content-transfer-encoding",
        "to",
        "from",
        "subject",
        "reply-to",
        "cc",
        "bcc",
    }
)


class MailSummary(TypedDict):
    """What the store keeps of a mail body (keyword arguments of ``make_message``)."""

    to: list[str]
    sender: str
    subject: str | None
    text: str | None
    html: str | None
    headers: dict[str, str]


@dataclass(frozen=True)
class FieldError:
    """One entry of SendGrid's ``errors`` list."""

    message: str
    field: str | None

    def to_json(self) -> dict[str, str | None]:
        """Shape used by SendGrid: message, field, help."""
        return {"message": self.message, "field": self.field, "help": None}


def is_email(value: object) -> bool:
    """True for a plausible ``local@domain.tld`` address."""
    return isinstance(value, str) and EMAIL_RE.match(value) is not None


def _non_empty_str(value: object) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _check_address_list(value: object, path: str, required: bool) -> list[FieldError]:
    if value is None and not required:
        return []
    if not isinstance(value, list) or not value:
        if required:
            return [
                FieldError(
                    "The to array is required for all personalization objects, and must have "
                    "at least one email object with a valid email address.",
                    path,
                )
            ]
        return [FieldError(f"The {path.rsplit('.', 1)[-1]} array must not be empty.", path)]
    errors = []
    for i, item in enumerate(value):
        email = item.get("email") if isinstance(item, dict) else None
        if not is_email(email):
            errors.append(FieldError("Does not contain a valid address.", f"{path}.{i}.email"))
    return errors


def _check_headers(value: object, path: str) -> list[FieldError]:
    if value is None:
        return []
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return [
            FieldError(
                "The headers parameter must be a collection of key/value pairs of strings.",
                path,
            )
        ]
    return [
        FieldError(f"The header {name!r} is reserved and cannot be set.", path)
        for name in value
        if name.lower() in RESERVED_HEADERS
    ]


def _check_personalizations(payload: dict[str, Any]) -> list[FieldError]:
    items = payload.get("personalizations")
    if not isinstance(items, list) or not items:
        return [
            FieldError(
                "The personalizations field is required and must have at least one "
                "personalization.",
                "personalizations",
            )
        ]
    if len(items) > MAX_PERSONALIZATIONS:
        return [FieldError("You may not have more than 1000 personalizations.", "personalizations")]
    errors: list[FieldError] = []
    recipients = 0
    for i, item in enumerate(items):
        path = f"personalizations.{i}"
        if not isinstance(item, dict):
            errors.append(FieldError("Each personalization must be an object.", path))
            continue
        errors += _check_address_list(item.get("to"), f"{path}.to", required=True)
        errors += _check_address_list(item.get("cc"), f"{path}.cc", required=False)
        errors += _check_address_list(item.get("bcc"), f"{path}.bcc", required=False)
        errors += _check_headers(item.get("headers"), f"{path}.headers")
        if "subject" in item and not _non_empty_str(item["subject"]):
            errors.append(FieldError("The subject must be a non-empty string.", f"{path}.subject"))
        recipients += sum(len(v) for k in ("to", "cc", "bcc") if isinstance(v := item.get(k), list))
    if recipients > MAX_RECIPIENTS:
        errors.append(
            FieldError("The total number of recipients must be less than 1000.", "personalizations")
        )
    return errors


def _check_from(payload: dict[str, Any]) -> list[FieldError]:
    sender = payload.get("from")
    if not isinstance(sender, dict):
        return [
            FieldError(
                "The from object must be provided for every email send. It is an object that "
                "requires the email parameter, but may also contain a name parameter.",
                "from",
            )
        ]
    if not is_email(sender.get("email")):
        return [FieldError("The from email does not contain a valid address.", "from.email")]
    return []


def _check_subject(payload: dict[str, Any]) -> list[FieldError]:
    if payload.get("template_id") or _non_empty_str(payload.get("subject")):
        return []
    items = payload.get("personalizations")
    if (
        isinstance(items, list)
        and items
        and all(isinstance(p, dict) and _non_empty_str(p.get("subject")) for p in items)
    ):
        return []
    return [
        FieldError(
            "The subject is required. You can get around this requirement if you use a "
            "template with a subject defined or if every personalization has a subject defined.",
            "subject",
        )
    ]


def _check_content(payload: dict[str, Any]) -> list[FieldError]:
    content = payload.get("content")
    if content is None and payload.get("template_id"):
        return []
    if not isinstance(content, list) or not content:
        return [
            FieldError(
                "Unless a valid template_id is provided, the content parameter is required. "
                "There must be at least one defined content block.",
                "content",
            )
        ]
    errors: list[FieldError] = []
    types: list[str] = []
    for i, block in enumerate(content):
        block = block if isinstance(block, dict) else {}
        kind, value = block.get("type"), block.get("value")
        if not isinstance(kind, str) or not kind.strip() or any(c in kind for c in ";\r\n"):
            errors.append(
                FieldError(
                    "The content type cannot contain ';', or CRLF characters, and must be at "
                    "least 1 character in length.",
                    f"content.{i}.type",
                )
            )
        else:
            types.append(kind.lower())
        if not isinstance(value, str) or value == "":
            errors.append(
                FieldError(
                    "The content value must be a string at least one character in length.",
                    f"content.{i}.value",
                )
            )
    expected_order = [t for t in ("text/plain", "text/html") if t in types]
    if types[: len(expected_order)] != expected_order:
        errors.append(
            FieldError(
                "If present, text/plain must be first, followed by text/html, followed by any "
                "other content.",
                "content",
            )
        )
    return errors


def _check_reply_to(payload: dict[str, Any]) -> list[FieldError]:
    if "reply_to" not in payload:
        return []
    reply_to = payload["reply_to"]
    if isinstance(reply_to, dict) and is_email(reply_to.get("email")):
        return []
    return [FieldError("The reply_to email does not contain a valid address.", "reply_to.email")]


def validate_mail(payload: object) -> list[FieldError]:
    """All problems the real API would report for this body; empty when it is valid."""
    if not isinstance(payload, dict):
        return [FieldError("Bad Request", None)]
    return (
        _check_personalizations(payload)
        + _check_from(payload)
        + _check_subject(payload)
        + _check_content(payload)
        + _check_headers(payload.get("headers"), "headers")
        + _check_reply_to(payload)
    )


def _content_of(payload: dict[str, Any], kind: str) -> str | None:
    for block in payload.get("content") or []:
        if block["type"].lower() == kind:
            value: str = block["value"]
            return value
    return None


def summarize_mail(payload: dict[str, Any]) -> MailSummary:
    """Fields of a valid body for the stored record: to, from, subject, text, html, headers."""
    personalizations: list[dict[str, Any]] = payload["personalizations"]
    headers: dict[str, str] = dict(payload.get("headers") or {})
    for item in personalizations:
        headers.update(item.get("headers") or {})
    subject = payload.get("subject") or personalizations[0].get("subject")
    return MailSummary(
        to=[r["email"] for p in personalizations for r in p["to"]],
        sender=payload["from"]["email"],
        subject=subject,
        text=_content_of(payload, "text/plain"),
        html=_content_of(payload, "text/html"),
        headers=headers,
    )
