"""What more Ctrl-C presses do while `make dev` saves the local data (save_on_stop.py).

A stand-in plays firebase-tools' part: it saves only when the test lets it, records every
SIGINT it gets, and starts a child in a session of its own, as firebase-tools starts java. The
real firebase-tools and a large database are in test_dev_stop.py.
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tools.devstack import interrupts, save_on_stop
from tools.devstack.save_on_stop import METADATA, SavingStop

STAND_IN = r"""
import signal, subprocess, sys, time
from pathlib import Path

log, record, export, finish = map(Path, sys.argv[1:])
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"],
                         start_new_session=True)
scratch = Path("firebase-export-1234abcd")

def on_sigint(signum, frame):
    with record.open("a") as out:
        out.write("SIGINT\n")
    scratch.mkdir(exist_ok=True)
    (scratch / "firestore_export").write_text("half")
    with log.open("a") as out:
        out.write("i  Exporting data to: %s\n" % export)

signal.signal(signal.SIGINT, on_sigint)
with record.open("a") as out:
    out.write("child %d\nready\n" % child.pid)
while not (scratch.exists() and finish.exists()):
    time.sleep(0.05)
(scratch / "firebase-export-metadata.json").write_text("new")
for old in export.iterdir():
    old.unlink()
export.rmdir()
scratch.rename(export)
with log.open("a") as out:
    out.write("+  Export complete\n")
"""
WAIT_SECONDS = 30


def _wait_until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "waited in vain"
        time.sleep(0.05)


class StandIn:
    """The stand-in for firebase-tools, run in ``data`` as the devstack runs firebase-tools."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self.export = data / "emulators"
        self.log = data / "firebase.log"
        self.record = data / "signals"
        self.finish = data / "finish"
        self.export.mkdir(parents=True)
        (self.export / METADATA).write_text("old")
        args = [sys.executable, "-c", STAND_IN, *map(str, (self.log, self.record))]
        args += [str(self.export), str(self.finish)]
        self.process = subprocess.Popen(args, cwd=data, start_new_session=True)
        _wait_until(lambda: "ready" in self.recorded())

    def recorded(self) -> list[str]:
        return self.record.read_text().splitlines() if self.record.exists() else []

    def sigints(self) -> int:
        return self.recorded().count("SIGINT")

    def child_pid(self) -> int:
        return next(int(line.split()[1]) for line in self.recorded() if line.startswith("child"))

    def end(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.child_pid(), signal.SIGKILL)
        self.process.kill()
        self.process.wait()


def _running(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except OSError:
        return False


@pytest.fixture
def stop_signals() -> Iterator[None]:
    """The devstack's handling of Ctrl-C in this process, as `python -m tools.devstack` has it."""
    previous = {number: signal.getsignal(number) for number in interrupts.STOP_SIGNALS}
    interrupts.install()
    yield
    for number, handler in previous.items():
        signal.signal(number, handler)


@pytest.fixture
def said(monkeypatch) -> list[str]:
    lines: list[str] = []
    monkeypatch.setattr(save_on_stop, "say", lines.append)
    return lines


@pytest.fixture
def stand_in(tmp_path) -> Iterator[StandIn]:
    firebase = StandIn(tmp_path)
    yield firebase
    firebase.end()


def _press_ctrl_c() -> None:
    os.kill(os.getpid(), signal.SIGINT)


def _meanwhile(stand_in: StandIn, steps: Callable[[], None]) -> Callable[[], list[BaseException]]:
    """Run ``steps`` in a thread; on a failure end the stand-in, so the stop cannot hang.

    Returns a function that waits for the thread and tells how it failed, if it did.
    """
    failures: list[BaseException] = []

    def run() -> None:
        try:
            steps()
        except BaseException as failure:
            failures.append(failure)
            stand_in.process.kill()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()

    def failed() -> list[BaseException]:
        thread.join(2 * WAIT_SECONDS)
        return failures

    return failed


def _said(lines: list[str], words: str) -> Callable[[], bool]:
    return lambda: any(words in line for line in lines)


def test_a_second_press_warns_and_a_third_quits_without_saving(stop_signals, said, stand_in):
    def person() -> None:
        _wait_until(lambda: stand_in.sigints() == 1)
        _press_ctrl_c()
        _wait_until(_said(said, "Press Ctrl-C again to quit without saving"))
        _press_ctrl_c()
        _wait_until(lambda: not _running(stand_in.process.pid))

    failed = _meanwhile(stand_in, person)
    with pytest.raises(SystemExit, match="Quit without saving"):
        SavingStop(data=stand_in.data, export_dir=stand_in.export, log=stand_in.log)(
            stand_in.process
        )

    assert failed() == []
    assert stand_in.sigints() == 1
    assert stand_in.process.poll() is not None
    assert not _running(stand_in.child_pid())
    assert list(stand_in.data.glob("firebase-export-*")) == []
    assert (stand_in.export / METADATA).read_text() == "old"


def test_a_second_press_does_not_interrupt_the_saving(stop_signals, said, stand_in):
    def person() -> None:
        _wait_until(lambda: stand_in.sigints() == 1)
        _press_ctrl_c()
        _wait_until(_said(said, "Press Ctrl-C again to quit without saving"))
        stand_in.finish.touch()
        _wait_until(lambda: not _running(stand_in.process.pid))

    failed = _meanwhile(stand_in, person)
    stop = SavingStop(data=stand_in.data, export_dir=stand_in.export, log=stand_in.log)
    stop(stand_in.process)

    assert failed() == []
    assert stop.saved
    assert any(line.startswith("Saved the local data") for line in said)
    assert stand_in.sigints() == 1
    assert not _running(stand_in.child_pid())
    assert (stand_in.export / METADATA).read_text() == "new"
    assert list(stand_in.data.glob("firebase-export-*")) == []


def test_a_complete_export_left_in_scratch_replaces_a_missing_one(tmp_path):
    """firebase-tools deletes the old export before it moves the new one in."""
    scratch = tmp_path / "firebase-export-1234abcd"
    scratch.mkdir()
    (scratch / METADATA).write_text("new")
    half_done = tmp_path / "firebase-export-5678efgh"
    half_done.mkdir()

    save_on_stop.tidy_scratch(tmp_path, tmp_path / "emulators")

    assert (tmp_path / "emulators" / METADATA).read_text() == "new"
    assert list(tmp_path.glob("firebase-export-*")) == []
