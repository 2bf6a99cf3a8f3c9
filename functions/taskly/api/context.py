"""What a route handler receives."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Request, Response

from taskly.api.caller import Caller


@dataclass(frozen=True)
class RouteContext:
    request: Request
    caller: Caller | None
    params: dict[str, Any]
    now: datetime

    @property
    def uid(self) -> str:
        assert self.caller is not None, "route declared public but reads the caller"
        return self.caller.uid


Handler = Callable[[RouteContext], Response]


@dataclass(frozen=True)
class Route:
    path: str
    methods: tuple[str, ...]
    handler: Handler
    public: bool = False
