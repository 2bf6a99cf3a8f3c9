"""The Firestore trigger's job: confirm a reminder channel turning on or off.

Called for every write of ``users/{uid}/tasks/{task_id}``; sends the matching
email and/or SMS once per event and adds an item to the person's in-app feed.
"""

from dataclasses import dataclass
from typing import Any

from taskly import notifications, settings
from taskly.delivery.messages import Email, Sms
from taskly.delivery.send_once import Outcome, send_once
from taskly.profiles import profile_ref
from taskly.reminders import templates
from taskly.timestamps import utc_now

CHANNELS = ("email", "sms")
# Changes made by an unsubscribe link are confirmed on the page, not by more email.
QUIET_SOURCE = "unsubscribe"


@dataclass(frozen=True)
class TaskWrite:
    event_id: str
    uid: str
    task_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _flag(task: dict[str, Any] | None, channel: str) -> bool:
    return bool(task and task.get(f"notify_{channel}"))


def channel_changes(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, bool]:
    """Channels whose switch moved in this write: channel -> now on."""
    return {
        channel: _flag(after, channel)
        for channel in CHANNELS
        if _flag(before, channel) != _flag(after, channel)
    }


def _feed_text(description: str, turned_on: list[str], turned_off: list[str]) -> str:
    names = {"email": "email", "sms": "SMS"}
    parts = []
    if turned_on:
        parts.append(f"on by {' and '.join(names[c] for c in turned_on)}")
    if turned_off:
        parts.append(f"off for {' and '.join(names[c] for c in turned_off)}")
    return f"Reminders {' and '.join(parts)}: {description}"


def confirm_reminder_change(write: TaskWrite) -> dict[str, Outcome]:
    """Send the confirmations this write calls for; outcome per channel sent."""
    if write.after is None:
        return {}
    changes = channel_changes(write.before, write.after)
    if not changes:
        return {}
    owner = profile_ref(write.uid)
    profile = owner.get().to_dict()
    if profile is None:
        return {}
    description = str(write.after.get("description", ""))
    turned_on = [channel for channel, on in changes.items() if on]
    turned_off = [channel for channel, on in changes.items() if not on]
    notifications.add_notification(
        write.uid,
        write.event_id,
        "reminders_on" if turned_on else "reminders_off",
        _feed_text(description, turned_on, turned_off),
        write.task_id,
        utc_now(),
    )
    if write.after.get("reminder_change_source") == QUIET_SOURCE:
        return {}
    outcomes: dict[str, Outcome] = {}
    first_name = str(profile.get("first_name") or "")
    email_address = profile.get("email")
    if "email" in changes and email_address:
        if changes["email"]:
            on_channels = [c for c in CHANNELS if _flag(write.after, c)]
            rendered = templates.render_reminders_on(
                first_name, description, on_channels, settings.APP_URL.value
            )
        else:
            rendered = templates.render_reminders_off(
                first_name, description, settings.APP_URL.value
            )
        email = Email(email_address, rendered.subject, rendered.html, rendered.text)
        outcomes["email"] = send_once(
            f"event:{write.event_id}:email",
            {"uid": write.uid, "channel": "email", "to": email.to, "template": "confirmation"},
            owner,
            email,
            resend_later=True,
        )
    phone = profile.get("phone")
    if "sms" in changes and phone and profile.get("phone_verified"):
        body = (
            templates.render_sms_reminders_on(description)
            if changes["sms"]
            else templates.render_sms_reminders_off(description)
        )
        sms = Sms(phone, body)
        outcomes["sms"] = send_once(
            f"event:{write.event_id}:sms",
            {"uid": write.uid, "channel": "sms", "to": sms.to, "template": "confirmation"},
            owner,
            sms,
            resend_later=True,
        )
    return outcomes
