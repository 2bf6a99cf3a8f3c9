"""The Firestore trigger's job: confirm a reminder channel turning on or off.

Called for every write of ``users/{uid}/tasks/{task_id}``; sends the matching
email and/or SMS once per event and adds an item to the person's in-app feed.
"""

from dataclasses import dataclass
from typing import Any

from taskly import notifications, settings
from taskly.delivery.messages import Email, Message, Sms
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
    messages = _confirmation_messages(write.after, changes, profile, description)
    return {
        channel: send_once(
            f"event:{write.event_id}:{channel}",
            {"uid": write.uid, "channel": channel, "to": message.to, "template": "confirmation"},
            owner,
            message,
            resend_later=True,
        )
        for channel, message in messages.items()
    }


def _confirmation_messages(
    after: dict[str, Any], changes: dict[str, bool], profile: dict[str, Any], description: str
) -> dict[str, Message]:
    """The email and/or SMS this change calls for, to the account's own address and phone."""
    messages: dict[str, Message] = {}
    first_name = str(profile.get("first_name") or "")
    if "email" in changes and profile.get("email"):
        if changes["email"]:
            on_channels = [c for c in CHANNELS if _flag(after, c)]
            rendered = templates.render_reminders_on(
                first_name, description, on_channels, settings.APP_URL.value
            )
        else:
            rendered = templates.render_reminders_off(
                first_name, description, settings.APP_URL.value
            )
        messages["email"] = Email(profile["email"], rendered.subject, rendered.html, rendered.text)
    if "sms" in changes and profile.get("phone") and profile.get("phone_verified"):
        render_sms = (
            templates.render_sms_reminders_on
            if changes["sms"]
            else templates.render_sms_reminders_off
        )
        messages["sms"] = Sms(profile["phone"], render_sms(description))
    return messages
