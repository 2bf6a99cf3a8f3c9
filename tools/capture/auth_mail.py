"""The emails Firebase Auth sends (address confirmation, password reset), captured locally.

The Auth emulator sends no mail: it lists the codes it made at its ``oobCodes`` endpoint.
The capture server turns each new one into an email in the store, written like Firebase's
default templates, with the link going where the project's "action URL" setting sends it
(the app's own action page) instead of the emulator's bare JSON handler, and the greeting
naming the account's display name as Firebase's %DISPLAY_NAME% does.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from flask import render_template

from tools.capture.store import MessageStore, make_message

SENDER = "Taskly <noreply@taskly.test>"
# The emulator answers on loopback in milliseconds; a page load must not hang on it.
FETCH_TIMEOUT_SECONDS = 1
CAPTURED_FROM = "Firebase Auth emulator"
# The emulator's admin token, for looking an account up.
EMULATOR_ADMIN = {"Authorization": "Bearer owner"}


@dataclass(frozen=True)
class AuthEmail:
    subject: str
    intro: str
    action: str  # the link's words
    ignore: str


AUTH_EMAILS: dict[str, AuthEmail] = {
    "VERIFY_EMAIL": AuthEmail(
        "Confirm your email address for Taskly",
        "Open this link to confirm your email address. Taskly can email you reminders once "
        "it is confirmed.",
        "Confirm my email address",
        "If you didn't create a Taskly account, you can ignore this email.",
    ),
    "PASSWORD_RESET": AuthEmail(
        "Choose a new password for Taskly",
        "Open this link to choose a new password for your Taskly account {email}.",
        "Choose a new password",
        "If you didn't ask to reset your password, you can ignore this email.",
    ),
    "VERIFY_AND_CHANGE_EMAIL": AuthEmail(
        "Confirm your new email address for Taskly",
        "Open this link to make {email} the address of your Taskly account.",
        "Confirm the new address",
        "If you didn't ask for this change, you can ignore this email.",
    ),
    "RECOVER_EMAIL": AuthEmail(
        "Your Taskly sign-in email was changed",
        "The email address of your Taskly account was changed. If that wasn't you, open this "
        "link to change it back to {email}.",
        "Change it back",
        "If you made the change yourself, you can ignore this email.",
    ),
}


def action_link(oob_link: str, action_url: str | None) -> str:
    """The emulator's link, moved to ``action_url`` with every parameter kept (mode, oobCode,
    apiKey, continueUrl, lang), as Firebase builds it from a custom action URL."""
    if not action_url:
        return oob_link
    target = urlsplit(action_url)
    return urlunsplit(target._replace(query=urlsplit(oob_link).query))


def lookup_url(oob_codes_url: str) -> str:
    """The emulator's accounts:lookup for the project whose codes ``oob_codes_url`` lists
    (``…/emulator/v1/projects/<project>/oobCodes``), on the same host."""
    parts = urlsplit(oob_codes_url)
    project = parts.path.split("/projects/", 1)[1].split("/", 1)[0]
    path = f"/identitytoolkit.googleapis.com/v1/projects/{project}/accounts:lookup"
    return urlunsplit(parts._replace(path=path, query=""))


def display_name(lookup: str, email: str) -> str:
    """The display name the emulator has for the account of ``email``; "" without one."""
    try:
        answer = requests.post(
            lookup, json={"email": [email]}, headers=EMULATOR_ADMIN, timeout=FETCH_TIMEOUT_SECONDS
        )
        answer.raise_for_status()
        found = answer.json()
    except (requests.RequestException, ValueError):
        return ""  # the mail still goes out, greeting no one by name
    users = found.get("users") if isinstance(found, dict) else None
    user = users[0] if isinstance(users, list) and users else None
    name = user.get("displayName") if isinstance(user, dict) else None
    return name if isinstance(name, str) else ""


class AuthMailbox:
    """Imports the Auth emulator's new codes as emails; each code once, even after a Clear."""

    def __init__(self, oob_codes_url: str | None, action_url: str | None) -> None:
        self._oob_codes_url = oob_codes_url
        self._action_url = action_url
        self._lock = threading.Lock()
        self._seen: set[str] = set()

    def collect(self, store: MessageStore) -> int:
        """Add an email for each code not seen before; how many. Quiet while Auth is down."""
        if not self._oob_codes_url:
            return 0
        try:
            answer = requests.get(self._oob_codes_url, timeout=FETCH_TIMEOUT_SECONDS)
            answer.raise_for_status()
            listed = answer.json()
        except (requests.RequestException, ValueError):
            return 0  # the Auth emulator is not up (yet): nothing to collect
        codes = listed.get("oobCodes") if isinstance(listed, dict) else None
        added = 0
        with self._lock:
            for code in codes if isinstance(codes, list) else []:
                if not _is_code(code) or code["oobCode"] in self._seen:
                    continue
                self._seen.add(code["oobCode"])
                store.add(self._email_for(code))
                added += 1
        return added

    def _email_for(self, code: dict[str, Any]) -> dict[str, Any]:
        kind = AUTH_EMAILS[code["requestType"]]
        email = code["email"]
        # Firebase mails the link that changes an address to the new address.
        new_email = code.get("newEmail")
        changing = code["requestType"] == "VERIFY_AND_CHANGE_EMAIL" and isinstance(new_email, str)
        recipient = new_email if changing else email
        link = action_link(code["oobLink"], self._action_url)
        intro = kind.intro.format(email=recipient)
        assert self._oob_codes_url is not None  # codes come only from there
        name = display_name(lookup_url(self._oob_codes_url), email)
        context = {"kind": kind, "intro": intro, "link": link, "display_name": name}
        return make_message(
            message_id=f"auth-{code['oobCode']}",
            channel="email",
            to=[recipient],
            sender=SENDER,
            subject=kind.subject,
            text=render_template("auth_mail.txt", **context),
            html=render_template("auth_mail.html", **context),
            headers={"X-Captured-From": CAPTURED_FROM},
            request=code,
        )


def _is_code(code: Any) -> bool:
    """An entry of the emulator's list that makes one of the emails above."""
    return (
        isinstance(code, dict)
        and code.get("requestType") in AUTH_EMAILS
        and all(isinstance(code.get(field), str) for field in ("oobCode", "email", "oobLink"))
    )
