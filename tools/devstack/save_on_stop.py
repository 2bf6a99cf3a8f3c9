"""Stopping `make dev`'s Firebase emulators without losing the local data, whatever its size.

firebase-tools saves the data (``--export-on-exit``) when it gets SIGINT, and takes a second
SIGINT as "exit now": it abandons the export half-way, leaves its scratch folder
(``firebase-export-*``) behind and the Firestore emulator's java running. A terminal's Ctrl-C
goes to the whole foreground process group, so the devstack starts its children in sessions of
their own (``services.running``): the Ctrl-C reaches the devstack alone, which sends
firebase-tools exactly one SIGINT and then waits as long as the export takes, saying what it
saves and, every few seconds, that it is still at it (with the megabytes written, once the
emulators have written any).

Ctrl-C again while it saves interrupts nothing: the devstack says it is still saving and that
one more Ctrl-C quits without saving. That one kills firebase-tools and every process it
started, deletes the half-written export and keeps the data saved the time before as it was;
the devstack then exits with an error. Once the data is saved, the same two presses only end the
emulators sooner. SIGTERM and SIGHUP count as Ctrl-C (``tools.devstack.interrupts``).

firebase-tools runs in the data folder, so its scratch folder is written beside the saved data,
never into the checkout, and swapping it in is a rename on the same disk.
"""

import contextlib
import shutil
import signal
import subprocess
import time
from pathlib import Path

from tools.devstack import interrupts, process_tree

WHAT_IS_SAVED = "the Firestore documents and Auth accounts"
SCRATCH = "firebase-export-*"
# firebase-tools writes this file into the scratch folder last, then swaps the folder in.
METADATA = "firebase-export-metadata.json"
PROGRESS_EVERY_SECONDS = 5.0
POLL_SECONDS = 0.2
# What firebase-tools logs when the export on exit ends.
EXPORT_DONE = "Export complete"
EXPORT_FAILED = "failed, going to exit now"


def say(text: str) -> None:
    """Tell the person at the terminal; it may be gone already (SIGHUP)."""
    with contextlib.suppress(OSError):
        print(text, flush=True)


def megabytes(folder: Path) -> float:
    sizes = []
    with contextlib.suppress(OSError):  # firebase-tools moves and deletes files meanwhile
        sizes = [path.stat().st_size for path in folder.rglob("*") if path.is_file()]
    return sum(sizes) / 1e6


def is_complete(export: Path) -> bool:
    return (export / METADATA).is_file()


def tidy_scratch(data: Path, export_dir: Path) -> None:
    """Remove the scratch folders firebase-tools left in ``data``.

    A complete one is kept as the saved data when ``export_dir`` has none: firebase-tools
    deletes the old export before it moves the new one in, and may be killed in between.
    """
    for scratch in sorted(data.glob(SCRATCH)):
        if is_complete(scratch) and not is_complete(export_dir):
            shutil.rmtree(export_dir, ignore_errors=True)
            scratch.rename(export_dir)
        else:
            shutil.rmtree(scratch, ignore_errors=True)


class _LogReader:
    """The lines firebase-tools appends to its log from now on."""

    def __init__(self, log: Path) -> None:
        self._log = log
        self._offset = log.stat().st_size if log.exists() else 0

    def new_lines(self) -> str:
        """The whole lines written since the last call (a line being written waits)."""
        with contextlib.suppress(OSError), self._log.open("rb") as log:
            log.seek(self._offset)
            lines, newline, _partial = log.read().rpartition(b"\n")
            self._offset += len(lines) + len(newline)
            return lines.decode(errors="replace")
        return ""


class SavingStop:
    """One SIGINT to firebase-tools, then a wait as long as its export takes (module doc).

    Used once, as the ``stopper`` of ``services.running``.
    """

    def __init__(self, *, data: Path, export_dir: Path, log: Path) -> None:
        self.data = data
        self.export_dir = export_dir
        self.log = log
        self._started = time.monotonic()
        self._saved = False
        self._asked = False
        self._warned_at: int | None = None
        self._logs = _LogReader(log)
        self._next_progress = self._started

    @property
    def asked(self) -> bool:
        """Whether firebase-tools was running and was asked to save and stop."""
        return self._asked

    @property
    def saved(self) -> bool:
        """Whether firebase-tools said that it saved the data."""
        return self._saved

    def __call__(self, firebase: subprocess.Popen) -> None:
        quit_early = firebase.poll() is None and not self._stop(firebase)
        tidy_scratch(self.data, self.export_dir)
        if quit_early and not self._saved:
            raise SystemExit(
                f"\nQuit without saving: {self.export_dir} holds the data saved the time before."
            )

    def _stop(self, firebase: subprocess.Popen) -> bool:
        """Stop ``firebase`` and what it started; False when told to quit before it ended."""
        interrupts.begin_stopping()
        self._started = time.monotonic()
        self._logs = _LogReader(self.log)
        # java and the function workers: firebase-tools may leave them running.
        started_by_firebase = process_tree.descendants(firebase.pid)
        say(f"\nStopping. Saving {WHAT_IS_SAVED} to {self.export_dir} ...")
        firebase.send_signal(signal.SIGINT)
        self._asked = True
        ended_by_itself = self._wait(firebase)
        self._follow_log()  # what it logged just before it exited
        if not ended_by_itself:
            started_by_firebase += process_tree.descendants(firebase.pid)
            firebase.kill()
            firebase.wait()
        process_tree.kill(started_by_firebase)
        return ended_by_itself

    def _wait(self, firebase: subprocess.Popen) -> bool:
        """Wait for ``firebase`` to exit, telling how it goes; False when told to quit now."""
        self._next_progress = self._started + PROGRESS_EVERY_SECONDS
        while True:
            with contextlib.suppress(subprocess.TimeoutExpired):
                firebase.wait(POLL_SECONDS)
                return True
            self._follow_log()
            if self._told_to_quit():
                return False
            if time.monotonic() >= self._next_progress:
                say(self._progress())
                self._next_progress += PROGRESS_EVERY_SECONDS

    def _elapsed(self) -> str:
        return f"{time.monotonic() - self._started:.0f} s"

    def _progress(self) -> str:
        if self._saved:
            return f"Still stopping the emulators ({self._elapsed()}) ..."
        # The Firestore emulator writes its files at the end: often nothing to count before.
        written = sum(megabytes(scratch) for scratch in self.data.glob(SCRATCH))
        so_far = f", {written:.0f} MB written" if written >= 1 else ""
        return f"Still saving the local data ({self._elapsed()}{so_far}) ..."

    def _follow_log(self) -> None:
        text = self._logs.new_lines()
        if self._saved:
            return
        if EXPORT_DONE in text:  # the hub's line and then the CLI's
            self._saved = True
            size = megabytes(self.export_dir)
            say(f"Saved the local data ({size:.0f} MB) in {self._elapsed()}. Stopping ...")
            self._next_progress = time.monotonic() + PROGRESS_EVERY_SECONDS
        elif EXPORT_FAILED in text:
            say(
                f"Could not save the local data (see {self.log}); {self.export_dir} keeps the"
                " data saved the time before. Stopping ..."
            )

    def _told_to_quit(self) -> bool:
        """A Ctrl-C after the warning that one more quits; the first one only warns."""
        presses = interrupts.presses_while_stopping()
        if self._warned_at is None and presses > 0:
            self._warned_at = presses
            if self._saved:
                say("\nThe data is saved; press Ctrl-C again to end the emulators right now.")
            else:
                say(  # after the terminal's "^C"
                    "\nStill saving the local data. Press Ctrl-C again to quit without saving"
                    f" ({self.export_dir} then keeps the data saved the time before)."
                )
        return self._warned_at is not None and presses > self._warned_at
