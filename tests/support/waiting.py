"""Waiting for what a trigger does a moment after a write."""

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def eventually(probe: Callable[[], T], *, timeout: float = 20, interval: float = 0.25) -> T:
    """The first truthy result of ``probe``; fails after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"still {result!r} after {timeout} s")
        time.sleep(interval)


def settled(probe: Callable[[], T], *, quiet: float = 2.0) -> T:
    """``probe``'s value once it has stopped changing for ``quiet`` seconds."""
    value = probe()
    deadline = time.monotonic() + quiet
    while time.monotonic() < deadline:
        time.sleep(0.25)
        latest = probe()
        if latest != value:
            value, deadline = latest, time.monotonic() + quiet
    return value


def arrived(probe: Callable[[], list[T]], count: int, *, timeout: float = 30) -> list[T]:
    """``probe``'s list once it holds ``count`` items or more and stops changing.

    Queued deliveries arrive a moment after the write, and a duplicate would arrive after
    that: wait for the expected ones, then long enough for a retry to have shown up.
    """
    eventually(lambda: len(probe()) >= count, timeout=timeout)
    return settled(probe, quiet=4.0)


def landed(probe: Callable[[], list[T]], count: int, *, timeout: float = 30) -> list[T]:
    """``probe``'s list as soon as it holds ``count`` items or more, with no wait for a retry:
    for a step inside a test whose end checks the exact list with ``arrived`` or ``settled``."""
    items: list[T] = []

    def enough() -> bool:
        items[:] = probe()
        return len(items) >= count

    eventually(enough, timeout=timeout)
    return items
