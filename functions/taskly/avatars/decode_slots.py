"""A fixed number of picture decodes at once in this process: each can take ~130 MiB, and the
instance serves many requests at once, so more at once would exhaust its memory."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from taskly.avatars.heap import map_large_allocations
from taskly.vocabulary.limits import DECODES_AT_ONCE


class NoSlotFree(Exception):
    """Every decode slot stayed taken for the whole wait."""


class DecodeSlots:
    """At most ``count`` holders at once; the others wait their turn, for a while."""

    def __init__(self, count: int) -> None:
        self._free = threading.BoundedSemaphore(count)

    @contextmanager
    def held(self, wait_seconds: float) -> Iterator[None]:
        """Holds one slot for the ``with`` block; raises NoSlotFree after ``wait_seconds``."""
        if not self._free.acquire(timeout=wait_seconds):
            raise NoSlotFree
        try:
            yield
        finally:
            self._free.release()


DECODES = DecodeSlots(DECODES_AT_ONCE)
# Else each request thread keeps its last decode's memory, and the slots would bound nothing.
map_large_allocations()
