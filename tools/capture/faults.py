"""Injected provider faults: failing status codes and added latency per channel."""

from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass, replace
from typing import Any

from tools.capture.store import CHANNELS, Channel

MAX_LATENCY_MS = 60_000
ALLOWED_KEYS = frozenset({"channel", "status", "count", "latency_ms", "late_answer_ms"})


class FaultSpecError(ValueError):
    """The fault request body is not valid."""


@dataclass(frozen=True)
class FaultRule:
    """What to do to requests on one channel.

    ``status`` with ``count`` fails the next ``count`` requests; ``status`` with
    ``count=None`` fails every request until cleared. ``latency_ms`` delays every request.
    ``late_answer_ms`` accepts the message, then holds the answer back: a client that
    times out meanwhile cannot know the message went out.
    """

    status: int | None = None
    count: int | None = None
    latency_ms: int = 0
    late_answer_ms: int = 0

    @property
    def is_noop(self) -> bool:
        """True when the rule neither fails nor delays anything."""
        return self.status is None and self.latency_ms == 0 and self.late_answer_ms == 0


def _optional_int(payload: dict[str, Any], key: str, low: int, high: int) -> int | None:
    value = payload.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise FaultSpecError(f"{key} must be an integer")
    if not low <= value <= high:
        raise FaultSpecError(f"{key} must be between {low} and {high}")
    return int(value)


def parse_fault_spec(payload: object) -> tuple[tuple[Channel, ...], FaultRule]:
    """Validate a ``POST /api/faults`` body; return the channels and the rule to set."""
    if not isinstance(payload, dict):
        raise FaultSpecError("body must be a JSON object")
    unknown = sorted(set(payload) - ALLOWED_KEYS)
    if unknown:
        raise FaultSpecError(f"unknown keys: {', '.join(unknown)}")
    channel = payload.get("channel", "all")
    if channel == "all":
        channels: tuple[Channel, ...] = CHANNELS
    elif channel in CHANNELS:
        channels = (channel,)
    else:
        raise FaultSpecError("channel must be 'email', 'sms', 'push' or 'all'")
    status = _optional_int(payload, "status", 400, 599)
    count = _optional_int(payload, "count", 1, 1_000_000)
    latency_ms = _optional_int(payload, "latency_ms", 0, MAX_LATENCY_MS) or 0
    late_answer_ms = _optional_int(payload, "late_answer_ms", 0, MAX_LATENCY_MS) or 0
    if count is not None and status is None:
        raise FaultSpecError("count needs a status")
    rule = FaultRule(
        status=status, count=count, latency_ms=latency_ms, late_answer_ms=late_answer_ms
    )
    if rule.is_noop:
        raise FaultSpecError("give a status, a positive latency_ms or a positive late_answer_ms")
    return channels, rule


class FaultInjector:
    """Holds the active rule per channel and applies it to incoming requests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._rules: dict[Channel, FaultRule] = {}

    def set(self, channels: tuple[Channel, ...], rule: FaultRule) -> None:
        """Replace the rule of each given channel."""
        with self._lock:
            for channel in channels:
                self._rules[channel] = rule

    def clear(self, channels: tuple[Channel, ...] = CHANNELS) -> None:
        """Remove the rules of the given channels (default: all)."""
        with self._lock:
            for channel in channels:
                self._rules.pop(channel, None)

    def snapshot(self) -> dict[str, dict[str, int | None] | None]:
        """The current rule per channel (``None`` = no fault)."""
        with self._lock:
            return {
                channel: asdict(rule) if (rule := self._rules.get(channel)) else None
                for channel in CHANNELS
            }

    def _take(self, channel: Channel) -> tuple[int, int | None]:
        """Return (latency_ms, failing status or None), using up one counted failure."""
        with self._lock:
            rule = self._rules.get(channel)
            if rule is None or rule.status is None:
                return (rule.latency_ms if rule else 0), None
            if rule.count is not None:
                left = rule.count - 1
                after = (
                    replace(rule, count=left) if left else replace(rule, status=None, count=None)
                )
                if after.is_noop:
                    del self._rules[channel]
                else:
                    self._rules[channel] = after
            return rule.latency_ms, rule.status

    def apply(self, channel: Channel) -> int | None:
        """Sleep the configured latency, then return the status to fail with, if any."""
        latency_ms, status = self._take(channel)
        if latency_ms:
            time.sleep(latency_ms / 1000)
        return status

    def answer_late(self, channel: Channel) -> None:
        """After a message was accepted, hold the answer back as the rule says."""
        with self._lock:
            rule = self._rules.get(channel)
        if rule is not None and rule.late_answer_ms:
            time.sleep(rule.late_answer_ms / 1000)
