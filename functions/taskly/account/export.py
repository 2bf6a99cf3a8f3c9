"""A person's whole account as one JSON document, for them to download."""

from datetime import datetime
from typing import Any

from google.cloud import firestore

from taskly.calendar_feed.links import current_link
from taskly.devices.store import list_devices
from taskly.notifications import feed
from taskly.profiles.document import Profile
from taskly.tasks.refs import task_from, tasks_of
from taskly.vocabulary.timestamps import to_json


def export_account(profile: Profile, now: datetime) -> dict[str, Any]:
    """Everything stored about the person, as one JSON document. Of the calendar feed, only
    whether there is a link: the link is a secret, and a file can travel; of the devices, their
    names and dates, not their push addresses, for the same reason."""
    uid = profile.uid
    link = current_link(uid)
    all_tasks = tasks_of(uid).order_by("created_at", direction=firestore.Query.DESCENDING)
    notifications = feed.feed_of(uid).order_by("created_at", direction=firestore.Query.DESCENDING)
    return {
        "exported_at": to_json(now),
        "profile": profile.to_json(),
        "tasks": [task_from(s).to_json() for s in all_tasks.stream()],
        "notifications": [
            feed.notification_json(s.id, s.to_dict() or {}) for s in notifications.stream()
        ],
        "devices": [device.to_json() for device in list_devices(uid)],
        "calendar_feed": {
            "active": link is not None,
            "created_at": to_json(link.created_at) if link else None,
        },
    }
