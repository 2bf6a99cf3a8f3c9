"""The per-app state shared by all blueprints."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app

from tools.capture.auth_mail import AuthMailbox
from tools.capture.config import CaptureConfig
from tools.capture.faults import FaultInjector
from tools.capture.push_subscriptions import PushSubscriptions
from tools.capture.stats import Stats
from tools.capture.store import MessageStore

EXTENSION_KEY = "capture"


@dataclass
class CaptureState:
    """Config, message store, fault rules and counters of one capture app, the Auth
    emulator's mail it collects and the push subscriptions it minted."""

    config: CaptureConfig
    store: MessageStore = field(default_factory=MessageStore)
    faults: FaultInjector = field(default_factory=FaultInjector)
    stats: Stats = field(default_factory=Stats)
    push: PushSubscriptions = field(default_factory=PushSubscriptions)
    auth_mail: AuthMailbox = field(init=False)

    def __post_init__(self) -> None:
        self.auth_mail = AuthMailbox(self.config.auth_oob_codes_url, self.config.auth_action_url)


def get_state() -> CaptureState:
    """The state of the app handling the current request."""
    state: CaptureState = current_app.extensions[EXTENSION_KEY]
    return state
