"""The local SendGrid/Twilio capture server, as tests see it."""

from typing import Any

import requests

from tests.support.stack import CAPTURE_URL


def messages(to: str | None = None, channel: str | None = None) -> list[dict[str, Any]]:
    params = {key: value for key, value in (("to", to), ("channel", channel)) if value}
    answer = requests.get(f"{CAPTURE_URL}/api/messages", params=params, timeout=10)
    answer.raise_for_status()
    return list(answer.json()["messages"])


def set_fault(**rule: Any) -> None:
    requests.post(f"{CAPTURE_URL}/api/faults", json=rule, timeout=10).raise_for_status()


def clear_faults() -> None:
    requests.delete(f"{CAPTURE_URL}/api/faults", timeout=10).raise_for_status()


def stats() -> dict[str, Any]:
    return dict(requests.get(f"{CAPTURE_URL}/api/stats", timeout=10).json())
