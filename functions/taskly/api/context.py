"""What a route handler receives."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Request, Response

from taskly.api.caller import Caller
from taskly.profiles.document import Profile
from taskly.profiles.store import load_profile


@dataclass(frozen=True)
class RouteContext:
    request: Request
    caller: Caller | None
    params: Mapping[str, Any]
    now: datetime

    @property
    def signed_in(self) -> Caller:
        """The caller, on every route but the public ones."""
        assert self.caller is not None, "route declared public but reads the caller"
        return self.caller

    @property
    def uid(self) -> str:
        return self.signed_in.uid

    def profile(self) -> Profile:
        """The caller's profile (created on first use), its address synced from the token."""
        caller = self.signed_in
        return load_profile(caller.uid, caller.email, caller.email_verified, self.now)


Handler = Callable[[RouteContext], Response]


@dataclass(frozen=True)
class Route:
    path: str
    methods: tuple[str, ...]
    handler: Handler
    public: bool = False
    # Counted against the caller's request rates; signing out must work even past them.
    metered: bool = True
    # The path carries a secret (a calendar feed's token): the log names the route instead.
    path_is_secret: bool = False
