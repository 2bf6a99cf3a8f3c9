"""Stands in for Cloud Scheduler: the emulator never fires scheduled functions."""

import contextlib
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import requests

from tools.devstack import ports
from tools.devstack.paths import PROJECT

SWEEP_URL = f"{ports.FUNCTIONS_URL}/{PROJECT}/us-central1/send_reminders-0"


def fire_sweep() -> int:
    """Run send_reminders once, as Cloud Scheduler would; the HTTP status."""
    now = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    headers = {"X-CloudScheduler": "true", "X-CloudScheduler-ScheduleTime": now}
    return requests.post(SWEEP_URL, headers=headers, timeout=300).status_code


@contextlib.contextmanager
def every(seconds: float) -> Iterator[None]:
    """Fire the sweep on a timer in the background for the duration of the block."""
    stopped = threading.Event()

    def loop() -> None:
        while not stopped.wait(seconds):
            with contextlib.suppress(requests.RequestException):
                fire_sweep()

    thread = threading.Thread(target=loop, name="scheduler", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stopped.set()
