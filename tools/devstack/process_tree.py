"""The processes a process started, found in /proc, so that none outlives the devstack.

firebase-tools starts the Firestore emulator's java in a process group of its own and leaves it
running when it is killed; knowing the whole tree lets the devstack end it too.
"""

import contextlib
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class Process:
    pid: int
    # Clock ticks from boot to the process's start: tells a pid reused later apart.
    started: int


def _parent_and_start(pid: int) -> tuple[int, int] | None:
    """None once ``pid`` is gone, or has ended and only waits for its parent to reap it."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # The fields after the command name, which is in parentheses and may hold spaces.
    fields = stat[stat.rindex(")") + 2 :].split()
    if fields[0] == "Z":
        return None
    return int(fields[1]), int(fields[19])


def _all_processes() -> dict[int, tuple[int, int]]:
    """pid -> (parent pid, start time) of every process now running."""
    if not PROC.is_dir():
        return {}
    table = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit() and (facts := _parent_and_start(int(entry.name))) is not None:
            table[int(entry.name)] = facts
    return table


def descendants(pid: int) -> list[Process]:
    """The children of ``pid``, their children, and so on."""
    table = _all_processes()
    children: dict[int, list[int]] = {}
    for child, (parent, _started) in table.items():
        children.setdefault(parent, []).append(child)
    found, waiting = [], list(children.get(pid, []))
    while waiting:
        child = waiting.pop()
        found.append(Process(child, table[child][1]))
        waiting.extend(children.get(child, []))
    return found


def is_running(process: Process) -> bool:
    facts = _parent_and_start(process.pid)
    return facts is not None and facts[1] == process.started


def kill(processes: list[Process], wait: float = 10) -> list[Process]:
    """SIGKILL those of ``processes`` still running; which ones were.

    Returns once they have ended (a killed process dies a moment later), or after ``wait`` s.
    """
    killed = []
    for process in processes:
        if is_running(process):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(process.pid, signal.SIGKILL)
                killed.append(process)
    deadline = time.monotonic() + wait
    while any(is_running(process) for process in killed) and time.monotonic() < deadline:
        time.sleep(0.05)
    return killed
