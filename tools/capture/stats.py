"""Per-channel counters of provider requests, so tests can count attempts."""

from __future__ import annotations

import threading
from typing import Literal

from tools.capture.store import CHANNELS, Channel

Outcome = Literal["accepted", "rejected", "failed"]
OUTCOMES: tuple[Outcome, ...] = ("accepted", "rejected", "failed")


class Stats:
    """Counts accepted, rejected (auth/validation) and failed (injected fault) requests."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts = self._zero()

    @staticmethod
    def _zero() -> dict[Channel, dict[str, int]]:
        return {channel: dict.fromkeys(OUTCOMES, 0) for channel in CHANNELS}

    def record(self, channel: Channel, outcome: Outcome) -> None:
        """Count one request."""
        with self._lock:
            self._counts[channel][outcome] += 1

    def snapshot(self) -> dict[str, dict[str, int]]:
        """Counts per channel, plus ``total`` attempts."""
        with self._lock:
            return {
                channel: {**counts, "total": sum(counts.values())}
                for channel, counts in self._counts.items()
            }

    def reset(self) -> None:
        """Set every counter back to zero."""
        with self._lock:
            self._counts = self._zero()
