"""The per-app state shared by all blueprints."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app

from tools.capture.config import CaptureConfig
from tools.capture.faults import FaultInjector
from tools.capture.stats import Stats
from tools.capture.store import MessageStore

EXTENSION_KEY = "capture"


@dataclass
class CaptureState:
    """Config, message store, fault rules and counters of one capture app."""

    config: CaptureConfig
    store: MessageStore = field(default_factory=MessageStore)
    faults: FaultInjector = field(default_factory=FaultInjector)
    stats: Stats = field(default_factory=Stats)


def get_state() -> CaptureState:
    """The state of the app handling the current request."""
    state: CaptureState = current_app.extensions[EXTENSION_KEY]
    return state
