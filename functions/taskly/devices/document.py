"""The device document ``users/{uid}/devices/{id}``: one browser's push subscription."""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from taskly.vocabulary.timestamps import to_json


def device_id(endpoint: str) -> str:
    """A device's id, from its subscription's endpoint: subscribing the same browser again
    finds the same device, and the page can tell which device it is running on."""
    return hashlib.sha256(endpoint.encode()).hexdigest()[:32]


@dataclass(frozen=True)
class Device:
    id: str
    endpoint: str
    # The subscription's keys (RFC 8291): the browser's public key and the auth secret.
    p256dh: str
    auth: str
    # What the person sees in the list, e.g. "Chrome on Android".
    label: str
    created_at: datetime

    @classmethod
    def from_document(cls, doc_id: str, data: dict[str, Any]) -> "Device":
        return cls(
            id=doc_id,
            endpoint=str(data["endpoint"]),
            p256dh=str(data["p256dh"]),
            auth=str(data["auth"]),
            label=str(data.get("label") or ""),
            created_at=data["created_at"],
        )

    def to_document(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "p256dh": self.p256dh,
            "auth": self.auth,
            "label": self.label,
            "created_at": self.created_at,
        }

    def to_json(self) -> dict[str, Any]:
        """What the Account page shows: never the endpoint or the keys."""
        return {"id": self.id, "label": self.label, "created_at": to_json(self.created_at)}
