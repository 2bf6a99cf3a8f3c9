"""The Python worker processes the Functions emulator starts, one per concurrent call.

The emulator leaves them running when it stops (seen: hundreds after a few `make bench`
runs, enough to run the machine out of memory), so the devstack ends them itself: every
process started from this checkout's functions venv.
"""

import contextlib
import os
import signal
from collections.abc import Iterator
from pathlib import Path

from tools.devstack.paths import FUNCTIONS

WORKER = str(FUNCTIONS / "venv" / "bin" / "functions-framework")


def _worker_pids(worker: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue  # gone meanwhile, or not ours to read
        if any(part.decode(errors="replace") == worker for part in command):
            pids.append(int(entry.name))
    return pids


def stop_function_workers(worker: str = WORKER) -> int:
    """Kill the processes running ``worker`` (this checkout's); how many there were."""
    pids = _worker_pids(worker) if Path("/proc").is_dir() else []
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    return len(pids)


@contextlib.contextmanager
def function_workers_cleaned_up() -> Iterator[None]:
    """No leftover workers before the emulators start, none after they stop."""
    stop_function_workers()
    try:
        yield
    finally:
        stop_function_workers()
