"""Direct control of the emulators, for arranging test data."""

import contextlib
from collections.abc import Iterator

import requests

HUB_URL = "http://127.0.0.1:4400"


@contextlib.contextmanager
def background_triggers_off() -> Iterator[None]:
    """Bulk-seed data without firing a function per document."""
    requests.put(f"{HUB_URL}/functions/disableBackgroundTriggers", timeout=10).raise_for_status()
    try:
        yield
    finally:
        requests.put(f"{HUB_URL}/functions/enableBackgroundTriggers", timeout=10).raise_for_status()
